import type { Engine, QueryDescriptor, QueryResult, QueryResultOf, RfmQuery, RfmQueryResult } from '../query/protocol.js';
import { normalizeFilter } from '../metrics/prepare.js';
import { selectCustomerRows, type CustomerRows } from '../metrics/customer-rows.js';
import { rfmFromCustomers } from '../metrics/rfm/rfm.js';
import { segmentSlotTest } from '../metrics/rfm/score.js';
import { customerRowsSql, latestDaySql, type RowFilter } from './customer-rows-sql.js';
import { namesSql } from './names-sql.js';
import { checkDescriptor } from './descriptor.js';
import { asQueryError, QueryError } from './query-error.js';
import { checkScope, type Scope } from './scope.js';
import { resolveSource, type ResolvedSource, type SourceConfig } from './source.js';
import type { SqlEngine } from './sql-engine.js';
import type { SqlQuery } from './sql-params.js';

/** Every SQL statement one descriptor ran (for `crm-lens sql` and tests). */
export type QueryLog = (q: SqlQuery) => void;

/**
 * Answers protocol descriptors over one SQL engine and source. SQL aggregates the orders to one row per
 * customer (scope and filter applied there); the population-level steps (RFM breaks, scores, segments, the
 * segment filter) run here on those rows with the same pure functions the browser uses. See docs/server.md.
 */
export class ServerEngine {
  private constructor(
    readonly engine: SqlEngine,
    readonly source: ResolvedSource,
  ) {}

  /** Checks the configuration against the engine's tables (missing columns are named now, not per query). */
  static async create(engine: SqlEngine, config: SourceConfig): Promise<ServerEngine> {
    return new ServerEngine(engine, await resolveSource(engine.dialect, (t) => engine.describe(t), config));
  }

  /** The protocol's `Engine` for one scope (a tenant's rows): what the request handler runs each request on. */
  scoped(scope: Scope): Engine {
    const checked = checkScope(scope);
    return { query: <D extends QueryDescriptor>(d: D, signal?: AbortSignal) => this.answer(d, checked, signal) as Promise<QueryResultOf<D>> };
  }

  /** Answers one descriptor (unchecked input from a request) within `scope`. */
  async answer(raw: unknown, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<QueryResult> {
    const descriptor = checkDescriptor(raw);
    const checkedScope = checkScope(scope);
    try {
      return await this.run(descriptor, checkedScope, signal, log);
    } catch (e) {
      throw asQueryError(e);
    }
  }

  private async run(d: QueryDescriptor, scope: Scope, signal: AbortSignal | undefined, log: QueryLog | undefined): Promise<QueryResult> {
    switch (d.family) {
      case 'rfm':
        return this.rfm(d, scope, signal, log);
      default:
        throw new QueryError(`descriptor.family: '${d.family}' is not answered by this server engine`, 501);
    }
  }

  private async sql(q: SqlQuery, signal: AbortSignal | undefined, log: QueryLog | undefined) {
    log?.(q);
    return this.engine.query(q, signal);
  }

  /** asOf as the browser resolves it: given, or the day after the latest (scoped) order. */
  private async asOf(given: number | undefined, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<number> {
    if (given !== undefined) return given;
    const [row] = await this.sql(latestDaySql(this.engine.dialect, this.source, scope), signal, log);
    if (!row || Number(row.crm_count) === 0 || row.crm_latest === null)
      throw new QueryError('asOf: cannot default to the day after the latest order: no orders');
    return Number(row.crm_latest) + 1;
  }

  /** The per-customer rows of a filter (without its customer-level parts). */
  async customerRows(filter: RowFilter, asOf: number, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<CustomerRows> {
    const result = await this.sql(customerRowsSql(this.engine.dialect, this.source, scope, filter, asOf), signal, log);
    const kept = result.filter((r) => Number(r.crm_rows) > 0);
    const n = kept.length;
    const rows: CustomerRows = {
      asOf,
      customerCount: n,
      ids: kept.map((r) => String(r.crm_cid)),
      firstDay: Int32Array.from(kept, (r) => Number(r.crm_first_day)),
      lastDay: Int32Array.from(kept, (r) => Number(r.crm_last_day)),
      orders: Int32Array.from(kept, (r) => Number(r.crm_orders)),
      rows: Int32Array.from(kept, (r) => Number(r.crm_rows)),
      revenue: Float64Array.from(kept, (r) => Number(r.crm_revenue)),
      purchaseDays: Int32Array.from(kept, (r) => Number(r.crm_days)),
      creditOnlyCustomers: result.length - n,
    };
    return rows;
  }

  private async rfm(d: RfmQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<RfmQueryResult> {
    const { segments, stages, ...rowFilter } = normalizeFilter(d.filter);
    if (stages) throw new QueryError('descriptor.filter.stages: the server engine does not answer lifecycle-stage filters yet', 501);
    const asOf = await this.asOf(d.asOf, scope, signal, log);
    let rows = await this.customerRows(rowFilter, asOf, scope, signal, log);
    if (segments) rows = selectCustomerRows(rows, segmentSlotTest(rows, d.rfm, segments));
    const result: RfmQueryResult = { rfm: rfmFromCustomers(rows, d.rfm) };
    if (d.names) result.names = await this.names(scope, signal, log);
    return result;
  }

  /** Customer id → name from the customers table (blank names left out); empty without one. */
  private async names(scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<Map<string, string>> {
    const q = namesSql(this.engine.dialect, this.source, scope);
    if (!q) return new Map();
    const rows = await this.sql(q, signal, log);
    return new Map(rows.map((r) => [String(r.crm_cid), String(r.crm_name)]));
  }
}
