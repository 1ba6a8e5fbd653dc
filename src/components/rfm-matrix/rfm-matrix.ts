import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProperties } from '../../styles/css-properties.js';
import { orDefault, numberOr } from '../base/converters.js';
import { CrmWidget, queryCommon, type WidgetQueryContext, type WidgetQueries, type WidgetResults } from '../base/crm-widget.js';
import type { TableData } from '../base/table-data.js';
import { csvBlob, exportFilename, offerExport } from '../base/export.js';
import { dispatchCrmEvent } from '../events.js';
import { rfmCustomers, type RfmSegmentRow } from '../../metrics/rfm/index.js';
import type { SegmentRule, SegmentScheme } from '../../metrics/segments.js';
import { layoutScoreGrid, renderScoreGrid, type GridCellDatum } from '../../charts/rfm-grid.js';
import { bestContrast } from '../../charts/contrast.js';
import { seqColor, SEQ_COUNT, componentTokens, resolvedToken } from '../../styles/tokens.js';
import type { Locale } from '../../i18n/locales.js';
import type { MessageParams } from '../../i18n/messages.js';
import { rfmMatrixMessages, type RfmMatrixMessageKey } from './messages.js';
import { buildRfmMatrix, collapsedBins, rfmSettingsFromAttributes, scoreList, type BinsValue, type CollapsedBins, type RfmCell, type RfmMatrixModel, type ScoreSpan } from './rfm-matrix-model.js';
import type { CustomerNamesResult, RfmQueryResult } from '../../query/protocol.js';

/** What `<crm-rfm-matrix>` computes: the matrix model and customer names (from the customers table). */
export interface RfmMatrixResult {
  model: RfmMatrixModel;
  names: ReadonlyMap<string, string>;
  /** Dimensions whose bins collapsed (empty scores) or that `method="auto"` rebinned. */
  collapsed: CollapsedBins[];
}

/** One row of the selected segment's / cell's customer list (and of its CSV). */
export interface RfmListRow {
  customer_id: string;
  name: string;
  r: number;
  f: number;
  m: number;
  recency_days: number;
  frequency: number;
  monetary: number;
  segment: string;
}

/** What the grid is coloured by. */
export type RfmColorBy = 'count' | 'monetary';

/** Text columns of the customer list CSV (the others are numbers). */
const TEXT_LIST_COLUMNS = new Set<keyof RfmListRow>(['customer_id', 'name', 'segment']);

/** Value of a cell selection: `r5-f4`. */
const CELL_VALUE = /^r(\d+)-f(\d+)$/;

