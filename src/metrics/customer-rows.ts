import type { PreparedOrders } from './prepare.js';

/** The per-customer aggregates of the kept rows (slot order), as the prepared base and the server both have them. */
export interface CustomerAggregates {
  /** slot → first / last purchase day (epoch days). */
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** slot → distinct orders (order ids of purchase rows; a purchase row without one is its own order). */
  orders: Int32Array;
  /** slot → kept purchase rows (every purchase row counted, as R's rfm counts transactions). */
  rows: Int32Array;
  /** slot → sum of kept amounts (purchases and credits). */
  revenue: Float64Array;
  /** slot → distinct purchase days. */
  purchaseDays: Int32Array;
}

/**
 * One row per customer: what every population-level step (RFM breaks and scores, segment summaries) needs,
 * and all it needs. The browser builds it from a prepared base (`customerRowsOf`); a server engine gets the
 * same rows from one SQL aggregate (src/server), so both feed the same pure assemblers (`rfmFromCustomers`).
 * Customers are those with at least one kept purchase row, in the base's slot order (first appearance).
 */
export interface CustomerRows extends CustomerAggregates {
  /** Analysis day (epoch day). */
  asOf: number;
  customerCount: number;
  /** slot → customer id. */
  ids: readonly string[];
  /** Customers whose kept rows are all credits (not customers, so in no slot). */
  creditOnlyCustomers: number;
}

const idsCache = new WeakMap<PreparedOrders, CustomerRows>();

/** The per-customer rows of a prepared base (views of its arrays; ids resolved once per base). */
export function customerRowsOf(base: PreparedOrders): CustomerRows {
  let rows = idsCache.get(base);
  if (rows) return rows;
  const n = base.customerCount;
  const ids = new Array<string>(n);
  for (let s = 0; s < n; s++) ids[s] = base.index.ids[base.customerCode[s]];
  rows = {
    asOf: base.asOf,
    customerCount: n,
    ids,
    firstDay: base.firstDay,
    lastDay: base.lastDay,
    orders: base.orders,
    rows: base.rows,
    revenue: base.revenue,
    purchaseDays: base.purchaseDays,
    creditOnlyCustomers: base.creditOnlyCustomers,
  };
  idsCache.set(base, rows);
  return rows;
}

/** Keeps the customers whose slot passes `keep` (a customer-level filter applied after aggregation). */
export function selectCustomerRows(rows: CustomerRows, keep: (slot: number) => boolean): CustomerRows {
  const slots: number[] = [];
  for (let s = 0; s < rows.customerCount; s++) if (keep(s)) slots.push(s);
  const pick = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(slots.length);
    for (let i = 0; i < slots.length; i++) out[i] = a[slots[i]];
    return out;
  };
  return {
    asOf: rows.asOf,
    customerCount: slots.length,
    ids: slots.map((s) => rows.ids[s]),
    firstDay: pick(rows.firstDay),
    lastDay: pick(rows.lastDay),
    orders: pick(rows.orders),
    rows: pick(rows.rows),
    revenue: pick(rows.revenue),
    purchaseDays: pick(rows.purchaseDays),
    // As in prepareOrders: a customer-level keep list (segments) holds only customers, so no credit-only rows.
    creditOnlyCustomers: 0,
  };
}
