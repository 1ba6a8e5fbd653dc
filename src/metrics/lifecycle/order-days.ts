import type { PreparedOrders } from '../prepare.js';
import { keyStamp } from '../regional/group-totals.js';

/**
 * Purchases as the lifecycle counts them: distinct order keys of a customer with at least one kept row of
 * positive amount, dated by that first positive row. Refund rows (negative) and zero rows are not purchases.
 */

/**
 * Day of each customer's n-th purchase for every n in `ns`, by universe code (NaN = fewer purchases).
 * Kept rows are sorted by customer then day, so one pass per customer finds them in order.
 */
export function nthPurchaseDays(base: PreparedOrders, universeSize: number, ns: readonly number[]): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  for (const n of ns) out.set(n, new Float64Array(universeSize).fill(NaN));
  if (ns.length === 0) return out;
  const maxN = Math.max(...ns);
  const byCount: (Float64Array | undefined)[] = [];
  for (const [n, days] of out) byCount[n] = days;
  const stamp = keyStamp(base);
  for (let s = 0; s < base.customerCount; s++) {
    const code = base.customerCode[s];
    let count = 0;
    for (let j = base.start[s]; j < base.start[s + 1] && count < maxN; j++) {
      if (!base.purchase[j] || !(base.amount[j] > 0)) continue;
      const key = base.orderKey[j];
      if (stamp[key] === s) continue;
      stamp[key] = s;
      const days = byCount[++count];
      if (days) days[code] = base.day[j];
    }
  }
  return out;
}

/** Every purchase day of one customer slot, ascending (for custom stage tests). */
export function purchaseDaysOfSlot(base: PreparedOrders, slot: number, stamp: Int32Array): number[] {
  const days: number[] = [];
  for (let j = base.start[slot]; j < base.start[slot + 1]; j++) {
    if (!base.purchase[j] || !(base.amount[j] > 0) || stamp[base.orderKey[j]] === slot) continue;
    stamp[base.orderKey[j]] = slot;
    days.push(base.day[j]);
  }
  return days;
}