/**
 * The recency × frequency matrix of RFM analysis, with segments, their summary, and the customers of a segment
 * or cell: who buys often and recently, who is slipping away, and whom to call.
 *
 * - The grid has one cell per (R score, F score) — 5×5 by default, following `bins`, `recency-bins`,
 *   `frequency-bins`, `method` — holding the customer count, coloured by count or by average spend
 *   (`color-by`), with the score ranges ("1–114 d", "4–5 orders") under the axis labels and in the tooltip.
 *   R runs from the best (most recent, top) down to 1 (oldest); F from 1 (left) to the most orders (right).
 * - Segments: cells are outlined by segment. With `segments="rf-grid"` every cell belongs to exactly one
 *   segment, so the outlines are the segment regions. With the default `rfm` preset a segment also depends on
 *   the monetary score, so one cell can hold several segments: each cell is shown as (and outlined with) its
 *   largest segment, its tooltip lists the whole mix, and selecting a segment highlights every cell holding
 *   some of its customers. Segment names are written into the grid when the cells are big enough.
 * - The segment summary (beside the grid, or under it when narrow): customers and share, revenue and share,
 *   AOV per segment. Clicking a segment selects it: `filter.segments = [id]`, `crm-segment-select`.
 * - Clicking a cell selects its customers: `filter.customerIds` = the cell's customers, and
 *   `crm-segment-select` with `selection = { kind: 'segment', field: 'customerIds', value: 'r5-f4',
 *   label: 'R5·F4', values: [ids] }` (a cell is an ad-hoc segment; other widgets narrow to its customers).
 *   The selection chip shows it; clicking the chip, the cell again, or Esc clears it.
 * - With a selection, the top customers by spend are listed (`list-size`), with "Export list as CSV" (all of
 *   them: customer_id, name, r, f, m, recency_days, frequency, monetary, segment). Clicking a customer fires
 *   `crm-customer-select` (a drill-down, e.g. into `<crm-customer-360>`; it does not change the filter).
 * - Keyboard: Tab to the grid; arrows move in two dimensions, Home/End to the row's ends, Ctrl+Home/End to
 *   the corners, Enter/Space select, Esc clears. Each cell is named "Recency score 5, frequency score 4:
 *   123 customers (Champions)".
 * - View as table / CSV export: the segment summary (rows = `rfmSegmentSummary`). SVG/PNG: the grid with
 *   its legend.
 *
 * @tag crm-rfm-matrix
 * @summary Recency × frequency grid with RFM segments, segment summary and customer lists.
 *
 * @attr bins - Bins per score (2–10, default 5) for every dimension without its own setting.
 * @attr recency-bins - R bins: a count, or ascending day thresholds ("30, 90, 180, 365").
 * @attr frequency-bins - F bins: a count or ascending order-count thresholds.
 * @attr monetary-bins - M bins: a count or ascending amount thresholds.
 * @attr method - `quantile` (default; R `rfm` package binning), `ntile` (equal-count groups) or `auto` (quantile,
 *   but distinct-value bins for a dimension whose quantile bins collapse; docs/metrics.md "Collapsed bins").
 *   When bins are empty (skewed data: most customers buy once) a note above the grid names them, with a
 *   "Use distinct-value bins" button that sets `method="auto"`; explicit thresholds (`frequency-bins="2,3,4,6"`)
 *   are the other remedy.
 * @attr segments - Segment preset: `rfm` (default, the R `rfm` package's ten segments) or `rf-grid`.
 * @prop segmentRules - Custom segment rules (`SegmentRule[]`, property only); win over `segments`.
 * @attr color-by - `count` (default) or `monetary` (average spend per customer of the cell).
 * @attr list-size - Customers listed for a selection (default 10; the CSV has all of them).
 *
 * @fires crm-segment-select - A segment row (`field: 'segments'`) or a cell (`field: 'customerIds'`) was
 *   selected or cleared; `detail.customerIds` = its customers.
 * @fires crm-customer-select - A customer of the list was clicked; `detail.selection.value` = customer id.
 * @fires crm-filter-change - After every select / clear.
 * @fires crm-export - Before a download (cancelable); also for "Export list as CSV".
 *
 * @slot heading - Replaces the title.
 * @csspart base @csspart header @csspart title @csspart actions @csspart button @csspart selection
 * @csspart body @csspart chart @csspart table @csspart tooltip @csspart empty @csspart error @csspart loading
 * @csspart stale - The shared parts (docs/theming.md).
 * @csspart legend - The colour legend under the grid (inside the SVG).
 * @csspart grid - The grid's column (colour switch and SVG).
 * @csspart color-toggle - The "colour by" switch.
 * @csspart segment-list - The segment summary list.
 * @csspart segment - One segment row (a button).
 * @csspart customer-list - The customer list of the selection.
 * @csspart bins-note - The note on collapsed (empty) bins above the grid, with its remedy button.
 *
 * @cssproperty --crm-rfm-matrix-empty-fill - Fill of cells without customers (default `--crm-color-surface`).
 * @cssproperty --crm-rfm-matrix-region-color - Segment outlines (default `--crm-color-text`).
 * @cssproperty --crm-rfm-matrix-highlight-color - Selected cell / highlighted segment cells (default `--crm-color-accent`).
 * @cssproperty --crm-rfm-matrix-customers-color - Customer-share bars (default `--crm-series-1`).
 * @cssproperty --crm-rfm-matrix-revenue-color - Revenue-share bars (default `--crm-series-2`).
 */
