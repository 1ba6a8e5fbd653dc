import { html, type TemplateResult } from 'lit';
import type { Formatter } from '../../i18n/format.js';
import { displayCell, isNumericKind, type TableData } from './table-data.js';

/**
 * The accessible "view as table" rendering of a widget's data: `<caption>`, column headers with
 * `scope="col"`, the naming column as `<th scope="row">`, numbers right-aligned and formatted for the locale.
 * Pass bounded rows (the CSV export gets all of them).
 */
export function renderTable<Row>(data: TableData<Row>, format: Formatter, caption: string): TemplateResult {
  const cls = (kind: Parameters<typeof isNumericKind>[0]) => (isNumericKind(kind) ? 'num' : '');
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
    <table part="table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${data.columns.map((c) => html`<th scope="col" class=${cls(c.kind)}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${data.rows.map(
          (row) =>
            html`<tr>
              ${data.columns.map((c) =>
                c.rowHeader
                  ? html`<th scope="row" class=${cls(c.kind)}>${displayCell(c, row, format)}</th>`
                  : html`<td class=${cls(c.kind)}>${displayCell(c, row, format)}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
