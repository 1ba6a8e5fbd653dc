/**
 * `forecast`: monthly or weekly revenue or orders, in total and per channel or category, forecast `horizon`
 * periods past the last full period with Holt-Winters exponential smoothing (`holt-winters.ts`, R's
 * `stats::HoltWinters`) and prediction intervals. See docs/metrics.md (forecast) for the rules:
 *
 * - history = the full periods of the trend range (a period is full when it ends on or before
 *   min(asOf, filter end)); a trailing partial period is forecast, not fitted;
 * - two seasons or more (24 months, 104 weeks): seasonal Holt-Winters, additive or multiplicative —
 *   `auto` fits both (multiplicative only when every value is positive) and keeps the lower SSE of one-step
 *   errors (both have the same number of parameters, so this is also the lower AIC);
 * - fewer: Holt's linear trend (4 periods or more), else simple exponential smoothing (2 or 3), else none;
 * - forecasts and interval bounds are floored at 0 (demand is not negative).
 */
import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { baseOptions } from '../base-options.js';
import { groupLabel, rowGroups } from '../regional/group-keys.js';
import { groupTotals } from '../regional/group-totals.js';
import { rowPeriods } from '../row-periods.js';
import { periodIndex, periodOf, periodsBetween, type TrendInterval, type TrendPeriod } from '../channel/periods.js';
import { holtWinters, predictHoltWinters, type HoltWintersFit, type Seasonality, type SmoothingKind } from './holt-winters.js';
import { checkOptions as checkOptionKeys } from '../option-keys.js';
import { codedError } from '../../i18n/coded-error.js';

export interface ForecastOptions extends MetricOptions {
  /** Period length. Default `month`. */
  interval?: TrendInterval;
  /** Default `revenue`. */
  measure?: 'revenue' | 'orders';
  /** Also forecast each channel or category (null: the total only). Default null. */
  by?: 'channel' | 'category' | null;
  /** Periods ahead, 0–36. Default 3. */
  horizon?: number;
  /** Coverage of the prediction interval. Default 0.95 (R's `predict.HoltWinters`). */
  level?: number;
  /** `auto` (default) picks additive or multiplicative by SSE; `none` forces the non-seasonal model. */
  seasonality?: 'auto' | Seasonality | 'none';
}

/** Why the model is not seasonal, or why there is no forecast. */
export type ForecastReason = 'short-history' | 'no-seasonality-asked' | 'too-short';

/** The fitted model of a series (`period`: the season length used, 1 when not seasonal; NaN figures for `none`). */
export interface ForecastModel extends Pick<HoltWintersFit, 'seasonal' | 'period' | 'alpha' | 'beta' | 'gamma' | 'sse'> {
  kind: SmoothingKind | 'none';
  /** Standard deviation of the one-step errors. */
  residualSd: number;
  reason: ForecastReason | null;
  /** SSE of each seasonal candidate `auto` compared (empty when it did not choose). */
  candidates: { seasonal: Seasonality; sse: number }[];
}

export interface SeriesForecast {
  /** Group value; null for the "(unknown)" group and for the total. */
  key: string | null;
  label: string;
  /** Aligned with `ForecastResult.history`. */
  history: number[];
  model: ForecastModel;
  /** Aligned with `ForecastResult.periods` (empty when there is no forecast). */
  mean: number[];
  lower: number[];
  upper: number[];
}

export interface ForecastResult {
  /** False when there is no full period to fit (then every series has `kind: 'none'`). */
  available: boolean;
  interval: TrendInterval;
  measure: 'revenue' | 'orders';
  by: 'channel' | 'category' | null;
  horizon: number;
  level: number;
  /** 12 for months, 52 for weeks. */
  season: number;
  /** The full periods fitted. */
  history: TrendPeriod[];
  /** The trailing partial period (forecast as `periods[0]`), if any, and its value so far per series. */
  partial: TrendPeriod | null;
  /** The forecast periods: `horizon` of them, right after the last full period. */
  periods: TrendPeriod[];
  total: SeriesForecast;
  /** Per group of `by`, by total history descending; empty when `by` is null. */
  series: SeriesForecast[];
}

