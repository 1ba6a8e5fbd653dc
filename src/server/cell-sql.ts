import type { Dialect } from './dialect.js';
import { ORDER_KIND_PURCHASE } from '../data/schema.js';
import { ordersFrom, rowConditions, rowExprs, type RowExprs, type RowFilter } from './customer-rows-sql.js';
import type { ResolvedSource } from './source.js';
import { ParamList, type SqlQuery } from './sql-params.js';

/**
 * Per customer and cell (a group key: a region; a channel × period; a channel × customer type): the SQL side
 * of the browser's `groupTotals`. Two statements over the rows of a window:
 * - `groups`: crm_cid, crm_key, revenue, rows, and purchase rows without an order id (each its own order);
 * - `orders`: crm_cid, crm_key, the orders with an id counted in the cell of their first purchase row (by day,
 *   then feed line) — as `groupTotals` counts an order at its first row that passes.
 * A key of several parts is joined with U+0001 (`CELL_SEPARATOR`); '' parts are the "(unknown)" group.
 */
export const CELL_SEPARATOR = '\u0001';

export interface CellSql {
  groups: SqlQuery;
  orders: SqlQuery;
}

/** What a cell definition gets to build its key parts from. */
export interface CellContext {
  d: Dialect;
  e: RowExprs;
  /** Whether the customers table is joined (its attributes are `crm_c_<field>`). */
  joined: boolean;
}

export function cellSql(
  d: Dialect,
  source: ResolvedSource,
  scope: import('./scope.js').Scope,
  filter: RowFilter,
  window: { lo?: number; hi: number },
  parts: (ctx: CellContext) => string[],
  attributes: readonly string[] = [],
): CellSql {
  const build = (kind: 'groups' | 'orders'): SqlQuery => {
    const params = new ParamList(d);
    const e = rowExprs(d, source);
    const { from, joined } = ordersFrom(d, source, scope, params, e, filter, attributes);
    const p = parts({ d, e, joined });
    const key = p.length === 1 ? p[0] : `concat(${p.map((x, i) => (i ? `${params.text(CELL_SEPARATOR)}, ${x}` : x)).join(', ')})`;
    const range = window.lo === undefined ? { end: window.hi } : { start: window.lo, end: window.hi };
    const where = rowConditions(d, source, e, scope, { ...filter, dateRange: range }, window.hi, params, joined);
    const purchase = `${e.kind} = ${ORDER_KIND_PURCHASE}`;
    if (kind === 'groups') {
      const sql =
        `SELECT ${e.cid} AS crm_cid, ${key} AS crm_key, sum(${e.amount}) AS crm_revenue, count(*) AS crm_rows,` +
        ` ${d.countIf(`${purchase} AND ${e.oid} = ''`)} AS crm_lone FROM ${from} WHERE ${where.join(' AND ')} GROUP BY ${e.cid}, ${key}`;
      return { sql, params: params.params };
    }
    const by = source.rowOrder ? `(${e.day} * 4294967296 + ${source.rowOrder})` : e.day;
    const inner =
      `SELECT ${e.cid} AS crm_cid, ${d.argMin(key, by)} AS crm_first_key FROM ${from}` +
      ` WHERE ${[...where, purchase, `${e.oid} <> ''`].join(' AND ')} GROUP BY ${e.cid}, ${e.oid}`;
    return { sql: `SELECT crm_cid, crm_first_key AS crm_key, count(*) AS crm_orders FROM (${inner}) GROUP BY crm_cid, crm_first_key`, params: params.params };
  };
  return { groups: build('groups'), orders: build('orders') };
}
