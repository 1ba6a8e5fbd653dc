import type { PreparedOrders } from '../prepare.js';
import { assignSegments, resolveSegmentScheme, segmentInfos, type SegmentInfo } from '../segments.js';
import { resolveBins, type RfmMethod, type RfmSettings, type ResolvedBins } from './settings.js';
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
  bins: { recency: number; frequency: number; monetary: number };
  thresholds: { recency: RfmThresholds; frequency: RfmThresholds; monetary: RfmThresholds };
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

/**
 * One dimension. `descending` = rank for ntile from the largest value (used for recency so the oldest
 * purchase gets the lowest bin). Writes 1-based scores (recency reversed) into `out`.
 */
function scoreDimension(
  values: Int32Array | Float64Array,
  spec: ResolvedBins,
  method: RfmMethod,
  reverse: boolean,
  out: Uint8Array,
): RfmThresholds {
  const n = values.length;
  const count = spec.count;
  let thresholds: RfmThresholds;
  if (spec.thresholds || method === 'quantile') {
    const sorted = sortedCopy(values);
    const breaks = spec.thresholds ? [...spec.thresholds] : rfmQuantileBreaks(sorted, count);
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
  if (method !== 'quantile' && method !== 'ntile')
    throw codedError(RangeError, 'rfm-method', { value: String(method) });
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
  const thresholds = {
    recency: scoreDimension(recencyDays, specs.recency, method, true, r),
    frequency: scoreDimension(frequency, specs.frequency, method, false, f),
    monetary: scoreDimension(monetary, specs.monetary, method, false, m),
  };
  const bins = { recency: specs.recency.count, frequency: specs.frequency.count, monetary: specs.monetary.count };
  return {
    method,
    bins,
    thresholds,
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
