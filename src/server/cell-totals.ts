import type { GroupTotals } from '../metrics/regional/group-totals.js';
import type { SqlRow } from './sql-engine.js';

/** The rows of the two cell statements of one window (cell-sql.ts). */
export interface PeriodRows {
  groups: SqlRow[];
  orders: SqlRow[];
}

/** Group key of a SQL group value ('' = the "(unknown)" group, key null). */
export const groupKeyOf = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * `codeOf` maps a row's SQL key to its cell code (−1: not counted).
 * Per-group totals of one period from per-(customer, group) rows — the same sums `groupTotals` makes over a
 * prepared base: revenue, rows, orders (lone purchase rows + orders with an id attributed to the group),
 * distinct customers, customers with ≥ 2 orders in the group, and the all-groups total.
 */
export function totalsFromRows(rows: PeriodRows, codeOf: (rawKey: unknown) => number, groupCount: number, inBase: (id: string) => boolean): GroupTotals {
  const revenue = new Float64Array(groupCount);
  const orders = new Int32Array(groupCount);
  const customers = new Int32Array(groupCount);
  const repeatCustomers = new Int32Array(groupCount);
  const rowCount = new Int32Array(groupCount);
  const total = { revenue: 0, orders: 0, customers: 0, repeatCustomers: 0, rows: 0 };
  const pair = (cid: string, g: number) => `${g}\u0000${cid}`;
  const ordersOf = new Map<string, number>();
  for (const r of rows.orders) {
    const cid = String(r.crm_cid);
    const g = inBase(cid) ? codeOf(r.crm_key) : -1;
    if (g >= 0) ordersOf.set(pair(cid, g), Number(r.crm_orders));
  }
  const perCustomer = new Map<string, number>();
  for (const r of rows.groups) {
    const cid = String(r.crm_cid);
    if (!inBase(cid)) continue;
    const g = codeOf(r.crm_key);
    if (g < 0) continue; // outside the cells counted (a trend row beyond the periods)
    const n = Number(r.crm_rows);
    const o = Number(r.crm_lone) + (ordersOf.get(pair(cid, g)) ?? 0);
    revenue[g] += Number(r.crm_revenue);
    rowCount[g] += n;
    customers[g]++;
    orders[g] += o;
    if (o >= 2) repeatCustomers[g]++;
    total.revenue += Number(r.crm_revenue);
    total.rows += n;
    total.orders += o;
    perCustomer.set(cid, (perCustomer.get(cid) ?? 0) + o);
  }
  total.customers = perCustomer.size;
  for (const o of perCustomer.values()) if (o >= 2) total.repeatCustomers++;
  return { revenue, orders, customers, repeatCustomers, rows: rowCount, total };
}

/**
 * The same rows re-keyed by `keyOf` (null: dropped) and summed per (customer, new key) — e.g. channel × period
 * cells folded into periods, whose distinct customers cannot be summed from the cells' totals.
 */
export function foldRows(rows: PeriodRows, keyOf: (rawKey: unknown) => string | null): PeriodRows {
  const fold = (list: SqlRow[], fields: readonly string[]): SqlRow[] => {
    const out = new Map<string, SqlRow>();
    for (const r of list) {
      const key = keyOf(r.crm_key);
      if (key === null) continue;
      const id = `${key}\u0000${String(r.crm_cid)}`;
      const sum = out.get(id);
      if (!sum) out.set(id, { ...r, crm_key: key, ...Object.fromEntries(fields.map((f) => [f, Number(r[f])])) });
      else for (const f of fields) sum[f] = Number(sum[f]) + Number(r[f]);
    }
    return [...out.values()];
  };
  return { groups: fold(rows.groups, ['crm_rows', 'crm_revenue', 'crm_lone']), orders: fold(rows.orders, ['crm_orders']) };
}
