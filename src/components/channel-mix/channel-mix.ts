import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { numberOr, orDefault } from '../base/converters.js';
import { CrmWidget, queryCommon, type WidgetQueryContext, type WidgetQueries, type WidgetResults } from '../base/crm-widget.js';
import { RovingFocusController } from '../base/keyboard.js';
import type { TableData } from '../base/table-data.js';
import type { MarkHandlers } from '../../charts/marks.js';
import {
  layoutChannelCounts,
  layoutShareBar,
  layoutTrend,
  renderChannelCounts,
  renderShareBar,
  renderTrend,
  type ChannelMark,
  type PeriodLabel,
  type ShareDatum,
  type TrendMode,
} from '../../charts/channel-mix.js';
import { dayToDate, dayToMonthIndex } from '../../data/days.js';
import type { ChannelMixQuery } from '../../query/protocol.js';
import { supported, type Support } from '../../metrics/support.js';
import type { Locale } from '../../i18n/locales.js';
import type { ChannelMixResult, ChannelStats } from '../../metrics/channel/index.js';
import type { TrendPeriod } from '../../metrics/channel/periods.js';
import { seriesColor, componentTokens } from '../../styles/tokens.js';
import { composeSvg } from './compose-svg.js';
import type { ForecastResult } from '../../metrics/forecast/forecast.js';
import { layoutForecastOverlay, renderForecastOverlay } from '../../charts/forecast-overlay.js';
import { forecastMessages, type ForecastMessageKey } from './forecast-messages.js';
import { forecastStyles } from './forecast-styles.js';
import { channelForecast, forecastPlacement, type ForecastPlacement } from './forecast-view.js';
import { messages, type ChannelMixMessageKey } from './messages.js';
import { valueLabel } from '../../i18n/values.js';
import { channelSlots } from '../../charts/channel-colors.js';

/** What the widget shows: the metric result and its query (to list a channel's customers under the same options). */
export interface ChannelMixView {
  mix: ChannelMixResult;
  query: ChannelMixQuery;
  /** The demand forecast (total and per channel) when `forecast` > 0. */
  forecast: ForecastResult | null;
}

/** A row of the table view: a channel, or (with a forecast) the total of all channels. */
type ChannelRow = ChannelStats & { isTotal?: boolean };

/** Longest forecast, in periods. */
const MAX_FORECAST = 36;

type Measure = 'revenue' | 'orders';
type Interval = 'month' | 'week';

const GAP = 24;
let instances = 0;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A cached UTC date format (epoch days are UTC calendar days). */
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return f;
}

