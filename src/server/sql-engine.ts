import type { Dialect } from './dialect.js';
import type { SqlQuery } from './sql-params.js';

/** A row of a result: column alias → value (numbers may come back as bigint or numeric strings). */
export type SqlRow = Record<string, unknown>;

/** What the query layer needs of a database: its dialect, table columns, and running one generated query. */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** Columns of a table (name → engine type); `quotedName` is already validated and quoted. */
  describe(quotedName: string): Promise<Map<string, string>>;
  /** Runs a generated query; `signal` interrupts it. */
  query(q: SqlQuery, signal?: AbortSignal): Promise<SqlRow[]>;
  close(): Promise<void>;
}

/** An AbortError as the protocol's engines reject with. */
export function abortError(): Error {
  const e = new Error('The query was cancelled');
  e.name = 'AbortError';
  return e;
}
