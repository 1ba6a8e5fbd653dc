// Hand-made skewed bases for the collapsed-bin tests (docs/metrics.md, "Collapsed bins"): most customers
// buy once, as in a marketplace export.
import { dayToIso, isoToDay } from '../../src/data/days.js';
import type { OrderRow } from './tables.js';

/** The analysis day of both fixtures. */
export const ONE_TIME_AS_OF = '2024-01-01';
const asOf = isoToDay(ONE_TIME_AS_OF);

/**
 * 100 customers `c001` … `c100`; customer k last bought k days before the analysis day and spent 101 − k in
 * total. 97 bought once; c001 bought 3 times, c002 and c003 twice (their earlier orders 30 and 60 days
 * before the last; the amount split evenly). Frequency values: 1 (×97), 2 (×2), 3 (×1).
 */
export function oneTimeBuyerRows(): OrderRow[] {
  const rows: OrderRow[] = [];
  for (let k = 1; k <= 100; k++) {
    const id = `c${String(k).padStart(3, '0')}`;
    const orders = k === 1 ? 3 : k <= 3 ? 2 : 1;
    for (let o = 0; o < orders; o++) rows.push({ id, date: dayToIso(asOf - k - 30 * o), amount: (101 - k) / orders });
  }
  return rows;
}

/**
 * 200 customers: 194 with one order, 2 with two, one each with 3, 4, 5 and 9 orders (six distinct
 * frequencies, more than five bins). Orders on distinct days and amounts (customer i spends i + 1 per
 * order) so recency and monetary are spread.
 */
export function skewedFrequencyRows(): OrderRow[] {
  const counts = [...Array<number>(194).fill(1), 2, 2, 3, 4, 5, 9];
  const rows: OrderRow[] = [];
  counts.forEach((n, i) => {
    for (let o = 0; o < n; o++) rows.push({ id: `s${i}`, date: dayToIso(asOf - 1 - i - 200 * o), amount: i + 1 });
  });
  return rows;
}