const SEASON: Record<TrendInterval, number> = { month: 12, week: 52 };

function none(reason: ForecastReason | null): ForecastModel {
  return { kind: 'none', seasonal: null, period: 1, alpha: NaN, beta: NaN, gamma: NaN, sse: NaN, residualSd: NaN, reason, candidates: [] };
}

function modelOf(fit: HoltWintersFit, reason: ForecastReason | null, candidates: ForecastModel['candidates']): ForecastModel {
  return {
    kind: fit.kind,
    seasonal: fit.seasonal,
    period: fit.period,
    alpha: fit.alpha,
    beta: fit.beta,
    gamma: fit.gamma,
    sse: fit.sse,
    residualSd: Math.sqrt(fit.residualVariance),
    reason,
    candidates,
  };
}

/** Fits the model the rules choose for one series (see the module doc). */
export function fitSeries(x: readonly number[], season: number, seasonality: ForecastOptions['seasonality']): { fit: HoltWintersFit | null; model: ForecastModel } {
  const n = x.length;
  if (n >= 2 * season && seasonality !== 'none') {
    const kinds: Seasonality[] =
      seasonality === 'additive' || seasonality === 'multiplicative' ? [seasonality] : x.every((v) => v > 0) ? ['additive', 'multiplicative'] : ['additive'];
    const fits = kinds.map((seasonal) => holtWinters(x, { kind: 'holt-winters', period: season, seasonal }));
    const best = fits.reduce((a, b) => (b.sse < a.sse ? b : a));
    const candidates = fits.length > 1 ? fits.map((f) => ({ seasonal: f.seasonal!, sse: f.sse })) : [];
    return { fit: best, model: modelOf(best, null, candidates) };
  }
  const reason: ForecastReason = seasonality === 'none' ? 'no-seasonality-asked' : 'short-history';
  if (n >= 4) {
    const fit = holtWinters(x, { kind: 'holt' });
    return { fit, model: modelOf(fit, reason, []) };
  }
  if (n >= 2) {
    const fit = holtWinters(x, { kind: 'ses' });
    return { fit, model: modelOf(fit, reason, []) };
  }
  return { fit: null, model: none('too-short') };
}

function forecastSeries(key: string | null, label: string, history: number[], horizon: number, level: number, season: number, seasonality: ForecastOptions['seasonality']): SeriesForecast {
  const { fit, model } = fitSeries(history, season, seasonality);
  if (!fit || horizon === 0) return { key, label, history, model, mean: [], lower: [], upper: [] };
  const p = predictHoltWinters(fit, horizon, level);
  const floor = (a: Float64Array) => Array.from(a, (v) => (v > 0 ? v : 0));
  return { key, label, history, model, mean: floor(p.mean), lower: floor(p.lower), upper: floor(p.upper) };
}

function checkOptions(options: ForecastOptions) {
  const interval = options.interval ?? 'month';
  const measure = options.measure ?? 'revenue';
  const by = options.by ?? null;
  const horizon = options.horizon ?? 3;
  const level = options.level ?? 0.95;
  const seasonality = options.seasonality ?? 'auto';
  if (interval !== 'month' && interval !== 'week') throw codedError(RangeError, 'interval', { value: String(JSON.stringify(interval)) });
  if (measure !== 'revenue' && measure !== 'orders') throw codedError(RangeError, 'measure', { value: String(JSON.stringify(measure)) });
  if (by !== null && by !== 'channel' && by !== 'category') throw new RangeError(`by: expected 'channel', 'category' or null, found ${JSON.stringify(by)}`);
  if (!(Number.isInteger(horizon) && horizon >= 0 && horizon <= 36)) throw new RangeError(`horizon: expected a whole number of periods from 0 to 36, found ${JSON.stringify(horizon)}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level: expected a coverage between 0 and 1 (e.g. 0.95), found ${JSON.stringify(level)}`);
  if (!['auto', 'additive', 'multiplicative', 'none'].includes(seasonality as string))
    throw new RangeError(`seasonality: expected 'auto', 'additive', 'multiplicative' or 'none', found ${JSON.stringify(seasonality)}`);
  return { interval, measure, by, horizon, level, seasonality };
}

