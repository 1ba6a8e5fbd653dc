import type { PreparedOrders } from '../prepare.js';
import { assignSegments, resolveSegmentScheme, segmentInfos, type SegmentInfo } from '../segments.js';
import { resolveBins, RFM_METHODS, type RfmMethod, type RfmSettings, type ResolvedBins } from './settings.js';
import { distinctCount, distinctValueBreaks, emptyScores, type RfmBinCheck } from './collapse.js';
import { codedError } from '../../i18n/coded-error.js';

/** Bin edges of one dimension, in value units. */
export interface RfmThresholds {
  /**
   * quantile / explicit thresholds: half-open bins `[lower[i], upper[i])` as R reports them (bin i is the
   * (i+1)-th bin by value; for recency that is score `count − i`).
   * ntile: the smallest / largest value in each group (inclusive; NaN for an empty group).
   */
  lower: number[];
  upper: number[];
}

/** Per-customer RFM arrays (slot order of the prepared base) and how they were made. */
export interface RfmScores {
  method: RfmMethod;
  /** Bins per dimension as scored (`auto` may use fewer than asked where there are fewer distinct values). */
  bins: { recency: number; frequency: number; monetary: number };
  thresholds: { recency: RfmThresholds; frequency: RfmThresholds; monetary: RfmThresholds };
  /** Per dimension: distinct values, scores without customers (collapsed bins), whether `auto` fell back. */
  checks: { recency: RfmBinCheck; frequency: RfmBinCheck; monetary: RfmBinCheck };
  /** asOf − last order day. */
  recencyDays: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Segment index per customer into `segments` (the last one is `others`). */
  segment: Uint8Array;
  segments: SegmentInfo[];
}

/**
 * R's `quantile(x, p, type = 7)` on ascending `sorted` values, computed with the same floating-point
 * steps as R (index = 1 + (n − 1)·p; interpolate only when index > lo and the neighbours differ).
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1];
  const xhi = sorted[hi - 1];
  if (index > lo && xhi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xhi;
  }
  return qs;
}

/** R rfm's breaks for `count` bins: type-7 quantiles at k·(1/count), k = 1 … count−1, each + 1. */
export function rfmQuantileBreaks(sorted: ArrayLike<number>, count: number): number[] {
  const step = 1 / count; // R: seq(0, 1, length.out = count + 1) → from + k * ((to − from) / n1)
  const breaks: number[] = [];
  for (let k = 1; k < count; k++) breaks.push(quantileType7(sorted, k * step) + 1);
  return breaks;
}

/**
 * Scores of one dimension. `bin` (0-based, by ascending value) = number of breaks ≤ x, i.e. the i with
 * lower[i] ≤ x < upper[i]. Recency is reversed by the caller. Returns the bin of each value.
 */
function binByBreaks(values: ArrayLike<number>, breaks: readonly number[], out: Uint8Array): void {
  const nb = breaks.length;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    let b = 0;
    while (b < nb && x >= breaks[b]) b++;
    out[i] = b;
  }
}

