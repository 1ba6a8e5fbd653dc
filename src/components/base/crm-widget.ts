import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { crmDataContext, type CrmDataState } from '../../data/context.js';
import { FeedController } from '../../data/feed-controller.js';
import { parseFieldsOption } from '../../data/fields-option.js';
import { isoToDay } from '../../data/days.js';
import type { FeedFormat, CrmTables, FeedRequest } from '../../data/types.js';
import type { FieldMapping } from '../../data/schema.js';
import type { CrmFilter } from '../../metrics/filter-types.js';
import type { MetricOptions, StageMembership } from '../../metrics/options.js';
import { lifecycleStageMembership } from '../../metrics/lifecycle/membership.js';
import { baseMessages, type BaseMessageKey } from '../../i18n/base/index.js';
import type { MessageParams } from '../../i18n/messages.js';
import type { Formatter } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { tokenStyles } from '../../styles/tokens.js';
import { ThemeController } from '../../styles/theme-controller.js';
import type { MarkHandlers } from '../../charts/marks.js';
import {
  dispatchCrmEvent,
  SELECT_EVENTS,
  SELECTION_FIELDS,
  FILTER_CHANGE_EVENT,
  type CrmSelection,
  type ExportFormat,
  type SelectionField,
  type SelectionKind,
} from '../events.js';
import { csvBlob, exportFilename, offerExport, serializeSvg, svgSize, svgToPng } from './export.js';
import { dayText, FILTER_ATTRIBUTE_NAMES, filterFromAttributes, type DayValue, type ListValue, filterKey, intersectFilters, isEmptyFilter, withoutField, type ParsedFilter } from './filter.js';
import { RovingFocusController } from './keyboard.js';
import { SizeController, type WidgetSize } from './size-controller.js';
import { widgetStyles } from './styles.js';
import { renderTable } from './table.js';
import type { TableData } from './table-data.js';
import { TooltipController, type TooltipContent } from './tooltip.js';
import { ensureContextRoot } from './context-root.js';
import { dataMessages, emptyCause, errorText } from '../../data/messages/data-messages.js';
import type { DateFormatOption } from '../../data/normalize/dates.js';
import { codedError } from '../../i18n/coded-error.js';

/** What `compute` gets besides the tables. Build metric options from it. */
export interface WidgetComputeOptions {
  /** `as-of` as an epoch day; undefined → the metric's default (the last order day in the data). */
  asOf?: number;
  /**
   * The filter to apply: the widget's attribute filter AND the linked filter, minus the field of this widget's
   * own selection (a widget highlights its selection instead of filtering itself by it).
   */
  filter: CrmFilter;
  /** The `segments` attribute: the RFM segment preset name, if set. */
  segmentPreset?: string;
  /**
   * Resolves `filter.stages` (a stage selected in a linked `<crm-lifecycle-funnel>`) to customers: the hook
   * that came with the selection (the funnel's own stage definitions and mode), else `lifecycleStageMembership`
   * (default stages, mode auto). Pass it on as `MetricOptions.stageMembership`
   * (or pass these options whole) — without it a metric throws when the linked filter has a stage.
   */
  stageMembership: StageMembership;
  /** Aborted when the inputs change before this computation finished. */
  signal: AbortSignal;
}


/**
 * The metric options every widget passes on from `compute`'s options: `asOf`, `filter` and `stageMembership`
 * (forgetting the last made a widget fail on a stage selected in a linked funnel). Spread and extend it.
 */
export function metricOptions(o: WidgetComputeOptions): MetricOptions {
  return { asOf: o.asOf, filter: o.filter, stageMembership: o.stageMembership };
}

/** Options of `CrmWidget.select`. */
export interface SelectOptions {
  /** Shown text (default: the value). */
  label?: string;
  /** The customers behind the mark, for the event detail. */
  customerIds?: string[];
  /**
   * The filter field to set (default: the kind's field, `SELECTION_FIELDS`). E.g. an RFM cell is a segment-like
   * selection that filters by `customerIds`.
   */
  field?: SelectionField;
  /** The values to put in the filter field (default `[value]`), e.g. the customer ids of an RFM cell. */
  values?: string[];
  /**
   * With a `stages` selection: who counts in the selected stages (a funnel with its own stage definitions or
   * mode passes its hook). It travels with the linked filter, so every linked widget resolves the stage the
   * same way. Default: `lifecycleStageMembership` (default stages, mode auto).
   */
  stageMembership?: StageMembership;
}

/** Message id per selection kind. */
const KIND_LABEL: Record<SelectionKind, BaseMessageKey> = {
  segment: 'kindSegment',
  region: 'kindRegion',
  channel: 'kindChannel',
  stage: 'kindStage',
  customer: 'kindCustomer',
};

