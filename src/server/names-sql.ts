import type { Dialect } from './dialect.js';
import { scopeCondition, type Scope } from './scope.js';
import type { ResolvedSource } from './source.js';
import { ParamList, type SqlQuery } from './sql-params.js';

/** Customer names of the (scoped) customers table, one per id; null when there is no name column. */
export function namesSql(d: Dialect, source: ResolvedSource, scope: Scope): SqlQuery | null {
  const c = source.customers;
  const name = c?.fields.get('name');
  if (!c || !name) return null;
  const params = new ParamList(d);
  const text = `coalesce(${d.toText(name.sql)}, '')`;
  const sql =
    `SELECT ${d.toText(c.fields.get('customer_id')!.sql)} AS crm_cid, ${d.anyValue(text)} AS crm_name FROM ${c.from}` +
    ` WHERE ${scopeCondition(scope, c, 'customers', params, d.quote)} AND ${text} <> '' GROUP BY crm_cid`;
  return { sql, params: params.params };
}
