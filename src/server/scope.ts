import { checkIdentifier } from './identifiers.js';
import type { ParamList } from './sql-params.js';
import type { ResolvedTable } from './source.js';

/** One scope value: equal to it, or (a list) to one of them. */
export type ScopeValue = string | number | readonly (string | number)[];

/**
 * The host's server-side row filter, e.g. `{ tenant_id: 'acme' }`: column → value(s), ANDed into every query
 * on every table. It comes from the host's own code (its auth), never from the request body, and nothing in a
 * descriptor can remove or widen it: the filter a page sends is only ever ANDed on top.
 */
export type Scope = Readonly<Record<string, ScopeValue>>;

/** A scope the host got wrong (its code, not the request): the handler answers 500 and logs it. */
export class ScopeError extends Error {
  override name = 'ScopeError';
}

/** Checks what a host's scope function returned (fails closed: no scope object → error, never "no scope"). */
export function checkScope(scope: unknown): Scope {
  if (typeof scope !== 'object' || scope === null || Array.isArray(scope))
    throw new ScopeError(`scope: the host's scope function must return an object of column → value (return {} for no row filter), it returned ${scope === null ? 'null' : typeof scope}`);
  for (const [column, value] of Object.entries(scope)) {
    try {
      checkIdentifier(column, 'scope column');
    } catch (e) {
      throw new ScopeError((e as Error).message);
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) throw new ScopeError(`scope.${column}: an empty list would select nothing; give at least one value`);
    for (const v of values)
      if (!(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))))
        throw new ScopeError(`scope.${column}: expected strings or finite numbers, found ${JSON.stringify(v)}`);
  }
  return scope as Scope;
}

/** `AND`ed conditions of the scope on one table ('1 = 1' for an empty scope). Every scope column must exist there. */
export function scopeCondition(scope: Scope, table: ResolvedTable, tableName: string, params: ParamList, quote: (id: string) => string): string {
  const parts: string[] = [];
  for (const [column, value] of Object.entries(scope)) {
    if (!table.columns.has(column))
      throw new ScopeError(`scope.${column}: the ${tableName} table has no column '${column}', so the scope cannot be applied there`);
    const values = Array.isArray(value) ? value : [value as string | number];
    const col = quote(column);
    parts.push(values.length === 1 ? `${col} = ${params.scalar(values[0])}` : `${col} IN (${values.map((v) => params.scalar(v)).join(', ')})`);
  }
  return parts.length ? parts.join(' AND ') : '1 = 1';
}