/**
 * How sales split across channels, how the split moves over time, and whether customers who use more
 * channels spend more. Three parts: a 100 % share bar with a legend (share and value per channel), a stacked
 * trend per month or week (areas, or 100 % bars), and customers by number of channels used (1, 2, 3, 4+) with
 * their average spend and orders. Narrow widgets stack the parts; wide ones put the trend beside the others.
 *
 * Channel names: `store`, `ecommerce`, `social`, `phone` are translated (门店, 电商, 社交, 电话); other values
 * show as they are. Colours come from `--crm-series-*`: the known channels keep `series-1…4` in that order
 * whatever the filter, other channels take `series-5…7` by revenue, orders without a channel `series-8`;
 * every channel also has its own texture, so colour is never the only signal.
 *
 * Keyboard: Tab to the legend, arrows move between channels, Enter/Space selects (filters linked widgets),
 * Esc clears; Tab on to the trend, arrows move across periods with a tooltip listing every channel's value.
 *
 * Export: CSV is the table (channel, revenue, revenue share, orders, order share, AOV, customers); SVG and
 * PNG are ONE picture of the whole chart area (share bar, customer bars and trend, with their titles, as laid
 * out on screen).
 *
 * Metric: `channelMix` (docs/metrics/channel.md).
 *
 * @tag crm-channel-mix
 * @summary Revenue or order share by channel, its trend, and spend by number of channels used.
 *
 * @attr {'revenue'|'orders'} measure - What shares and the trend measure. Default `revenue`.
 * @attr {'month'|'week'} interval - Trend bucket (weeks are ISO, Monday first). Default `month`.
 * @attr {'area'|'percent'} trend - Stacked areas of values, or 100 % bars per period. Default `area`.
 * @attr {number} forecast - Periods to forecast after the last full period (0 = off, the default; up to 36):
 *   the total as a dashed line with its 95 % prediction interval (Holt-Winters, `forecast` metric), channel
 *   forecasts in the tooltip, the table view and the CSV; in `percent` mode the forecast channel shares.
 * @prop {CrmTables} tables - Tables the application normalized itself (see CrmWidget for every shared attribute).
 *
 * @fires crm-channel-select - A channel was selected in the legend or the share bar (`detail.selection.value`
 *   is the channel as in the data, `detail.customerIds` its customers under the current filter), or cleared.
 * @fires crm-filter-change - After every select or clear.
 * @fires crm-export - Before a download (cancelable): `{ format, blob, filename }`.
 *
 * @slot heading - Replaces the title.
 *
 * @csspart base @csspart header @csspart title @csspart actions @csspart button @csspart selection
 * @csspart body @csspart chart @csspart table @csspart tooltip @csspart empty @csspart error @csspart loading
 * @csspart stale
 * @csspart legend - The share bar with its legend (the selectable channel list).
 * @csspart trend - The trend part.
 * @csspart channel-counts - The customers-by-channels-used part.
 * @csspart section-title - The title of each part.
 * @csspart note - The answer line under the channel-count bars, and the "no channel data" note.
 *
 * @cssproperty --crm-channel-mix-count-color - Bars of customers by channels used. Default `var(--crm-series-1)`.
 * @cssproperty --crm-channel-mix-texture-color - Stroke of the channel textures. Default `var(--crm-color-bg)`.
 * @cssproperty --crm-channel-mix-forecast-color - The forecast line, points and band. Default `var(--crm-color-text)`.
 * @cssproperty --crm-channel-mix-trend-height - Height of the trend plot in px (a number). Default 260 wide, 220 narrow.
 */
export class CrmChannelMix extends CrmWidget<ChannelMixView> {
  static override styles = [
    ...CrmWidget.styles,
    css`
      ${componentTokens({
        'crm-channel-mix-count-color': 'var(--crm-series-1)',
        'crm-channel-mix-texture-color': 'var(--crm-color-bg)',
      })}
      .mix {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--crm-space-lg) ${GAP}px;
        position: relative;
      }
      .mix.side {
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
        grid-template-areas: 'share trend' 'counts trend';
        align-items: start;
      }
      .side .share-part {
        grid-area: share;
      }
      .side .trend-part {
        grid-area: trend;
      }
      .side .counts-part {
        grid-area: counts;
      }
      section {
        min-width: 0;
      }
      h3 {
        margin: 0 0 var(--crm-space-sm);
        font-size: var(--crm-font-size-md);
        font-weight: var(--crm-font-weight-strong);
        overflow-wrap: anywhere;
      }
      .note {
        margin: var(--crm-space-sm) 0 0;
        font-size: var(--crm-font-size-sm);
        color: var(--crm-color-text-muted);
      }
      /* Textures: a quiet second signal beside colour (thin, half-transparent), not a pattern to read. */
      .texture {
        fill: none;
        stroke: var(--crm-channel-mix-texture-color);
        stroke-width: 0.9;
        stroke-opacity: 0.45;
        stroke-linecap: round;
      }
      .segment {
        cursor: pointer;
      }
      .segment-label {
        fill: var(--crm-color-text);
        stroke: var(--crm-color-bg);
        stroke-width: 3px;
        stroke-linejoin: round;
        paint-order: stroke;
        font-weight: var(--crm-font-weight-strong);
        pointer-events: none;
      }
      .legend-label,
      .legend-share,
      .section-title {
        fill: var(--crm-color-text);
      }
      .section-title {
        font-size: var(--crm-font-size-md);
        font-weight: var(--crm-font-weight-strong);
      }
      .legend-value,
      .count-detail {
        fill: var(--crm-color-text-muted);
      }
      .legend-share,
      .legend-value {
        font-variant-numeric: tabular-nums;
      }
      .legend-row[aria-selected='true'] .legend-label {
        font-weight: var(--crm-font-weight-strong);
      }
      .has-selection .segment:not([aria-selected='true']),
      .has-selection .legend-row:not([aria-selected='true']) .swatch,
      .has-selection .series:not(.selected) {
        opacity: 0.4;
      }
      .segment[aria-selected='true'] .fill {
        stroke: var(--crm-color-text);
        stroke-width: 1.5;
      }
      .count-bar {
        fill: var(--crm-channel-mix-count-color);
      }
      .period .hit {
        fill: transparent;
      }
      .period:hover .hit,
      .period:focus-visible .hit {
        fill: var(--crm-color-text);
        fill-opacity: 0.08;
      }
      .axis line {
        stroke: var(--crm-color-border);
      }
    `,
    forecastStyles,
  ];

