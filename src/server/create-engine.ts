import { ClickHouseEngine, type ClickHouseOptions } from './clickhouse-engine.js';
import { DuckDBEngine } from './duckdb-engine.js';
import { ServerEngine } from './server-engine.js';
import type { SourceConfig } from './source.js';

export type ServerEngineOptions = { source: SourceConfig } & ({ duckdb: string | DuckDBEngine } | { clickhouse: ClickHouseOptions });

/**
 * A server engine over DuckDB (a database file, `:memory:`, or an open `DuckDBEngine`) or ClickHouse (its HTTP
 * interface), for the tables `source` names. The tables' columns are checked now: a missing required column is
 * an error naming it.
 */
export async function createServerEngine(options: ServerEngineOptions): Promise<ServerEngine> {
  const sql =
    'duckdb' in options
      ? typeof options.duckdb === 'string'
        ? await DuckDBEngine.open(options.duckdb)
        : options.duckdb
      : new ClickHouseEngine(options.clickhouse);
  return ServerEngine.create(sql, options.source);
}
