/** Median of the first `n` values of `values` (sorted in place); null when `n` is 0. Even counts average the middle two. */
export function medianInPlace(values: Float64Array, n = values.length): number | null {
  if (n === 0) return null;
  const v = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
