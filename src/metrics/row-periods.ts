import { periodIndex, type TrendInterval } from './channel/periods.js';
import type { PreparedOrders } from './prepare.js';

/**
 * Period keys (month index or Monday-week index, as `periodIndex`) of every kept row of a prepared base,
 * computed once per base and interval and shared by the trends and profiles that bucket rows by period.
 * Dates are converted once per distinct day of the base's range (a lookup table), not once per row.
 * The array is shared: do not modify it.
 */
export function rowPeriods(base: PreparedOrders, interval: TrendInterval): Int32Array {
  let perBase = cache.get(base);
  if (!perBase) cache.set(base, (perBase = new Map()));
  let periods = perBase.get(interval);
  if (!periods) perBase.set(interval, (periods = computeRowPeriods(base, interval)));
  return periods;
}

const cache = new WeakMap<PreparedOrders, Map<TrendInterval, Int32Array>>();

function computeRowPeriods(base: PreparedOrders, interval: TrendInterval): Int32Array {
  const { day, rowCount } = base;
  const out = new Int32Array(rowCount);
  if (rowCount === 0) return out;
  let lo = Infinity;
  let hi = -Infinity;
  for (let s = 0; s < base.customerCount; s++) {
    if (base.firstDay[s] < lo) lo = base.firstDay[s];
    if (base.lastDay[s] > hi) hi = base.lastDay[s];
  }
  const table = new Int32Array(hi - lo + 1);
  for (let d = lo; d <= hi; d++) table[d - lo] = periodIndex(d, interval);
  for (let j = 0; j < rowCount; j++) out[j] = table[day[j] - lo];
  return out;
}
