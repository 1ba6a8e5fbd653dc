// The `scale` bench suite (npm run bench -- scale; not run by default, not in CI): 10M generated orders
// (1M customers) in DuckDB — the file is made once and cached under .cache/bench/scale/ — queried through the
// crm-lens/server handler over HTTP by the RemoteEngine, as a page would; then the same queries on ClickHouse.
// Prints one JSON line { rows, facts } that scripts/bench.mjs writes into BENCHMARKS.md.
import { existsSync, mkdirSync, rmSync, createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DuckDBEngine } from '../src/server/duckdb-engine.js';
import { ClickHouseEngine } from '../src/server/clickhouse-engine.js';
import { ServerEngine } from '../src/server/server-engine.js';
import { createHandler } from '../src/server/handler.js';
import { RemoteEngine } from '../src/remote/remote-engine.js';
import type { QueryDescriptor } from '../src/query/protocol.js';
import { generateSampleColumns, CUSTOMER_TYPES, CHANNELS, PART_CATEGORIES, SAMPLE_CITIES, REGIONS, CITY_TIERS } from '../src/sample/index.js';
import { ORDER_STATUSES } from '../src/sample/columns.js';
// @ts-expect-error plain ESM script without types
import { startClickHouse } from '../scripts/clickhouse.mjs';

const DIR = '.cache/bench/scale';
const DB = `${DIR}/orders-10m.duckdb`;
const ORDERS_TSV = "customer_id, coalesce(order_id, ''), order_date, amount, coalesce(status, ''), region, province, city_tier, channel, category, row_no";
const CHUNKS = 10; // 10 × (1M orders, 100k customers), seeds 1…10, ids prefixed per chunk
const rows: { name: string; value: number; unit: string; note?: string }[] = [];
/** Each figure also goes to stderr as it is measured, so a later failure does not lose it. */
const push = (row: (typeof rows)[number]) => {
  rows.push(row);
  log(`${row.name}: ${row.value.toFixed(0)} ${row.unit}${row.note ? ` (${row.note})` : ''}`);
};
const log = (s: string) => process.stderr.write(`scale: ${s}\n`);
const ms = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
};

async function makeDatabase(): Promise<number> {
  mkdirSync(DIR, { recursive: true });
  rmSync(DB, { force: true });
  const t = performance.now();
  const duck = await DuckDBEngine.open(DB);
  const c = duck.connection;
  await c.run(
    'CREATE TABLE orders (customer_id VARCHAR NOT NULL, order_id VARCHAR, order_date DATE NOT NULL, amount DOUBLE NOT NULL, status VARCHAR,' +
      ' region VARCHAR, province VARCHAR, city_tier VARCHAR, channel VARCHAR, category VARCHAR, row_no INTEGER NOT NULL)',
  );
  await c.run('CREATE TABLE customers (customer_id VARCHAR, name VARCHAR, type VARCHAR, region VARCHAR, province VARCHAR, city_tier VARCHAR)');
  const { dateValue } = await import('@duckdb/node-api');
  let rowNo = 0;
  for (let k = 1; k <= CHUNKS; k++) {
    const s = generateSampleColumns({ seed: k, orders: 1_000_000, customers: 100_000 });
    const o = s.orders;
    const cu = s.customers;
    const a = await c.createAppender('orders');
    for (let r = 0; r < o.count; r++) {
      const city = SAMPLE_CITIES[cu.city[o.customer[r]]];
      a.appendVarchar(`S${k}-${cu.id[o.customer[r]]}`);
      a.appendVarchar(`S${k}-SO${o.seq[r]}${o.refund[r] ? '-R' : ''}`);
      a.appendDate(dateValue(o.day[r]));
      a.appendDouble(o.amount[r]);
      a.appendVarchar(ORDER_STATUSES[o.status[r]]);
      a.appendVarchar(REGIONS[city.region]);
      a.appendVarchar(city.province);
      a.appendVarchar(CITY_TIERS[city.tier]);
      a.appendVarchar(CHANNELS[o.channel[r]]);
      a.appendVarchar(PART_CATEGORIES[o.category[r]]);
      a.appendInteger(rowNo++);
      a.endRow();
    }
    a.closeSync();
    const b = await c.createAppender('customers');
    for (let i = 0; i < cu.count; i++) {
      const city = SAMPLE_CITIES[cu.city[i]];
      for (const v of [`S${k}-${cu.id[i]}`, cu.name[i], CUSTOMER_TYPES[cu.type[i]], REGIONS[city.region], city.province, CITY_TIERS[city.tier]]) b.appendVarchar(v);
      b.endRow();
    }
    b.closeSync();
    log(`chunk ${k}/${CHUNKS}: ${rowNo.toLocaleString('en')} order rows`);
  }
  await c.run('CHECKPOINT');
  await duck.close();
  return performance.now() - t;
}

/** What the page asks first (the served widgets: RFM matrix with names, regional comparison with the map's province → region) and on two linked clicks. */
const FIRST: QueryDescriptor[] = [
  { family: 'rfm', filter: {}, rfm: {}, names: true },
  { family: 'regional', filter: {}, groupBy: 'region', provinceRegions: true },
];
const CLICKS: { name: string; queries: QueryDescriptor[] }[] = [
  // A click on the RFM matrix's Champions: the others re-query with the segment; the matrix keeps its own.
  { name: 'linked click: RFM segment → regional', queries: [{ family: 'regional', filter: { segments: ['champions'] }, groupBy: 'region' }] },
  { name: 'linked click: region bar → RFM', queries: [{ family: 'rfm', filter: { regions: ['华东'] }, rfm: {} }] },
];

