import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CrmWidget, type WidgetComputeOptions } from '../base/crm-widget.js';
import type { TableData, CellValue } from '../base/table-data.js';
import { parentAcrossShadow } from '../base/ancestors.js';
import type { CrmTables } from '../../data/types.js';
import { dayToIso } from '../../data/days.js';
import type { MetricOptions } from '../../metrics/options.js';
import type { SegmentPreset } from '../../metrics/segments.js';
import { customerProfile, type CustomerProfile } from '../../metrics/profile/profile.js';
import { customerSummary } from '../../metrics/profile/summary.js';
import { customerDirectory, type CustomerDirectory } from '../../metrics/profile/directory.js';
import { suggestActions, type CustomerAction } from '../../metrics/profile/actions.js';
import { CHURN_MODEL_SETTINGS, type ChurnModelSetting } from '../../metrics/btyd/model-check.js';
import { btydModel } from '../../metrics/btyd/models.js';
import { renderOutlook, riskText, shownChurnLevel } from './outlook.js';
import { outlookMessages } from './outlook-messages.js';
import { outlookStyles } from './outlook-styles.js';
import { customerVehicles, type CustomerVehicles } from '../../metrics/vehicles/customer-vehicles.js';
import type { ServiceIntervalSettings } from '../../metrics/vehicles/settings.js';
import { nextCategories, type NextCategoriesResult } from '../../metrics/associations/next-categories.js';
import { renderVehicles, vehicleRows, vehicleSummary } from './vehicles-section.js';
import { vehicleStyles } from './vehicle-styles.js';
import { parseServiceInterval } from './service-interval.js';
import { valueLabel } from '../../i18n/values.js';
import { messages } from './messages.js';
import { CustomerPicker } from './picker.js';
import {
  displayName,
  placeText,
  recordText,
  renderActions,
  renderIdentity,
  renderKpis,
  renderPreferences,
  renderRfm,
  renderSpend,
  renderTimeline,
  tr,
  type View,
} from './sections.js';
import { customer360Styles } from './styles.js';
import { codedError } from '../../i18n/coded-error.js';

/** What the card computes: the picker's directory, and the profile of the customer asked for (if any). */
export interface Customer360Result {
  directory: CustomerDirectory;
  /** The customer asked for (`customer-id`), or null: then the card shows the picker. */
  customerId: string | null;
  /** That customer's profile; null when none was asked for or the id is in none of the tables. */
  profile: CustomerProfile | null;
  /** True when `customerId` is in none of the tables. */
  unknown: boolean;
  actions: CustomerAction[];
  /** The customer's vehicles (service due, mileage, visits); null without a profile. */
  vehicles: CustomerVehicles | null;
  /** Next categories to offer (associations and service), the evidence of the offer actions. */
  next: NextCategoriesResult | null;
}

const EMPTY_DIRECTORY: CustomerDirectory = {
  ids: [],
  names: [],
  revenue: new Float64Array(0),
  orders: new Int32Array(0),
  keys: [],
  indexOf: new Map(),
};

/** One row of the table view / CSV: a figure of the card. */
interface KpiRow {
  key: string;
  field: string;
  /** Raw value (CSV): numbers as numbers, days as YYYY-MM-DD, fractions for percentages. */
  value: CellValue;
  /** Shown in "view as table". */
  text: string;
}

