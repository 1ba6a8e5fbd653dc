/**
 * `crm-lens/server`: the widgets' queries answered by DuckDB or ClickHouse. The page sends query descriptors
 * (src/query/protocol.ts), never SQL; the server turns each into parameterized SQL over the host's tables,
 * inside the host's scope, and answers the same result shapes as the browser's data worker. See docs/server.md.
 */
export { createHandler, type HandlerOptions } from './handler.js';
export { createServerEngine, type ServerEngineOptions } from './create-engine.js';
export { ServerEngine, type QueryLog } from './server-engine.js';
export { DuckDBEngine } from './duckdb-engine.js';
export { ClickHouseEngine, type ClickHouseOptions } from './clickhouse-engine.js';
export { loadTablesIntoDuckDB, loadTablesIntoClickHouse } from './load-tables.js';
export { SERVER_FAMILIES, PROTOCOL_FAMILIES } from './descriptor.js';
export { QueryError } from './query-error.js';
export { ScopeError, type Scope, type ScopeValue } from './scope.js';
export type { SourceConfig } from './source.js';
export type { SqlEngine, SqlRow } from './sql-engine.js';
export type { SqlParam, SqlQuery } from './sql-params.js';
export type { DialectName } from './dialect.js';
export { printQueries } from './print-queries.js';
export { toWireJson, fromWireJson } from '../remote/wire-json.js';
