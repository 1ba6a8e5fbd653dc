/**
 * Collapsed RFM bins: on skewed data (most customers buying once) R's quantile breaks coincide, so some
 * scores hold nobody and the top score swallows every repeat buyer. This module finds those bins and makes
 * the tie-aware breaks `method: 'auto'` falls back to (docs/metrics.md, "Collapsed bins").
 */

/** How one dimension was binned and which of its scores hold nobody. */
export interface RfmBinCheck {
  /** Distinct values of the dimension among the scored customers. */
  distinct: number;
  /** Scores (1-based, as shown: recency already reversed) without a customer, ascending. */
  emptyScores: number[];
  /** True when `method: 'auto'` replaced collapsed quantile bins by distinct-value bins here. */
  fallback: boolean;
}

/** Number of distinct values in ascending `sorted`. */
export function distinctCount(sorted: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) d++;
  return d;
}

/**
 * Tie-aware breaks for at most `count` bins over ascending `sorted` values (used as half-open thresholds
 * `[lower, upper)`, like explicit ones). With d ≤ count distinct values every value is its own bin (d − 1
 * breaks). Otherwise the values are walked in ascending groups of equal values: each bin takes at least one
 * group and keeps taking the next while that brings its size strictly closer to its fair share (customers
 * left ÷ bins left) and enough groups stay for the bins after it; the last bin takes the rest. So a value
 * is never split and a value held by 97 % of customers is one bin, the other bins sharing the rest.
 */
export function distinctValueBreaks(sorted: ArrayLike<number>, count: number): number[] {
  const groups: { value: number; size: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) groups[groups.length - 1].size++;
    else groups.push({ value: sorted[i], size: 1 });
  }
  if (groups.length <= count) return groups.slice(1).map((g) => g.value);
  const breaks: number[] = [];
  let left = sorted.length;
  let g = 0;
  for (let bin = 0; bin < count - 1; bin++) {
    const target = left / (count - bin);
    let size = groups[g++].size;
    // Groups that must stay for the bins after this one: count − bin − 1.
    while (g < groups.length - (count - bin - 1) && Math.abs(size + groups[g].size - target) < Math.abs(size - target))
      size += groups[g++].size;
    left -= size;
    breaks.push(groups[g].value);
  }
  return breaks;
}

/** Scores 1 … count that no customer has. */
export function emptyScores(scores: Uint8Array, count: number): number[] {
  const seen = new Uint8Array(count + 1);
  for (let i = 0; i < scores.length; i++) seen[scores[i]] = 1;
  const out: number[] = [];
  for (let s = 1; s <= count; s++) if (!seen[s]) out.push(s);
  return out;
}