  /** `revenue` (default) or `orders`: what shares and the trend show. */
  @property({ converter: orDefault<Measure>('revenue') }) measure: Measure = 'revenue';
  /** `month` (default) or `week`: the trend bucket. */
  @property({ converter: orDefault<Interval>('month') }) interval: Interval = 'month';
  /** `area` (default): stacked areas; `percent`: 100 % bars per period. */
  @property({ converter: orDefault<TrendMode>('area') }) trend: TrendMode = 'area';
  /** Periods to forecast after the last full period; 0 (default) = off. */
  @property({ attribute: 'forecast', converter: numberOr(0) }) forecast = 0;

  private readonly idPrefix = `crm-channel-mix-${instances++}`;
  /** Roving focus over the trend's periods (the base's `marks` serve the legend). */
  private readonly periodFocus = new RovingFocusController(this, { onActivate: () => {}, onEscape: () => this.clearSelection() });
  private composed?: SVGSVGElement;

  /** `forecast` as a number of periods; null when it is not one (shown as an error note). */
  private forecastHorizon(): number | null {
    const h = Number(this.forecast ?? 0);
    return Number.isInteger(h) && h >= 0 && h <= MAX_FORECAST ? h : null;
  }

  protected override queries(context: WidgetQueryContext): WidgetQueries {
    const mix: ChannelMixQuery = { family: 'channel-mix', ...queryCommon(context), interval: this.interval, measure: this.measure };
    return { mix };
  }

  /** The forecast follows the mix (only when it has channels), so it is asked from here. */
  protected override computeArgs(): readonly unknown[] {
    return [this.forecastHorizon()];
  }

  protected override async compose(results: WidgetResults, queries: WidgetQueries, signal: AbortSignal): Promise<ChannelMixView> {
    const mix = results.mix as ChannelMixResult;
    const query = queries.mix as ChannelMixQuery;
    const horizon = this.forecastHorizon();
    const { family: _family, ...common } = query;
    const forecast = horizon && mix.available ? await this.ask({ ...common, family: 'forecast', by: 'channel', horizon }, signal) : null;
    return { mix, query, forecast };
  }

  private fm(key: ForecastMessageKey, params?: Record<string, string | number>): string {
    return forecastMessages.t(this.resolvedLocale, key, params);
  }

  protected override isEmpty(view: ChannelMixView): boolean {
    return view.mix.channels.length === 0;
  }

  protected override defaultHeading(): string {
    return this.m('title');
  }

  private m(key: ChannelMixMessageKey, params?: Record<string, string | number>): string {
    return messages.t(this.resolvedLocale, key, params);
  }

  // ——— channel names, colours, periods ———

  /** Translated name of a known channel, the raw value otherwise, "(unknown)" for orders without one. */
  channelName(key: string | null): string {
    return valueLabel(this.resolvedLocale, 'channel', key);
  }

  /** Colour/texture slot of each channel (`channelSlots`: the same colour as in every other widget). */
  private slots(mix: ChannelMixResult): Map<string | null, number> {
    const slots = channelSlots(mix.channels.map((c) => c.key));
    return new Map(mix.channels.map((c, i) => [c.key, slots[i]]));
  }

  private marksOf(mix: ChannelMixResult): ChannelMark[] {
    const slots = this.slots(mix);
    return mix.channels.map((c) => {
      const slot = slots.get(c.key)!;
      return { key: c.key ?? '', label: this.channelName(c.key), color: seriesColor(slot), pattern: slot, selected: c.key !== null && this.selection?.value === c.key };
    });
  }

