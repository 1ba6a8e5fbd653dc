import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdb } from './dialect.js';
import { abortError, type SqlEngine, type SqlRow } from './sql-engine.js';
import type { SqlQuery } from './sql-params.js';

/** Loads the optional peer dependency with a clear message when it is not installed. */
export async function loadDuckDB(): Promise<typeof import('@duckdb/node-api')> {
  try {
    return await import('@duckdb/node-api');
  } catch (cause) {
    throw new Error('crm-lens/server: DuckDB needs the package @duckdb/node-api (npm install @duckdb/node-api)', { cause });
  }
}

/**
 * Embedded DuckDB (`@duckdb/node-api`). Values are bound as real prepared-statement parameters ($1, $2 …).
 * One connection per engine: DuckDB parallelises inside a query, and queries of one page are few.
 */
export class DuckDBEngine implements SqlEngine {
  readonly dialect = duckdb;
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** Opens a database file (`:memory:` for an in-memory one). */
  static async open(path = ':memory:', options?: Record<string, string>): Promise<DuckDBEngine> {
    const { DuckDBInstance } = await loadDuckDB();
    const instance = await DuckDBInstance.create(path, options);
    return new DuckDBEngine(instance, await instance.connect());
  }

  async describe(quotedName: string): Promise<Map<string, string>> {
    const reader = await this.connection.runAndReadAll(`DESCRIBE ${quotedName}`);
    const out = new Map<string, string>();
    for (const row of reader.getRowObjectsJS()) out.set(String(row.column_name), String(row.column_type));
    return out;
  }

  async query(q: SqlQuery, signal?: AbortSignal): Promise<SqlRow[]> {
    if (signal?.aborted) throw abortError();
    const onAbort = () => this.connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reader = await this.connection.runAndReadAll(q.sql, q.params.map((p) => p.value));
      if (signal?.aborted) throw abortError();
      return reader.getRowObjectsJS() as SqlRow[];
    } catch (e) {
      if (signal?.aborted) throw abortError();
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