/**
 * The base of every crm-lens widget: data sourcing, linked filtering and selection, computation, the
 * loading / empty / error / stale states, size, header with "view as table" and exports, theme and locale.
 * A widget is glue: it implements `compute`, `renderChart`, `tableData` (and usually `summarize`,
 * `defaultHeading`). See docs/widgets-base.md. The design tokens (`--crm-*`, below) can be set anywhere: `:root`,
 * a container, `<crm-data>` or the widget itself (docs/theming.md).
 *
 * @typeParam Result - the plain result object `compute` returns (from a metric function).
 *
 * @slot heading - replaces the title text.
 * @csspart base - The widget box.
 * @csspart header - The row with the title, the selection chip and the actions.
 * @csspart title - The heading.
 * @csspart actions - The "view as table" and export controls.
 * @csspart button - Every button of the widget's chrome.
 * @csspart selection - The current selection chip (click or Esc clears it).
 * @csspart body - The area below the header.
 * @csspart chart - The chart (`role="figure"`, with a text alternative).
 * @csspart table - The "view as table" table.
 * @csspart tooltip - The tooltip shown on hover and keyboard focus.
 * @csspart loading - The loading state (spinner, progress).
 * @csspart empty - The empty state (and "clear filters").
 * @csspart error - The error state (message and Retry).
 * @csspart stale - The banner shown when cached data could not be refreshed.
 * @cssproperty --crm-font-family - Text font. Default `system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif` (both themes).
 * @cssproperty --crm-font-family-mono - Monospace font. Default `ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace` (both themes).
 * @cssproperty --crm-font-size-xs - Smallest text (axis notes, legends). Default `0.75rem` (both themes).
 * @cssproperty --crm-font-size-sm - Small text (buttons, tables). Default `0.8125rem` (both themes).
 * @cssproperty --crm-font-size-md - Body text. Default `0.875rem` (both themes).
 * @cssproperty --crm-font-size-lg - Titles. Default `1rem` (both themes).
 * @cssproperty --crm-font-size-xl - Key figures. Default `1.25rem` (both themes).
 * @cssproperty --crm-font-weight-strong - Weight of emphasised text. Default `600` (both themes).
 * @cssproperty --crm-line-height - Line height. Default `1.4` (both themes).
 * @cssproperty --crm-space-xs - Smallest gap. Default `0.25rem` (both themes).
 * @cssproperty --crm-space-sm - Small gap. Default `0.5rem` (both themes).
 * @cssproperty --crm-space-md - Medium gap. Default `0.75rem` (both themes).
 * @cssproperty --crm-space-lg - Large gap (widget padding). Default `1rem` (both themes).
 * @cssproperty --crm-space-xl - Largest gap. Default `1.5rem` (both themes).
 * @cssproperty --crm-radius-sm - Small corner radius (buttons). Default `4px` (both themes).
 * @cssproperty --crm-radius-md - Widget corner radius. Default `8px` (both themes).
 * @cssproperty --crm-radius-lg - Large corner radius. Default `12px` (both themes).
 * @cssproperty --crm-focus-ring-width - Focus ring width. Default `2px` (both themes).
 * @cssproperty --crm-transition - Transition timing. Default `150ms ease-out` (both themes).
 * @cssproperty --crm-color-bg - Widget background. Light `#ffffff`, dark `#16191e`.
 * @cssproperty --crm-color-surface - Panels, buttons, empty cells. Light `#f6f7f9`, dark `#1f242b`.
 * @cssproperty --crm-color-text - Text. Light `#1c2128`, dark `#e6e9ee`.
 * @cssproperty --crm-color-text-muted - Secondary text. Light `#59636e`, dark `#a4adb8`.
 * @cssproperty --crm-color-border - Borders. Light `#d0d7de`, dark `#3a424d`.
 * @cssproperty --crm-color-accent - Accent (selection, links, primary button). Light `#0b62c4`, dark `#6cb1ff`.
 * @cssproperty --crm-color-accent-contrast - Text on the accent. Light `#ffffff`, dark `#0d1117`.
 * @cssproperty --crm-color-focus - Focus ring. Light `#0b62c4`, dark `#8cc4ff`.
 * @cssproperty --crm-color-positive - Growth, good values. Light `#1a7f37`, dark `#4cc07a`.
 * @cssproperty --crm-color-negative - Decline, errors. Light `#c62828`, dark `#ff7b72`.
 * @cssproperty --crm-color-warning - Warnings. Light `#9a6700`, dark `#e3b341`.
 * @cssproperty --crm-color-warning-bg - Warning banner background. Light `#fff8e1`, dark `#2e2613`.
 * @cssproperty --crm-color-selection - Selected and hovered items. Light `#dbe9fb`, dark `#1e3a5c`.
 * @cssproperty --crm-color-grid - Grid lines. Light `#e6e9ed`, dark `#2a3038`.
 * @cssproperty --crm-shadow - Shadow of menus and tooltips. Light `0 4px 16px rgba(16, 24, 40, 0.14)`, dark `0 4px 16px rgba(0, 0, 0, 0.5)`.
 * @cssproperty --crm-series-1 - Categorical colour 1 (channels, series). Light `#0072b2`, dark `#56b4e9`.
 * @cssproperty --crm-series-2 - Categorical colour 2 (channels, series). Light `#c45f00`, dark `#e69f00`.
 * @cssproperty --crm-series-3 - Categorical colour 3 (channels, series). Light `#008a63`, dark `#2fc29a`.
 * @cssproperty --crm-series-4 - Categorical colour 4 (channels, series). Light `#b4457f`, dark `#e58bc0`.
 * @cssproperty --crm-series-5 - Categorical colour 5 (channels, series). Light `#3b8ec2`, dark `#9ad0f5`.
 * @cssproperty --crm-series-6 - Categorical colour 6 (channels, series). Light `#8f5fd6`, dark `#b49af0`.
 * @cssproperty --crm-series-7 - Categorical colour 7 (channels, series). Light `#8c7a00`, dark `#e6d44a`.
 * @cssproperty --crm-series-8 - Categorical colour 8 (channels, series). Light `#6b7280`, dark `#aab2bd`.
 * @cssproperty --crm-seq-1 - Sequential step 1 of 7 (heat maps, choropleth). Light `#e8f1fb`, dark `#17304d`.
 * @cssproperty --crm-seq-2 - Sequential step 2 of 7 (heat maps, choropleth). Light `#c6dbf3`, dark `#1d4670`.
 * @cssproperty --crm-seq-3 - Sequential step 3 of 7 (heat maps, choropleth). Light `#9cc0e8`, dark `#22578c`.
 * @cssproperty --crm-seq-4 - Sequential step 4 of 7 (heat maps, choropleth). Light `#6ba1da`, dark `#296aa6`.
 * @cssproperty --crm-seq-5 - Sequential step 5 of 7 (heat maps, choropleth). Light `#3576c0`, dark `#4c95d1`.
 * @cssproperty --crm-seq-6 - Sequential step 6 of 7 (heat maps, choropleth). Light `#1c5499`, dark `#7bb4e6`.
 * @cssproperty --crm-seq-7 - Sequential step 7 of 7 (heat maps, choropleth). Light `#0f3f78`, dark `#b1d4f5`.
 * @cssproperty --crm-widget-bg - Widget box background. Default `var(--crm-color-bg)`.
 * @cssproperty --crm-widget-border-color - Widget box border. Default `var(--crm-color-border)`.
 * @cssproperty --crm-widget-radius - Widget box corner radius. Default `var(--crm-radius-md)`.
 * @cssproperty --crm-widget-padding - Widget box padding. Default `var(--crm-space-lg)`.
 * @cssproperty --crm-widget-min-height - Widget box minimum height. Default `12rem`.
 * @cssproperty --crm-bar-color - Main bars of bar charts. Default `var(--crm-series-1)`.
 * @cssproperty --crm-bar-secondary-color - Secondary bars of bar charts. Default `var(--crm-series-2)`.
 * @fires crm-filter-change - The linked filter changed through this widget (detail: selection, filter, previous, customerIds, linked).
 * @fires crm-export - Before a CSV / SVG / PNG download; cancelable (detail: format, blob, filename).
 */
