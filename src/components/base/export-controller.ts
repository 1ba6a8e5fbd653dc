/**
 * Exports of a widget (a ReactiveController): the export menu, CSV of the table data, and the chart as SVG or PNG
 * (2×), each offered through the cancelable `crm-export` event; a failure is kept to show (`problem`).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ExportFormat } from '../events.js';
import { csvBlob, exportFilename, offerExport, serializeSvg, svgSize, svgToPng } from './export.js';
import type { TableData } from './table-data.js';
import type { Locale } from '../../i18n/locales.js';
import { codedError } from '../../i18n/coded-error.js';
import { errorText } from '../../data/messages/data-messages.js';

export interface ExportSource {
  /** The table data of the current result, or undefined when there is none. */
  table(): TableData<any> | undefined;
  /** The chart to export as SVG / PNG (null in table view). */
  svg(): SVGSVGElement | null;
  /** The element whose background the image takes. */
  background(): Element;
  /** The widget's title, for file names. */
  heading(): string;
  /** The locale export problems are told in. */
  locale(): Locale;
}

export class ExportController implements ReactiveController {
  /** The export menu is open. */
  open = false;
  /** Why the last export failed ('' when it did not). */
  problem = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ExportSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  toggle(open = !this.open): void {
    this.open = open;
    this.host.requestUpdate();
  }

  /** Export the current result: CSV of the table data, or the chart as SVG / PNG (2×). */
  async exportAs(format: ExportFormat): Promise<void> {
    this.open = false;
    this.problem = '';
    this.host.requestUpdate();
    const table = this.source.table();
    if (table === undefined) return;
    const filename = exportFilename(this.source.heading(), format);
    try {
      if (format === 'csv') {
        offerExport(this.host, format, csvBlob(table), filename);
        return;
      }
      const svg = this.source.svg();
      if (!svg) throw codedError(Error, 'export-no-chart');
      const background = getComputedStyle(this.source.background()).backgroundColor;
      const text = serializeSvg(svg, { background });
      const blob =
        format === 'svg'
          ? new Blob([text], { type: 'image/svg+xml;charset=utf-8' })
          : await svgToPng(text, svgSize(svg).width, svgSize(svg).height, 2);
      offerExport(this.host, format, blob, filename);
    } catch (error) {
      this.problem = errorText(error, this.source.locale());
      this.host.requestUpdate();
    }
  }

  /** The "Export" toggle and its menu; SVG and PNG only when a chart is shown. */
  render(labels: { menu: string; csv: string; svg: string; png: string }, hasSvg: boolean): TemplateResult {
    return html`<button
        part="button"
        class="export-toggle"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="export-menu"
        @click=${() => this.toggle()}
      >
        ${labels.menu}
      </button>
      ${this.open
        ? html`<div class="menu" id="export-menu">
            <button part="button" @click=${() => this.exportAs('csv')}>${labels.csv}</button>
            <button part="button" ?disabled=${!hasSvg} @click=${() => this.exportAs('svg')}>${labels.svg}</button>
            <button part="button" ?disabled=${!hasSvg} @click=${() => this.exportAs('png')}>${labels.png}</button>
          </div>`
        : nothing}`;
  }

  /** The last failure, as an alert. */
  renderProblem(): TemplateResult | typeof nothing {
    return this.problem ? html`<div part="error" class="export-problem" role="alert">${this.problem}</div>` : nothing;
  }
}
