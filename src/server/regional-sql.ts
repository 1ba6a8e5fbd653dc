import type { Dialect } from './dialect.js';
import { ORDER_KIND_PURCHASE } from '../data/schema.js';
import { ordersFrom, rowConditions, rowExprs, textField, type RowFilter } from './customer-rows-sql.js';
import { GROUP_FIELDS } from './identifiers.js';
import { QueryError } from './query-error.js';
import { scopeCondition, type Scope } from './scope.js';
import type { ResolvedSource } from './source.js';
import { ParamList, type SqlQuery } from './sql-params.js';

/**
 * The regional comparison's SQL: per customer and group, for one period window, the group's revenue, rows and
 * purchase rows without an order id (each its own order); and, per customer and group, the orders with an id
 * counted in the group of their first purchase row in the window (day, then feed line). Node adds them up per
 * group (src/server/regional-totals.ts) and the browser's own `regionalFromTotals` does the rest.
 */

/** The group expression: the order's own value, else the customer's (customers table), else '' (unknown). */
function groupExpr(source: ResolvedSource, groupBy: string, own: string, joined: boolean): string {
  const fallback = joined && source.customers?.fields.has(groupBy) ? `crm_c_${groupBy}` : null;
  if (!source.orders.fields.has(groupBy)) return fallback ?? `''`;
  return fallback ? `(CASE WHEN ${own} <> '' THEN ${own} ELSE ${fallback} END)` : own;
}

/** Checks `groupBy` against the whitelist and the tables (400 naming what is possible). */
export function checkGroupBy(source: ResolvedSource, groupBy: string): void {
  if (!(GROUP_FIELDS as readonly string[]).includes(groupBy))
    throw new QueryError(`descriptor.groupBy: the server groups by ${GROUP_FIELDS.join(', ')}; found ${JSON.stringify(groupBy)}`);
  if (!source.orders.fields.has(groupBy) && !source.customers?.fields.has(groupBy))
    throw new QueryError(`group by '${groupBy}': no such column in the orders or the customers table`);
}

export interface RegionalSql {
  /** crm_cid, crm_grp, crm_revenue, crm_rows, crm_lone (purchase rows without an order id). */
  groups: SqlQuery;
  /** crm_cid, crm_grp, crm_orders (orders with an id, in the group of their first purchase row). */
  orders: SqlQuery;
}

/** The two statements for one window `[lo, hi]` (hi already capped at asOf). */
export function regionalSql(d: Dialect, source: ResolvedSource, scope: Scope, filter: RowFilter, groupBy: string, lo: number, hi: number): RegionalSql {
  const build = (kind: 'groups' | 'orders'): SqlQuery => {
    const params = new ParamList(d);
    const e = rowExprs(d, source);
    const fallback = source.customers?.fields.has(groupBy) ? [groupBy] : [];
    const { from, joined } = ordersFrom(d, source, scope, params, e, filter, fallback);
    const grp = groupExpr(source, groupBy, textField(d, source.orders, groupBy), joined);
    const where = rowConditions(d, source, e, scope, { ...filter, dateRange: { start: lo, end: hi } }, hi, params, joined);
    const purchase = `${e.kind} = ${ORDER_KIND_PURCHASE}`;
    if (kind === 'groups') {
      const sql =
        `SELECT ${e.cid} AS crm_cid, ${grp} AS crm_grp, sum(${e.amount}) AS crm_revenue, count(*) AS crm_rows,` +
        ` ${d.countIf(`${purchase} AND ${e.oid} = ''`)} AS crm_lone FROM ${from} WHERE ${where.join(' AND ')} GROUP BY ${e.cid}, ${grp}`;
      return { sql, params: params.params };
    }
    const by = source.rowOrder ? `(${e.day} * 4294967296 + ${source.rowOrder})` : e.day;
    const inner =
      `SELECT ${e.cid} AS crm_cid, ${d.argMin(grp, by)} AS crm_first_grp FROM ${from}` +
      ` WHERE ${[...where, purchase, `${e.oid} <> ''`].join(' AND ')} GROUP BY ${e.cid}, ${e.oid}`;
    return { sql: `SELECT crm_cid, crm_first_grp AS crm_grp, count(*) AS crm_orders FROM (${inner}) GROUP BY crm_cid, crm_first_grp`, params: params.params };
  };
  return { groups: build('groups'), orders: build('orders') };
}

/** Province → region of the (scoped) rows: the first orders row with both (feed order), then the customers table. */
export function provinceRegionsSql(d: Dialect, source: ResolvedSource, scope: Scope): SqlQuery[] {
  const out: SqlQuery[] = [];
  for (const [table, name] of [[source.orders, 'orders'], [source.customers, 'customers']] as const) {
    if (!table || !table.fields.has('province') || !table.fields.has('region')) continue;
    const params = new ParamList(d);
    const p = textField(d, table, 'province');
    const r = textField(d, table, 'region');
    const pick = name === 'orders' && source.rowOrder ? d.argMin(r, source.rowOrder) : d.anyValue(r);
    out.push({
      sql: `SELECT ${p} AS crm_province, ${pick} AS crm_region FROM ${table.from} WHERE ${scopeCondition(scope, table, name, params, d.quote)} AND ${p} <> '' AND ${r} <> '' GROUP BY ${p}`,
      params: params.params,
    });
  }
  return out;
}