  private periodName(p: TrendPeriod, interval: Interval): string {
    if (interval === 'month') return this.fmt.month(dayToMonthIndex(p.start));
    return `${p.label} (${this.fmt.day(p.start, 'medium')})`;
  }

  private periodTick(p: TrendPeriod, interval: Interval): PeriodLabel {
    const date = dayToDate(p.start);
    const main = interval === 'month' ? { month: 'short' as const } : { month: 'numeric' as const, day: 'numeric' as const };
    return { main: dateFormat(this.resolvedLocale, main).format(date), year: dateFormat(this.resolvedLocale, { year: 'numeric' }).format(date) };
  }

  private valueText(measure: Measure, v: number | null): string {
    return measure === 'revenue' ? this.fmt.compactCurrency(v) : this.fmt.integer(v);
  }

  private shareOf(c: ChannelStats, measure: Measure): number | null {
    return measure === 'revenue' ? c.revenueShare : c.orderShare;
  }

  // ——— selection ———

  private selectChannel(view: ChannelMixView, c: ChannelStats): void {
    if (c.key === null) {
      this.announce(this.m('unknownNoFilter'));
      return;
    }
    const key = c.key;
    const { family: _family, interval: _i, measure: _m, ...common } = view.query;
    const customerIds = this.customerIdsOf({ ...common, family: 'channel-customers', channel: key });
    this.select('channel', key, { label: this.channelName(key), customerIds });
  }

  // ——— rendering ———

  protected override renderChart(view: ChannelMixView): TemplateResult {
    const { mix } = view;
    if (!mix.available)
      return html`<p part="note" class="note">
        ${this.m('noChannelData', { orders: this.fmt.integer(mix.total.orders), revenue: this.fmt.currency(mix.total.revenue) })}
      </p>`;
    if (this.trend !== 'area' && this.trend !== 'percent')
      return html`<p part="error" class="note" role="alert">${this.m('badTrend', { value: String(this.trend) })}</p>`;
    if (this.forecastHorizon() === null)
      return html`<p part="error" class="note" role="alert">${this.fm('badForecast', { value: Number.isNaN(this.forecast) ? this.getAttribute('forecast') ?? 'NaN' : String(this.forecast) })}</p>`;
    const side = this.size === 'wide';
    const full = Math.max(160, this.width || 320);
    const leftWidth = side ? Math.floor(((full - GAP) * 2) / 5) : full;
    const rightWidth = side ? full - GAP - leftWidth : full;
    const marks = this.marksOf(mix);
    return html`<div class="mix ${side ? 'side' : 'stacked'}">
      ${this.renderShare(view, marks, leftWidth)} ${this.renderTrendPart(view, marks, rightWidth, side)}
      ${this.renderCounts(mix, leftWidth)}
    </div>`;
  }

  private renderShare(view: ChannelMixView, marks: ChannelMark[], width: number): TemplateResult {
    const { mix } = view;
    const measure = mix.measure;
    const data: ShareDatum[] = mix.channels.map((c, i) => ({
      ...marks[i],
      share: this.shareOf(c, measure),
      shareText: this.fmt.percent(this.shareOf(c, measure)),
      valueText: this.valueText(measure, measure === 'revenue' ? c.revenue : c.orders),
    }));
    const handlers = this.markHandlers(data.length, {
      activate: (i) => this.selectChannel(view, mix.channels[i]),
      tooltip: (i) => this.channelTooltip(mix.channels[i]),
    });
    const title = this.m(measure === 'revenue' ? 'shareRevenue' : 'shareOrders');
    return html`<section part="legend" class="share-part" aria-labelledby="share-title">
      <h3 part="section-title" id="share-title">${title}</h3>
      ${renderShareBar(layoutShareBar(data, { width }), {
        label: this.m('legendAria', { title }),
        idPrefix: `${this.idPrefix}-s`,
        handlers,
        // The visible text, in order (WCAG 2.5.3 label in name); the list's name says what the share is of.
        markLabel: (d) => `${d.label} ${d.shareText} ${d.valueText}`,
      })}
    </section>`;
  }

