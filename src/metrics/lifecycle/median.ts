/**
 * Median of the first `n` (finite) values of `values`, sorted in place; null when `n` is 0. Even counts average the
 * middle two. Short runs (a customer's gaps) use an insertion sort: cheaper than a typed-array sort call.
 */
export function medianInPlace(values: Float64Array, n = values.length): number | null {
  if (n === 0) return null;
  let v = values;
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const x = v[i];
      let j = i - 1;
      for (; j >= 0 && v[j] > x; j--) v[j + 1] = v[j];
      v[j + 1] = x;
    }
  } else v = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
