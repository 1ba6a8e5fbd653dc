// The remote engine (the browser side of server mode) gets exactly what the browser's own metric functions
// compute — same values, same typed-array types — through crm-lens/server over HTTP; errors carry the server's
// message and an aborted query rejects with an AbortError and leaves the server answering.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rfm } from '../../src/metrics/index.js';
import type { RfmQuery } from '../../src/query/protocol.js';
import { RemoteEngine, RemoteQueryError } from '../../src/remote/index.js';
import { fromWireJson, toWireJson } from '../../src/remote/wire-json.js';
import { DuckDBEngine } from '../../src/server/duckdb-engine.js';
import { createHandler } from '../../src/server/handler.js';
import { loadTablesIntoDuckDB } from '../../src/server/load-tables.js';
import { ServerEngine } from '../../src/server/server-engine.js';
import { sampleDataset } from '../server-engines/datasets.js';

const data = sampleDataset();
let http: Server;
let duck: DuckDBEngine;
let remote: RemoteEngine;

before(async () => {
  duck = await DuckDBEngine.open(':memory:');
  await loadTablesIntoDuckDB(duck, data.tables);
  const engine = await ServerEngine.create(duck, { orders: 'orders', customers: 'customers', rowOrder: 'row_no' });
  http = createServer(createHandler({ engine, scope: () => ({}) }));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  remote = new RemoteEngine({ endpoint: `http://127.0.0.1:${(http.address() as AddressInfo).port}/crm-query` });
});
after(async () => {
  http.close();
  await duck.close();
});

test('wire JSON round-trips typed arrays, Maps, Sets, Dates and non-finite numbers', () => {
  const value = { a: Int32Array.of(1, -2), f: Float64Array.of(0.1 + 0.2, NaN), u: Uint8Array.of(255), m: new Map([['x', 1]]), s: new Set(['y']), d: new Date(86400000), n: [NaN, Infinity, -Infinity, 1e-300] };
  const back = fromWireJson<typeof value>(toWireJson(value));
  assert.ok(back.a instanceof Int32Array && back.f instanceof Float64Array && back.u instanceof Uint8Array);
  assert.deepEqual(back, value);
  assert.equal(back.f[0], 0.30000000000000004);
});

test('remote rfm equals the browser rfm exactly (values and array types)', async () => {
  for (const filter of data.filters) {
    const descriptor: RfmQuery = { family: 'rfm', filter, rfm: {}, names: true };
    const got = await remote.query(descriptor);
    const { base, ...want } = rfm(data.tables, { filter });
    void base;
    const where = JSON.stringify(filter);
    assert.deepEqual(got.rfm.columns.customer_id, want.columns.customer_id, where);
    for (const k of ['recencyDays', 'frequency', 'r', 'f', 'm', 'segment'] as const) {
      assert.equal(got.rfm[k].constructor, want[k].constructor, `${where}: ${k} type`);
      assert.deepEqual(Array.from(got.rfm[k]), Array.from(want[k]), `${where}: ${k}`);
    }
    // Money: SQL sums in its own order, so the last bits may differ (never a cent; see server-parity).
    assert.ok(got.rfm.monetary instanceof Float64Array);
    got.rfm.monetary.forEach((v, i) => assert.ok(Math.abs(v - want.monetary[i]) <= 1e-9 * Math.abs(want.monetary[i]), `${where}: monetary ${i}`));
    assert.deepEqual(got.rfm.segments, want.segments);
    assert.ok(got.names instanceof Map);
    assert.equal(got.names.get(want.columns.customer_id[0]), data.tables.customers!.array('name')[data.tables.customers!.array('customer_id').indexOf(want.columns.customer_id[0])]);
  }
});

test('remote errors carry the server message; an aborted query is an AbortError and the server keeps answering', async () => {
  await assert.rejects(remote.query({ family: 'rfm', filter: {}, rfm: { bins: 1 } }), (e: unknown) => e instanceof RemoteQueryError && e.status === 400 && /rfm\.bins: expected a whole number of bins from 2 to 10, found 1/.test(e.message));
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(remote.query({ family: 'rfm', filter: {}, rfm: {} }, aborted.signal), (e: unknown) => (e as Error).name === 'AbortError');
  const midway = new AbortController();
  const pending = remote.query({ family: 'rfm', filter: { regions: ['华东'] }, rfm: {} }, midway.signal);
  midway.abort();
  await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError');
  const after = await remote.query({ family: 'rfm', filter: {}, rfm: {} });
  assert.equal(after.rfm.size, rfm(data.tables).size);
});