export abstract class CrmWidget<Result> extends LitElement {
  static override styles = [tokenStyles, widgetStyles];

  // ——— data source ———

  /** URL of the widget's own feed (used when not given `tables`; wins over an enclosing `<crm-data>`). */
  @property() src?: string;
  /**
   * Field mapping for `src`: `{"hostField": "canonical"}` or per table (see `<crm-data>`) — JSON text in the
   * attribute, an object as a property.
   */
  @property({ converter: { fromAttribute: (v: string | null) => v ?? undefined } }) fields?: FieldMapping | Record<string, string> | string;
  /** Seconds a cached copy of `src` is served without revalidation. */
  @property({ attribute: 'max-age', type: Number }) maxAge?: number;
  /** Keeps cached data of different tenants/users apart. */
  @property({ attribute: 'cache-scope' }) cacheScope?: string;
  /** Feed format of `src` when the URL and Content-Type do not tell (`json`, `csv`, `arrow`, `xlsx`). */
  @property() format?: FeedFormat;
  /** The sheet of an Excel workbook `src` to read: a name, or a position from 1 (default the first sheet). */
  @property() sheet?: string;
  /** IANA time zone that instants in `src` are placed in (default UTC; see src/data/days.ts). */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** Order of day-first / month-first dates in `src`: `auto` (default), `mdy`, `dmy`, `ymd` (see `<crm-data>`). */
  @property({ attribute: 'date-format' }) dateFormat?: DateFormatOption;
  /** Credit-note order ids in `src`: a prefix, `/regex/`, or `none` (default: detected). */
  @property({ attribute: 'credit-notes' }) creditNotes?: string;
  /** Exact duplicate order lines in `src`: `drop` (default) or `keep`. */
  @property() duplicates?: 'drop' | 'keep';
  /** Seconds without a byte of `src` after which loading fails with Retry (default 30). */
  @property({ attribute: 'stall-timeout', type: Number }) stallTimeout?: number;
  /** Tables the application normalized itself (property only). Win over `src` and `<crm-data>`. */
  @property({ attribute: false }) tables?: CrmTables;

