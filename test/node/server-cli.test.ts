// `npx crm-lens sql` prints every statement with its parameters; `npx crm-lens serve --duckdb <csv>` reads the
// file with the browser's normalizer and answers descriptors at /crm-query beside the widgets' page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { isoToDay } from '../../src/data/days.js';
import { fromWireJson } from '../../src/remote/wire-json.js';
import type { RfmQueryResult } from '../../src/query/protocol.js';

const BIN = 'bin/crm-lens.js';

test('crm-lens sql prints each statement and its parameters in both dialects', () => {
  const duck = execFileSync('node', [BIN, 'sql', '--dialect', 'duckdb'], { encoding: 'utf8' });
  assert.match(duck, /^-- rfm \(<crm-rfm-matrix>\), no filter, default asOf$/m);
  assert.match(duck, /SELECT max\(CAST\(CAST\("order_date" AS DATE\) - DATE '1970-01-01' AS INTEGER\)\) AS crm_latest/);
  assert.match(duck, /count\(DISTINCT .*\) FILTER \(WHERE /);
  assert.match(duck, /-- parameters: \$1 = 19000, \$2 = 19999, \$3 = "C000001", \$4 = "C000002", \$5 = "repair_shop", \$6 = "华东"/);
  const ch = execFileSync('node', [BIN, 'sql', '--dialect', 'clickhouse', '--orders', 'crm.orders_all'], { encoding: 'utf8' });
  assert.match(ch, /FROM `crm`\.`orders_all`/);
  assert.match(ch, /uniqExactIf\(/);
  assert.match(ch, /ANY LEFT JOIN/);
  assert.doesNotMatch(ch, /OVER\s*\(/i, 'no window functions (ClickHouse 18.16)');
  assert.match(ch, /-- parameters: \{p1:Int32\} = 19000, \{p2:Int32\} = 19999, \{p3:String\} = "C000001"/);
  assert.throws(() => execFileSync('node', [BIN, 'sql', '--dialect', 'oracle'], { encoding: 'utf8', stdio: 'pipe' }), /--dialect: expected duckdb or clickhouse, found oracle/);
});

test('crm-lens serve --duckdb orders.csv answers descriptors and serves the remote page', async () => {
  const child = spawn('node', [BIN, 'serve', '--duckdb', 'test/fixtures/reference/input_rfm_data_orders.csv', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    child.stdout.setEncoding('utf8');
    while (!/serving (http:\S+)\//.test(out)) {
      const [chunk] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => [null])])) as [string | null];
      if (chunk === null) assert.fail(`serve exited: ${out}`);
      out += chunk;
    }
    assert.match(out, /4,906 of 4,906 order rows accepted \(0 rejected\)/);
    const base = /serving (http:\S+)\//.exec(out)![1];
    const res = await fetch(`${base}/crm-query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ family: 'rfm', filter: {}, rfm: {}, asOf: isoToDay('2006-12-31') }),
    });
    const { result } = fromWireJson<{ result: RfmQueryResult }>(await res.text());
    assert.equal(result.rfm.size, 995); // the R rfm package's 995 customers
    const i = result.rfm.columns.customer_id.indexOf("Agness O'Keefe");
    assert.equal(result.rfm.columns.rfm_score[i], 555);
    const page = await fetch(`${base}/`);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await page.text(), /<crm-data engine="remote" endpoint="\/crm-query"/);
    assert.equal((await fetch(`${base}/crm-lens.bundle.js`)).status, 200);
  } finally {
    child.kill();
  }
});

test('the packaged crm-lens/server entry answers a descriptor over DuckDB', async () => {
  // @ts-expect-error the built file has no declarations beside it (dist/types has them)
  const server = (await import('../../dist/server.js')) as typeof import('../../src/server/index.js');
  const duck = await server.DuckDBEngine.open(':memory:');
  await duck.connection.run(
    "CREATE TABLE orders AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', 10.5), ('a', DATE '2024-02-01', 4.25), ('b', DATE '2024-01-15', 7.0)) t(customer_id, order_date, amount)",
  );
  const engine = await server.createServerEngine({ duckdb: duck, source: { orders: 'orders' } });
  const { rfm } = (await engine.scoped({}).query({ family: 'rfm', filter: {}, rfm: {} })) as RfmQueryResult;
  assert.deepEqual(rfm.columns.customer_id, ['a', 'b']);
  assert.deepEqual(Array.from(rfm.columns.monetary), [14.75, 7]);
  assert.equal(rfm.asOf, isoToDay('2024-02-02'));
  await duck.close();
});

test('serve opens a .duckdb file (tables and row order found) and a .parquet file (read in place)', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openDataFile } = await import('../../src/server/open-data.js');
  const { ServerEngine } = await import('../../src/server/server-engine.js');
  const dir = mkdtempSync(join(tmpdir(), 'crm-lens-open-'));
  try {
    const csv = await openDataFile('test/fixtures/reference/input_rfm_data_orders.csv');
    const file = join(dir, 'orders.parquet');
    await csv.engine.connection.run(`COPY (SELECT customer_id, order_date, amount, row_no FROM orders) TO '${file}' (FORMAT parquet)`);
    await csv.engine.connection.run(`ATTACH '${join(dir, 'crm.duckdb')}' AS f`);
    await csv.engine.connection.run('CREATE TABLE f.orders AS SELECT * FROM orders');
    await csv.engine.connection.run('DETACH f');
    await csv.engine.close();
    for (const path of [file, join(dir, 'crm.duckdb')]) {
      const opened = await openDataFile(path);
      const engine = await ServerEngine.create(opened.engine, opened.source);
      const { rfm } = (await engine.answer({ family: 'rfm', filter: {}, rfm: {}, asOf: isoToDay('2006-12-31') }, {})) as RfmQueryResult;
      assert.equal(rfm.size, 995, path);
      assert.equal(rfm.columns.rfm_score[rfm.columns.customer_id.indexOf("Agness O'Keefe")], 555, path);
      await opened.engine.close();
    }
    await assert.rejects(openDataFile(join(dir, 'orders.xlsx')), /expected a \.duckdb, \.csv, \.tsv, \.json or \.parquet file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