  private channelTooltip(c: ChannelStats): string {
    return [
      this.channelName(c.key),
      this.t('labelValue', { label: this.m('colRevenue'), value: this.t('valueShare', { value: this.fmt.currency(c.revenue), share: this.fmt.percent(c.revenueShare) }) }),
      this.t('labelValue', { label: this.m('colOrders'), value: this.t('valueShare', { value: this.fmt.integer(c.orders), share: this.fmt.percent(c.orderShare) }) }),
      this.t('labelValue', { label: this.m('colAov'), value: this.fmt.currency(c.aov) }),
      this.t('labelValue', { label: this.m('colCustomers'), value: this.fmt.integer(c.customers) }),
    ].join('\n');
  }

  /** Each channel's value and share in period `p`, one line each. */
  private periodLines(mix: ChannelMixResult, p: number): string[] {
    const total = mix.trend.reduce((s, t) => s + t.values[p], 0);
    return mix.trend.map((t) =>
      this.m('periodValue', {
        channel: this.channelName(t.key),
        value: this.valueText(mix.measure, t.values[p]),
        share: this.fmt.percent(total > 0 ? t.values[p] / total : null),
      }),
    );
  }

  private periodHandlers(count: number, tooltip: (i: number) => string): MarkHandlers {
    const c = this.periodFocus;
    c.count = count;
    return {
      tabIndex: (i) => c.tabIndex(i),
      keydown: (e) => {
        if (e.key === 'Escape') this.tooltip.hide();
        c.keydown(e);
      },
      focus: (i, mark) => {
        c.focused(i);
        this.tooltip.show(tooltip(i), mark);
      },
      blur: () => this.tooltip.hide(),
      activate: (i) => c.focused(i),
    };
  }

  private renderTrendPart(view: ChannelMixView, marks: ChannelMark[], width: number, side: boolean): TemplateResult {
    const { mix } = view;
    const key = `trend${mix.measure === 'revenue' ? 'Revenue' : 'Orders'}${mix.interval === 'month' ? 'Month' : 'Week'}` as ChannelMixMessageKey;
    const title = `${this.m(key)}${this.trend === 'percent' ? ` ${this.m('trendPercentSuffix')}` : ''}`;
    const heightVar = Number.parseFloat(getComputedStyle(this).getPropertyValue('--crm-channel-mix-trend-height'));
    const height = Number.isFinite(heightVar) && heightVar > 80 ? heightVar : side ? 260 : 220;
    const fc = view.forecast?.available ? view.forecast : null;
    const place = fc ? forecastPlacement(mix, fc) : null;
    const yLabel = (v: number) => (this.trend === 'percent' ? this.fmt.percent(v, 0) : mix.measure === 'revenue' ? this.fmt.compactCurrency(v) : this.fmt.compact(v));
    const layout = layoutTrend(
      marks,
      mix.trend.map((t) => t.values),
      {
        width,
        height,
        mode: this.trend,
        periods: mix.periods.map((p) => this.periodTick(p, mix.interval)),
        yLabel,
        ...(fc && place
          ? {
              extraPeriods: place.extra.map((p) => this.periodTick(p, mix.interval)),
              yMax: Math.max(0, ...fc.total.upper),
              legendExtras: [this.fm('legend', { level: this.fmt.percent(fc.level, 0) })],
            }
          : {}),
      },
    );
    const overlay = fc && place ? renderForecastOverlay(layoutForecastOverlay(layout, this.overlayInput(mix, fc, place))) : undefined;
    const count = mix.periods.length + (place?.extra.length ?? 0);
    const name = (p: number) => this.columnName(mix, fc, place, p);
    const handlers = this.periodHandlers(count, (p) => [name(p), ...this.columnLines(mix, fc, place, p)].join('\n'));
    return html`<section part="trend" class="trend-part" aria-labelledby="trend-title">
      <h3 part="section-title" id="trend-title">${title}</h3>
      ${renderTrend(marks, layout, {
        label: this.m('periodsAria'),
        idPrefix: `${this.idPrefix}-t`,
        handlers,
        overlay,
        periodLabel: (p) => this.t('labelValue', { label: name(p), value: this.columnLines(mix, fc, place, p).join(this.t('listSeparator')) }),
      })}
      ${view.forecast ? html`<p part="note" class="note forecast-note">${this.forecastNote(view.forecast)}</p>` : nothing}
    </section>`;
  }