function sortedCopy(values: Int32Array | Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/** One dimension's thresholds, bin count (as scored) and bin check. */
interface DimensionScores {
  thresholds: RfmThresholds;
  count: number;
  check: RfmBinCheck;
}

/**
 * One dimension: writes 1-based scores (recency reversed: `reverse`) into `out`. `auto` scores by R's
 * quantiles first and falls back to distinct-value breaks only when a quantile bin is empty.
 */
function scoreDimension(
  values: Int32Array | Float64Array,
  spec: ResolvedBins,
  method: RfmMethod,
  reverse: boolean,
  out: Uint8Array,
): DimensionScores {
  const sorted = sortedCopy(values);
  const distinct = distinctCount(sorted);
  const done = (thresholds: RfmThresholds, count: number, fallback = false): DimensionScores => ({
    thresholds,
    count,
    check: { distinct, emptyScores: emptyScores(out, count), fallback },
  });
  if (spec.thresholds || method !== 'auto') return done(scoreBy(values, sorted, spec.thresholds ?? null, spec.count, method, reverse, out), spec.count);
  // auto: R's quantile bins unless one of them would hold nobody (and there are two values to tell apart).
  const quantile = scoreBy(values, sorted, null, spec.count, 'quantile', reverse, out);
  if (distinct < 2 || emptyScores(out, spec.count).length === 0) return done(quantile, spec.count);
  const breaks = distinctValueBreaks(sorted, spec.count);
  return done(scoreBy(values, sorted, breaks, breaks.length + 1, 'quantile', reverse, out), breaks.length + 1, true);
}

/**
 * Scores by `given` breaks, else R's quantile breaks (method quantile) or ntile groups (ranked from the
 * largest value when `reverse`, so the oldest purchase gets the lowest group).
 */
function scoreBy(
  values: Int32Array | Float64Array,
  sorted: Float64Array,
  given: readonly number[] | null,
  count: number,
  method: RfmMethod,
  reverse: boolean,
  out: Uint8Array,
): RfmThresholds {
  const n = values.length;
  let thresholds: RfmThresholds;
  if (given || method !== 'ntile') {
    const breaks = given ? [...given] : rfmQuantileBreaks(sorted, count);
    binByBreaks(values, breaks, out);
    const min = n ? sorted[0] : NaN;
    const max = n ? sorted[n - 1] : NaN;
    thresholds = { lower: [min, ...breaks], upper: [...breaks, max + 1] };
  } else {
    // dplyr ntile over values ordered ascending (recency: descending days = oldest first), ties by slot.
    const order = Int32Array.from({ length: n }, (_, i) => i);
    order.sort(reverse ? (a, b) => values[b] - values[a] || a - b : (a, b) => values[a] - values[b] || a - b);
    const larger = Math.ceil(n / count);
    const smaller = Math.floor(n / count);
    const nLarger = n % count;
    const threshold = nLarger * larger;
    const lower = new Array<number>(count).fill(NaN);
    const upper = new Array<number>(count).fill(NaN);
    for (let p = 0; p < n; p++) {
      const bin = p < threshold || smaller === 0 ? Math.floor(p / larger) : Math.floor((p - threshold) / smaller) + nLarger;
      const i = order[p];
      out[i] = bin;
      const v = values[i];
      if (!(v >= lower[bin])) lower[bin] = v;
      if (!(v <= upper[bin])) upper[bin] = v;
    }
    thresholds = { lower, upper };
    // ntile bins already run from worst to best (recency sorted oldest first): no reversal below.
    for (let i = 0; i < n; i++) out[i] += 1;
    return thresholds;
  }
  for (let i = 0; i < n; i++) out[i] = reverse ? count - out[i] : out[i] + 1;
  return thresholds;
}

/** RFM scores and segments of every customer in a prepared base. */
export function scoreRfm(base: PreparedOrders, settings: RfmSettings = {}): RfmScores {
  const method = settings.method ?? 'quantile';
  if (!RFM_METHODS.includes(method))
    throw codedError(RangeError, 'rfm-method', { value: String(method), expected: RFM_METHODS.map((m) => `'${m}'`).join(', ') });
  const by = settings.frequencyBy ?? 'orders';
  if (by !== 'orders' && by !== 'rows') throw codedError(RangeError, 'rfm-frequency-by', { value: String(by) });
  const specs = {
    recency: resolveBins(settings, 'recency'),
    frequency: resolveBins(settings, 'frequency'),
    monetary: resolveBins(settings, 'monetary'),
  };
  const { rules, preset } = resolveSegmentScheme(settings.segments);
  const n = base.customerCount;
  const recencyDays = new Int32Array(n);
  for (let s = 0; s < n; s++) recencyDays[s] = base.asOf - base.lastDay[s];
  const frequency = by === 'rows' ? base.rows : base.orders;
  const monetary = base.revenue;
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  const rec = scoreDimension(recencyDays, specs.recency, method, true, r);
  const freq = scoreDimension(frequency, specs.frequency, method, false, f);
  const mon = scoreDimension(monetary, specs.monetary, method, false, m);
  const thresholds = { recency: rec.thresholds, frequency: freq.thresholds, monetary: mon.thresholds };
  const bins = { recency: rec.count, frequency: freq.count, monetary: mon.count };
  return {
    method,
    bins,
    thresholds,
    checks: { recency: rec.check, frequency: freq.check, monetary: mon.check },
    recencyDays,
    frequency,
    monetary,
    r,
    f,
    m,
    segment: assignSegments(r, f, m, bins, rules, preset),
    segments: segmentInfos(rules),
  };
}

/**
 * The segment part of the common filter: per customer code, 1 when the customer's segment (scored over
 * `base`, i.e. the customers the rest of the filter keeps) is one of `wanted` (segment ids; English
 * labels are accepted too). Unknown names are a RangeError listing the known ids.
 */
export function segmentFilterMask(base: PreparedOrders, settings: RfmSettings | undefined, wanted: readonly string[]): Uint8Array {
  const scores = scoreRfm(base, settings);
  const chosen = new Uint8Array(scores.segments.length);
  for (const w of wanted) {
    const i = scores.segments.findIndex((s) => s.id === w || s.labels.en === w);
    if (i < 0)
      throw codedError(RangeError, 'segment-unknown', { value: w, known: scores.segments.map((s) => s.id).join(', ') });
    chosen[i] = 1;
  }
  const mask = new Uint8Array(base.index.ids.length);
  for (let s = 0; s < base.customerCount; s++) if (chosen[scores.segment[s]]) mask[base.customerCode[s]] = 1;
  return mask;
}