/**
 * A one-customer profile card ("customer 360"): identity and contact, lifetime key figures, RFM scores and
 * segment, lifecycle stage, churn risk / expected orders / CLV with their population percentiles, channel and
 * category preferences, a monthly spend sparkline, the interaction timeline with NPS, and suggested next
 * actions with the reason for each. Without `customer-id` it shows a searchable customer picker.
 *
 * **Filters.** The card is a lifetime view: it uses `as-of` (and `segments`) only. Linked selections and
 * the attribute filters (date range, channel, region, segment…) do not change it — they would hide the
 * customer or turn lifetime figures into partial ones — and RFM scores and percentiles always rank the
 * customer among all customers.
 *
 * **Following other widgets.** The card listens for `crm-customer-select` on its enclosing `<crm-data>` (or on
 * the document when there is none) and shows the customer selected in any other widget; a cleared selection
 * keeps the current customer. With `pinned` it ignores other widgets and stays on its `customer-id` (its own
 * "Change customer" control still works).
 *
 * **Exports.** "View as table" and CSV list the card's figures as field/value rows (raw numbers, ISO dates,
 * fractions for percentages). SVG/PNG export the monthly spend chart, captioned with the customer's name and
 * period, with its peak and latest values labelled.
 *
 * @tag crm-customer-360
 * @summary One customer's profile card: figures, scores, predictions, preferences, timeline, next actions.
 *
 * @attr customer-id - The customer shown (id as in the data). Unset: the picker. Choosing in the picker or
 *   following another widget changes the `customerId` property (the attribute is not rewritten).
 * @attr pinned - Ignore `crm-customer-select` from other widgets.
 * @attr service-interval - The service-interval rule of the vehicles section, JSON: `{"km": 10000, "months": 12,
 *   "byMake": {"Tesla": {"km": 20000, "months": 24}}}` (default 10,000 km / 12 months). The property takes the
 *   object itself. An unreadable value is shown as an error naming the attribute.
 * @attr churn-model - The churn / CLV model: `auto` (default: the most accurate in the model check, else
 *   MBG/NBD), `bgnbd`, `mbgnbd` or `pnbd`. The outlook says which model it used and why. Another value is shown
 *   as an error naming the attribute.
 * @prop {string | undefined} customerId - The customer shown.
 * @prop {ChurnModelSetting} churnModel - The churn / CLV model (as the attribute).
 * @prop {ServiceIntervalSettings | string | undefined} serviceInterval - The service-interval rule (object or JSON).
 *
 * @fires crm-customer-select - A customer was chosen in the card's picker (`selection.value` = the id,
 *   `customerIds` = [id]); also `crm-filter-change`. In a linked `<crm-data>` the choice becomes the shared
 *   `customerIds` filter, like a customer selection in any widget.
 * @fires crm-filter-change @fires crm-export
 *
 * @slot heading - Replaces the title.
 * @csspart base @csspart header @csspart title @csspart actions @csspart body @csspart chart @csspart table
 * @csspart empty @csspart error @csspart loading @csspart stale @csspart selection @csspart button
 * @csspart picker - The customer combobox (input and listbox).
 *
 * @cssproperty --crm-customer-360-panel-bg - Background of the card's panels (default `--crm-color-surface`).
 * @cssproperty --crm-customer-360-line-color - Spend line (default `--crm-series-1`).
 * @cssproperty --crm-customer-360-area-color - Fill under the spend line, at 12 % (default `--crm-series-1`).
 * @cssproperty --crm-customer-360-category-color - Bars of the top categories (default `--crm-series-6`; channel bars take each channel's colour, as in `<crm-channel-mix>`).
 * @cssproperty --crm-customer-360-risk-low - Low churn risk (default `--crm-color-positive`).
 * @cssproperty --crm-customer-360-risk-medium - Medium churn risk (default `--crm-color-warning`).
 * @cssproperty --crm-customer-360-risk-high - High churn risk (default `--crm-color-negative`).
 * @cssproperty --crm-customer-360-due-overdue - A vehicle whose service is overdue (default `--crm-color-negative`).
 * @cssproperty --crm-customer-360-due-soon - A service due within 30 days (default `--crm-color-warning`).
 * @cssproperty --crm-customer-360-due-ok - A service not due yet (default `--crm-color-positive`).
 */
export class CrmCustomer360 extends CrmWidget<Customer360Result> {
  static override styles = [...CrmWidget.styles, customer360Styles, vehicleStyles, outlookStyles];

