import type { SegmentScheme } from '../segments.js';
import { codedError } from '../../i18n/coded-error.js';

/**
 * How RFM scores are binned.
 * - `quantile` (default): R `rfm` 0.3.0 `rfm_table_order` exactly — breaks are the R type-7 quantiles of
 *   the customer values at 1/n … (n−1)/n, each + 1; bins are half-open `[lower, upper)` with
 *   lower = (min, breaks…), upper = (breaks…, max + 1). Equal values always share a score.
 * - `ntile`: equal-count groups over the values sorted ascending (recency: oldest first), ties broken by
 *   customer order (first appearance in the orders table); the first `count % n` groups get one extra
 *   customer (dplyr `ntile`). Equal values may land in different groups.
 */
export type RfmMethod = 'quantile' | 'ntile';

/** A bin count (2–10) or explicit ascending thresholds (1–9 of them, used as given, no +1). */
export type RfmBins = number | readonly number[];

export interface RfmSettings {
  method?: RfmMethod;
  /** Bin count for every dimension without its own setting. Default 5. */
  bins?: number;
  recencyBins?: RfmBins;
  frequencyBins?: RfmBins;
  monetaryBins?: RfmBins;
  /**
   * Frequency measure: `orders` (default) = distinct order_id (a row without order_id is its own order);
   * `rows` = every kept order row (R's `transaction_count`). The same when the feed has no order_id.
   */
  frequencyBy?: 'orders' | 'rows';
  /** Segment scheme: preset `'rfm'` (default), `'rf-grid'`, or custom ordered rules. */
  segments?: SegmentScheme;
}

export const MIN_BINS = 2;
export const MAX_BINS = 10;

/** A validated per-dimension binning: a count, or explicit thresholds (then count = thresholds + 1). */
export interface ResolvedBins {
  count: number;
  thresholds: readonly number[] | null;
}

/** Validates one dimension's bins (RangeError naming the setting). */
export function resolveBins(settings: RfmSettings | undefined, dim: 'recency' | 'frequency' | 'monetary'): ResolvedBins {
  const name = `${dim}Bins` as const;
  const given = settings?.[name] ?? settings?.bins ?? 5;
  const label = settings?.[name] !== undefined ? `rfm.${name}` : 'rfm.bins';
  if (typeof given === 'number') {
    if (!Number.isInteger(given) || given < MIN_BINS || given > MAX_BINS)
      throw codedError(RangeError, 'rfm-bin-count', { label, min: MIN_BINS, max: MAX_BINS, value: given });
    return { count: given, thresholds: null };
  }
  if (!Array.isArray(given) || given.length < MIN_BINS - 1 || given.length > MAX_BINS - 1)
    throw codedError(RangeError, 'rfm-threshold-count', {
      label,
      minT: MIN_BINS - 1,
      maxT: MAX_BINS - 1,
      min: MIN_BINS,
      max: MAX_BINS,
      value: Array.isArray(given) ? given.length : typeof given,
    });
  for (let i = 0; i < given.length; i++) {
    if (!Number.isFinite(given[i])) throw codedError(RangeError, 'rfm-threshold-number', { label, index: i, value: String(given[i]) });
    if (i > 0 && !(given[i] > given[i - 1]))
      throw codedError(RangeError, 'rfm-threshold-order', { label, previous: given[i - 1]!, value: given[i]! });
  }
  return { count: given.length + 1, thresholds: given.slice() };
}