  // ——— metric options ———

  /**
   * Reference day `YYYY-MM-DD` for recency and "active" (default: the last order day in the data); as a
   * property also a `Date` (its local calendar day).
   */
  @property({ attribute: 'as-of' }) asOf?: DayValue;
  /** RFM segment preset name. */
  @property() segments?: string;
  /** ISO 4217 currency of amounts (default CNY). */
  @property() currency?: string;
  /** Locale override (`en`, `zh-CN`); else `lang` here or on an ancestor, else the browser's. */
  @property() locale?: string;
  /** `light` | `dark` | `auto`; else the closest ancestor's `theme` / `data-crm-theme`, else the OS. */
  @property() theme?: string;
  /** Title text (the `heading` slot replaces it). Default: the widget's own title. */
  @property() heading?: string;
  /** Keep selections to this widget even inside a linked `<crm-data>` (same name as on `<crm-data>`). */
  @property({ attribute: 'no-link', type: Boolean }) noLink = false;
  /** Show the data table instead of the chart. */
  @property({ type: Boolean, attribute: 'table-view', reflect: true }) tableView = false;

  // ——— attribute filter (AND with the linked filter) ———

  /** First order day included, `YYYY-MM-DD` (as a property also a `Date`). */
  @property({ attribute: 'date-from' }) dateFrom?: DayValue;
  /** Last order day included, `YYYY-MM-DD` (as a property also a `Date`). */
  @property({ attribute: 'date-to' }) dateTo?: DayValue;
  /** Regions included: a comma-separated list (`,` `，` `、`) in the attribute, or an array as a property. */
  @property() regions?: ListValue;
  /** Provinces included (list, as `regions`). */
  @property() provinces?: ListValue;
  /** Channels included (list, as `regions`). */
  @property() channels?: ListValue;
  /** Product categories included (list, as `regions`). */
  @property() categories?: ListValue;
  /** Customer types included (list, as `regions`). */
  @property({ attribute: 'customer-types' }) customerTypes?: ListValue;
  /** RFM segments included (list, as `regions`). */
  @property({ attribute: 'segments-filter' }) segmentsFilter?: ListValue;
  /** Customers included (list, as `regions`). */
  @property({ attribute: 'customer-ids' }) customerIds?: ListValue;
  /** Lifecycle stages included (list, as `regions`). */
  @property() stages?: ListValue;

  // ——— state ———

  /** This widget's current selection (highlight it in the chart). */
  @state() protected selection: CrmSelection | null = null;
  /** The linked filter when there is no linked provider: this widget's own selection. */
  @state() private localFilter: CrmFilter = {};
  /** The hook resolving `localFilter.stages` (see `SelectOptions.stageMembership`). */
  private localStageMembership?: StageMembership;
  @state() private exportOpen = false;
  @state() private announcement = '';
  @state() private exportProblem = '';

  protected readonly i18n = new LocaleController(this, () => this.currency, () => this.locale);
  protected readonly themes = new ThemeController(this, () => this.theme);
  protected readonly sizes = new SizeController(this);
  /** Tooltip for marks: hover and focus (see `markHandlers`). */
  protected readonly tooltip = new TooltipController(this, () => this.renderRoot.querySelector('.body'));
  /** Roving focus over the main chart's marks (see `markHandlers`). */
  protected readonly marks = new RovingFocusController(this, {
    onActivate: (i) => this.markActivate?.(i),
    onEscape: () => this.clearSelection(),
  });
  private markActivate?: (index: number) => void;

  private provided?: CrmDataState;
  private readonly consumer = new ContextConsumer(this, {
    context: crmDataContext,
    subscribe: true,
    callback: (value) => this.onProvided(value),
  });
  private readonly feed = new FeedController(this);
  private parsedFilter: ParsedFilter = { filter: {}, problems: [] };
  private staleTimer?: ReturnType<typeof setInterval>;

  private readonly computation = new Task(this, {
    args: () => this.computeInputs(),
    task: async ([tables], { signal }) => {
      if (!tables) return initialState;
      return this.compute(tables as CrmTables, { ...this.computeOptions(), signal });
    },
  });

  constructor() {
    super();
    ensureContextRoot();
    this.addEventListener('keydown', (e) => this.onKeydown(e));
  }

  // ——— the hooks a widget implements ———