  /** The customer shown; unset → the picker. */
  @property({ attribute: 'customer-id' }) customerId?: string;
  /** Ignore `crm-customer-select` from other widgets. */
  @property({ type: Boolean, reflect: true }) pinned = false;
  /** Service interval of the vehicles section: `{ km, months, byMake? }`, or its JSON (the attribute). */
  @property({ attribute: 'service-interval' }) serviceInterval?: ServiceIntervalSettings | string;
  /** The churn / CLV model: `auto`, `bgnbd`, `mbgnbd` or `pnbd`. */
  @property({ attribute: 'churn-model' }) churnModel: ChurnModelSetting = 'auto';

  @state() private picking = false;
  @state() private timelineExpanded = false;
  @state() private vehiclesExpanded = false;

  private readonly picker = new CustomerPicker(this, (id) => this.choose(id), 'c360-picker');
  private eventSource?: EventTarget;
  private readonly onForeignSelect = (e: Event) => this.follow(e as CustomEvent);

  override connectedCallback(): void {
    super.connectedCallback();
    let source: Element | null = parentAcrossShadow(this);
    while (source && source.localName !== 'crm-data') source = parentAcrossShadow(source);
    this.eventSource = source ?? document;
    this.eventSource.addEventListener('crm-customer-select', this.onForeignSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.eventSource?.removeEventListener('crm-customer-select', this.onForeignSelect);
    this.eventSource = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('customerId')) this.timelineExpanded = this.vehiclesExpanded = false;
  }

  protected override computeArgs(): readonly unknown[] {
    return [this.customerId?.trim() || null, this.serviceInterval, this.churnModel];
  }

  protected override compute(tables: CrmTables, options: WidgetComputeOptions): Customer360Result {
    // Lifetime card: asOf and the segment scheme only, never the selection filters (see the class doc).
    const metricOptions: MetricOptions = {
      asOf: options.asOf,
      ...(options.segmentPreset ? { rfm: { segments: options.segmentPreset as SegmentPreset } } : {}),
    };
    const customerId = this.customerId?.trim() || null;
    // No orders and no as-of: nothing to default the analysis day to, nothing to profile (the empty state).
    if (tables.orders.numRows() === 0 && options.asOf === undefined)
      return { directory: EMPTY_DIRECTORY, customerId, profile: null, unknown: false, actions: [], vehicles: null, next: null };
    const serviceInterval = parseServiceInterval(this.serviceInterval);
    const churnModel = (this.churnModel ?? 'auto') as ChurnModelSetting;
    if (!CHURN_MODEL_SETTINGS.includes(churnModel)) {
      throw codedError(RangeError, 'attr-churn-model', { known: CHURN_MODEL_SETTINGS.join(', '), value: String(churnModel) });
    }
    const directory = customerDirectory(tables, customerSummary(tables, metricOptions));
    if (!customerId) return { directory, customerId, profile: null, unknown: false, actions: [], vehicles: null, next: null };
    let profile: CustomerProfile;
    try {
      profile = customerProfile(tables, customerId, { ...metricOptions, churnModel });
    } catch (error) {
      // customerProfile's RangeError for an id in none of the tables; an unreadable option throws earlier.
      if (error instanceof RangeError && !directory.indexOf.has(customerId))
        return { directory, customerId, profile: null, unknown: true, actions: [], vehicles: null, next: null };
      throw error;
    }
    const vehicles = customerVehicles(tables, customerId, { ...metricOptions, serviceInterval });
    const next = nextCategories(tables, customerId, { ...metricOptions, serviceInterval, vehicles });
    return { directory, customerId, profile, unknown: false, actions: suggestActions(profile, {}, { vehicles, next }), vehicles, next };
  }

  /** Empty only when the data has no customer at all; otherwise there is at least the picker. */
  protected override isEmpty(r: Customer360Result): boolean {
    return r.directory.ids.length === 0 && !r.profile;
  }

  protected override defaultHeading(): string {
    return messages.t(this.resolvedLocale, 'title');
  }

  private get view(): View {
    return { locale: this.resolvedLocale, fmt: this.fmt };
  }

