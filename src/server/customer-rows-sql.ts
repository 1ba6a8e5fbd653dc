import { CANCELLED_STATUSES, RETURNED_STATUSES } from '../data/normalize/order-kinds.js';
import { ORDER_KIND_CANCELLED, ORDER_KIND_CREDIT, ORDER_KIND_PURCHASE } from '../data/schema.js';
import type { CrmFilter } from '../metrics/filter-types.js';
import type { Dialect } from './dialect.js';
import { scopeCondition, type Scope } from './scope.js';
import type { ResolvedSource, ResolvedTable } from './source.js';
import { ParamList, type SqlQuery } from './sql-params.js';

/**
 * The per-customer aggregate: the one SQL step of every query. It applies the same rules as the browser's
 * prepared base (src/metrics/prepare.ts, docs/data.md): rows dated in the filter's range and not after asOf,
 * cancelled rows dropped, credits netted against revenue but never an order, the filter's lists (region and
 * province falling back to the customer's own value), then one row per customer with
 * first/last purchase day, distinct orders, purchase rows, revenue and distinct purchase days. Customers whose
 * kept rows are all credits come back with 0 purchase rows; the caller counts and drops them.
 */

/** Column aliases of the result (prefixed so they never shadow a host's column names). */
export const CUSTOMER_ROW_COLUMNS = ['crm_cid', 'crm_first_day', 'crm_last_day', 'crm_orders', 'crm_rows', 'crm_revenue', 'crm_days'] as const;

/** The row filter of the aggregate: the common filter without its customer-level parts (segments, stages). */
export type RowFilter = Omit<CrmFilter, 'segments' | 'stages'>;

const P = ORDER_KIND_PURCHASE;