  /**
   * Turn tables into the widget's result (call metric functions here; no DOM). Runs only when the tables,
   * `as-of`, the effective filter, `segments` or `computeArgs()` change. A throw becomes the error state.
   */
  protected abstract compute(tables: CrmTables, options: WidgetComputeOptions): Result | Promise<Result>;

  /** The chart for a non-empty result (use `this.width`, `this.size`, `this.selection`, `markHandlers`). */
  protected abstract renderChart(result: Result): TemplateResult;

  /** The result as rows: "view as table", CSV export, and the default empty test. */
  protected abstract tableData(result: Result): TableData<any>;

  /** Title in the current locale (`this.resolvedLocale`) when no `heading` is given. */
  protected abstract defaultHeading(): string;

  /** One sentence describing the result for screen readers (the chart's text alternative). */
  protected summarize(result: Result): string {
    return this.t('rows', { count: this.tableData(result).rows.length });
  }

  /** True when there is nothing to draw (default: no table rows). */
  protected isEmpty(result: Result): boolean {
    return this.tableData(result).rows.length === 0;
  }

  /** Extra inputs of `compute` (a widget's own attributes, e.g. a metric choice). Compared one by one. */
  protected computeArgs(): readonly unknown[] {
    return [];
  }

  /** The `<svg>` exported as SVG/PNG; default: the first `svg` inside `[part~=chart]`. */
  protected chartSvg(): SVGSVGElement | null {
    return this.renderRoot.querySelector<SVGSVGElement>('.chart svg');
  }

  // ——— what a widget reads ———

  /** Resolved locale. */
  protected get resolvedLocale(): Locale {
    return this.i18n.locale;
  }

  /** Formatter for the resolved locale and currency. */
  protected get fmt(): Formatter {
    return this.i18n.format;
  }

  /** Content width in CSS px (0 before the first layout). */
  protected get width(): number {
    return this.sizes.width;
  }

  /** `narrow` (< 480 px), `medium`, `wide` (≥ 900 px). */
  get size(): WidgetSize {
    return this.sizes.size;
  }

  /** The data state in use (own tables/src, else the provider's), undefined when there is no source. */
  protected get dataState(): CrmDataState | undefined {
    if (this.tables || this.src) return this.feed.state;
    return this.provided;
  }

  /** True when selections go to a shared, linked `<crm-data>`. */
  protected get linked(): boolean {
    return !!this.provided && this.provided.linked && !this.noLink;
  }

  /** The linked filter: shared by the provider when linked, else this widget's own. */
  protected get linkedFilter(): CrmFilter {
    return this.linked ? this.provided!.filter : this.localFilter;
  }

  /** The hook resolving the linked filter's `stages`, when the selecting widget gave one. */
  private get linkedStageMembership(): StageMembership | undefined {
    return this.linked ? this.provided!.stageMembership : this.localStageMembership;
  }

  /** The filter `compute` gets (see `WidgetComputeOptions.filter`). */
  protected get effectiveFilter(): CrmFilter {
    const linked = this.selection ? withoutField(this.linkedFilter, this.selection.field) : this.linkedFilter;
    return intersectFilters(this.parsedFilter.filter, linked);
  }

  /** The last computed result, if any (kept while a new computation runs). */
  protected get result(): Result | undefined {
    return this.computation.value;
  }

  /** A base message in the current locale. */
  protected t(key: BaseMessageKey, params?: MessageParams): string {
    return baseMessages.t(this.resolvedLocale, key, params);
  }

  /** The title shown. */
  protected get headingText(): string {
    return this.heading || this.defaultHeading();
  }

  // ——— selection ———

  /**
   * Select `value` (a segment, region, channel, stage or customer): updates the linked filter (the shared one
   * through `setFilter`, or this widget's own), fires `crm-<kind>-select` and `crm-filter-change`, announces
   * it. Selecting the current selection again clears it (toggle).
   */
  protected select(kind: SelectionKind, value: string, options: SelectOptions = {}): void {
    if (this.selection?.kind === kind && this.selection.value === value) {
      this.clearSelection();
      return;
    }
    const field = options.field ?? SELECTION_FIELDS[kind];
    const previous = this.linkedFilter;
    const base = this.selection ? withoutField(previous, this.selection.field) : previous;
    const filter: CrmFilter = { ...base, [field]: options.values ? [...options.values] : [value] };
    const selection: CrmSelection = {
      kind,
      field,
      value,
      label: options.label ?? value,
      // `values` only when the mark stands for a set other than its own value (e.g. an RFM cell's customers).
      ...(options.values && !(options.values.length === 1 && options.values[0] === value)
        ? { values: [...options.values] }
        : {}),
    };
    const oldKind = this.selection?.kind;
    this.selection = selection;
    this.applyLinkedFilter(filter, field === 'stages' ? options.stageMembership : this.linkedStageMembership);
    // Changing kind (a widget with two dimensions) tells listeners of the old kind it was cleared.
    if (oldKind && oldKind !== kind)
      dispatchCrmEvent(this, SELECT_EVENTS[oldKind], { selection: null, filter, customerIds: [] });
    const customerIds = options.customerIds ?? (kind === 'customer' ? [value] : []);
    dispatchCrmEvent(this, SELECT_EVENTS[kind], { selection, filter, customerIds });
    dispatchCrmEvent(this, FILTER_CHANGE_EVENT, { selection, filter, customerIds, previous, linked: this.linked });
    this.announce(this.t('selected', { label: selection.label }));
  }

