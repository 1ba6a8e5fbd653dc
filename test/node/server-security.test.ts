// The server answers descriptors only: the host's scope is applied to every query and nothing a page sends can
// widen it; values are parameters (injection strings are data), keys come from a whitelist, and every bad
// request is a 4xx naming what is wrong. On DuckDB and on ClickHouse (Debian's 18.16, literals bound by us).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isoToDay } from '../../src/data/days.js';
import type { RfmQueryResult } from '../../src/query/protocol.js';
import { fromWireJson } from '../../src/remote/wire-json.js';
import { ClickHouseEngine } from '../../src/server/clickhouse-engine.js';
import { DuckDBEngine } from '../../src/server/duckdb-engine.js';
import { createHandler } from '../../src/server/handler.js';
import { ServerEngine } from '../../src/server/server-engine.js';
import type { Scope } from '../../src/server/scope.js';
import type { SqlEngine } from '../../src/server/sql-engine.js';
// @ts-expect-error plain ESM script without types
import { startClickHouse } from '../../scripts/clickhouse.mjs';

// Two tenants in one table; tenant b also has a customer called A1 (ids are only unique per tenant).
const ROWS: [string, string, string, number][] = [
  ['a', 'A1', '2024-01-05', 100],
  ['a', 'A1', '2024-02-05', 50],
  ['a', 'A2', '2024-03-01', 30],
  ['b', 'B1', '2024-01-10', 999],
  ['b', 'A1', '2024-03-10', 5000],
];
const NASTY = ["A1' OR '1'='1", "x\\' OR 1=1 --", "'); DROP TABLE orders; --", 'A1\\', "\\'", '\n\t"`$1{p1:String}', '已取消 😀'];

let ch: { url: string; stop(): Promise<void> };
const engines: Record<string, { sql: SqlEngine; server: ServerEngine; url: string; http: Server }> = {};

/** The host's auth in these tests: a header says which tenant (a real host reads its session). */
function tenantScope(req: IncomingMessage): Scope {
  const t = req.headers['x-tenant'];
  if (t === 'none') return null as unknown as Scope; // a buggy host: must fail closed, never "no scope"
  if (t === 'deny') throw Object.assign(new Error('not signed in'), { status: 401 });
  return { tenant_id: t === 'b' ? 'b' : 'a' };
}