export class CrmRfmMatrix extends CrmWidget<RfmMatrixResult> {
  static override styles = [
    ...CrmWidget.styles,
    css`
      ${componentTokens({
        'crm-rfm-matrix-empty-fill': 'var(--crm-color-surface)',
        'crm-rfm-matrix-region-color': 'var(--crm-color-text)',
        'crm-rfm-matrix-highlight-color': 'var(--crm-color-accent)',
        'crm-rfm-matrix-customers-color': 'var(--crm-series-1)',
        'crm-rfm-matrix-revenue-color': 'var(--crm-series-2)',
      })}
      .rfm {
        display: flex;
        flex-wrap: wrap;
        gap: var(--crm-space-lg);
        align-items: flex-start;
        min-width: 0;
      }
      .grid-col {
        flex: 0 1 auto;
        min-width: 0;
        max-width: 100%;
      }
      .summary-col {
        flex: 1 1 16rem;
        min-width: 0;
      }
      .stacked .summary-col {
        flex-basis: 100%;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--crm-space-xs);
        margin-bottom: var(--crm-space-sm);
        font-size: var(--crm-font-size-sm);
        color: var(--crm-color-text-muted);
      }
      .toolbar button {
        min-height: 1.75rem;
      }
      .bins-note {
        /* As wide as the grid, not as its text: a long note must not push the segment list under the grid. */
        contain: inline-size;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--crm-space-xs) var(--crm-space-sm);
        margin-bottom: var(--crm-space-sm);
        padding: var(--crm-space-xs) var(--crm-space-sm);
        border-inline-start: 3px solid var(--crm-color-border);
        background: var(--crm-color-surface);
        font-size: var(--crm-font-size-sm);
        color: var(--crm-color-text);
      }
      .bins-note.warn {
        border-inline-start-color: var(--crm-color-warning);
        background: var(--crm-color-warning-bg);
      }
      .bins-note p {
        flex: 1 1 100%;
        margin: 0;
      }
      .bins-note button {
        min-height: 1.75rem;
      }
      .score-grid .axis-label {
        fill: var(--crm-color-text);
        font-weight: var(--crm-font-weight-strong);
      }
      .score-grid .axis-note,
      .score-grid .axis-title,
      .score-grid .legend text {
        fill: var(--crm-color-text-muted);
        font-size: var(--crm-font-size-xs);
      }
      .score-grid .axis-title {
        font-size: var(--crm-font-size-sm);
      }
      .score-grid .legend-title {
        fill: var(--crm-color-text-muted);
      }
      .cell-value {
        font-weight: var(--crm-font-weight-strong);
        font-variant-numeric: tabular-nums;
      }
      .cell-region {
        font-size: var(--crm-font-size-xs);
      }
      .cell.empty .cell-fill {
        fill: var(--crm-rfm-matrix-empty-fill);
        stroke: var(--crm-color-border);
        stroke-dasharray: 3 3;
      }
      .cell .select-ring {
        fill: none;
        stroke: none;
      }
      .cell[aria-selected='true'] .select-ring,
      .dim-others .cell.highlighted .select-ring {
        stroke: var(--crm-rfm-matrix-highlight-color);
        stroke-width: 3;
      }
      .dim-others .cell:not(.highlighted) .cell-fill,
      .has-selection .cell:not([aria-selected='true']) .cell-fill {
        opacity: 0.35;
      }
      .dim-others .cell:not(.highlighted) text,
      .has-selection .cell:not([aria-selected='true']) text,
      .cell-region.dim {
        fill: var(--crm-color-text) !important;
      }
      .cell:hover .cell-fill {
        stroke: var(--crm-color-text);
        stroke-width: 1;
      }
      .grid-outline {
        fill: none;
        stroke: var(--crm-color-border);
      }
      .region-edge {
        stroke: var(--crm-rfm-matrix-region-color);
        stroke-width: 2;
        stroke-linecap: round;
      }
      h3 {
        margin: 0 0 var(--crm-space-xs);
        font-size: var(--crm-font-size-md);
        font-weight: var(--crm-font-weight-strong);
      }
      .note {
        margin: 0 0 var(--crm-space-sm);
        font-size: var(--crm-font-size-xs);
        color: var(--crm-color-text-muted);
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: var(--crm-space-md);
        margin-bottom: var(--crm-space-xs);
        font-size: var(--crm-font-size-xs);
        color: var(--crm-color-text-muted);
      }
      .key span::before {
        content: '';
        display: inline-block;
        width: 0.75rem;
        height: 0.375rem;
        margin-inline-end: 0.25rem;
        vertical-align: middle;
        border-radius: 1px;
      }
      .key .k-customers::before {
        background: var(--crm-rfm-matrix-customers-color);
      }
      .key .k-revenue::before {
        background: var(--crm-rfm-matrix-revenue-color);
      }
      .segments {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      button.segment {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 2px var(--crm-space-sm);
        width: 100%;
        text-align: start;
        background: transparent;
        border-color: transparent;
        padding: var(--crm-space-xs) var(--crm-space-sm);
      }
      button.segment:hover,
      button.segment.preview {
        background: var(--crm-color-surface);
        border-color: var(--crm-color-border);
      }
      button.segment[aria-pressed='true'] {
        background: var(--crm-color-selection);
        border-color: var(--crm-color-accent);
      }
      .seg-name {
        font-weight: var(--crm-font-weight-strong);
        overflow-wrap: anywhere;
      }
      .seg-count {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .seg-stats {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--crm-space-md);
        font-size: var(--crm-font-size-xs);
        color: var(--crm-color-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .seg-bars {
        grid-column: 1 / -1;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .seg-bars span {
        display: block;
        height: 4px;
        min-width: 1px;
        border-radius: 1px;
      }
      .seg-bars .b-customers {
        background: var(--crm-rfm-matrix-customers-color);
      }
      .seg-bars .b-revenue {
        background: var(--crm-rfm-matrix-revenue-color);
      }
      .customers {
        margin-top: var(--crm-space-lg);
        min-width: 0;
      }
      .customers-head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: var(--crm-space-sm);
        margin-bottom: var(--crm-space-xs);
      }
      .customers-head h3 {
        flex: 1 1 12rem;
        margin: 0;
        overflow-wrap: anywhere;
      }
      button.link {
        min-height: 1.5rem;
        padding: 0;
        border: none;
        background: none;
        color: var(--crm-color-accent);
        text-align: start;
        text-decoration: underline;
        overflow-wrap: anywhere;
      }
      .customers td,
      .customers th {
        overflow-wrap: anywhere;
      }
      .customers .num,
      .customers .scores {
        white-space: nowrap;
        overflow-wrap: normal;
      }
    `,
  ];

