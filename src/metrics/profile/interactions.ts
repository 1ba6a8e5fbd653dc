import { columnCodes, readColumn, rowCount } from '../columns.js';
import { ordersCodesOfEntries, type PreparedOrders } from '../prepare.js';

/**
 * Interactions counted for a customer: those dated on or before asOf and inside `filter.dateRange` (the
 * order-level filters — channel, region, … — do not apply to interactions).
 */
export interface InteractionTotals {
  /** slot → interactions counted. */
  count: Int32Array;
  /** slot → latest interaction day (NaN when none). */
  lastContact: Float64Array;
  /** slot → NPS of the latest interaction that has one (NaN when none; same day → later row wins). */
  latestNps: Float64Array;
}

/** Visits every counted interaction row of customers in the base: `fn(row, slot, day)`. */
export function forEachInteraction(base: PreparedOrders, fn: (row: number, slot: number, day: number) => void): void {
  const table = base.tables.interactions;
  if (!table) return;
  const ids = columnCodes(table, 'customer_id');
  const days = readColumn<number>(table, 'date');
  if (!ids || !days) return;
  const slotOfEntry = Int32Array.from(ordersCodesOfEntries(base.index, ids), (code) => (code < 0 ? -1 : base.slotOfCode[code]));
  const lo = base.filter.dateRange?.start ?? -Infinity;
  const hi = Math.min(base.filter.dateRange?.end ?? Infinity, base.asOf);
  const n = rowCount(table);
  for (let r = 0; r < n; r++) {
    const e = ids.codes[r];
    if (e < 0) continue;
    const slot = slotOfEntry[e];
    const day = days[r];
    if (slot >= 0 && day >= lo && day <= hi) fn(r, slot, day);
  }
}

export function interactionTotals(base: PreparedOrders): InteractionTotals {
  const n = base.customerCount;
  const count = new Int32Array(n);
  const lastContact = new Float64Array(n).fill(NaN);
  const latestNps = new Float64Array(n).fill(NaN);
  const npsDay = new Float64Array(n).fill(-Infinity);
  const table = base.tables.interactions;
  const nps = table ? readColumn<number>(table, 'nps') : undefined;
  forEachInteraction(base, (row, slot, day) => {
    count[slot]++;
    if (!(day <= lastContact[slot])) lastContact[slot] = day;
    const score = nps ? nps[row] : NaN;
    if (score === score && day >= npsDay[slot]) {
      npsDay[slot] = day;
      latestNps[slot] = score;
    }
  });
  return { count, lastContact, latestNps };
}