  /** The overlay's numbers: the total forecast, and in 100 % mode each channel's forecast share. */
  private overlayInput(mix: ChannelMixResult, fc: ForecastResult, place: ForecastPlacement) {
    const slots = this.slots(mix);
    const perChannel = mix.trend.map((t) => channelForecast(fc, t.key)?.mean ?? []);
    const shares = fc.periods.map((_, k) => {
      const sum = perChannel.reduce((s, m) => s + (m[k] ?? 0), 0);
      return perChannel.map((m) => (sum > 0 ? (m[k] ?? 0) / sum : 0));
    });
    return {
      start: place.start,
      anchor: place.anchor,
      mean: fc.total.mean,
      lower: fc.total.lower,
      upper: fc.total.upper,
      shares: mix.trend.map((_, c) => shares.map((row) => row[c]!)),
      slots: mix.trend.map((t) => slots.get(t.key)!),
      label: this.fm('forecast'),
      legendLabel: this.fm('legend', { level: this.fmt.percent(fc.level, 0) }),
    };
  }

  /** The forecast period (index into `fc.periods`) of trend column p, or −1. */
  private forecastIndex(fc: ForecastResult | null, place: ForecastPlacement | null, p: number): number {
    if (!fc || !place) return -1;
    const k = p - place.start;
    return k >= 0 && k < fc.periods.length ? k : -1;
  }

  private columnName(mix: ChannelMixResult, fc: ForecastResult | null, place: ForecastPlacement | null, p: number): string {
    const k = this.forecastIndex(fc, place, p);
    const period = p < mix.periods.length ? mix.periods[p]! : fc!.periods[k]!;
    const name = this.periodName(period, mix.interval);
    return k >= 0 ? this.fm('periodForecast', { period: name }) : name;
  }

  /** Tooltip / accessible lines of trend column p: actual values, and the forecast where there is one. */
  private columnLines(mix: ChannelMixResult, fc: ForecastResult | null, place: ForecastPlacement | null, p: number): string[] {
    const k = this.forecastIndex(fc, place, p);
    const lines: string[] = [];
    if (p < mix.periods.length) {
      if (k < 0) return this.periodLines(mix, p);
      lines.push(this.fm('partialLine', { value: this.valueText(mix.measure, mix.trend.reduce((s, t) => s + t.values[p]!, 0)) }));
    }
    const v = (x: number) => this.valueText(mix.measure, x);
    lines.push(this.fm('totalLine', { value: v(fc!.total.mean[k]!), level: this.fmt.percent(fc!.level, 0), low: v(fc!.total.lower[k]!), high: v(fc!.total.upper[k]!) }));
    for (const t of mix.trend) {
      const s = channelForecast(fc!, t.key);
      if (s?.mean.length) lines.push(this.fm('channelLine', { channel: this.channelName(t.key), value: v(s.mean[k]!) }));
    }
    return lines;
  }

  /** What model the total forecast uses and from when. */
  private forecastNote(fc: ForecastResult): string {
    const m = fc.total.model;
    if (!fc.available || m.kind === 'none') return this.fm('model_none');
    let model: string;
    if (m.kind === 'holt-winters') {
      model = this.fm('model_hw', { seasonal: this.fm(`seasonal_${m.seasonal!}`) });
      const other = m.candidates.find((c) => c.seasonal !== m.seasonal);
      if (other) model += this.resolvedLocale === 'zh-CN' ? `，${this.fm('chosenBy', { other: this.fm(`seasonal_${other.seasonal}`) })}` : `, ${this.fm('chosenBy', { other: this.fm(`seasonal_${other.seasonal}`) })}`;
    } else if (m.kind === 'holt') model = this.fm(fc.interval === 'week' ? 'model_holt_weeks' : 'model_holt');
    else model = this.fm('model_ses', { count: fc.history.length });
    const last = this.periodName(fc.history[fc.history.length - 1]!, fc.interval);
    const space = this.resolvedLocale === 'zh-CN' ? '' : ' ';
    return `${this.fm('note', { model, level: this.fmt.percent(fc.level, 0), last })}${fc.series.length ? space + this.fm('noteChannels') : ''}`;
  }

  private bucketName(label: string, channels: number): string {
    return this.m('bucket', { label, count: channels });
  }

