/**
 * Percentile rank of `x` in a population (0–100): the share of values below it plus half the share equal
 * to it ("mid-rank"), so the lowest of many distinct values is near 0, the highest near 100, and a
 * population of equal values puts everyone at 50. NaN values are left out of the population.
 */
export function percentileRank(sortedAscending: Float64Array, x: number): number {
  const n = sortedAscending.length;
  if (n === 0 || x !== x) return NaN;
  const below = lowerBound(sortedAscending, x);
  let above = below;
  while (above < n && sortedAscending[above] === x) above++;
  return (100 * (below + (above - below) / 2)) / n;
}

/** First index whose value is ≥ x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sortedCache = new WeakMap<Float64Array, Float64Array>();

/** The non-NaN values ascending (cached per source array, which must not be mutated afterwards). */
export function sortedValues(values: Float64Array): Float64Array {
  let sorted = sortedCache.get(values);
  if (!sorted) {
    sorted = values.filter((v) => v === v).sort();
    sortedCache.set(values, sorted);
  }
  return sorted;
}
