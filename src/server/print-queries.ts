import type { QueryDescriptor } from '../query/protocol.js';
import { DIALECTS, type DialectName } from './dialect.js';
import { ORDERS_FIELDS, CUSTOMERS_FIELDS } from './identifiers.js';
import { ServerEngine } from './server-engine.js';
import type { SqlEngine, SqlRow } from './sql-engine.js';
import type { SqlQuery } from './sql-params.js';
import type { SourceConfig } from './source.js';

/** Column types of the canonical tables (docs/data.md), per dialect, for printing SQL without a database. */
function canonicalColumns(dialect: DialectName, table: 'orders' | 'customers'): Map<string, string> {
  const fields: readonly string[] = table === 'orders' ? ORDERS_FIELDS : CUSTOMERS_FIELDS;
  const type = (f: string) =>
    f === 'order_date' ? 'Date' : f === 'amount' ? (dialect === 'duckdb' ? 'DOUBLE' : 'Float64') : f === 'order_kind' ? 'UInt8' : dialect === 'duckdb' ? 'VARCHAR' : 'String';
  return new Map([...fields, ...(table === 'orders' ? ['row_no'] : [])].map((f) => [f, type(f)]));
}

/** An engine that records the SQL it is given and answers with plausible rows (for `crm-lens sql`). */
class RecordingEngine implements SqlEngine {
  readonly statements: SqlQuery[] = [];
  constructor(
    readonly dialect = DIALECTS.duckdb,
    private readonly tables: Record<string, string>,
  ) {}
  async describe(quoted: string) {
    const name = quoted.replace(/["`]/g, '');
    return canonicalColumns(this.dialect.name, this.tables[name] === 'customers' ? 'customers' : 'orders');
  }
  async query(q: SqlQuery): Promise<SqlRow[]> {
    this.statements.push(q);
    if (q.sql.includes('crm_latest')) return [{ crm_latest: 19999, crm_count: 1 }];
    // One customer, so the statements that depend on the base (periods, trends) are printed too.
    if (q.sql.includes('crm_first_day')) return [{ crm_cid: 'C1', crm_first_day: 19000, crm_last_day: 19999, crm_orders: 2, crm_rows: 2, crm_revenue: 10, crm_days: 2 }];
    return [];
  }
  async close() {}
}

/** Example descriptors: what the widgets send, without and with every filter field. */
const EXAMPLES: { title: string; descriptor: QueryDescriptor }[] = [
  { title: 'rfm (<crm-rfm-matrix>), no filter, default asOf', descriptor: { family: 'rfm', filter: {}, rfm: {}, names: true } },
  {
    title: 'rfm with every filter field (linked selection)',
    descriptor: {
      family: 'rfm',
      asOf: 20000,
      rfm: { bins: 5 },
      filter: {
        dateRange: { start: 19000, end: 19999 },
        regions: ['华东'],
        provinces: ['浙江'],
        channels: ['store'],
        categories: ['brakes'],
        customerTypes: ['repair_shop'],
        customerIds: ['C000001', 'C000002'],
      },
    },
  },
  { title: 'regional (<crm-regional-comparison>) by region, with province → region', descriptor: { family: 'regional', filter: {}, groupBy: 'region', provinceRegions: true } },
  { title: 'regional-group-customers (a region bar clicked)', descriptor: { family: 'regional-group-customers', filter: {}, groupBy: 'region', key: '华东' } },
  { title: 'channel-mix (<crm-channel-mix>), monthly revenue', descriptor: { family: 'channel-mix', filter: {}, interval: 'month', measure: 'revenue' } },
  { title: 'channel-customers (a channel clicked)', descriptor: { family: 'channel-customers', filter: {}, channel: 'store' } },
];

const paramText = (dialect: DialectName, q: SqlQuery) =>
  q.params.map((p, i) => `${dialect === 'duckdb' ? `$${i + 1}` : `{p${i + 1}:${p.type}}`} = ${JSON.stringify(p.value)}`).join(', ');

/**
 * Every statement the server runs for the example descriptors, with its parameters: for people who schedule
 * the aggregates in their own warehouse. Tables are assumed to have the canonical columns (docs/data.md).
 */
export async function printQueries(dialect: DialectName, source: SourceConfig = { orders: 'orders', customers: 'customers', rowOrder: 'row_no' }): Promise<string> {
  const tables: Record<string, string> = { [source.orders]: 'orders', ...(source.customers ? { [source.customers]: 'customers' } : {}) };
  const out: string[] = [];
  for (const { title, descriptor } of EXAMPLES) {
    const sql = new RecordingEngine(DIALECTS[dialect], tables);
    const server = await ServerEngine.create(sql, source);
    await server.answer(descriptor, {});
    out.push(`-- ${title}`, `-- descriptor: ${JSON.stringify(descriptor)}`);
    for (const q of sql.statements) {
      out.push(`${q.sql};`);
      if (q.params.length) out.push(`-- parameters: ${paramText(dialect, q)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
