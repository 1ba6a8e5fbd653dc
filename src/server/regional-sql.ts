import type { Dialect } from './dialect.js';
import { textField, type RowFilter } from './customer-rows-sql.js';
import { cellSql, type CellSql } from './cell-sql.js';
import { GROUP_FIELDS } from './identifiers.js';
import { QueryError } from './query-error.js';
import { scopeCondition, type Scope } from './scope.js';
import type { ResolvedSource } from './source.js';
import { ParamList, type SqlQuery } from './sql-params.js';

/**
 * The regional comparison's SQL: per customer and group, per period window (cell-sql.ts). Node adds the rows
 * up per group (src/server/cell-totals.ts) and the browser's own `regionalFromTotals` does the rest.
 */

/** The group expression: the order's own value, else the customer's (customers table), else '' (unknown). */
export function groupExpr(source: ResolvedSource, groupBy: string, own: string, joined: boolean): string {
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

/** The two statements for one window `[lo, hi]` (hi already capped at asOf): cells = the group key. */
export function regionalSql(d: Dialect, source: ResolvedSource, scope: Scope, filter: RowFilter, groupBy: string, lo: number, hi: number): CellSql {
  const fallback = source.customers?.fields.has(groupBy) ? [groupBy] : [];
  return cellSql(d, source, scope, filter, { lo, hi }, ({ d, joined }) => [groupExpr(source, groupBy, textField(d, source.orders, groupBy), joined)], fallback);
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