async function measure(label: string, engine: ServerEngine, note: string) {
  const http = createServer(createHandler({ engine, scope: () => ({}) }));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const remote = new RemoteEngine({ endpoint: `http://127.0.0.1:${(http.address() as AddressInfo).port}/crm-query` });
  // Cold: the first time these queries meet this engine (DuckDB: file pages not yet in its buffer manager).
  const [, cold] = await ms(() => Promise.all(FIRST.map((q) => remote.query(q))));
  push({ name: `${label}: first screen, cold (rfm + regional, in parallel)`, value: cold, unit: 'ms', note });
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push((await ms(() => Promise.all(FIRST.map((q) => remote.query(q)))))[1]);
  push({ name: `${label}: first screen, warm (median of 3)`, value: warm.sort((a, b) => a - b)[1], unit: 'ms', note: 'goal ≤ 3 s for the five widgets' });
  for (const q of FIRST) {
    const [, t] = await ms(() => remote.query(q));
    push({ name: `${label}: ${q.family} alone`, value: t, unit: 'ms' });
  }
  for (const click of CLICKS) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push((await ms(() => Promise.all(click.queries.map((q) => remote.query(q)))))[1]);
    push({ name: `${label}: ${click.name} (median of 3)`, value: times.sort((a, b) => a - b)[1], unit: 'ms', note: 'goal ≤ 500 ms' });
  }
  http.close();
}

async function main() {
  let madeIn: number | null = null;
  if (!existsSync(DB)) {
    log(`making ${DB} (10M orders, once)…`);
    madeIn = await makeDatabase();
  }
  if (process.argv.includes('--prepare')) return; // only make the cached file
  const duck = await DuckDBEngine.open(DB);
  const count = Number((await duck.connection.runAndReadAll('SELECT count(*) AS n FROM orders')).getRowObjectsJS()[0].n);
  const customers = Number((await duck.connection.runAndReadAll('SELECT count(DISTINCT customer_id) AS n FROM orders')).getRowObjectsJS()[0].n);
  const data = `${count.toLocaleString('en')} order rows, ${customers.toLocaleString('en')} customers`;
  if (madeIn !== null) push({ name: 'DuckDB file made (generate + append, once; cached)', value: madeIn, unit: 'ms', note: `${(statSync(DB).size / 2 ** 20).toFixed(0)} MB` });
  const engine = await ServerEngine.create(duck, { orders: 'orders', customers: 'customers', rowOrder: 'row_no' });
  if (!process.argv.includes('--clickhouse-only')) await measure('DuckDB', engine, data);
  const mem = process.memoryUsage();
  if (!process.argv.includes('--clickhouse-only')) push({ name: 'server process after the DuckDB queries: RSS', value: mem.rss / 2 ** 20, unit: 'MB', note: `JS heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB; DuckDB memory is native (in RSS)` });

  log('ClickHouse: starting a private server and loading the same rows…');
  const ch = await startClickHouse();
  try {
    const click = new ClickHouseEngine({ url: ch.url });
    await click.execute(
      'CREATE TABLE orders (customer_id String, order_id String, order_date Date, amount Float64, status String, region String, province String,' +
        ' city_tier String, channel String, category String, row_no UInt32) ENGINE = MergeTree() ORDER BY (customer_id, order_date)',
    );
    await click.execute('CREATE TABLE customers (customer_id String, name String, type String, region String, province String, city_tier String) ENGINE = MergeTree() ORDER BY customer_id');
    const t = performance.now();
    for (const table of ['orders', 'customers']) {
      const file = `${DIR}/${table}.tsv`;
      const columns = table === 'orders' ? ORDERS_TSV : '*';
      await duck.connection.run(`COPY (SELECT ${columns} FROM ${table}) TO '${file}' (FORMAT csv, DELIMITER '\t', HEADER false)`);
      const res = await fetch(`${ch.url}/?query=${encodeURIComponent(`INSERT INTO ${table} FORMAT TabSeparated`)}`, {
        method: 'POST',
        body: createReadStream(file) as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit);
      if (!res.ok) throw new Error(`ClickHouse insert into ${table}: ${await res.text()}`);
      rmSync(file);
    }
    push({ name: 'ClickHouse: load the same rows (TSV over HTTP)', value: performance.now() - t, unit: 'ms' });
    await measure('ClickHouse 18.16', await ServerEngine.create(click, { orders: 'orders', customers: 'customers', rowOrder: 'row_no' }), data);
  } catch (e) {
    // Keep the DuckDB figures and say what happened to ClickHouse.
    const errors = ch.errorLog().trim().split('\n').slice(-3).join(' | ').slice(0, 400);
    push({ name: 'ClickHouse 18.16: not measured', value: 0, unit: 'ms', note: `${(e as Error).message.slice(0, 200)}; server ${ch.exited() ? 'exited' : 'still running'}; its error log: ${errors || 'empty'}` });
  } finally {
    await ch.stop();
    await duck.close();
  }
  console.log(JSON.stringify({ rows }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