  /** Clear this widget's selection (Esc, the selection chip). Fires the select event with `selection: null`. */
  clearSelection(): void {
    const current = this.selection;
    if (!current) return;
    const previous = this.linkedFilter;
    const filter = withoutField(previous, current.field);
    this.selection = null;
    this.applyLinkedFilter(filter, this.linkedStageMembership);
    dispatchCrmEvent(this, SELECT_EVENTS[current.kind], { selection: null, filter, customerIds: [] });
    dispatchCrmEvent(this, FILTER_CHANGE_EVENT, { selection: null, filter, customerIds: [], previous, linked: this.linked });
    this.announce(this.t('selectionCleared'));
  }

  /** Clear this widget's selection and the whole linked filter (the empty state's "Clear filters"). */
  clearFilters(): void {
    const previous = this.linkedFilter;
    const kind = this.selection?.kind;
    this.selection = null;
    this.applyLinkedFilter({});
    if (kind) dispatchCrmEvent(this, SELECT_EVENTS[kind], { selection: null, filter: {}, customerIds: [] });
    dispatchCrmEvent(this, FILTER_CHANGE_EVENT, { selection: null, filter: {}, customerIds: [], previous, linked: this.linked });
    this.announce(this.t('selectionCleared'));
  }

  /**
   * Select a value from code, as a click on its mark would (fires the same events): how a host page restores
   * a bookmarked selection. Does nothing when that value is already selected (no toggle); `null` clears.
   * Takes `select`'s options: `label` (what the selection chip shows, default the value), `field` / `values`.
   */
  setSelection(selection: ({ kind: SelectionKind; value: string } & SelectOptions) | null): void {
    if (!selection) return this.clearSelection();
    if (this.selection?.kind === selection.kind && this.selection.value === selection.value) return;
    const { kind, value, ...options } = selection;
    this.select(kind, value, options);
  }