  private renderCounts(mix: ChannelMixResult, width: number): TemplateResult | typeof nothing {
    if (!mix.channelCount.length) return nothing;
    const data = mix.channelCount.map((b) => ({
      label: this.bucketName(b.label, b.channels),
      value: b.averageRevenue,
      valueText: this.m('bucketValue', { value: this.fmt.compactCurrency(b.averageRevenue) }),
      detail: this.m('bucketDetail', {
        customers: this.fmt.integer(b.customers),
        share: this.fmt.percent(b.customerShare),
        orders: this.fmt.number(b.averageOrders, 1),
      }),
    }));
    const aria = this.m('countsAria', {
      rows: mix.channelCount
        .map((b) =>
          this.m('bucketAria', {
            bucket: this.bucketName(b.label, b.channels),
            customers: this.fmt.integer(b.customers),
            share: this.fmt.percent(b.customerShare),
            spend: this.fmt.currency(b.averageRevenue),
            orders: this.fmt.number(b.averageOrders, 1),
          }),
        )
        .join('; '),
    });
    const omni = this.omni(mix);
    return html`<section part="channel-counts" class="counts-part" aria-labelledby="counts-title">
      <h3 part="section-title" id="counts-title">${this.m('countsTitle')}</h3>
      ${renderChannelCounts(layoutChannelCounts(data, { width }), aria)}
      <p part="note" class="note">
        ${omni
          ? this.m(omni.ratio > 1 ? 'omniYes' : 'omniNo', { bucket: omni.bucket, ratio: this.fmt.number(omni.ratio, 1) }) +
            (supported(omni.support) ? '' : this.m('omniThin', this.countParams(omni.support)))
          : this.m('omniNone')}
      </p>
    </section>`;
  }

  /**
   * The answer to "do omni-channel customers spend more?": average spend of the widest bucket that has
   * customers (≥ 2 channels) over that of single-channel customers. Null when either is missing.
   */
  private omni(mix: ChannelMixResult): { bucket: string; ratio: number; support: Support } | null {
    const one = mix.channelCount[0];
    const multi = [...mix.channelCount].reverse().find((b) => b.channels >= 2 && b.customers > 0);
    if (!one?.averageRevenue || !multi || multi.averageRevenue === null) return null;
    return { bucket: this.bucketName(multi.label, multi.channels), ratio: multi.averageRevenue / one.averageRevenue, support: multi };
  }

  /** " (only 3 orders, 3 customers)": what a claim below the support minimum rests on. */
  private countsText(s: Support): string {
    return this.m('summaryCounts', this.countParams(s));
  }

  private countParams(s: Support): { orders: string; customers: string } {
    return {
      orders: this.m('ordersCount', { count: s.orders, n: this.fmt.integer(s.orders) }),
      customers: this.m('customersCount', { count: s.customers, n: this.fmt.integer(s.customers) }),
    };
  }

  protected override summarize(view: ChannelMixView): string {
    const { mix } = view;
    const measure = mix.measure;
    const top = [...mix.channels].sort((a, b) => (this.shareOf(b, measure) ?? 0) - (this.shareOf(a, measure) ?? 0))[0];
    const share = this.shareOf(top, measure);
    let text = this.m('summaryShare', {
      channel: this.channelName(top.key),
      share: this.fmt.percent(share, 0),
      measure: this.m(measure === 'revenue' ? 'measureRevenue' : 'measureOrders'),
    });
    // The support rule (src/metrics/support.ts): a thin leader is stated with its counts …
    if (!supported(top)) text += this.countsText(top);
    // … and the share is compared with the first period that has the minimum orders and customers (when
    // there is a later one).
    const series = mix.trend.find((t) => t.key === top.key);
    const totals = mix.periods.map((_, p) => mix.trend.reduce((s, t) => s + t.values[p], 0));
    const first = totals.findIndex((t, p) => t > 0 && supported({ orders: mix.periodTotals.orders[p], customers: mix.periodTotals.customers[p] }));
    if (series && first >= 0 && first < mix.periods.length - 1 && share !== null) {
      const before = series.values[first] / totals[first];
      const period = this.periodName(mix.periods[first], mix.interval);
      const [a, b] = [this.fmt.percent(before, 0), this.fmt.percent(share, 0)];
      text += this.m(a === b ? 'summarySame' : before < share ? 'summaryUp' : 'summaryDown', { first: a, period });
    }
    const omni = this.omni(mix);
    if (omni) {
      const ratioText = this.fmt.number(omni.ratio, 1);
      text += supported(omni.support)
        ? this.m('summaryOmni', { bucket: omni.bucket, ratio: ratioText })
        : this.m('summaryOmniCounts', { bucket: omni.bucket, ratio: ratioText, counts: this.countsText(omni.support) });
    }
    else if (mix.channelCount.length) text += this.m('summaryOmniNone');
    else text += this.m('summaryEnd');
    const fc = view.forecast;
    if (fc?.available && fc.total.mean.length) {
      const v = (x: number) => this.valueText(mix.measure, x);
      text += this.fm('summaryForecast', {
        period: this.periodName(fc.periods[0]!, fc.interval),
        value: v(fc.total.mean[0]!),
        level: this.fmt.percent(fc.level, 0),
        low: v(fc.total.lower[0]!),
        high: v(fc.total.upper[0]!),
      });
    }
    return text;
  }

