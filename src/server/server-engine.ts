import type {
  ChannelCustomersQuery,
  ChannelMixQuery,
  CustomerIdsResult,
  Engine,
  QueryDescriptor,
  QueryResult,
  QueryResultOf,
  RegionalCustomersQuery,
  RegionalQuery,
  RegionalQueryResult,
  RfmQuery,
  RfmQueryResult,
} from '../query/protocol.js';
import { firstKeptDay, regionalFromTotals, regionalPeriods, type DayRange } from '../metrics/regional/regional.js';
import { checkGroupBy, provinceRegionsSql, regionalSql } from './regional-sql.js';
import { foldRows, groupKeyOf, totalsFromRows, type PeriodRows } from './cell-totals.js';
import type { RfmSettings } from '../metrics/rfm/settings.js';
import { channelMixFromTotals, channelMixSettings, trendRange, type ChannelMixResult, type ChannelMixTotals } from '../metrics/channel/channel-mix.js';
import { periodIndex, periodsBetween } from '../metrics/channel/periods.js';
import { channelCellsSql, channelPeriodCellsSql, channelTypeCellsSql } from './channel-sql.js';
import { CELL_SEPARATOR } from './cell-sql.js';
import type { CrmFilter } from '../metrics/filter-types.js';
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
      case 'regional':
        return this.regional(d, scope, signal, log);
      case 'regional-group-customers':
        return this.regionalCustomers(d, scope, signal, log);
      case 'channel-mix':
        return this.channelMix(d, scope, signal, log);
      case 'channel-customers':
        return this.channelCustomers(d, scope, signal, log);
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

  /**
   * The customers of a filter as the browser's prepared base has them: the row filter in SQL, then the
   * customer-level segment filter on the rows (scored over them, as prepareOrders does).
   */
  private async base(filter: CrmFilter, rfm: RfmSettings | undefined, asOf: number, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<{ rows: CustomerRows; rowFilter: RowFilter }> {
    const { segments, stages, ...rowFilter } = normalizeFilter(filter);
    if (stages) throw new QueryError('descriptor.filter.stages: the server engine does not answer lifecycle-stage filters yet', 501);
    let rows = await this.customerRows(rowFilter, asOf, scope, signal, log);
    if (segments) rows = selectCustomerRows(rows, segmentSlotTest(rows, rfm, segments));
    return { rows, rowFilter };
  }

  private async rfm(d: RfmQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<RfmQueryResult> {
    const asOf = await this.asOf(d.asOf, scope, signal, log);
    const { rows } = await this.base(d.filter, d.rfm, asOf, scope, signal, log);
    const result: RfmQueryResult = { rfm: rfmFromCustomers(rows, d.rfm) };
    if (d.names) result.names = await this.names(scope, signal, log);
    return result;
  }

  /** The regional base (the filter without its date range), its periods, and each period's per-customer-and-group rows. */
  private async regionalRows(d: RegionalQuery | RegionalCustomersQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog) {
    const groupBy = d.groupBy ?? 'region';
    checkGroupBy(this.source, groupBy);
    const asOf = await this.asOf(d.asOf, scope, signal, log);
    const { dateRange, ...rest } = d.filter;
    void dateRange;
    // Segments are scored with the default RFM settings, as the widgets' regional queries carry none.
    const { rows, rowFilter } = await this.base(rest, undefined, asOf, scope, signal, log);
    const { period, previousPeriod } = regionalPeriods(asOf, firstKeptDay(rows), d);
    const ids = new Set(rows.ids);
    const periodRows = async (p: DayRange): Promise<PeriodRows> => {
      const q = regionalSql(this.engine.dialect, this.source, scope, rowFilter, groupBy, p.start, Math.min(p.end, asOf));
      const [groups, orders] = await Promise.all([this.sql(q.groups, signal, log), this.sql(q.orders, signal, log)]);
      return { groups, orders };
    };
    return { groupBy, asOf, rows, ids, period, previousPeriod, periodRows };
  }

  private async regional(d: RegionalQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<RegionalQueryResult> {
    const r = await this.regionalRows(d, scope, signal, log);
    const cur = await r.periodRows(r.period);
    const prev = await r.periodRows(r.previousPeriod);
    const keys: (string | null)[] = [];
    const codes = new Map<string | null, number>();
    const codeOf = (key: string | null) => {
      let g = codes.get(key);
      if (g === undefined) codes.set(key, (g = keys.push(key) - 1));
      return g;
    };
    const inBase = (id: string) => r.ids.has(id);
    // Codes first, so both periods' totals have every group.
    for (const period of [cur, prev]) for (const row of period.groups) if (inBase(String(row.crm_cid))) codeOf(groupKeyOf(row.crm_key));
    const totals = (p: PeriodRows) => totalsFromRows(p, (k) => codeOf(groupKeyOf(k)), keys.length, inBase);
    const comparison = regionalFromTotals({ groupBy: r.groupBy, asOf: r.asOf, period: r.period, previousPeriod: r.previousPeriod, keys, cur: totals(cur), prev: totals(prev) });
    const result: RegionalQueryResult = { comparison };
    if (d.provinceRegions) result.provinceRegions = await this.provinceRegions(scope, signal, log);
    return result;
  }

  private async regionalCustomers(d: RegionalCustomersQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<CustomerIdsResult> {
    const r = await this.regionalRows(d, scope, signal, log);
    const cur = await r.periodRows(r.period);
    const inGroup = new Set<string>();
    for (const row of cur.groups) if (groupKeyOf(row.crm_key) === d.key) inGroup.add(String(row.crm_cid));
    // In the base's customer order (first appearance), as the browser lists them.
    return { ids: r.rows.ids.filter((id) => inGroup.has(id)) };
  }

  /** The channel cells of a base: per customer × channel rows, and the base itself. */
  private async channelBase(d: ChannelMixQuery | ChannelCustomersQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog) {
    const asOf = await this.asOf(d.asOf, scope, signal, log);
    const { rows, rowFilter } = await this.base(d.filter, undefined, asOf, scope, signal, log);
    const q = channelCellsSql(this.engine.dialect, this.source, scope, rowFilter, asOf);
    const [groups, orders] = await Promise.all([this.sql(q.groups, signal, log), this.sql(q.orders, signal, log)]);
    return { asOf, rows, rowFilter, cells: { groups, orders }, ids: new Set(rows.ids) };
  }

  private async channelMix(d: ChannelMixQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<ChannelMixResult> {
    const { interval, measure } = channelMixSettings(d);
    const b = await this.channelBase(d, scope, signal, log);
    const inBase = (id: string) => b.ids.has(id);
    const keys: (string | null)[] = [];
    const codes = new Map<string | null, number>();
    for (const row of b.cells.groups)
      if (inBase(String(row.crm_cid))) {
        const key = groupKeyOf(row.crm_key);
        if (!codes.has(key)) codes.set(key, keys.push(key) - 1);
      }
    const channelCode = (key: string | null) => codes.get(key) ?? -1;
    const C = keys.length;
    const totals = totalsFromRows(b.cells, (k) => channelCode(groupKeyOf(k)), C, inBase);

    const range = b.rowFilter.dateRange;
    const { first, last } = trendRange(b.rows, range);
    const periods = periodsBetween(first, last, interval);
    const P = periods.length;
    const p0 = P ? periodIndex(periods[0].start, interval) : 0;
    const cellCode = (k: unknown) => {
      const [ch, period] = String(k).split(CELL_SEPARATOR);
      const p = Number(period) - p0;
      const g = channelCode(groupKeyOf(ch));
      return g >= 0 && p >= 0 && p < P ? g * P + p : -1;
    };
    let byPeriod = totalsFromRows({ groups: [], orders: [] }, cellCode, C * P, inBase);
    let perPeriod = totalsFromRows({ groups: [], orders: [] }, () => -1, P, inBase);
    if (P > 0) {
      const lo = Math.max(periods[0].start, range?.start ?? -Infinity);
      const hi = Math.min(periods[P - 1].end, range?.end ?? Infinity, b.asOf);
      const q = channelPeriodCellsSql(this.engine.dialect, this.source, scope, b.rowFilter, lo, hi, interval);
      const [groups, orders] = await Promise.all([this.sql(q.groups, signal, log), this.sql(q.orders, signal, log)]);
      byPeriod = totalsFromRows({ groups, orders }, cellCode, C * P, inBase);
      const periodKey = (k: unknown) => { const c = cellCode(k); return c < 0 ? null : String(c % P); };
      perPeriod = totalsFromRows(foldRows({ groups, orders }, periodKey), Number, P, inBase);
    }

    // Distinct known channels per customer, in the base's order.
    const known = new Map<string, number>();
    for (const row of b.cells.groups) {
      const cid = String(row.crm_cid);
      if (inBase(cid) && groupKeyOf(row.crm_key) !== null) known.set(cid, (known.get(cid) ?? 0) + 1);
    }
    const perCustomer = { channels: b.rows.ids.map((id) => known.get(id) ?? 0), revenue: b.rows.revenue, orders: b.rows.orders };

    let byType: ChannelMixTotals['byType'] = null;
    if (this.source.customers?.fields.has('type')) {
      const q = channelTypeCellsSql(this.engine.dialect, this.source, scope, b.rowFilter, b.asOf);
      const [groups, orders] = await Promise.all([this.sql(q.groups, signal, log), this.sql(q.orders, signal, log)]);
      // Type keys in order of first appearance over the base's customers (a type is the customer's own).
      const typeOf = new Map<string, string | null>();
      for (const row of groups) typeOf.set(String(row.crm_cid), groupKeyOf(String(row.crm_key).split(CELL_SEPARATOR)[1]));
      const types: (string | null)[] = [];
      const typeCodes = new Map<string | null, number>();
      for (const id of b.rows.ids) {
        if (!typeOf.has(id)) continue;
        const t = typeOf.get(id)!;
        if (!typeCodes.has(t)) typeCodes.set(t, types.push(t) - 1);
      }
      const T = types.length;
      const code = (k: unknown) => {
        const [ch, type] = String(k).split(CELL_SEPARATOR);
        const g = channelCode(groupKeyOf(ch));
        const t = typeCodes.get(groupKeyOf(type)) ?? -1;
        return g >= 0 && t >= 0 ? g * T + t : -1;
      };
      byType = { keys: types, totals: totalsFromRows({ groups, orders }, code, C * T, inBase) };
    }
    return channelMixFromTotals({
      available: this.source.orders.fields.has('channel'),
      asOf: b.asOf,
      interval,
      measure,
      keys,
      totals,
      periods,
      byPeriod,
      perPeriod,
      perCustomer,
      byType,
    });
  }

  private async channelCustomers(d: ChannelCustomersQuery, scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<CustomerIdsResult> {
    const b = await this.channelBase(d, scope, signal, log);
    if (!this.source.orders.fields.has('channel')) return { ids: d.channel === null ? [...b.rows.ids] : [] };
    const inChannel = new Set<string>();
    for (const row of b.cells.groups) if (groupKeyOf(row.crm_key) === d.channel) inChannel.add(String(row.crm_cid));
    return { ids: b.rows.ids.filter((id) => inChannel.has(id)) };
  }

  /** Province → region (first orders row with both, then the customers table). */
  private async provinceRegions(scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const q of provinceRegionsSql(this.engine.dialect, this.source, scope))
      for (const row of await this.sql(q, signal, log)) {
        const p = String(row.crm_province);
        if (!out.has(p)) out.set(p, String(row.crm_region));
      }
    return out;
  }

  /** Customer id → name from the customers table (blank names left out); empty without one. */
  private async names(scope: Scope, signal?: AbortSignal, log?: QueryLog): Promise<Map<string, string>> {
    const q = namesSql(this.engine.dialect, this.source, scope);
    if (!q) return new Map();
    const rows = await this.sql(q, signal, log);
    return new Map(rows.map((r) => [String(r.crm_cid), String(r.crm_name)]));
  }
}