  /** Bins per score for every dimension without its own setting (2–10; default 5; a number as a property). */
  @property() bins?: BinsValue;
  /** Recency bins: a count or ascending day thresholds (`"30, 90, 365"`; a number or array as a property). */
  @property({ attribute: 'recency-bins' }) recencyBins?: BinsValue;
  /** Frequency bins: a count or ascending order-count thresholds. */
  @property({ attribute: 'frequency-bins' }) frequencyBins?: BinsValue;
  /** Monetary bins: a count or ascending amount thresholds. */
  @property({ attribute: 'monetary-bins' }) monetaryBins?: BinsValue;
  /** `quantile` (default), `ntile` or `auto` (distinct-value bins where quantile bins collapse). */
  @property() method?: string;
  /** Custom segment rules (property only); win over the `segments` preset. */
  @property({ attribute: false }) segmentRules?: readonly SegmentRule[];
  /** `count` (default) or `monetary`: what the cell colour shows. */
  @property({ attribute: 'color-by', reflect: true, converter: orDefault<RfmColorBy>('count') }) colorBy: RfmColorBy = 'count';
  /** Customers listed for a selection (the CSV has all). */
  @property({ attribute: 'list-size', converter: numberOr(10) }) listSize = 10;

  /** Segment whose cells are highlighted while its row is hovered or focused. */
  @state() private previewSegment?: string;

  private listCache?: { result: RfmMatrixResult; key: string; rows: Int32Array };

  // ——— base hooks ———

  /** The scoring settings from the attributes (and the segment scheme: rules, else the `segments` preset). */
  private settings(segmentPreset: string | undefined) {
    const scheme: SegmentScheme | undefined = this.segmentRules ?? (segmentPreset as SegmentScheme | undefined);
    return rfmSettingsFromAttributes({
      bins: this.bins,
      recencyBins: this.recencyBins,
      frequencyBins: this.frequencyBins,
      monetaryBins: this.monetaryBins,
      method: this.method,
      segments: scheme,
    });
  }

  protected override queries(context: WidgetQueryContext): WidgetQueries {
    // Names are one answer per tables version (cached), not a copy with every filter's scores.
    return { rfm: { family: 'rfm', ...queryCommon(context), rfm: this.settings(context.segmentPreset) }, names: { family: 'customer-names' } };
  }

  protected override compose(results: WidgetResults): RfmMatrixResult {
    const { rfm: result } = results.rfm as RfmQueryResult;
    const { names } = results.names as CustomerNamesResult;
    const settings = this.settings(this.segments || undefined);
    const explicit = {
      recency: Array.isArray(settings.recencyBins),
      frequency: Array.isArray(settings.frequencyBins),
      monetary: Array.isArray(settings.monetaryBins),
    };
    return { model: buildRfmMatrix(result, settings.segments, explicit), names, collapsed: collapsedBins(result, explicit) };
  }

  protected override isEmpty(r: RfmMatrixResult): boolean {
    return r.model.result.size === 0;
  }

  protected override defaultHeading(): string {
    return this.m('title');
  }

  protected override tableData(r: RfmMatrixResult): TableData<RfmSegmentRow> {
    return {
      columns: [
        { key: 'segment', label: this.m('colSegment'), rowHeader: true, value: (row) => this.segmentLabel(row) },
        { key: 'customers', label: this.m('colCustomers'), kind: 'integer' },
        { key: 'customerShare', label: this.m('colCustomerShare'), kind: 'percent' },
        { key: 'orders', label: this.m('colOrders'), kind: 'integer' },
        { key: 'revenue', label: this.m('colRevenue'), kind: 'currency' },
        { key: 'revenueShare', label: this.m('colRevenueShare'), kind: 'percent' },
        { key: 'aov', label: this.m('colAov'), kind: 'currency' },
        { key: 'id', label: 'ID' },
      ],
      rows: r.model.summary,
    };
  }

  protected override summarize(r: RfmMatrixResult): string {
    const { model } = r;
    const top = [...model.summary].filter((s) => s.customers > 0).sort((a, b) => b.revenue - a.revenue)[0];
    return this.m('summary', {
      segment: top ? this.segmentLabel(top) : '—',
      customerShare: this.fmt.percent(top?.customerShare),
      revenueShare: this.fmt.percent(top?.revenueShare),
      count: this.customersText(model.result.size),
      rows: model.rows,
      cols: model.cols,
    });
  }

  // ——— rendering ———

  protected override renderChart(r: RfmMatrixResult): TemplateResult {
    const side = this.width >= 760;
    const gridWidth = side ? Math.min(560, Math.floor(this.width * 0.56)) : Math.min(this.width || 320, 560);
    return html`<div class="rfm ${side ? 'side' : 'stacked'}">
        <div class="grid-col" part="grid">${this.renderBinsNote(r)} ${this.renderColorToggle()} ${this.renderGrid(r, gridWidth)}</div>
        <div class="summary-col">${this.renderSegments(r)}</div>
      </div>
      ${this.renderCustomers(r)}`;
  }

