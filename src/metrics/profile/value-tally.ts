import type { ColumnCodes } from '../columns.js';
import type { PreparedOrders } from '../prepare.js';

/** Orders and revenue of one categorical value (channel, category) for one customer. */
export interface ValueTally {
  value: string;
  /** Distinct orders with at least one row of this value. */
  orders: number;
  /** Sum of the amounts of those rows. */
  revenue: number;
}

/** Scratch space for `tallyCustomer`, sized to a dictionary; reused across customers. */
export interface TallyScratch {
  orders: Float64Array;
  revenue: Float64Array;
  touched: Int32Array;
  count: number;
  /** Per value: the pass that last touched it (avoids clearing per customer). */
  stamp: Int32Array;
  pass: number;
}

export function tallyScratch(dict: ColumnCodes): TallyScratch {
  const k = dict.values.length;
  return {
    orders: new Float64Array(k),
    revenue: new Float64Array(k),
    touched: new Int32Array(k),
    count: 0,
    stamp: new Int32Array(k).fill(-1),
    pass: 0,
  };
}

/**
 * Adds one customer's rows to `scratch` (after clearing the previous customer's entries): per value, the
 * distinct orders carrying it and the amounts of its rows. Rows without a value are skipped. `kept`: the
 * column's codes in kept-row order (`keptCodes`), when tallying every customer.
 */
export function tallyCustomer(base: PreparedOrders, slot: number, dict: ColumnCodes, scratch: TallyScratch, kept?: Int32Array): void {
  const { orders, revenue, touched, stamp } = scratch;
  const { orderKey, purchase, amount, row } = base;
  const codes = dict.codes;
  const pass = ++scratch.pass;
  let count = 0;
  const a = base.start[slot];
  const b = base.start[slot + 1];
  for (let j = a; j < b; j++) {
    const v = kept ? kept[j] : codes[row[j]];
    if (v < 0) continue;
    if (stamp[v] !== pass) {
      stamp[v] = pass;
      orders[v] = 0;
      revenue[v] = 0;
      touched[count++] = v;
    }
    revenue[v] += amount[j];
    if (!purchase[j]) continue; // a credit is never an order
    // First row of this (order, value) pair in the customer's rows? An order's key is the position of its
    // first row, so a row that starts its order is first, and earlier rows of its order lie in key…j−1.
    const key = orderKey[j];
    let first = true;
    for (let i = key; i < j; i++) {
      if (orderKey[i] === key && purchase[i] && (kept ? kept[i] : codes[row[i]]) === v) {
        first = false;
        break;
      }
    }
    if (first) orders[v]++;
  }
  scratch.count = count;
}

/** The tallied values ranked by orders, then revenue, then first appearance in the data. */
export function rankedTally(dict: ColumnCodes, scratch: TallyScratch, by: 'orders' | 'revenue' = 'orders'): ValueTally[] {
  const out: ValueTally[] = [];
  for (let t = 0; t < scratch.count; t++) {
    const v = scratch.touched[t];
    out.push({ value: dict.values[v], orders: scratch.orders[v], revenue: scratch.revenue[v] });
  }
  const order = (x: ValueTally, y: ValueTally) =>
    by === 'orders'
      ? y.orders - x.orders || y.revenue - x.revenue
      : y.revenue - x.revenue || y.orders - x.orders;
  return out.sort((x, y) => order(x, y) || dict.codeOf.get(x.value)! - dict.codeOf.get(y.value)!);
}

/** The best value of the tally (same ranking as `rankedTally`), or −1 when the customer has none. */
export function bestTallied(scratch: TallyScratch, by: 'orders' | 'revenue'): number {
  let best = -1;
  const p = by === 'orders' ? scratch.orders : scratch.revenue;
  const q = by === 'orders' ? scratch.revenue : scratch.orders;
  for (let t = 0; t < scratch.count; t++) {
    const v = scratch.touched[t];
    if (best < 0) {
      best = v;
      continue;
    }
    if (p[v] > p[best] || (p[v] === p[best] && (q[v] > q[best] || (q[v] === q[best] && v < best)))) best = v;
  }
  return best;
}
