import type { PreparedOrders } from '../prepare.js';

/**
 * Per-group sums over the kept rows of a base, in one pass over typed arrays (no per-row objects).
 *
 * - revenue: sum of `amount` (refund rows are negative and net out);
 * - orders: distinct order keys of a customer's purchase rows (credits are never orders), each counted once, in
 *   the group of its first purchase row in the window;
 * - customers: distinct customers with a row in the group;
 * - repeatCustomers: customers with ≥ 2 orders counted in the group.
 */
export interface GroupTotals {
  revenue: Float64Array;
  orders: Int32Array;
  customers: Int32Array;
  repeatCustomers: Int32Array;
  rows: Int32Array;
  /** Over all groups: distinct customers, those with ≥ 2 orders, orders, revenue, rows. */
  total: { revenue: number; orders: number; customers: number; repeatCustomers: number; rows: number };
}

/**
 * A scratch array over order keys: the customer slot that last counted each key (−1 = none yet). Order keys
 * are kept-row positions, so `rowCount` entries cover them.
 */
export const keyStamp = (base: PreparedOrders) => new Int32Array(base.rowCount).fill(-1);

/**
 * Totals per group for kept rows dated in `[lo, hi]`. `group[j]` is the group of kept row j (0 … groupCount−1);
 * rows with a negative group are skipped.
 */
export function groupTotals(base: PreparedOrders, group: Int32Array, groupCount: number, lo = -Infinity, hi = Infinity): GroupTotals {
  const revenue = new Float64Array(groupCount);
  const orders = new Int32Array(groupCount);
  const customers = new Int32Array(groupCount);
  const repeatCustomers = new Int32Array(groupCount);
  const rows = new Int32Array(groupCount);
  // Totals in locals: the hot loop updates numbers, not object fields.
  let totalRevenue = 0;
  let totalOrders = 0;
  let totalCustomers = 0;
  let totalRepeat = 0;
  let totalRows = 0;
  const groupSeen = new Int32Array(groupCount).fill(-1);
  const ordersInGroup = new Int32Array(groupCount);
  const { start, day, amount, orderKey, purchase } = base;
  for (let s = 0; s < base.customerCount; s++) {
    let customerOrders = 0;
    let customerRows = 0;
    for (let j = start[s]; j < start[s + 1]; j++) {
      const d = day[j];
      const g = group[j];
      if (d < lo || d > hi || g < 0) continue;
      customerRows++;
      if (groupSeen[g] !== s) {
        groupSeen[g] = s;
        customers[g]++;
        ordersInGroup[g] = 0;
      }
      revenue[g] += amount[j];
      rows[g]++;
      // Counted at its first row that passes (the date window and a group): a row that starts its order
      // (key = its position) is that row; otherwise look back over the order's earlier rows.
      const key = orderKey[j];
      let first = purchase[j] === 1;
      if (first && key !== j) {
        for (let i = key; i < j; i++) {
          if (orderKey[i] === key && purchase[i] && day[i] >= lo && day[i] <= hi && group[i] >= 0) {
            first = false;
            break;
          }
        }
      }
      if (first) {
        orders[g]++;
        customerOrders++;
        if (++ordersInGroup[g] === 2) repeatCustomers[g]++;
      }
      totalRevenue += amount[j];
    }
    if (customerRows > 0) totalCustomers++;
    if (customerOrders >= 2) totalRepeat++;
    totalOrders += customerOrders;
    totalRows += customerRows;
  }
  const total = { revenue: totalRevenue, orders: totalOrders, customers: totalCustomers, repeatCustomers: totalRepeat, rows: totalRows };
  return { revenue, orders, customers, repeatCustomers, rows, total };
}