  /**
   * Collapsed bins said plainly (skewed data: most customers buy once, so quantile breaks coincide), with the
   * one-click remedy `method="auto"` where it applies; after it, which dimensions it rebinned.
   */
  private renderBinsNote(r: RfmMatrixResult): TemplateResult | typeof nothing {
    if (!r.collapsed.length) return nothing;
    const dimName = (c: CollapsedBins) => this.m(c.dim === 'recency' ? 'dimRecency' : c.dim === 'frequency' ? 'dimFrequency' : 'dimMonetary');
    const lines = r.collapsed.map((c) => {
      if (c.fallback) return this.m('autoNote', { dimension: dimName(c), count: c.count });
      const bins = scoreList(c.letter, c.emptyScores, this.resolvedLocale === 'zh-CN' ? '、' : ', ');
      const said =
        c.distinct < c.count
          ? this.m('collapsedFewValues', { dimension: dimName(c), count: c.distinct, bins })
          : this.m('collapsedTies', { dimension: dimName(c), bins });
      return said + this.absorbedText(r, c);
    });
    const remedy = r.model.result.method !== 'auto' && r.collapsed.some((c) => !c.fallback && !c.explicit && c.distinct > 1);
    const warn = r.collapsed.some((c) => c.emptyScores.length > 0);
    return html`<div part="bins-note" class="bins-note ${warn ? 'warn' : ''}" role="note">
      ${lines.map((l) => html`<p>${l}</p>`)}
      ${remedy ? html`<button part="button" class="remedy" @click=${() => this.useDistinctBins()}>${this.m('collapsedRemedy')}</button>` : nothing}
    </div>`;
  }

  /**
   * Where the customers of the empty bins went: the score just above them holds a range that quantiles
   * would have split ("F5 holds every customer with 2–16 orders"). Frequency and recency only.
   */
  private absorbedText(r: RfmMatrixResult, c: CollapsedBins): string {
    const score = Math.max(...c.emptyScores) + 1;
    if (score > c.count || c.dim === 'monetary') return '';
    const span = (c.dim === 'frequency' ? r.model.frequencyRanges : r.model.recencyRanges)[score - 1];
    if (!span || span.lo === span.hi) return '';
    const range = `${this.fmt.integer(span.lo)}–${this.fmt.integer(span.hi)}`;
    const gap = this.resolvedLocale === 'zh-CN' ? '' : ' '; // Chinese sentences follow without a space
    return gap + this.m(c.dim === 'frequency' ? 'absorbedOrders' : 'absorbedDays', { bin: `${c.letter}${score}`, range });
  }

  /** The remedy of the bins note: `method="auto"` (distinct-value bins where quantiles collapse). */
  private useDistinctBins(): void {
    this.method = 'auto';
    this.announce(this.m('collapsedRemedy'));
  }

  private renderColorToggle(): TemplateResult {
    const option = (value: RfmColorBy, key: RfmMatrixMessageKey) =>
      html`<button part="button" aria-pressed=${this.colorBy === value ? 'true' : 'false'} @click=${() => (this.colorBy = value)}>
        ${this.m(key)}
      </button>`;
    return html`<div class="toolbar" part="color-toggle" role="group" aria-label=${this.m('colorBy')}>
      <span aria-hidden="true">${this.m('colorBy')}</span> ${option('count', 'colorCount')} ${option('monetary', 'colorMonetary')}
    </div>`;
  }

