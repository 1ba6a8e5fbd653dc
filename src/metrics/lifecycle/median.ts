/**
 * Median of the first `n` (finite) values of `values`, which are reordered in place; null when `n` is 0. Even
 * counts average the middle two. Short runs (a customer's gaps) use an insertion sort: cheaper than a call;
 * long ones (a funnel stage's gaps over every customer) a selection of the middle, linear rather than a sort.
 */
export function medianInPlace(values: Float64Array, n = values.length): number | null {
  if (n === 0) return null;
  const mid = n >> 1;
  if (n <= 32) {
    const v = values;
    for (let i = 1; i < n; i++) {
      const x = v[i];
      let j = i - 1;
      for (; j >= 0 && v[j] > x; j--) v[j + 1] = v[j];
      v[j + 1] = x;
    }
    return n % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }
  const upper = selectNth(values, n, mid);
  if (n % 2 === 1) return upper;
  // After the selection every value left of `mid` is ≤ it: the lower middle is their largest.
  let lower = values[0];
  for (let i = 1; i < mid; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/** Reorders `v[0…n)` so `v[k]` is the k-th smallest, smaller ones before it, larger after (Hoare's selection). */
function selectNth(v: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    // Median of three as the pivot: sorted or constant runs (common in day gaps) stay linear.
    const m = (lo + hi) >> 1;
    const a = v[lo];
    const b = v[m];
    const c = v[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        const t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return v[k];
  }
  return v[k];
}