/** SQL literal of one of our own constants (the status words): never a request value. */
const constant = (v: string) => {
  if (/['\\]/.test(v)) throw new Error(`status constant ${v}: quotes and backslashes are not expected`);
  return `'${v}'`;
};
const constants = (list: readonly string[]) => `(${list.map(constant).join(', ')})`;

/** The kind of each row: the table's `order_kind` column, else the policy from status and the amount sign. */
function kindExpr(d: Dialect, orders: ResolvedTable, amount: string): string {
  const recorded = orders.fields.get('order_kind');
  if (recorded) return d.toInt(recorded.sql);
  const status = orders.fields.get('status');
  const negative = `${amount} < 0`;
  if (!status) return `(CASE WHEN ${negative} THEN ${ORDER_KIND_CREDIT} ELSE ${P} END)`;
  const s = d.lower(d.toText(status.sql));
  return (
    `(CASE WHEN ${s} IN ${constants(CANCELLED_STATUSES)} THEN ${ORDER_KIND_CANCELLED}` +
    ` WHEN ${s} IN ${constants(RETURNED_STATUSES)} THEN (CASE WHEN ${negative} THEN ${ORDER_KIND_CREDIT} ELSE ${ORDER_KIND_CANCELLED} END)` +
    ` WHEN ${negative} THEN ${ORDER_KIND_CREDIT} ELSE ${P} END)`
  );
}

/** A text field as '' when absent or missing. */
export function textField(d: Dialect, table: ResolvedTable | null, field: string): string {
  const f = table?.fields.get(field);
  return f ? `coalesce(${d.toText(f.sql)}, '')` : `''`;
}

/** The expressions of one orders row, read straight from the table (so a ClickHouse `Distributed` table aggregates on its shards). */
export interface RowExprs {
  cid: string;
  oid: string;
  day: string;
  amount: string;
  kind: string;
  region: string;
  province: string;
  channel: string;
  category: string;
}

export function rowExprs(d: Dialect, source: ResolvedSource): RowExprs {
  const o = source.orders;
  const f = (name: string) => o.fields.get(name)!;
  const amount = d.toFloat(f('amount').sql);
  return {
    cid: d.toText(f('customer_id').sql),
    oid: textField(d, o, 'order_id'),
    day: d.epochDay(f('order_date').sql, f('order_date').type),
    amount,
    kind: kindExpr(d, o, amount),
    region: textField(d, o, 'region'),
    province: textField(d, o, 'province'),
    channel: textField(d, o, 'channel'),
    category: textField(d, o, 'category'),
  };
}

/** One row per customer of the customers table (scoped), with the attributes the filter reads, keyed by `key`. */
function customersRows(d: Dialect, source: ResolvedSource, scope: Scope, params: ParamList, key: string, attributes: readonly string[]): string {
  const c = source.customers!;
  const cols = [
    `${d.toText(c.fields.get('customer_id')!.sql)} AS ${key}`,
    ...attributes.map((k) => `${d.anyValue(textField(d, c, k))} AS crm_c_${k}`),
  ];
  return `SELECT ${cols.join(', ')} FROM ${c.from} WHERE ${scopeCondition(scope, c, 'customers', params, d.quote)} GROUP BY ${key}`;
}

/** The WHERE of the aggregate: scope, date window, kind, and the filter's lists. */
export function rowConditions(d: Dialect, source: ResolvedSource, e: RowExprs, scope: Scope, filter: RowFilter, asOf: number, params: ParamList, joined: boolean): string[] {
  const where = [scopeCondition(scope, source.orders, 'orders', params, d.quote), `${e.kind} <> ${ORDER_KIND_CANCELLED}`];
  const lo = filter.dateRange?.start;
  const hi = Math.min(filter.dateRange?.end ?? Infinity, asOf);
  if (lo !== undefined) where.push(`${e.day} >= ${params.int(lo)}`);
  where.push(`${e.day} <= ${params.int(hi)}`);
  const inList = (col: string, list: readonly string[]) => `(${col} <> '' AND ${col} IN ${params.list(list)})`;
  if (filter.customerIds) where.push(`${e.cid} IN ${params.list(filter.customerIds)}`);
  if (filter.customerTypes) where.push(joined ? inList('crm_c_type', filter.customerTypes) : '1 = 0');
  for (const [key, field] of [['regions', 'region'], ['provinces', 'province']] as const) {
    const list = filter[key];
    if (!list) continue;
    const own = inList(e[field], list);
    where.push(joined ? `(${own} OR (${e[field]} = '' AND ${inList(`crm_c_${field}`, list)}))` : own);
  }
  for (const [key, field] of [['channels', 'channel'], ['categories', 'category']] as const) {
    const list = filter[key];
    if (list) where.push(inList(e[field], list));
  }
  return where;
}

/** Does the filter read a customers-table attribute (so the aggregate joins the customers table)? */
const needsCustomers = (source: ResolvedSource, filter: RowFilter) =>
  source.customers !== null && !!(filter.customerTypes || filter.regions || filter.provinces);

/**
 * The aggregate for one filter and asOf. Rows come ordered by first appearance in the orders table (with
 * `rowOrder`) or by customer id.
 */
/**
 * The orders table, joined to one row per customer of the customers table when the filter (or `attributes`,
 * e.g. a group-by fallback) reads customer attributes (`crm_c_<field>`). ClickHouse 18.16 joins USING the
 * select-list alias `crm_cid` (so the select list must define it); DuckDB joins on the expression.
 */
export function ordersFrom(
  d: Dialect,
  source: ResolvedSource,
  scope: Scope,
  params: ParamList,
  e: RowExprs,
  filter: RowFilter,
  attributes: readonly string[] = [],
): { from: string; joined: boolean } {
  const joined = needsCustomers(source, filter) || (source.customers !== null && attributes.length > 0);
  if (!joined) return { from: source.orders.from, joined };
  const attrs = [...new Set(['type', 'region', 'province', ...attributes])];
  const from =
    d.name === 'duckdb'
      ? `${source.orders.from} AS crm_o LEFT JOIN (${customersRows(d, source, scope, params, 'crm_c_cid', attrs)}) AS crm_c ON crm_c.crm_c_cid = ${e.cid}`
      : `${source.orders.from} ${d.leftJoin} (${customersRows(d, source, scope, params, 'crm_cid', attrs)}) USING (crm_cid)`;
  return { from, joined };
}

export function customerRowsSql(d: Dialect, source: ResolvedSource, scope: Scope, filter: RowFilter, asOf: number): SqlQuery {
  const params = new ParamList(d);
  const e = rowExprs(d, source);
  const { from, joined } = ordersFrom(d, source, scope, params, e, filter);
  const purchase = `${e.kind} = ${P}`;
  const aggregates = [
    `${e.cid} AS crm_cid`,
    `${d.aggIf('min', e.day, purchase)} AS crm_first_day`,
    `${d.aggIf('max', e.day, purchase)} AS crm_last_day`,
    `${d.countDistinctIf(e.oid, `${purchase} AND ${e.oid} <> ''`)} + ${d.countIf(`${purchase} AND ${e.oid} = ''`)} AS crm_orders`,
    `${d.countIf(purchase)} AS crm_rows`,
    `sum(${e.amount}) AS crm_revenue`,
    `${d.countDistinctIf(e.day, purchase)} AS crm_days`,
  ];
  const where = rowConditions(d, source, e, scope, filter, asOf, params, joined);
  const grouped = `SELECT ${aggregates.join(', ')} FROM ${from} WHERE ${where.join(' AND ')} GROUP BY ${e.cid}`;
  if (!source.rowOrder) return { sql: `${grouped} ORDER BY crm_cid`, params: params.params };
  // First appearance over every (scoped) row of the customer, as the browser's customer codes.
  const o = source.orders;
  const firsts =
    `SELECT ${e.cid} AS crm_cid, min(${source.rowOrder}) AS crm_first_row` +
    ` FROM ${o.from} WHERE ${scopeCondition(scope, o, 'orders', params, d.quote)} GROUP BY ${e.cid}`;
  const sql =
    `SELECT ${CUSTOMER_ROW_COLUMNS.join(', ')} FROM (${grouped})${d.name === 'duckdb' ? ' AS crm_g' : ''}` +
    ` ${d.leftJoin} (${firsts})${d.name === 'duckdb' ? ' AS crm_f' : ''} USING (crm_cid) ORDER BY crm_first_row, crm_cid`;
  return { sql, params: params.params };
}

/** The default asOf: the latest order day of every (scoped) orders row, before any filter. */
export function latestDaySql(d: Dialect, source: ResolvedSource, scope: Scope): SqlQuery {
  const params = new ParamList(d);
  const o = source.orders;
  const day = d.epochDay(o.fields.get('order_date')!.sql, o.fields.get('order_date')!.type);
  const sql = `SELECT max(${day}) AS crm_latest, count(*) AS crm_count FROM ${o.from} WHERE ${scopeCondition(scope, o, 'orders', params, d.quote)}`;
  return { sql, params: params.params };
}