  private renderGrid(r: RfmMatrixResult, width: number): TemplateResult {
    const { model } = r;
    const { cells, rows, cols } = model;
    const byMonetary = this.colorBy === 'monetary';
    const values = cells.map((c) => (byMonetary ? c.avgMonetary : c.customers));
    const present = values.filter((v, i) => cells[i].customers > 0);
    const hi = present.length ? Math.max(...present) : 0;
    const lo = byMonetary ? (present.length ? Math.min(...present) : 0) : 0;
    const tOf = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 1);
    const tones = this.seqTextTones();
    const sel = this.selection;
    const selectedCell = this.selectedCell();
    const highlightSegment = this.selectedSegment() ?? this.previewSegment;
    const highlightIndex = highlightSegment === undefined ? -1 : model.result.segments.findIndex((s) => s.id === highlightSegment);
    const data: GridCellDatum[] = cells.map((c, i) => {
      const empty = c.customers === 0;
      const step = Math.min(SEQ_COUNT, Math.floor(tOf(values[i]) * SEQ_COUNT) + 1);
      const info = model.result.segments[c.segment];
      return {
        valueText: this.fmt.integer(c.customers),
        region: info.id,
        regionLabel: info.labels[this.resolvedLocale],
        fill: empty ? 'var(--crm-rfm-matrix-empty-fill)' : seqColor(tOf(values[i])),
        textColor: empty ? 'var(--crm-color-text-muted)' : tones[step - 1],
        ariaLabel: this.cellLabel(r, c),
        selected: selectedCell === this.cellValue(c),
        highlighted: highlightIndex >= 0 && (c.mix.some((x) => x.segment === highlightIndex) || (empty && c.segment === highlightIndex)),
        empty,
      };
    });
    const handlers = this.markHandlers(cells.length, {
      activate: (i) => this.selectCell(r, cells[i]),
      tooltip: (i) => this.cellTooltip(r, cells[i]),
    });
    const keydown = (e: KeyboardEvent) => this.gridKeydown(e, rows, cols, handlers.keydown);
    const layout = layoutScoreGrid({
      rows,
      cols,
      cells: data,
      rowLabels: Array.from({ length: rows }, (_, k) => ({
        label: this.m('rowLabel', { score: rows - k }),
        note: this.rangeText(model.recencyRanges[rows - k - 1], 'days'),
      })),
      colLabels: Array.from({ length: cols }, (_, k) => ({
        label: this.m('colLabel', { score: k + 1 }),
        note: this.rangeText(model.frequencyRanges[k], 'orders'),
      })),
      yTitle: this.m('yTitle', { top: rows }),
      xTitle: this.m('xTitle'),
      width,
      dimOthers: highlightIndex >= 0 && !selectedCell,
      legend: {
        title: this.m(byMonetary ? 'legendMonetary' : 'legendCount'),
        fills: Array.from({ length: SEQ_COUNT }, (_, k) => `var(--crm-seq-${k + 1})`),
        min: byMonetary ? this.fmt.compactCurrency(lo) : this.fmt.integer(lo),
        max: byMonetary ? this.fmt.compactCurrency(hi) : this.fmt.integer(hi),
      },
    });
    return html`${renderScoreGrid(layout, { label: this.headingText, handlers: { ...handlers, keydown } })}`;
  }

  private renderSegments(r: RfmMatrixResult): TemplateResult {
    const rows = r.model.summary.filter((s) => s.customers > 0);
    const maxShare = Math.max(...rows.map((s) => Math.max(s.customerShare || 0, s.revenueShare || 0)), 1e-9);
    const selected = this.selectedSegment();
    const mixed = r.model.cells.some((c) => !c.pure);
    const pct = (x: number) => `${Math.max(0, (x || 0) / maxShare) * 100}%`;
    return html`<h3 id="segments-heading">${this.m('segmentsHeading')}</h3>
      <p class="note">${this.m('segmentsNote')}${mixed ? html` ${this.m('mixedNote')}` : nothing}</p>
      <div class="key" aria-hidden="true">
        <span class="k-customers">${this.m('colCustomerShare')}</span><span class="k-revenue">${this.m('colRevenueShare')}</span>
      </div>
      <ul class="segments" part="segment-list" aria-labelledby="segments-heading">
        ${rows.map((s) => {
          const label = this.segmentLabel(s);
          const share = this.fmt.percent(s.customerShare);
          const revenueShare = this.fmt.percent(s.revenueShare);
          return html`<li>
            <button
              part="segment button"
              class="segment ${this.previewSegment === s.id ? 'preview' : ''}"
              aria-pressed=${selected === s.id ? 'true' : 'false'}
              @click=${() => this.selectSegment(r, s)}
              @pointerenter=${() => (this.previewSegment = s.id)}
              @pointerleave=${() => (this.previewSegment = undefined)}
              @focus=${() => (this.previewSegment = s.id)}
              @blur=${() => (this.previewSegment = undefined)}
            >
              <span class="seg-name">${label}</span>
              <span class="seg-count"
                >${this.fmt.integer(s.customers)} · ${share}<span class="visually-hidden">${this.m('ofCustomers')}</span></span
              >
              <span class="seg-stats"
                ><span>${this.fmt.compactCurrency(s.revenue)} · ${revenueShare}<span class="visually-hidden">${this.m('ofRevenue')}</span></span
                ><span>${this.m('aovShort', { aov: this.fmt.currency(s.aov, 0) })}</span></span
              >
              <span class="seg-bars" aria-hidden="true">
                <span class="b-customers" ${cssProperties({ width: pct(s.customerShare) })}></span>
                <span class="b-revenue" ${cssProperties({ width: pct(s.revenueShare) })}></span>
              </span>
            </button>
          </li>`;
        })}
      </ul>`;
  }

  private renderCustomers(r: RfmMatrixResult): TemplateResult | typeof nothing {
    const rows = this.selectedRows(r);
    const label = this.selection?.label;
    if (!rows || label === undefined) return nothing;
    const narrow = this.size === 'narrow';
    const shown = this.listRows(r, rows.subarray(0, Math.max(0, this.listSize)));
    const caption = this.m('listCaption', { label });
    return html`<section class="customers" part="customer-list" aria-labelledby="list-heading">
      <div class="customers-head">
        <h3 id="list-heading">${this.m('listHeading', { n: this.fmt.integer(shown.length), total: this.customersText(rows.length), label })}</h3>
        <button part="button" @click=${() => this.exportList(r)}>${this.m('exportList')}</button>
      </div>
      <table>
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${this.m('colCustomer')}</th>
            <th scope="col" class="scores">${this.m('colScores')}</th>
            ${narrow ? nothing : html`<th scope="col" class="num">${this.m('colRecency')}</th>`}
            <th scope="col" class="num">${this.m('colFrequency')}</th>
            <th scope="col" class="num">${this.m('colMonetary')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (c) => html`<tr>
              <th scope="row">
                <button class="link" aria-label=${this.m('openCustomer', { name: c.name || c.customer_id })} @click=${() => this.openCustomer(c)}>
                  ${c.name || c.customer_id}
                </button>
              </th>
              <td class="scores">${c.r}${c.f}${c.m}</td>
              ${narrow ? nothing : html`<td class="num">${this.fmt.integer(c.recency_days)}</td>`}
              <td class="num">${this.fmt.integer(c.frequency)}</td>
              <td class="num">${narrow ? this.fmt.compactCurrency(c.monetary) : this.fmt.currency(c.monetary, 0)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  // ——— selection and events ———

  private selectSegment(r: RfmMatrixResult, s: RfmSegmentRow): void {
    const ids = this.idsOf(r, rfmCustomers(r.model.result, { segment: s.id }));
    // Linked widgets resolve `filter.segments` with the default scoring (5 quantile bins, preset rules). When this
    // matrix scores otherwise, the segment's members travel as customer ids so every widget sees the same people.
    const byIds = !this.scoresByDefault();
    this.select('segment', s.id, {
      label: this.segmentLabel(s),
      customerIds: ids,
      ...(byIds ? { field: 'customerIds' as const, values: ids } : {}),
    });
  }

  /** True when bins, method and rules are the defaults every other widget uses for `filter.segments`. */
  private scoresByDefault(): boolean {
    const text = (v: BinsValue) => (v == null ? '' : Array.isArray(v) ? v.join(',') : String(v).trim());
    return (
      ['', '5'].includes(text(this.bins)) &&
      [this.recencyBins, this.frequencyBins, this.monetaryBins].every((v) => text(v) === '') &&
      ['', 'quantile'].includes(this.method?.trim() ?? '') &&
      this.segmentRules === undefined
    );
  }

  private selectCell(r: RfmMatrixResult, c: RfmCell): void {
    if (c.customers === 0 && this.selection?.value !== this.cellValue(c)) return; // nothing to select
    const ids = this.idsOf(r, rfmCustomers(r.model.result, { r: c.r, f: c.f }));
    this.select('segment', this.cellValue(c), {
      label: this.m('cellKey', { r: c.r, f: c.f }),
      field: 'customerIds',
      values: ids,
      customerIds: ids,
    });
  }

  private openCustomer(c: RfmListRow): void {
    dispatchCrmEvent(this, 'crm-customer-select', {
      selection: { kind: 'customer', field: 'customerIds', value: c.customer_id, label: c.name || c.customer_id },
      filter: this.linkedFilter,
      customerIds: [c.customer_id],
    });
  }

  /** Downloads every customer of the selection (sorted by spend) as CSV, through the cancelable crm-export. */
  exportCustomerList(): void {
    const r = this.result;
    if (r) this.exportList(r);
  }

  private exportList(r: RfmMatrixResult): void {
    const rows = this.selectedRows(r);
    if (!rows) return;
    const keys: (keyof RfmListRow)[] = ['customer_id', 'name', 'r', 'f', 'm', 'recency_days', 'frequency', 'monetary', 'segment'];
    const data: TableData<RfmListRow> = {
      columns: keys.map((key) => ({ key, label: key, kind: TEXT_LIST_COLUMNS.has(key) ? 'text' : 'number' })),
      rows: this.listRows(r, rows),
    };
    offerExport(this, 'csv', csvBlob(data), exportFilename(`${this.headingText} ${this.selection?.label ?? ''}`, 'csv'));
  }

  /** Rows (into the result's columns) of the selected segment or cell, by spend (largest first). */
  private selectedRows(r: RfmMatrixResult): Int32Array | null {
    const s = this.selection;
    if (!s || s.kind !== 'segment') return null;
    const key = `${s.field}|${s.value}`;
    if (this.listCache?.result === r && this.listCache.key === key) return this.listCache.rows;
    const result = r.model.result;
    let rows: Int32Array;
    if (!CELL_VALUE.test(s.value)) rows = rfmCustomers(result, { segment: s.value });
    else {
      const m = CELL_VALUE.exec(s.value);
      if (!m) return null;
      rows = rfmCustomers(result, { r: Number(m[1]), f: Number(m[2]) });
    }
    const monetary = result.monetary;
    rows.sort((a, b) => monetary[b] - monetary[a] || a - b);
    this.listCache = { result: r, key, rows };
    return rows;
  }

  private listRows(r: RfmMatrixResult, rows: Int32Array): RfmListRow[] {
    const c = r.model.result.columns;
    return Array.from(rows, (i) => ({
      customer_id: c.customer_id[i],
      name: r.names.get(c.customer_id[i]) ?? '',
      r: c.r[i],
      f: c.f[i],
      m: c.m[i],
      recency_days: c.recency_days[i],
      frequency: c.frequency[i],
      monetary: c.monetary[i],
      segment: c.segment[i],
    }));
  }

  private idsOf(r: RfmMatrixResult, rows: Int32Array): string[] {
    const ids = r.model.result.columns.customer_id;
    return Array.from(rows, (i) => ids[i]);
  }

  // ——— keyboard ———

  /** Arrow keys in two dimensions over the rows × cols cells; other keys go to the base handler. */
  private gridKeydown(e: KeyboardEvent, rows: number, cols: number, base: (e: KeyboardEvent) => void): void {
    const n = rows * cols;
    const a = Math.min(this.marks.active, n - 1);
    const col = a % cols;
    const rowStart = a - col;
    let next: number;
    switch (e.key) {
      case 'ArrowRight':
        next = col < cols - 1 ? a + 1 : a;
        break;
      case 'ArrowLeft':
        next = col > 0 ? a - 1 : a;
        break;
      case 'ArrowDown':
        next = a + cols < n ? a + cols : a;
        break;
      case 'ArrowUp':
        next = a - cols >= 0 ? a - cols : a;
        break;
      case 'Home':
        next = e.ctrlKey ? 0 : rowStart;
        break;
      case 'End':
        next = e.ctrlKey ? n - 1 : rowStart + cols - 1;
        break;
      case 'PageUp':
        next = col;
        break;
      case 'PageDown':
        next = (rows - 1) * cols + col;
        break;
      default:
        base(e);
        return;
    }
    e.preventDefault();
    this.marks.focused(next);
    (e.currentTarget as Element | null)?.querySelector<SVGElement>(`[data-mark-index="${next}"]`)?.focus();
  }

  // ——— text ———

  private m(key: RfmMatrixMessageKey, params?: MessageParams): string {
    return rfmMatrixMessages.t(this.resolvedLocale, key, params);
  }

  private segmentLabel(s: { labels: Record<Locale, string> }): string {
    return s.labels[this.resolvedLocale];
  }

  private customersText(count: number): string {
    return this.m('customersCount', { count: this.fmt.integer(count) });
  }

  /** The selected cell's value (`r5-f4`), if a cell is selected. */
  private selectedCell(): string | undefined {
    const s = this.selection;
    return s?.kind === 'segment' && CELL_VALUE.test(s.value) ? s.value : undefined;
  }

  /** The selected segment's id (whether it filters by `segments` or by its customers' ids). */
  private selectedSegment(): string | undefined {
    const s = this.selection;
    return s?.kind === 'segment' && !CELL_VALUE.test(s.value) ? s.value : undefined;
  }

  private cellValue(c: RfmCell): string {
    return `r${c.r}-f${c.f}`;
  }

  private rangeText(range: ScoreSpan, unit: 'days' | 'orders'): string {
    if (!range) return this.m('emptyBin');
    const lo = this.fmt.integer(range.lo);
    const hi = this.fmt.integer(range.hi);
    if (unit === 'days') return range.lo === range.hi ? this.m('daysOne', { lo }) : this.m('daysRange', { lo, hi });
    return range.lo === range.hi ? this.m('ordersOne', { lo }) : this.m('ordersRange', { lo, hi });
  }

  private cellLabel(r: RfmMatrixResult, c: RfmCell): string {
    const segments = r.model.result.segments;
    return this.m('cellLabel', {
      r: c.r,
      f: c.f,
      count: this.customersText(c.customers),
      segment: (c.mix.length ? c.mix : [{ segment: c.segment, customers: 0 }]).map((x) => segments[x.segment].labels[this.resolvedLocale]).join(', '),
    });
  }

  private cellTooltip(r: RfmMatrixResult, c: RfmCell): string {
    const { model } = r;
    const rec = model.recencyRanges[c.r - 1];
    const freq = model.frequencyRanges[c.f - 1];
    const lines = [this.t('labelValue', { label: this.m('cellKey', { r: c.r, f: c.f }), value: this.customersText(c.customers) })];
    if (rec) {
      const days = rec.lo === rec.hi ? this.fmt.integer(rec.lo) : `${this.fmt.integer(rec.lo)}–${this.fmt.integer(rec.hi)}`;
      lines.push(this.m('tipRecency', { range: this.m('tipRecencyDays', { count: rec.hi, range: days }) }));
    }
    if (freq) {
      const orders = freq.lo === freq.hi ? this.fmt.integer(freq.lo) : `${this.fmt.integer(freq.lo)}–${this.fmt.integer(freq.hi)}`;
      lines.push(this.m('tipFrequency', { count: freq.hi, range: orders }));
    }
    if (c.customers) lines.push(this.m('tipAvg', { value: this.fmt.currency(c.avgMonetary) }));
    const mix = c.mix.length ? c.mix : [{ segment: c.segment, customers: 0 }];
    lines.push(
      this.m('tipMix', {
        list: mix.map((x) => `${model.result.segments[x.segment].labels[this.resolvedLocale]} ${this.fmt.integer(x.customers)}`).join(', '),
      }),
    );
    return lines.join('\n');
  }

  /**
   * Text colour per sequential step: `--crm-color-text` or `--crm-color-bg`, whichever contrasts more with the
   * step's resolved colour (so it follows the theme and any host override of the palette).
   */
  private seqTextTones(): string[] {
    const text = resolvedToken(this, 'crm-color-text');
    const bg = resolvedToken(this, 'crm-color-bg');
    return Array.from({ length: SEQ_COUNT }, (_, k) =>
      bestContrast(resolvedToken(this, `crm-seq-${k + 1}`), [text, bg]) === 0 ? 'var(--crm-color-text)' : 'var(--crm-color-bg)',
    );
  }
}