/** First and last kept order day of a base. */
function keptRange(base: PreparedOrders): { first: number; last: number } {
  let first = Infinity, last = -Infinity;
  for (let s = 0; s < base.customerCount; s++) {
    if (base.firstDay[s]! < first) first = base.firstDay[s]!;
    if (base.lastDay[s]! > last) last = base.lastDay[s]!;
  }
  return { first, last };
}

/** The forecast of the total and, with `by`, of each group (see the module doc). */
export function forecast(tables: CrmTables, options: ForecastOptions = {}): ForecastResult {
  checkOptionKeys('forecast', options);
  const { interval, measure, by, horizon, level, seasonality } = checkOptions(options);
  const base = prepareOrders(tables, baseOptions(options));
  const season = SEASON[interval];
  const range = base.filter.dateRange;
  const kept = keptRange(base);
  const dataEnd = Math.min(range?.end ?? Infinity, base.asOf);
  const first = range?.start ?? kept.first;
  const periods = periodsBetween(first, Math.min(range?.end ?? kept.last, base.asOf), interval);
  // A filter start inside the first period, or an end inside the last, leaves that period partial.
  let lo = 0, hi = periods.length;
  if (hi && range?.start !== undefined && periods[0]!.start < range.start) lo = 1;
  const partial = hi > lo && periods[hi - 1]!.end > dataEnd ? periods[--hi]! : null;
  const history = periods.slice(lo, hi);
  const P = history.length;
  const nextIndex = P ? periodIndex(history[P - 1]!.start, interval) + 1 : partial ? periodIndex(partial.start, interval) : 0;
  const ahead = P ? Array.from({ length: horizon }, (_, k) => periodOf(nextIndex + k, interval)) : [];

  // Sums per (group, period): group code × P + period offset.
  const groups = by ? rowGroups(base, by, false) : { keys: [null] as (string | null)[], group: new Int32Array(base.rowCount) };
  const G = groups.keys.length;
  const rowPeriod = rowPeriods(base, interval);
  const p0 = P ? periodIndex(history[0]!.start, interval) : 0;
  const cell = new Int32Array(base.rowCount);
  for (let j = 0; j < base.rowCount; j++) {
    const p = rowPeriod[j]! - p0;
    cell[j] = p >= 0 && p < P ? groups.group[j]! * P + p : -1;
  }
  const sums = groupTotals(base, cell, G * P);
  const values = measure === 'revenue' ? sums.revenue : sums.orders;
  const seriesOf = (g: number) => Array.from(values.subarray(g * P, g * P + P));
  const totalHistory = new Array<number>(P).fill(0);
  for (let g = 0; g < G; g++) for (let p = 0; p < P; p++) totalHistory[p] += values[g * P + p]!;

  const h = P ? horizon : 0;
  const total = forecastSeries(null, 'total', totalHistory, h, level, season, seasonality);
  const series = by
    ? groups.keys
        .map((key, g) => ({ key, g, sum: seriesOf(g).reduce((s, v) => s + v, 0) }))
        .sort((a, b) => b.sum - a.sum || (groupLabel(a.key) < groupLabel(b.key) ? -1 : 1))
        .map(({ key, g }) => forecastSeries(key, groupLabel(key), seriesOf(g), h, level, season, seasonality))
    : [];
  return { available: P > 0, interval, measure, by, horizon: h, level, season, history, partial, periods: ahead, total, series };
}
