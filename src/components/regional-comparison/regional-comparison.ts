import { css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { componentTokens } from '../../styles/tokens.js';
import { property } from 'lit/decorators.js';
import { cssProperties } from '../../styles/css-properties.js';
import { orDefault } from '../base/converters.js';
import { CrmWidget, metricOptions, type WidgetComputeOptions } from '../base/crm-widget.js';
import type { TableColumn, TableData } from '../base/table-data.js';
import type { SelectionField } from '../events.js';
import type { CrmTables } from '../../data/types.js';
import { isoToDay } from '../../data/days.js';
import { layoutBars, renderBars, type BarDatum } from '../../charts/bar-chart.js';
import {
  choroplethLegend,
  layoutChoropleth,
  NO_DATA_FILL,
  renderChoropleth,
  shapesInFocusOrder,
  type ChoroplethDatum,
  type GeoFeatureCollection,
} from '../../charts/choropleth.js';
import {
  provinceRegions,
  regionalComparison,
  regionalGroupCustomers,
  UNKNOWN_GROUP_LABEL,
  type RegionalGroup,
  type RegionalOptions,
  type RegionalResult,
} from '../../metrics/regional/index.js';
import { loadGeo } from './geo-cache.js';
import { unknownValueLabel, valueLabel, type ValueField } from '../../i18n/values.js';
import { messages, type RegionalMessageKey } from './messages.js';
import { isRegionalMetric, METRIC_CHOICES, REGIONAL_METRICS, signedPercent, type Change, type MetricChoice, type RegionalMetric } from './metric-choices.js';
import { errorText } from '../../data/messages/data-messages.js';

/** What `compute` returns: the metric result plus what the map and selections need. */
export interface RegionalComparisonView {
  comparison: RegionalResult;
  /** The fetched GeoJSON (map view with a usable grouping only). */
  geo?: GeoFeatureCollection;
  /** Province → region from the data (map view grouped by region). */
  provinceGroup?: Map<string, string>;
  /** The inputs of `comparison`, to find a group's customers when it is selected. */
  query: { tables: CrmTables; options: RegionalOptions };
}

/** Filter field a selected group sets, per grouping; other groupings select the group's customers. */
const GROUP_FIELDS: Readonly<Record<string, SelectionField>> = {
  region: 'regions',
  province: 'provinces',
  type: 'customerTypes',
  channel: 'channels',
  category: 'categories',
};

/** Whose display names a grouping's values take (`src/i18n/values.ts`); other groupings show values as given. */
const GROUP_VALUE_FIELDS: Readonly<Record<string, ValueField>> = {
  region: 'region',
  city_tier: 'cityTier',
  type: 'customerType',
  channel: 'channel',
  category: 'category',
  status: 'orderStatus',
};

const GROUP_BY_LABELS: Readonly<Record<string, RegionalMessageKey>> = {
  region: 'region',
  province: 'province',
  city_tier: 'cityTier',
  type: 'type',
};

/** Default `geo-attribution` (English; zh-CN shows its translation): the demo GeoJSON comes from Apache ECharts. */
export const DEFAULT_GEO_ATTRIBUTION = 'Map: Apache ECharts (Apache-2.0)';

/**
 * Compares groups of orders — regions, provinces, city tiers, customer types or any column — on one metric
 * over a period, against a comparison period: sorted bars with the comparison value as a thin bar and the
 * change (▲/▼, or "n/a" with the reason when it cannot be computed), or a province choropleth map.
 * Built on `regionalComparison` (docs/metrics/regional.md).
 *
 * @tag crm-regional-comparison
 * @summary Regions (or any grouping) compared on a metric, with growth against a comparison period; bars or a map.
 *
 * @attr group-by - `region` (default), `province`, `city_tier`, `type`, or any orders/customers column.
 * @attr metric - `revenue` (default), `orders`, `customers`, `aov`, `revenue-per-customer`, `repeat-rate`,
 *   `growth` (revenue growth). The metric switcher sets it (reflected).
 * @attr view - `bars` (default) or `map` (provinces; for `group-by` province, or region: provinces coloured by their region).
 * @attr geo-src - URL of a GeoJSON FeatureCollection of provinces with `properties.name` (short names, e.g. 广东). Fetched once per URL.
 * @attr geo-attribution - attribution line under the map (default "Map: Apache ECharts (Apache-2.0)", translated).
 * The map is as wide as the widget and at most 560 px (and 0.85 × width) tall.
 * @attr compare-from - first day of an explicit comparison period, `YYYY-MM-DD` (with `compare-to`).
 * @attr compare-to - last day of the comparison period, `YYYY-MM-DD`.
 * The analysed period is `date-from`/`date-to` (default: the 365 days up to `as-of`); the comparison period
 * defaults to the equally long period just before.
 *
 * @fires crm-region-select - a group was selected or cleared. Detail `{ selection, filter, customerIds }`:
 *   the filter field follows `group-by` (`regions`, `provinces`, `customerTypes`, `channels`, `categories`);
 *   for other groupings (e.g. `city_tier`) and the "(unknown)" group it is `customerIds` = the customers with
 *   orders in the group in the period. `customerIds` always lists those customers.
 * @fires crm-filter-change - after every selection change (see docs/widgets-base.md).
 * @fires crm-export - before a CSV / SVG / PNG download (cancelable).
 *
 * @slot heading - replaces the title.
 *
 * @csspart base @csspart header @csspart title @csspart actions @csspart button @csspart selection
 * @csspart body @csspart chart @csspart table @csspart tooltip @csspart loading @csspart empty @csspart error
 * @csspart stale - the shared parts (docs/theming.md).
 * @csspart legend - the legend (bars: this period / comparison period; map: colour steps).
 * @csspart toolbar - the row holding the metric switcher and the periods caption.
 * @csspart metric-select - the metric `<select>`.
 * @csspart periods - the caption naming the two periods compared.
 * @csspart notice - a note (map view unavailable for this grouping / without geo-src).
 * @csspart attribution - the map data attribution line.
 *
 * @cssproperty --crm-regional-bar-color - bars of the period (default `--crm-bar-color` → `--crm-series-1`).
 * @cssproperty --crm-regional-previous-color - the comparison period's thin bar (default `--crm-bar-secondary-color` → `--crm-series-2`).
 * @cssproperty --crm-regional-map-stroke - province borders (default `--crm-color-bg`).
 */
export class CrmRegionalComparison extends CrmWidget<RegionalComparisonView> {
  static override styles = [
    ...CrmWidget.styles,
    css`
      ${componentTokens({
        'crm-regional-bar-color': 'var(--crm-bar-color, var(--crm-series-1))',
        'crm-regional-previous-color': 'var(--crm-bar-secondary-color, var(--crm-series-2))',
        'crm-regional-map-stroke': 'var(--crm-color-bg)',
      })}
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--crm-space-xs) var(--crm-space-md);
        margin-bottom: var(--crm-space-sm);
      }
      .metric {
        display: inline-flex;
        align-items: center;
        gap: var(--crm-space-xs);
        font-size: var(--crm-font-size-sm);
      }
      select {
        font: inherit;
        color: var(--crm-color-text);
        background: var(--crm-color-bg);
        border: 1px solid var(--crm-color-border);
        border-radius: var(--crm-radius-sm);
        padding: 2px var(--crm-space-xs);
        max-width: 100%;
      }
      select:focus-visible {
        outline: var(--crm-focus-ring-width) solid var(--crm-color-focus);
        outline-offset: 1px;
      }
      .periods,
      .notice,
      .attribution {
        margin: 0;
        font-size: var(--crm-font-size-xs);
        color: var(--crm-color-text-muted);
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .notice {
        margin-bottom: var(--crm-space-sm);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--crm-space-xs) var(--crm-space-md);
        margin-top: var(--crm-space-sm);
        font-size: var(--crm-font-size-xs);
        color: var(--crm-color-text-muted);
      }
      .legend .item {
        display: inline-flex;
        align-items: center;
        gap: var(--crm-space-xs);
      }
      .swatch {
        display: inline-block;
        width: 12px;
        height: 12px;
        border-radius: 2px;
      }
      .swatch.thin {
        height: 4px;
      }
      .swatch.current {
        background: var(--crm-regional-bar-color);
      }
      .swatch.previous {
        background: var(--crm-regional-previous-color);
      }
      .swatch.no-data {
        background: ${unsafeCSS(NO_DATA_FILL)};
        border: 1px solid var(--crm-color-border);
      }
      .steps {
        display: inline-flex;
      }
      .steps .swatch {
        border-radius: 0;
        width: 18px;
      }
      .bar-chart .bar-secondary {
        fill: var(--crm-regional-previous-color);
      }
      .choropleth {
        display: block;
        max-width: 100%;
      }
      .choropleth .area {
        stroke: var(--crm-regional-map-stroke);
        stroke-width: 0.75;
        outline: none;
      }
      .choropleth .area.no-data {
        stroke: var(--crm-color-border);
      }
      .choropleth .area:focus-visible,
      .choropleth .area[aria-selected='true'] {
        stroke: var(--crm-color-focus);
        stroke-width: 2.5;
      }
      .choropleth.has-selection .area:not([aria-selected='true']) {
        opacity: 0.55;
      }
      .attribution {
        margin-top: var(--crm-space-xs);
      }
    `,
  ];

  /** Attribute to group by (`group-by`). */
  @property({ attribute: 'group-by', converter: orDefault('region') }) groupBy = 'region';
  /** Metric compared (reflected; the switcher sets it). */
  @property({ reflect: true, converter: orDefault<RegionalMetric>('revenue') }) metric: RegionalMetric = 'revenue';
  /** `bars` or `map`. */
  @property({ converter: orDefault<'bars' | 'map'>('bars') }) view: 'bars' | 'map' = 'bars';
  /** GeoJSON URL of the map view. */
  @property({ attribute: 'geo-src' }) geoSrc?: string;
  /** Attribution line under the map (default: `DEFAULT_GEO_ATTRIBUTION`, translated). */
  @property({ attribute: 'geo-attribution' }) geoAttribution?: string;
  /** First day of an explicit comparison period (`YYYY-MM-DD`). */
  @property({ attribute: 'compare-from' }) compareFrom?: string;
  /** Last day of the explicit comparison period (`YYYY-MM-DD`). */
  @property({ attribute: 'compare-to' }) compareTo?: string;

  private m(key: RegionalMessageKey, params?: Record<string, string | number>): string {
    return messages.t(this.resolvedLocale, key, params);
  }

  private get groupByName(): string {
    return this.groupBy?.trim() || 'region';
  }

  private get choice(): MetricChoice {
    return METRIC_CHOICES[isRegionalMetric(this.metric) ? this.metric : 'revenue'];
  }

  /** The map can be drawn for this grouping (provinces, or regions coloured over their provinces). */
  private get mapGrouping(): boolean {
    return this.groupByName === 'province' || this.groupByName === 'region';
  }

  private get wantsMap(): boolean {
    return this.view === 'map' && this.mapGrouping && !!this.geoSrc;
  }

  protected override computeArgs(): readonly unknown[] {
    return [this.groupByName, this.compareFrom, this.compareTo, this.metric, this.wantsMap ? this.geoSrc : undefined];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A selection made under another grouping names a value of another field: drop it.
    if (changed.has('groupBy') && changed.get('groupBy') !== undefined && this.selection) this.clearSelection();
  }

  protected override async compute(tables: CrmTables, o: WidgetComputeOptions): Promise<RegionalComparisonView> {
    if (!isRegionalMetric(this.metric))
      throw new Error(this.m('badMetric', { value: String(this.metric), known: REGIONAL_METRICS.join(', ') }));
    const options: RegionalOptions = { ...metricOptions(o), groupBy: this.groupByName, compare: this.compareRange() };
    const comparison = regionalComparison(tables, options);
    const view: RegionalComparisonView = { comparison, query: { tables, options } };
    if (this.wantsMap) {
      const url = this.geoSrc!;
      try {
        view.geo = await loadGeo(url);
      } catch (error) {
        throw new Error(this.m('geoError', { url, reason: errorText(error, this.resolvedLocale) }));
      }
      if (this.groupByName === 'region') view.provinceGroup = provinceRegions(tables);
    }
    return view;
  }

  /** `compare-from` / `compare-to` as a day range; both or neither. */
  private compareRange(): RegionalOptions['compare'] {
    const from = this.compareFrom?.trim();
    const to = this.compareTo?.trim();
    if (!from && !to) return undefined;
    const start = from ? isoToDay(from) : NaN;
    const end = to ? isoToDay(to) : NaN;
    if (Number.isNaN(start) || Number.isNaN(end) || start > end)
      throw new Error(this.m('badCompare', { from: from ?? '', to: to ?? '' }));
    return { start, end };
  }

  // ——— labels ———

  /** A group value as shown: known sample values translated, "(unknown)" translated, others as they are. */
  groupLabel(key: string | null): string {
    const field = GROUP_VALUE_FIELDS[this.groupByName];
    if (key === null || !field) return key ?? unknownValueLabel(this.resolvedLocale);
    return valueLabel(this.resolvedLocale, field, key);
  }

  private changeText(change: Change, withReason = false): string {
    if (change.kind === 'gap') return withReason ? `${this.m('notAvailable')} (${this.m(change.reason)})` : this.m('notAvailable');
    const arrow = change.value > 0 ? '▲ ' : change.value < 0 ? '▼ ' : '';
    if (change.kind === 'points') {
      const pt = this.fmt.number(Math.abs(change.value * 100), 1);
      return arrow + this.m('points', { value: `${change.value > 0 ? '+' : change.value < 0 ? '−' : ''}${pt}` });
    }
    return arrow + signedPercent(this.fmt, change.value);
  }

  private changeTone(change: Change): BarDatum['noteTone'] {
    if (change.kind === 'gap' || change.value === 0) return 'muted';
    return change.value > 0 ? 'positive' : 'negative';
  }

  /** Groups sorted by the chosen metric (descending; groups without a value last, by label). */
  private sortedGroups(r: RegionalResult): RegionalGroup[] {
    const c = this.choice;
    const v = (g: RegionalGroup) => c.value(g);
    return [...r.groups].sort((a, b) => {
      const x = v(a);
      const y = v(b);
      if (x === null || y === null) return x === null && y === null ? 0 : x === null ? 1 : -1;
      return y - x;
    });
  }

  private selectionValue = (g: RegionalGroup) => g.key ?? UNKNOWN_GROUP_LABEL;

  /** Select (or toggle off) a group: the filter field follows the grouping (see `@fires crm-region-select`). */
  private selectGroup(g: RegionalGroup, view: RegionalComparisonView): void {
    const customerIds = regionalGroupCustomers(view.query.tables, view.query.options, g.key);
    const field: SelectionField = (g.key !== null && GROUP_FIELDS[this.groupByName]) || 'customerIds';
    this.select('region', this.selectionValue(g), {
      label: this.groupLabel(g.key),
      customerIds,
      field,
      values: field === 'customerIds' ? customerIds : [g.key!],
    });
  }

  private isSelected(g: RegionalGroup): boolean {
    return this.selection?.kind === 'region' && this.selection.value === this.selectionValue(g);
  }

  private tooltipText(g: RegionalGroup, name = this.groupLabel(g.key)): string {
    const c = this.choice;
    const lines = [name, this.m('tooltipCurrent', { value: c.format(this.fmt, c.value(g)) })];
    if (c.id !== 'growth') lines.push(this.m('tooltipPrevious', { value: c.format(this.fmt, c.previous(g)) }));
    lines.push(this.m('tooltipGrowth', { value: this.changeText(c.change(g), true) }));
    return lines.join('\n');
  }

  // ——— rendering ———

  protected override renderChart(view: RegionalComparisonView): TemplateResult {
    const r = view.comparison;
    const notice =
      this.view === 'map' && !this.mapGrouping
        ? this.m('mapNeedsGroup')
        : this.view === 'map' && !this.geoSrc
          ? this.m('mapNeedsGeo')
          : '';
    return html`${this.renderToolbar(r)}
    ${notice ? html`<p part="notice" class="notice">${notice}</p>` : nothing}
    ${view.geo ? this.renderMap(view, view.geo) : this.renderBarView(view)}`;
  }

  private renderToolbar(r: RegionalResult): TemplateResult {
    const range = (p: { start: number; end: number }) => this.m('range', { start: this.fmt.day(p.start), end: this.fmt.day(p.end) });
    return html`<div part="toolbar" class="toolbar">
      <label class="metric">
        <span>${this.m('metricLabel')}</span>
        <select part="metric-select" .value=${this.choice.id} @change=${(e: Event) => this.onMetricChange(e)}>
          ${REGIONAL_METRICS.map(
            (id) => html`<option value=${id} ?selected=${id === this.choice.id}>${this.m(METRIC_CHOICES[id].label)}</option>`,
          )}
        </select>
      </label>
      <p part="periods" class="periods">${this.m('periods', { current: range(r.period), previous: range(r.previousPeriod) })}</p>
    </div>`;
  }

  private onMetricChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (!isRegionalMetric(value)) return;
    this.metric = value;
    this.announce(this.m(METRIC_CHOICES[value].label));
  }

  private renderBarView(view: RegionalComparisonView): TemplateResult {
    const c = this.choice;
    const groups = this.sortedGroups(view.comparison);
    const handlers = this.markHandlers(groups.length, {
      activate: (i) => this.selectGroup(groups[i], view),
      tooltip: (i) => this.tooltipText(groups[i]),
    });
    const growthBars = c.id === 'growth';
    const data: BarDatum[] = groups.map((g) => {
      const value = c.value(g);
      const previous = c.previous(g);
      const change = c.change(g);
      return {
        key: this.selectionValue(g),
        label: this.groupLabel(g.key),
        // Growth bars are magnitudes coloured by sign (the note carries the sign).
        value: value === null ? 0 : growthBars ? Math.abs(value) : value,
        secondary: previous === null ? undefined : previous,
        selected: this.isSelected(g),
        note: growthBars ? undefined : this.changeText(change),
        noteTone: this.changeTone(change),
        color: growthBars && value !== null && value < 0 ? 'var(--crm-color-negative)' : growthBars ? 'var(--crm-color-positive)' : 'var(--crm-regional-bar-color)',
      };
    });
    const layout = layoutBars(data, {
      width: this.width || 400,
      valueLabel: (d) => {
        const g = groups[data.indexOf(d)];
        return c.compact(this.fmt, c.value(g));
      },
    });
    return html`${renderBars(layout, {
        label: this.headingText,
        handlers,
        markLabel: (row) => {
          const g = groups[row.index];
          // Starts with the visible texts (label, value, note) so the name matches what is seen (WCAG 2.5.3).
          return this.m('markLabel', {
            label: row.datum.label,
            value: row.valueText,
            previous: c.compact(this.fmt, c.previous(g)),
            growth: this.changeText(c.change(g), true),
          }).trim();
        },
      })}
      ${growthBars
        ? nothing
        : html`<div part="legend" class="legend">
            <span class="item"><span class="swatch current"></span>${this.m('legendCurrent')}</span>
            <span class="item"
              ><span class="swatch thin previous"></span>${this.m('legendPrevious')}</span
            >
          </div>`}`;
  }

  /** Province → the group it shows (itself, or its region) and that group. */
  private mapGroups(view: RegionalComparisonView): Map<string, RegionalGroup> {
    const byKey = new Map(view.comparison.groups.map((g) => [g.key, g] as const));
    const out = new Map<string, RegionalGroup>();
    for (const f of view.geo!.features) {
      const name = f.properties!.name as string;
      const key = view.provinceGroup ? view.provinceGroup.get(name) : name;
      const g = key === undefined ? undefined : byKey.get(key);
      if (g) out.set(name, g);
    }
    return out;
  }

  private renderMap(view: RegionalComparisonView, geo: GeoFeatureCollection): TemplateResult {
    const c = this.choice;
    const groups = this.mapGroups(view);
    const data = new Map<string, ChoroplethDatum>();
    for (const [name, g] of groups) {
      const value = c.format(this.fmt, c.value(g));
      const label = view.provinceGroup
        ? this.m('mapAreaRegion', { name, group: this.groupLabel(g.key), value })
        : this.m('mapArea', { name, value });
      data.set(name, { value: c.value(g), label, selected: this.isSelected(g) });
    }
    const width = this.width || 400;
    const layout = layoutChoropleth(geo, data, { width, maxHeight: Math.min(560, Math.max(240, width * 0.85)) });
    const ordered = shapesInFocusOrder(layout);
    const handlers = this.markHandlers(ordered.length, {
      activate: (i) => {
        const g = groups.get(ordered[i].name);
        if (g) this.selectGroup(g, view);
      },
      tooltip: (i) => {
        const name = ordered[i].name;
        const g = groups.get(name);
        return g ? this.tooltipText(g, view.provinceGroup ? `${name} (${this.groupLabel(g.key)})` : name) : this.m('mapNoData', { name });
      },
    });
    const steps = choroplethLegend(layout.max);
    return html`${renderChoropleth(layout, {
        label: this.m('mapLabel', { title: this.headingText }),
        noDataLabel: (name) => this.m('mapNoData', { name }),
        handlers,
      })}
      <div part="legend" class="legend">
        <span class="item">
          <span>${c.compact(this.fmt, 0)}</span>
          <span class="steps" aria-hidden="true">
            ${steps.map((s) => html`<span class="swatch" ${cssProperties({ background: s.fill })}></span>`)}
          </span>
          <span>${c.compact(this.fmt, layout.max)}</span>
        </span>
        <span class="item"><span class="swatch no-data"></span>${this.m('legendNoData')}</span>
      </div>
      <p part="attribution" class="attribution">${this.geoAttribution ?? this.m('attribution')}</p>`;
  }

  // ——— table, heading, summary ———

  protected override tableData(view: RegionalComparisonView): TableData<RegionalGroup> {
    const c = this.choice;
    const prev = c.id === 'growth' ? METRIC_CHOICES.revenue : c;
    const metricName = this.m(prev.label);
    const fig = (id: RegionalMetric): TableColumn<RegionalGroup> => {
      const m = METRIC_CHOICES[id];
      return { key: id, label: this.m(m.label), kind: m.kind, value: (g) => m.value(g) };
    };
    const groupKey = GROUP_BY_LABELS[this.groupByName];
    return {
      columns: [
        { key: 'rank', label: this.m('rank'), kind: 'integer' },
        { key: 'group', label: groupKey ? this.m(groupKey) : this.groupByName, rowHeader: true, value: (g) => this.groupLabel(g.key) },
        fig('revenue'),
        fig('orders'),
        fig('customers'),
        fig('aov'),
        fig('revenue-per-customer'),
        fig('repeat-rate'),
        { key: 'share', label: this.m('share'), kind: 'percent' },
        { key: 'previous', label: this.m('previous', { metric: metricName }), kind: prev.kind, value: (g) => prev.previous(g) },
        {
          key: 'growth',
          label: this.m('growthOf', { metric: metricName }),
          kind: 'number',
          value: (g) => {
            const ch = prev.change(g);
            return ch.kind === 'gap' ? null : ch.value;
          },
          format: (_v, g) => this.changeText(prev.change(g), true),
        },
      ],
      rows: this.sortedGroups(view.comparison),
    };
  }

  protected override defaultHeading(): string {
    return this.m('title');
  }

  protected override summarize(view: RegionalComparisonView): string {
    const c = this.choice;
    const groups = this.sortedGroups(view.comparison).filter((g) => g.rank !== null);
    const lead = groups[0];
    if (!lead) return this.t('rows', { count: 0 });
    const leadText =
      c.id === 'revenue' && lead.share !== null
        ? this.m('summaryLeadShare', { label: this.groupLabel(lead.key), share: this.fmt.percent(lead.share, 0) })
        : this.m('summaryLead', { label: this.groupLabel(lead.key), metric: this.m(c.label), value: c.format(this.fmt, c.value(lead)) });
    const rated = c.id === 'growth' ? METRIC_CHOICES.revenue : c;
    let fastest: { g: RegionalGroup; change: Change } | undefined;
    for (const g of groups) {
      const change = rated.change(g);
      if (change.kind !== 'gap' && (!fastest || change.value > (fastest.change as { value: number }).value)) fastest = { g, change };
    }
    const growthText = fastest
      ? this.m('summaryFastest', { label: this.groupLabel(fastest.g.key), growth: this.changeText(fastest.change).replace(/^[▲▼] /, '') })
      : this.m('summaryNoGrowth');
    return this.m('summaryJoin', { a: leadText, b: growthText });
  }
}
