/**
 * The customer list a profile picker searches: every customer with a kept order (from `customerSummary`,
 * largest revenue first), then customers-table rows without one (prospects), with their names. Columnar,
 * memoized per summary; the search is a linear scan (100k customers: a few ms per keystroke).
 */
import type { CrmTables } from '../../data/types.js';
import { columnCodes, readColumn } from '../columns.js';
import type { CustomerSummary } from './summary.js';

export interface CustomerDirectory {
  /** Customer ids: buyers by revenue (desc), then prospects in table order. */
  ids: string[];
  /** Name from the customers table, or null. */
  names: (string | null)[];
  /** Net revenue (0 for prospects). */
  revenue: Float64Array;
  /** Distinct orders (0 for prospects). */
  orders: Int32Array;
  /** Lower-cased `id name`, what the search matches against. */
  keys: string[];
  /** id → index. */
  indexOf: ReadonlyMap<string, number>;
}

const memo = new WeakMap<CustomerSummary, WeakMap<object, CustomerDirectory>>();

/** The directory of these tables for a summary of them (memoized per summary and customers table). */
export function customerDirectory(tables: CrmTables, summary: CustomerSummary): CustomerDirectory {
  const key = tables.customers ?? summary;
  let perSummary = memo.get(summary);
  if (!perSummary) memo.set(summary, (perSummary = new WeakMap()));
  let dir = perSummary.get(key);
  if (!dir) perSummary.set(key, (dir = build(tables, summary)));
  return dir;
}

function build(tables: CrmTables, summary: CustomerSummary): CustomerDirectory {
  const nameOf = new Map<string, string>();
  const prospects: string[] = [];
  const c = tables.customers;
  const ids = c ? columnCodes(c, 'customer_id') : undefined;
  const names = c ? readColumn<string | null>(c, 'name') : undefined;
  if (ids) {
    const buyers = new Set(summary.customer_id);
    const visited = new Set<string>();
    for (let r = 0; r < ids.codes.length; r++) {
      const code = ids.codes[r];
      if (code < 0) continue;
      const id = ids.values[code];
      if (visited.has(id)) continue; // first row for an id wins, as in the profile's record
      visited.add(id);
      const name = names?.[r];
      if (name) nameOf.set(id, name);
      if (!buyers.has(id)) prospects.push(id);
    }
  }
  const byRevenue = Array.from(summary.customer_id.keys()).sort(
    (a, b) => summary.revenue[b] - summary.revenue[a] || a - b,
  );
  const n = byRevenue.length + prospects.length;
  const dir: CustomerDirectory = {
    ids: new Array<string>(n),
    names: new Array<string | null>(n),
    revenue: new Float64Array(n),
    orders: new Int32Array(n),
    keys: new Array<string>(n),
    indexOf: new Map(),
  };
  const put = (i: number, id: string, revenue: number, orders: number) => {
    const name = nameOf.get(id) ?? null;
    dir.ids[i] = id;
    dir.names[i] = name;
    dir.revenue[i] = revenue;
    dir.orders[i] = orders;
    dir.keys[i] = `${id} ${name ?? ''}`.toLowerCase();
    (dir.indexOf as Map<string, number>).set(id, i);
  };
  byRevenue.forEach((slot, i) => put(i, summary.customer_id[slot], summary.revenue[slot], summary.orders[slot]));
  prospects.forEach((id, i) => put(byRevenue.length + i, id, 0, 0));
  return dir;
}

/**
 * Directory indices matching `query` (case-insensitive, trimmed), best first: exact id, then id or name
 * starting with the query, then containing it; directory order within each group. An empty query lists the
 * first `limit` customers. Returns at most `limit` indices and the total number of matches.
 */
export function searchCustomers(dir: CustomerDirectory, query: string, limit = 50): { indices: number[]; total: number } {
  const q = query.trim().toLowerCase();
  const n = dir.ids.length;
  if (!q) return { indices: Array.from({ length: Math.min(limit, n) }, (_, i) => i), total: n };
  const exact: number[] = [];
  const prefix: number[] = [];
  const inside: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const key = dir.keys[i];
    const at = key.indexOf(q);
    if (at < 0) continue;
    total++;
    const nameStart = dir.ids[i].length + 1;
    if (at === 0 && dir.ids[i].length === q.length) exact.push(i);
    else if (at === 0 || at === nameStart) {
      if (prefix.length < limit) prefix.push(i);
    } else if (inside.length < limit) inside.push(i);
  }
  return { indices: [...exact, ...prefix, ...inside].slice(0, limit), total };
}