  protected override renderChart(r: Customer360Result): TemplateResult {
    const v = this.view;
    const p = r.profile;
    if (!p) {
      return html`<div class="c360 size-${this.size}">
        <div class="pick-row">
          ${r.unknown
            ? html`<p class="notice" role="alert">${tr(v, 'unknown', { id: r.customerId ?? '' })}</p>`
            : html`<p class="note">${tr(v, 'pickPrompt')}</p>`}
          <div part="picker">${this.picker.render(r.directory, this.fmt, v.locale)}</div>
        </div>
      </div>`;
    }
    const change = this.picking
      ? html`<button part="button" @click=${() => this.closePicker()}>${tr(v, 'closePicker')}</button>`
      : html`<button part="button" class="change" aria-haspopup="listbox" @click=${() => this.openPicker()}>
          ${tr(v, 'changeCustomer')}
        </button>`;
    return html`<div class="c360 size-${this.size}">
      ${renderIdentity(v, p, change)}
      ${this.picking ? html`<div part="picker">${this.picker.render(r.directory, this.fmt, v.locale, p.customerId)}</div>` : nothing}
      <div class="grid">
        ${renderKpis(v, p)} ${renderOutlook(v, p)} ${renderRfm(v, p)} ${renderActions(v, p, r.actions)}
        ${renderVehicles(v, r.vehicles, this.vehiclesExpanded, () => (this.vehiclesExpanded = !this.vehiclesExpanded))}
        ${renderSpend(v, p, this.spendWidth(), this.size === 'wide' ? 170 : undefined)} ${renderPreferences(v, p)}
        ${renderTimeline(v, p, this.timelineExpanded, () => (this.timelineExpanded = !this.timelineExpanded))}
      </div>
    </div>`;
  }

  /** Content width of the spend panel: the grid's column width minus the panel's padding. */
  private spendWidth(): number {
    const inner = (this.width || 320) - 34; // base padding 16 + border 1, both sides
    // Wide: the spend panel spans two of three columns; medium: one of two.
    const [span, columns] = this.size === 'wide' ? [2, 3] : this.size === 'medium' ? [1, 2] : [1, 1];
    const column = (inner - 12 * (columns - 1)) / columns;
    return Math.max(120, Math.floor(column * span + 12 * (span - 1) - 24));
  }

  protected override summarize(r: Customer360Result): string {
    const v = this.view;
    const p = r.profile;
    if (!p) return r.unknown ? tr(v, 'unknown', { id: r.customerId ?? '' }) : tr(v, 'pickPrompt');
    const vehicles = vehicleSummary(v, r.vehicles);
    if (!p.found) return `${tr(v, 'summaryProspect', { name: displayName(p) })}${vehicles}`;
    const pr = p.predictions;
    return `${tr(v, 'summary', {
      name: displayName(p),
      segment: p.rfm ? p.rfm.segment.labels[v.locale] : '—',
      orders: messages.t(v.locale, 'fValue', { count: p.orders }),
      revenue: this.fmt.currency(p.revenue),
      churn: pr && pr.available ? riskText(v, pr.churnRisk) : '—',
    })}${vehicles}`;
  }

  protected override tableData(r: Customer360Result): TableData<KpiRow> {
    const v = this.view;
    const t = (k: Parameters<typeof tr>[1]) => tr(v, k);
    return {
      columns: [
        { key: 'field', label: t('field'), rowHeader: true },
        { key: 'value', label: t('value'), format: (_value, row) => row.text },
      ],
      rows: r.profile ? [...this.kpiRows(r.profile), ...vehicleRows(this.view, r.vehicles)] : [],
    };
  }