async function serve(name: string, sql: SqlEngine) {
  const server = await ServerEngine.create(sql, { orders: 'orders' });
  const http = createServer(createHandler({ engine: server, scope: tenantScope, maxBodyBytes: 64 * 1024, onError: () => {} }));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  engines[name] = { sql, server, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/crm-query` };
}

before(async () => {
  const duck = await DuckDBEngine.open(':memory:');
  await duck.connection.run('CREATE TABLE orders (tenant_id VARCHAR, customer_id VARCHAR, order_date DATE, amount DOUBLE)');
  for (const r of ROWS) await duck.connection.run('INSERT INTO orders VALUES ($1, $2, CAST($3 AS DATE), $4)', r);
  await serve('duckdb', duck);
  ch = await startClickHouse();
  const click = new ClickHouseEngine({ url: ch.url });
  await click.execute('CREATE TABLE orders (tenant_id String, customer_id String, order_date Date, amount Float64) ENGINE = MergeTree() ORDER BY customer_id');
  await click.execute(`INSERT INTO orders FORMAT JSONEachRow\n${ROWS.map(([tenant_id, customer_id, order_date, amount]) => JSON.stringify({ tenant_id, customer_id, order_date, amount })).join('\n')}`);
  await serve('clickhouse', click);
});

after(async () => {
  for (const e of Object.values(engines)) {
    e.http.close();
    await e.sql.close();
  }
  await ch?.stop();
});

async function post(engine: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(engines[engine].url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: fromWireJson<{ result?: RfmQueryResult; error?: { message: string } }>(text) };
}

const customersOf = (r: RfmQueryResult) =>
  Object.fromEntries(r.rfm.columns.customer_id.map((id, i) => [id, [r.rfm.columns.frequency[i], r.rfm.columns.monetary[i]]]));

const rfmQuery = (extra: Record<string, unknown> = {}) => ({ family: 'rfm', filter: {}, rfm: {}, asOf: isoToDay('2024-04-01'), ...extra });

for (const name of ['duckdb', 'clickhouse']) {
  test(`${name}: every query sees only the host's tenant`, async () => {
    const a = await post(name, rfmQuery());
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(customersOf(a.json.result!), { A1: [2, 150], A2: [1, 30] });
    const b = await post(name, rfmQuery(), { 'x-tenant': 'b' });
    assert.deepEqual(customersOf(b.json.result!), { B1: [1, 999], A1: [1, 5000] });
    // The default asOf is the tenant's own latest order + 1 (tenant a: 2024-03-01).
    const d = await post(name, { family: 'rfm', filter: {}, rfm: {} });
    assert.equal(d.json.result!.rfm.asOf, isoToDay('2024-03-02'));
  });

  test(`${name}: a page cannot widen the scope through the filter, options or extra keys`, async () => {
    // Another tenant's customer id: filtered inside the scope, so nothing.
    const other = await post(name, rfmQuery({ filter: { customerIds: ['B1'] } }));
    assert.equal(other.status, 200);
    assert.equal(other.json.result!.rfm.size, 0);
    for (const [body, message] of [
      [rfmQuery({ scope: {} }), /unknown key "scope"/],
      [rfmQuery({ tenant_id: 'b' }), /unknown key "tenant_id"/],
      [rfmQuery({ filter: { tenant_id: ['b'] } }), /unknown option "filter\.tenant_id"/],
      [rfmQuery({ filter: { 'regions); DROP TABLE orders; --': ['x'] } }), /unknown option "filter\.regions\); DROP TABLE orders; --"/],
      [rfmQuery({ rfm: { 'bins) OR 1=1': 3 } }), /unknown option "rfm\.bins\) OR 1=1"/],
      [rfmQuery({ sql: 'SELECT * FROM orders' }), /unknown key "sql"/],
    ] as const) {
      const r = await post(name, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.text}`);
      assert.match(r.json.error!.message, message);
    }
    // The table is still there and still scoped.
    assert.deepEqual(customersOf((await post(name, rfmQuery())).json.result!), { A1: [2, 150], A2: [1, 30] });
  });

  test(`${name}: injection strings in values are data`, async () => {
    const r = await post(name, rfmQuery({ filter: { customerIds: NASTY, regions: NASTY, channels: NASTY } }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.result!.rfm.size, 0);
    const withA1 = await post(name, rfmQuery({ filter: { customerIds: [...NASTY, 'A1'] } }));
    assert.deepEqual(customersOf(withA1.json.result!), { A1: [2, 150] });
  });

  test(`${name}: bad requests get a clear 4xx; a host's broken scope fails closed`, async () => {
    const cases: [unknown, number, RegExp, Record<string, string>?][] = [
      [{ family: 'sql', filter: {} }, 400, /unknown family "sql" \(known: rfm, lifecycle/],
      [{ family: 'lifecycle', filter: {} }, 501, /'lifecycle' is not answered by this server engine \(it answers: rfm, regional, regional-group-customers, channel-mix, channel-customers\)/],
      [{ family: 'regional', filter: {}, groupBy: 'tenant_id' }, 400, /groupBy: the server groups by region, province, city_tier, channel, category, type; found "tenant_id"/],
      [{ family: 'regional', filter: {}, groupBy: 'region); DROP TABLE orders; --' }, 400, /groupBy: the server groups by/],
      [{ family: 'regional', filter: {}, groupBy: 'region' }, 400, /group by 'region': no such column in the orders or the customers table/],
      [{ family: 'regional', filter: {}, compare: { start: 1 } }, 400, /compare: expected \{ start, end \} integer epoch days/],
      [{ family: 'regional-group-customers', filter: {}, key: 3 }, 400, /key: expected the group key/],
      [rfmQuery({ rfm: { bins: 99 } }), 400, /rfm\.bins: expected a whole number of bins from 2 to 10, found 99/],
      [rfmQuery({ rfm: { method: 'median' } }), 400, /rfm\.method: expected 'quantile', 'ntile', 'auto'/],
      [rfmQuery({ asOf: '2024-01-01' }), 400, /asOf: expected an integer epoch day/],
      [rfmQuery({ filter: { dateRange: { start: '0 OR 1=1' } } }), 400, /filter\.dateRange\.start: expected an integer epoch day/],
      [rfmQuery({ filter: { regions: 'east' } }), 400, /filter\.regions: expected an array of strings/],
      [rfmQuery({ filter: { segments: ['nobody'] } }), 400, /filter\.segments: unknown segment 'nobody'/],
      [[1, 2], 400, /expected a JSON object/],
      ['{"family": "rfm",', 400, /not JSON/],
      [{ family: 'rfm', filter: { customerIds: ['x'.repeat(70 * 1024)] } }, 413, /over 65536 bytes/],
      [rfmQuery(), 401, /not signed in/, { 'x-tenant': 'deny' }],
      [rfmQuery(), 500, /failed on the server/, { 'x-tenant': 'none' }],
      [rfmQuery(), 415, /application\/json/, { 'content-type': 'text/plain' }],
    ];
    for (const [body, status, message, headers] of cases) {
      const r = await post(name, body, headers);
      assert.equal(r.status, status, `${JSON.stringify(body).slice(0, 80)} → ${r.text.slice(0, 200)}`);
      assert.match(r.json.error!.message, message);
      assert.equal(r.json.result, undefined);
    }
    const get = await post(name, null, {}, 'GET');
    assert.equal(get.status, 405);
  });
}

test('ClickHouse literals: every injection string reads back as itself', async () => {
  const click = engines.clickhouse.sql;
  for (const value of NASTY) {
    const rows = await click.query({ sql: 'SELECT {p1:String} AS v, length({p2:String}) AS n', params: [{ value, type: 'String' }, { value, type: 'String' }] });
    assert.equal(rows[0].v, value);
    assert.equal(Number(rows[0].n), Buffer.byteLength(value));
  }
});