  protected override tableData(view: ChannelMixView): TableData<ChannelRow> {
    const fc = view.forecast?.available ? view.forecast : null;
    const kind = view.mix.measure === 'revenue' ? ('currency' as const) : ('number' as const);
    // The forecast of a row: a channel's own, or the total's for the total row.
    const of = (c: ChannelRow) => (c.isTotal ? fc?.total : fc && channelForecast(fc, c.key));
    const forecastColumns = fc
      ? fc.periods.flatMap((p, k) => {
          const period = this.periodName(p, fc.interval);
          const level = this.fmt.percent(fc.level, 0);
          return [
            { key: `forecast_${p.iso}`, label: this.fm('col', { period }), kind, value: (c: ChannelRow) => of(c)?.mean[k] ?? null },
            { key: `forecast_${p.iso}_low`, label: this.fm('colLow', { period, level }), kind, value: (c: ChannelRow) => of(c)?.lower[k] ?? null },
            { key: `forecast_${p.iso}_high`, label: this.fm('colHigh', { period, level }), kind, value: (c: ChannelRow) => of(c)?.upper[k] ?? null },
          ];
        })
      : [];
    const t = view.mix.total;
    const total: ChannelRow = {
      key: null, label: this.fm('totalRow'), revenue: t.revenue, orders: t.orders, customers: t.customers, revenueShare: 1, orderShare: 1,
      aov: t.aov, revenuePerCustomer: t.customers ? t.revenue / t.customers : null, isTotal: true,
    };
    const rows: ChannelRow[] = fc ? [...view.mix.channels, total] : view.mix.channels;
    return {
      rows,
      columns: [
        { key: 'channel', label: this.m('colChannel'), rowHeader: true, value: (c) => (c.isTotal ? c.label : this.channelName(c.key)) },
        { key: 'revenue', label: this.m('colRevenue'), kind: 'currency' },
        { key: 'revenueShare', label: this.m('colRevenueShare'), kind: 'percent' },
        { key: 'orders', label: this.m('colOrders'), kind: 'integer' },
        { key: 'orderShare', label: this.m('colOrderShare'), kind: 'percent' },
        { key: 'aov', label: this.m('colAov'), kind: 'currency' },
        { key: 'customers', label: this.m('colCustomers'), kind: 'integer' },
        ...forecastColumns,
      ],
    };
  }


  // ——— export: one SVG of the whole chart area ———

  protected override chartSvg(): SVGSVGElement | null {
    const area = this.renderRoot.querySelector<HTMLElement>('.mix');
    if (!area) return super.chartSvg();
    this.composed?.remove();
    const parts = [...area.querySelectorAll<SVGSVGElement>(':scope > section > svg')];
    const titles = [...area.querySelectorAll('h3')];
    this.composed = composeSvg(area, parts, titles);
    return this.composed;
  }

  override async exportAs(format: 'csv' | 'svg' | 'png'): Promise<void> {
    try {
      await super.exportAs(format);
    } finally {
      this.composed?.remove();
      this.composed = undefined;
    }
  }
}
