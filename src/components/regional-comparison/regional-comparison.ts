import { css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { componentTokens } from '../../styles/tokens.js';
import { property } from 'lit/decorators.js';
import { cssProperties } from '../../styles/css-properties.js';
import { orDefault } from '../base/converters.js';
import { CrmWidget, queryCommon, type WidgetQueryContext, type WidgetQueries, type WidgetResults } from '../base/crm-widget.js';
import type { TableColumn, TableData } from '../base/table-data.js';
import type { SelectionField } from '../events.js';
import type { RegionalQuery, RegionalQueryResult } from '../../query/protocol.js';
import { isoToDay } from '../../data/days.js';
import { layoutBars, renderBars, type BarDatum } from '../../charts/bar-chart.js';
import {
  aroundChina,
  choroplethLegend,
  layoutChoropleth,
  NO_DATA_FILL,
  renderChoropleth,
  shapesInFocusOrder,
  type ChoroplethDatum,
  type GeoFeatureCollection,
} from '../../charts/choropleth.js';
import {
  UNKNOWN_GROUP_LABEL,
  type RegionalGroup,
  type RegionalOptions,
  type RegionalResult,
} from '../../metrics/regional/index.js';
import { loadGeo } from './geo-cache.js';
import { geoJsonAreas, matchPlaces, type MapArea } from '../../geo/match-places.js';
import { countryName, countryOf } from '../../geo/countries.js';
import { loadWorldMap } from '../../geo/world-map.js';
import { fastestSupported, supported, supportedInBoth, SUPPORT_MINIMUM } from '../../metrics/support.js';
import { unknownValueLabel, valueLabel, type ValueField } from '../../i18n/values.js';
import { messages, type RegionalMessageKey } from './messages.js';
import { isRegionalMetric, METRIC_CHOICES, REGIONAL_METRICS, signedPercent, type Change, type MetricChoice, type RegionalMetric } from './metric-choices.js';
import { errorText } from '../../data/messages/data-messages.js';

/** What `compute` returns: the metric result plus what the map and selections need. */
export interface RegionalComparisonView {
  comparison: RegionalResult;
  /** The map (map view only): the host's GeoJSON or the built-in world map. */
  geo?: GeoFeatureCollection;
  /** Its areas and their spellings (what group keys are matched against). */
  areas?: MapArea[];
  /** Which map it is: `world` (built in) or `host` (`geo-src`). */
  mapKind?: 'world' | 'host';
  /** The attribution of the built-in map. */
  mapAttribution?: string;
  /** Province → region from the data (map view grouped by region). */
  provinceGroup?: Map<string, string>;
  /** The grouping column is in neither table: what the feed has instead (the "choose a column" state). */
  missing?: { column: string; available: string[] };
  /** The query of `comparison`, to find a group's customers when it is selected. */
  query: RegionalQuery;
}

/** How the map view turned out for this data: drawn (with places left off), or bars and why. */
type MapPlan =
  | { kind: 'map'; groups: Map<string, RegionalGroup>; unmatched: RegionalGroup[] }
  | { kind: 'bars'; unmatched: RegionalGroup[] };

/** The unmatched places a note names before "and N more". */
const NOTE_NAMES = 8;

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
 * @attr view - `bars` (default) or `map`. The map: for `group-by` province (or region: provinces coloured by their
 *   region) the host's province GeoJSON (`geo-src`); for any other grouping (e.g. `country`) the built-in world
 *   map (loaded lazily; countries matched by ISO 3166 alpha-2, alpha-3, numeric codes and English or Chinese
 *   names), or the host's GeoJSON when `geo-src` is given. Places the map does not show are named in a note;
 *   when none match, or the leading group is not on the map, the bars are shown instead (with the note).
 * @attr geo-src - URL of a GeoJSON FeatureCollection (areas named by `geo-key`), or `world` for the built-in
 *   world map. Fetched once per URL.
 * @attr geo-key - the feature property matched against the group values (default `name`; e.g. `sigla` for
 *   state codes). Matching ignores case, accents and punctuation (and 省/市/自治区 suffixes).
 * @attr geo-attribution - attribution line under the map (default: the world map's Natural Earth line; for a
 *   province map "Map: Apache ECharts (Apache-2.0)", translated; none for another host map).
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
 * @csspart notice - a note (places not on the map; map view without geo-src for provinces).
 * A `group-by` column the feed does not have is an empty state (`empty` part) naming the columns it has, with a
 * button for each.
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
      .column-choices {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: var(--crm-space-xs);
      }
    `,
  ];

  /** Attribute to group by (`group-by`). */
  @property({ attribute: 'group-by', converter: orDefault('region') }) groupBy = 'region';
  /** Metric compared (reflected; the switcher sets it). */
  @property({ reflect: true, converter: orDefault<RegionalMetric>('revenue') }) metric: RegionalMetric = 'revenue';
  /** `bars` or `map`. */
  @property({ converter: orDefault<'bars' | 'map'>('bars') }) view: 'bars' | 'map' = 'bars';
  /** GeoJSON URL of the map view; `world` (or unset with a non-province grouping) = the built-in world map. */
  @property({ attribute: 'geo-src' }) geoSrc?: string;
  /** The GeoJSON feature property matched against the group values (default `name`). */
  @property({ attribute: 'geo-key' }) geoKey?: string;
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

  /** Province maps come from the host (`geo-src`): provinces, or regions coloured over their provinces. */
  private get provinceGrouping(): boolean {
    return this.groupByName === 'province' || this.groupByName === 'region';
  }

  /** The map to draw: the host's GeoJSON, the built-in world map, or none (a province map without `geo-src`). */
  private get mapSource(): 'world' | 'host' | undefined {
    if (this.view !== 'map') return undefined;
    const src = this.geoSrc?.trim();
    if (src && src !== 'world') return 'host';
    if (src === 'world' || !this.provinceGrouping) return 'world';
    return undefined;
  }

  protected override computeArgs(): readonly unknown[] {
    const source = this.mapSource;
    return [this.groupByName, this.compareFrom, this.compareTo, this.metric, source, source === 'host' ? this.geoSrc : undefined, this.geoKey];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A selection made under another grouping names a value of another field: drop it.
    if (changed.has('groupBy') && changed.get('groupBy') !== undefined && this.selection) this.clearSelection();
  }

  protected override queries(context: WidgetQueryContext): WidgetQueries {
    if (!isRegionalMetric(this.metric))
      throw new Error(this.m('badMetric', { value: String(this.metric), known: REGIONAL_METRICS.join(', ') }));
    const compare = this.compareRange();
    const source = this.mapSource;
    const query: RegionalQuery = {
      family: 'regional',
      ...queryCommon(context),
      groupBy: this.groupByName,
      ...(compare ? { compare } : {}),
      ...(source === 'host' && this.groupByName === 'region' ? { provinceRegions: true } : {}),
    };
    return { regional: query };
  }

  protected override async compose(results: WidgetResults, queries: WidgetQueries): Promise<RegionalComparisonView> {
    const answer = results.regional as RegionalQueryResult;
    const view: RegionalComparisonView = { comparison: answer.comparison, query: queries.regional as RegionalQuery };
    // Not an error to retry: the feed simply has no such column (the worker says what it has instead).
    if (answer.missing) return { ...view, missing: answer.missing };
    const source = this.mapSource;
    if (source === 'host') {
      const url = this.geoSrc!;
      try {
        view.geo = await loadGeo(url, this.geoKey?.trim() || 'name');
      } catch (error) {
        throw new Error(this.m('geoError', { url, reason: errorText(error, this.resolvedLocale) }));
      }
      view.areas = geoJsonAreas(view.geo);
      view.mapKind = 'host';
      if (answer.provinceRegions) view.provinceGroup = answer.provinceRegions as Map<string, string>;
    } else if (source === 'world') {
      const world = await loadWorldMap();
      Object.assign(view, { geo: world.geo, areas: world.areas, mapKind: 'world', mapAttribution: world.attribution });
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
    // Countries in the widget's language ("United Kingdom" / "英国"), whatever spelling the feed uses.
    if (key !== null && this.groupByName === 'country') {
      const code = countryOf(key);
      if (code) return countryName(code, key, this.resolvedLocale);
    }
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
    const { family: _family, provinceRegions: _p, ...query } = view.query;
    const customerIds = this.customerIdsOf({ ...query, family: 'regional-group-customers', key: g.key });
    const field: SelectionField = (g.key !== null && GROUP_FIELDS[this.groupByName]) || 'customerIds';
    const value = this.selectionValue(g);
    const label = this.groupLabel(g.key);
    if (field !== 'customerIds') return this.select('region', value, { label, customerIds, field, values: [g.key!] });
    // The group's customers are the filter itself: select once the data worker has listed them.
    void customerIds.then((ids) => this.select('region', value, { label, customerIds: ids, field, values: ids }));
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
    if (view.missing) return this.renderMissing(view.missing);
    const r = view.comparison;
    const plan = view.geo ? this.mapPlan(view) : undefined;
    let notice = this.view === 'map' && !view.geo && this.provinceGrouping ? this.m('mapNeedsGeo') : '';
    if (plan) notice = this.mapNote(plan);
    return html`${this.renderToolbar(r)}
    ${notice ? html`<p part="notice" class="notice" role="note">${notice}</p>` : nothing}
    ${plan?.kind === 'map' ? this.renderMap(view, view.geo!, plan.groups) : this.renderBarView(view)}`;
  }

  /** The note on places the map does not show ('' when it shows them all). */
  private mapNote(plan: MapPlan): string {
    const params = { places: this.placeList(plan.unmatched), count: plan.unmatched.length };
    if (plan.kind === 'bars') return this.m('mapNoMatch', params);
    if (!plan.unmatched.length) return '';
    // How much the map leaves out, when it is a share of something (revenue).
    const share = plan.unmatched.reduce((sum, g) => sum + (g.share ?? 0), 0);
    return this.choice.id === 'revenue' ? this.m('mapUnmatchedShare', { ...params, share: this.fmt.percent(share) }) : this.m('mapUnmatched', params);
  }

  /**
   * Whether the map can tell the story: it is drawn when some places are on it, else the bars (never an
   * empty map). Places the map does not show are named in a visible note either way, and the text
   * alternative says it too, so no sentence speaks of a place the map leaves out without saying so.
   */
  private mapPlan(view: RegionalComparisonView): MapPlan {
    const groups = this.sortedGroups(view.comparison);
    const present = groups.filter((g) => g.rank !== null);
    const byArea = new Map<string, RegionalGroup>();
    const unmatched: RegionalGroup[] = [];
    if (view.provinceGroup) {
      // Regions over a province map: each province shows its region (as before).
      const byKey = new Map(groups.map((g) => [g.key, g] as const));
      for (const a of view.areas!) {
        const g = byKey.get(view.provinceGroup.get(a.name) ?? '');
        if (g) byArea.set(a.name, g);
      }
      for (const g of present) if (![...byArea.values()].includes(g)) unmatched.push(g);
    } else {
      const { matched } = matchPlaces(groups.map((g) => g.key), view.areas!);
      for (const g of groups) {
        const area = g.key === null ? undefined : matched.get(g.key);
        // Two values on one area (e.g. "UK" and "United Kingdom"): the map shows the first; the other is named.
        if (area === undefined || byArea.has(area)) {
          if (g.rank !== null) unmatched.push(g);
        } else byArea.set(area, g);
      }
    }
    const shown = new Set(byArea.values());
    if (!present.some((g) => shown.has(g))) return { kind: 'bars', unmatched };
    return { kind: 'map', groups: byArea, unmatched };
  }

  /** "A, B, C and 4 more": the places a note names. */
  private placeList(groups: readonly RegionalGroup[]): string {
    const names = groups.slice(0, NOTE_NAMES).map((g) => this.groupLabel(g.key));
    const sep = this.resolvedLocale === 'zh-CN' ? '、' : ', ';
    return groups.length > NOTE_NAMES ? this.m('andMore', { list: names.join(sep), count: groups.length - NOTE_NAMES }) : names.join(sep);
  }

  /** The grouping column is not in the feed: which columns are, and one click to use one. */
  private renderMissing(missing: NonNullable<RegionalComparisonView['missing']>): TemplateResult {
    const sep = this.resolvedLocale === 'zh-CN' ? '、' : ', ';
    return html`<div part="empty" class="state empty missing-column" role="status">
      <span>${this.m('noGroupColumn', { column: missing.column })}</span>
      ${missing.available.length
        ? html`<span>${this.m('chooseGroupColumn', { columns: missing.available.join(sep) })}</span>
            <div class="column-choices" role="group" aria-label=${this.m('groupByLabel')}>
              ${missing.available.map(
                (c) => html`<button part="button" @click=${() => this.chooseGroupBy(c)}>${this.columnLabel(c)}</button>`,
              )}
            </div>`
        : html`<span>${this.m('noGroupColumns')}</span>`}
    </div>`;
  }

  private chooseGroupBy(column: string): void {
    this.groupBy = column;
    this.announce(this.columnLabel(column));
  }

  /** A grouping column's display name (known ones translated; others as the feed names them). */
  private columnLabel(column: string): string {
    const key = GROUP_BY_LABELS[column];
    return key ? this.m(key) : column;
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
        // A change on fewer than the support minimum in either period is shown, but muted (support rule).
        noteTone: supportedInBoth(g, g.previous) ? this.changeTone(change) : 'muted',
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

  /** An area's name as shown: a country in the widget's language; a host's area as its file names it. */
  private areaName(view: RegionalComparisonView, name: string): string {
    if (view.mapKind !== 'world') return name;
    const f = view.geo!.features.find((x) => x.properties!.name === name);
    const a2 = f?.properties?.iso_a2 as string | undefined;
    return a2 ? countryName({ alpha2: a2, alpha3: '' }, name, this.resolvedLocale) : name;
  }

  private renderMap(view: RegionalComparisonView, geo: GeoFeatureCollection, groups: Map<string, RegionalGroup>): TemplateResult {
    const c = this.choice;
    const data = new Map<string, ChoroplethDatum>();
    for (const [area, g] of groups) {
      const value = c.format(this.fmt, c.value(g));
      const name = view.mapKind === 'world' ? this.groupLabel(g.key) : area;
      const label = view.provinceGroup
        ? this.m('mapAreaRegion', { name, group: this.groupLabel(g.key), value })
        : this.m('mapArea', { name, value });
      data.set(area, { value: c.value(g), label, selected: this.isSelected(g) });
    }
    const width = this.width || 400;
    const world = view.mapKind === 'world';
    const layout = layoutChoropleth(geo, data, {
      width,
      maxHeight: world ? Math.min(520, Math.max(200, width * 0.55)) : Math.min(560, Math.max(240, width * 0.85)),
      projection: world ? 'world' : 'area',
    });
    const ordered = shapesInFocusOrder(layout);
    const handlers = this.markHandlers(ordered.length, {
      activate: (i) => {
        const g = groups.get(ordered[i].name);
        if (g) this.selectGroup(g, view);
      },
      tooltip: (i) => {
        const name = ordered[i].name;
        const g = groups.get(name);
        const shown = this.areaName(view, name);
        return g
          ? this.tooltipText(g, view.provinceGroup ? `${name} (${this.groupLabel(g.key)})` : world ? this.groupLabel(g.key) : name)
          : this.m('mapNoData', { name: shown });
      },
    });
    const steps = choroplethLegend(layout);
    const quantiles = layout.scale.kind === 'quantile';
    return html`${renderChoropleth(layout, {
        label: this.m('mapLabel', { title: this.headingText }),
        noDataLabel: (name) => this.m('mapNoData', { name: this.areaName(view, name) }),
        handlers,
      })}
      <div part="legend" class="legend">
        <span class="item">
          <span>${c.compact(this.fmt, steps[0]?.from ?? 0)}</span>
          <span class="steps" aria-hidden="true">
            ${steps.map(
              (s) =>
                html`<span class="swatch" title=${`${c.compact(this.fmt, s.from)} – ${c.compact(this.fmt, s.to)}`} ${cssProperties({ background: s.fill })}></span>`,
            )}
          </span>
          <span>${c.compact(this.fmt, layout.max)}</span>
          ${quantiles ? html`<span>${this.m('legendQuantiles', { count: steps.length })}</span>` : nothing}
        </span>
        <span class="item"><span class="swatch no-data"></span>${this.m('legendNoData')}</span>
      </div>
      ${this.attributionText(view) ? html`<p part="attribution" class="attribution">${this.attributionText(view)}</p>` : nothing}`;
  }

  /**
   * The map data's attribution: `geo-attribution` when given; the built-in world map's own (Natural Earth);
   * for a host's province map the ECharts line the demo's copy needs. Another host map without
   * `geo-attribution` gets none rather than a wrong one.
   * (The ECharts line is kept for a host province map around China: the demo's and most hosts' copy.)
   */
  private attributionText(view: RegionalComparisonView): string {
    if (this.geoAttribution) return this.geoAttribution;
    if (view.mapKind === 'world') return this.m('worldAttribution');
    return this.provinceGrouping && aroundChina(view.geo!) ? this.m('attribution') : '';
  }

  // ——— table, heading, summary ———

  protected override isEmpty(view: RegionalComparisonView): boolean {
    return !view.missing && view.comparison.groups.length === 0;
  }

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
      rows: view.missing ? [] : this.sortedGroups(view.comparison),
    };
  }

  protected override defaultHeading(): string {
    return this.m('title');
  }

  protected override summarize(view: RegionalComparisonView): string {
    if (view.missing) return this.m('noGroupColumn', { column: view.missing.column });
    const note = view.geo ? this.mapNote(this.mapPlan(view)) : '';
    return note ? `${this.headline(view.comparison)} ${note}` : this.headline(view.comparison);
  }

  /**
   * The finding in one sentence, under the support rule (src/metrics/support.ts): the leader is stated with
   * its counts when it rests on fewer than the minimum orders / customers, and "grew fastest" ranks only
   * groups with the minimum in both periods (saying so when a faster, thinner group was left out).
   */
  headline(r: RegionalResult): string {
    const c = this.choice;
    const groups = this.sortedGroups(r).filter((g) => g.rank !== null);
    const lead = groups[0];
    if (!lead) return this.t('rows', { count: 0 });
    const label = this.groupLabel(lead.key);
    let leadText =
      c.id === 'revenue' && lead.share !== null
        ? this.m('summaryLeadShare', { label, share: this.fmt.percent(lead.share, 0) })
        : this.m('summaryLead', { label, metric: this.m(c.label), value: c.format(this.fmt, c.value(lead)) });
    if (!supported(lead)) leadText += this.m('summaryCounts', { orders: this.ordersText(lead.orders), customers: this.customersText(lead.customers) });
    const rated = c.id === 'growth' ? METRIC_CHOICES.revenue : c;
    const value = (g: RegionalGroup) => {
      const ch = rated.change(g);
      return ch.kind === 'gap' ? null : ch.value;
    };
    const fastest = fastestSupported(groups, value, (g) => ({ current: g, previous: g.previous }));
    const min = { orders: SUPPORT_MINIMUM.orders, customers: SUPPORT_MINIMUM.customers };
    let growthText: string;
    if (fastest.item) {
      const growth = this.changeText(rated.change(fastest.item)).replace(/^[▲▼] /, '');
      growthText = this.m(fastest.skippedFaster ? 'summaryFastestSupported' : 'summaryFastest', { label: this.groupLabel(fastest.item.key), growth, ...min });
    } else growthText = this.m(fastest.skippedAny ? 'summaryNoSupportedGrowth' : 'summaryNoGrowth', min);
    return this.m('summaryJoin', { a: leadText, b: growthText });
  }

  private ordersText(n: number): string {
    return this.m('ordersCount', { count: n, n: this.fmt.integer(n) });
  }

  private customersText(n: number): string {
    return this.m('customersCount', { count: n, n: this.fmt.integer(n) });
  }
}