  /** The card's figures as rows (what the table view and the CSV show). */
  private kpiRows(p: CustomerProfile): KpiRow[] {
    const v = this.view;
    const f = this.fmt;
    const rows: KpiRow[] = [];
    const add = (key: string, field: string, value: CellValue, text: string) => rows.push({ key, field, value, text });
    const text = (key: string, field: string, value: string) => add(key, field, value, value);
    const day = (key: string, field: string, d: number) => add(key, field, d === d ? dayToIso(d) : null, f.day(d));
    text('customer_id', tr(v, 'customerId'), p.customerId);
    for (const [key, field] of [['name', 'picker'], ['phone', 'phone'], ['email', 'email']] as const)
      if (recordText(p, key)) text(key, tr(v, field), recordText(p, key));
    if (recordText(p, 'type')) add('type', tr(v, 'type'), recordText(p, 'type'), valueLabel(v.locale, 'customerType', recordText(p, 'type')));
    const place = placeText(v, p);
    if (place) add('region', tr(v, 'region'), [recordText(p, 'region'), recordText(p, 'province')].filter(Boolean).join(' · '), place);
    add('revenue', tr(v, 'revenue'), p.revenue, f.currency(p.revenue));
    add('orders', tr(v, 'orders'), p.orders, f.integer(p.orders));
    add('aov', tr(v, 'aov'), p.aov, f.currency(p.aov));
    day('first_order', tr(v, 'firstOrder'), p.firstOrder);
    day('last_order', tr(v, 'lastOrder'), p.lastOrder);
    add('recency_days', tr(v, 'recency'), p.recencyDays, f.integer(p.recencyDays));
    if (p.rfm) {
      add('r', tr(v, 'r'), p.rfm.r, String(p.rfm.r));
      add('f', tr(v, 'f'), p.rfm.f, String(p.rfm.f));
      add('m', tr(v, 'm'), p.rfm.m, String(p.rfm.m));
      add('segment', tr(v, 'segment'), p.rfm.segment.id, p.rfm.segment.labels[v.locale]);
    }
    if (p.lifecycle) add('stage', tr(v, 'stage'), p.lifecycle.id, p.lifecycle.labels[v.locale]);
    const pr = p.predictions;
    if (pr && pr.available) {
      const level = shownChurnLevel(pr);
      add('churn_risk', tr(v, 'churnRisk'), pr.churnRisk, `${riskText(v, pr.churnRisk)} (${tr(v, `churn_${level}`)})`);
      add('churn_model', outlookMessages.t(v.locale, 'churnModel'), pr.model, btydModel(pr.model).label);
      add('churn_risk_percentile', `${tr(v, 'churnRisk')} %`, pr.percentiles.churnRisk, f.number(pr.percentiles.churnRisk, 1));
      add('expected_orders', tr(v, 'expectedOrders', { days: pr.horizonDays }), pr.expectedOrders, f.number(pr.expectedOrders, 2));
      add('clv', tr(v, 'clv', { months: pr.months }), pr.clv, f.currency(pr.clv));
    }
    return rows;
  }

  /** SVG/PNG export: the monthly spend chart (see the class doc). */
  protected override chartSvg(): SVGSVGElement | null {
    return this.renderRoot.querySelector<SVGSVGElement>('.spend svg');
  }

  // ——— choosing and following ———

  private openPicker(): void {
    this.picking = true;
    this.picker.reset();
    void this.picker.focus();
  }

  private closePicker(): void {
    this.picking = false;
    this.picker.reset();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.change')?.focus());
  }

  /** A customer chosen in the card's own picker: show it and tell the other widgets. */
  private choose(id: string): void {
    this.picking = false;
    this.customerId = id;
    const index = this.result?.directory.indexOf.get(id);
    const name = index === undefined ? null : this.result!.directory.names[index];
    // Choosing the customer already selected must not toggle the selection off.
    if (!(this.selection?.kind === 'customer' && this.selection.value === id))
      this.select('customer', id, { label: name ? `${name} (${id})` : id, customerIds: [id] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.change')?.focus());
  }

  /** `crm-customer-select` from another widget: show that customer (unless pinned). */
  private follow(e: CustomEvent): void {
    if (this.pinned || e.composedPath().includes(this)) return;
    const selection = e.detail?.selection;
    if (!selection || selection.kind !== 'customer') return;
    this.picking = false;
    this.customerId = selection.value;
  }
}