  /** Say something to screen-reader users (polite live region). */
  protected announce(text: string): void {
    // Re-announce identical text: clear first so the live region sees a change.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /**
   * Handlers for the main chart's marks (roving tabindex, tooltip on hover and focus, activation). Call once
   * per render with the mark count; pass the result to a chart renderer.
   */
  protected markHandlers(
    count: number,
    options: { activate(index: number): void; tooltip(index: number): TooltipContent },
  ): MarkHandlers {
    this.marks.count = count;
    this.markActivate = options.activate;
    return {
      tabIndex: (i) => this.marks.tabIndex(i),
      keydown: (e) => {
        if (e.key === 'Escape') this.tooltip.hide();
        this.marks.keydown(e);
      },
      focus: (i, mark) => {
        this.marks.focused(i);
        this.tooltip.show(options.tooltip(i), mark);
      },
      blur: () => this.tooltip.hide(),
      activate: (i) => {
        this.marks.focused(i);
        options.activate(i);
      },
    };
  }

  // ——— exports ———

  /** Export the current result: CSV of `tableData`, or the chart as SVG / PNG (2×). */
  async exportAs(format: ExportFormat): Promise<void> {
    this.exportOpen = false;
    this.exportProblem = '';
    const result = this.result;
    if (result === undefined) return;
    const filename = exportFilename(this.headingText, format);
    try {
      if (format === 'csv') {
        offerExport(this, format, csvBlob(this.tableData(result)), filename);
        return;
      }
      const svg = this.chartSvg();
      if (!svg) throw codedError(Error, 'export-no-chart');
      const background = getComputedStyle(this.renderRoot.querySelector('.base') ?? this).backgroundColor;
      const text = serializeSvg(svg, { background });
      const blob =
        format === 'svg'
          ? new Blob([text], { type: 'image/svg+xml;charset=utf-8' })
          : await svgToPng(text, svgSize(svg).width, svgSize(svg).height, 2);
      offerExport(this, format, blob, filename);
    } catch (error) {
      this.exportProblem = errorText(error, this.resolvedLocale);
    }
  }

  // ——— lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    this.staleTimer = setInterval(() => {
      if (this.dataState?.cache?.stale) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.staleTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('dateFrom') ||
      changed.has('dateTo') ||
      FILTER_KEYS.some((k) => changed.has(k as keyof CrmWidget<Result>))
    ) {
      this.parsedFilter = filterFromAttributes(
        {
          dateFrom: this.dateFrom,
          dateTo: this.dateTo,
          regions: this.regions,
          provinces: this.provinces,
          channels: this.channels,
          categories: this.categories,
          customerTypes: this.customerTypes,
          segments: this.segmentsFilter,
          customerIds: this.customerIds,
          stages: this.stages,
        },
        FILTER_ATTRIBUTE_NAMES,
      );
    }
    if (changed.has('tables')) this.feed.setTables(this.tables);
    if (
      ['src', 'fields', 'maxAge', 'cacheScope', 'format', 'sheet', 'timeZone', 'dateFormat', 'creditNotes', 'duplicates', 'stallTimeout'].some((k) =>
        changed.has(k as keyof CrmWidget<Result>),
      )
    )
      this.updateRequest();
  }

  private updateRequest(): void {
    if (!this.src) {
      this.feed.setRequest(undefined);
      return;
    }
    try {
      const request: FeedRequest = {
        src: this.src,
        format: this.format,
        mapping: parseFieldsOption(this.fields, this.src),
        maxAge: this.maxAge,
        cacheScope: this.cacheScope,
        timeZone: this.timeZone,
        dateFormat: this.dateFormat || undefined,
        creditNotes: this.creditNotes ?? undefined,
        duplicates: this.duplicates || undefined,
        sheet: this.sheet || undefined,
        stallTimeout: this.stallTimeout,
      };
      this.feed.setRequest(request);
    } catch (error) {
      this.feed.setError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private computeInputs(): readonly unknown[] {
    const stages = this.effectiveFilter.stages?.length ? this.linkedStageMembership : undefined;
    return [this.dataState?.tables, this.asOf, filterKey(this.effectiveFilter), stages, this.segments, ...this.computeArgs()];
  }

  private computeOptions(): Omit<WidgetComputeOptions, 'signal'> {
    const asOfText = dayText(this.asOf);
    const asOf = asOfText ? isoToDay(asOfText) : undefined;
    if (asOf !== undefined && Number.isNaN(asOf))
      throw codedError(Error, 'attr-date', { name: 'as-of', value: asOfText ?? '' });
    return {
      asOf,
      filter: this.effectiveFilter,
      segmentPreset: this.segments || undefined,
      stageMembership: this.linkedStageMembership ?? lifecycleStageMembership,
    };
  }

  private onProvided(value: CrmDataState | undefined): void {
    this.provided = value;
    // Someone else changed or cleared our field of the shared filter: our selection no longer holds.
    const s = this.selection;
    if (s && this.linked) {
      const values = this.provided!.filter[s.field];
      const mine = s.values ?? [s.value];
      if (!values || values.length !== mine.length || values.some((v, i) => v !== mine[i])) this.selection = null;
    }
    this.requestUpdate();
  }

  /** Set the linked filter with the hook resolving its `stages` (dropped when it has none). */
  private applyLinkedFilter(filter: CrmFilter, stageMembership?: StageMembership): void {
    const membership = filter.stages?.length ? stageMembership : undefined;
    if (this.linked) this.provided!.setFilter(filter, membership);
    else [this.localFilter, this.localStageMembership] = [filter, membership];
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    if (this.exportOpen) {
      this.exportOpen = false;
      (this.renderRoot.querySelector('.export-toggle') as HTMLElement | null)?.focus();
    } else if (this.tooltip.visible) this.tooltip.hide();
    else if (this.selection) this.clearSelection();
    else return;
    e.stopPropagation();
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const title = this.headingText;
    return html`<div part="base" class="base size-${this.size}">
      <div part="header" class="header">
        <h2 part="title" class="title" id="title"><slot name="heading">${title}</slot></h2>
        <div part="actions" class="actions">${this.renderSelection()} ${this.renderActions()}</div>
      </div>
      ${this.renderStale()}
      ${this.exportProblem
        ? html`<div part="error" class="export-problem" role="alert">${this.exportProblem}</div>`
        : nothing}
      <div part="body" class="body" aria-busy=${this.computation.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this.renderBody(title)} ${this.tooltip.render()}
      </div>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderSelection(): TemplateResult | typeof nothing {
    const s = this.selection;
    if (!s) return nothing;
    const text = this.t('selection', { kind: this.t(KIND_LABEL[s.kind]), label: s.label });
    return html`<button
      part="selection button"
      class="selection"
      aria-label=${this.t('clearSelection', { label: text })}
      @click=${() => this.clearSelection()}
    >
      <span>${text}</span><span aria-hidden="true">×</span>
    </button>`;
  }

  private renderActions(): TemplateResult | typeof nothing {
    if (this.result === undefined || this.computation.status !== TaskStatus.COMPLETE) return nothing;
    const hasSvg = !this.tableView;
    return html`<button
        part="button"
        aria-pressed=${this.tableView ? 'true' : 'false'}
        @click=${() => (this.tableView = !this.tableView)}
      >
        ${this.t('viewAsTable')}
      </button>
      <button
        part="button"
        class="export-toggle"
        aria-expanded=${this.exportOpen ? 'true' : 'false'}
        aria-controls="export-menu"
        @click=${() => (this.exportOpen = !this.exportOpen)}
      >
        ${this.t('exportMenu')}
      </button>
      ${this.exportOpen
        ? html`<div class="menu" id="export-menu">
            <button part="button" @click=${() => this.exportAs('csv')}>${this.t('exportCsv')}</button>
            <button part="button" ?disabled=${!hasSvg} @click=${() => this.exportAs('svg')}>${this.t('exportSvg')}</button>
            <button part="button" ?disabled=${!hasSvg} @click=${() => this.exportAs('png')}>${this.t('exportPng')}</button>
          </div>`
        : nothing}`;
  }

  private renderStale(): TemplateResult | typeof nothing {
    const data = this.dataState;
    if (!data?.cache?.stale || !data.tables) return nothing;
    return html`<div part="stale" class="stale" role="status">
      <span>${this.t('stale', { age: this.fmt.relativeAge(data.cache.fetchedAt) })}</span>
      <button part="button" @click=${() => data.refresh()}>${this.t('refresh')}</button>
    </div>`;
  }

  private renderBody(title: string): TemplateResult {
    const problems = this.parsedFilter.problems;
    if (problems.length) return this.renderError(problems.map((p) => errorText(p, this.resolvedLocale)).join(' '));
    const data = this.dataState;
    if (!data || (data.status === 'idle' && !data.tables)) return this.renderEmpty(this.t('noSource'), false);
    if (!data.tables) {
      if (data.status === 'error') return this.renderError(this.t('errorLoad'), data.error, () => data.retry());
      return this.renderLoading(this.t('loading'), data.progress, () => data.cancel());
    }
    // Nothing to compute over: say why (every row rejected, a header-only file…) instead of a metric's error.
    const cause =
      emptyCause(data.report, this.resolvedLocale, (n) => this.fmt.integer(n)) ??
      (data.tables.orders.numRows() === 0 ? dataMessages.t(this.resolvedLocale, 'empty.noRows') : undefined);
    if (cause) return this.renderEmpty(cause, false);
    const task = this.computation;
    if (task.status === TaskStatus.ERROR)
      return this.renderError(this.t('errorCompute'), task.error, () => void this.computation.run());
    const result = task.value;
    if (result === undefined) return this.renderLoading(this.t('computing'));
    if (this.isEmpty(result)) {
      const filtered = !isEmptyFilter(this.linkedFilter) || !!this.selection;
      return this.renderEmpty(this.t(filtered ? 'emptyFiltered' : 'empty'), filtered);
    }
    if (this.tableView) return renderTable(this.tableData(result), this.fmt, this.t('tableCaption', { title }));
    return html`<div part="chart" class="chart" role="figure" aria-label=${this.t('chartLabel', { title })}>
        ${this.renderChart(result)}
        <p class="visually-hidden">${this.summarize(result)}</p>
      </div>`;
  }

  private renderLoading(label: string, progress?: { loaded: number; total?: number }, cancel?: () => void): TemplateResult {
    const known = progress?.total !== undefined && progress.total > 0;
    const detail = progress
      ? known
        ? `${this.t('loadingBytes', { loaded: this.fmt.bytes(progress.loaded), total: this.fmt.bytes(progress.total) })} (${this.fmt.percent(progress.loaded / progress.total!, 0)})`
        : this.t('loadingBytesUnknown', { loaded: this.fmt.bytes(progress.loaded) })
      : '';
    return html`<div part="loading" class="state loading" role="status">
      <div class="spinner" aria-hidden="true"></div>
      <span>${label}</span>
      ${progress
        ? html`<progress max=${known ? progress.total! : nothing} value=${known ? progress.loaded : nothing} aria-label=${label}></progress>
            <span>${detail}</span>`
        : nothing}
      ${cancel ? html`<button part="button" class="cancel" @click=${cancel}>${dataMessages.t(this.resolvedLocale, 'ui.cancel')}</button>` : nothing}
    </div>`;
  }

  private renderEmpty(message: string, canClear: boolean): TemplateResult {
    return html`<div part="empty" class="state empty">
      <span>${message}</span>
      ${canClear ? html`<button part="button" @click=${() => this.clearFilters()}>${this.t('clearFilters')}</button>` : nothing}
    </div>`;
  }

  private renderError(title: string, error?: unknown, retry?: () => void): TemplateResult {
    const message = error ? errorText(error, this.resolvedLocale) : '';
    return html`<div part="error" class="state error" role="alert">
      <strong>${title}</strong>
      ${message ? html`<span class="message">${message}</span>` : nothing}
      ${retry ? html`<button part="button" class="primary" @click=${retry}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }
}

const FILTER_KEYS = ['regions', 'provinces', 'channels', 'categories', 'customerTypes', 'segmentsFilter', 'customerIds', 'stages'];
