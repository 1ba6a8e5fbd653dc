/**
 * `crm-lens` command line:
 *   crm-lens serve --duckdb <file.duckdb | orders.csv | orders.json | orders.parquet> [--port 8080] [--host 127.0.0.1]
 *   crm-lens serve --clickhouse <http://host:8123> --orders <table> [--customers <table>] [--database <db>] [--user <u>]
 *   crm-lens sql --dialect duckdb|clickhouse [--orders <table>] [--customers <table>]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandler } from './handler.js';
import { ClickHouseEngine } from './clickhouse-engine.js';
import { ServerEngine } from './server-engine.js';
import { openDataFile } from './open-data.js';
import { printQueries } from './print-queries.js';
import { DEMO_CSP, DEMO_CSS, demoPage } from './demo-page.js';
import type { SourceConfig } from './source.js';

const USAGE = `crm-lens — customer analytics widgets; server mode over DuckDB or ClickHouse

  crm-lens serve --duckdb <file.duckdb | orders.csv | orders.json | orders.parquet> [--port 8080] [--host 127.0.0.1]
  crm-lens serve --clickhouse <http://127.0.0.1:8123> --orders <table> [--customers <table>] [--database <db>] [--user <name>]
                 (password from CLICKHOUSE_PASSWORD)
  crm-lens sql --dialect duckdb|clickhouse [--orders <table>] [--customers <table>]

serve: the five widgets at http://<host>:<port>/ under <crm-data engine="remote" endpoint="/crm-query">;
       POST /crm-query answers query descriptors (docs/server.md). No scope: every row is visible.
sql:   prints every statement the server runs for the widgets' queries, with its parameters.`;

const ENDPOINT = '/crm-query';

async function serve(values: Record<string, string | boolean | undefined>): Promise<void> {
  let engine: ServerEngine;
  let summary: string;
  const tables = { orders: values.orders as string | undefined, customers: values.customers as string | undefined };
  if (typeof values.duckdb === 'string') {
    const opened = await openDataFile(values.duckdb, tables);
    engine = await ServerEngine.create(opened.engine, opened.source);
    summary = opened.summary;
  } else if (typeof values.clickhouse === 'string') {
    if (!tables.orders) throw new Error('--clickhouse needs --orders <table> (a MergeTree or Distributed table of orders)');
    const ch = new ClickHouseEngine({
      url: values.clickhouse,
      database: values.database as string | undefined,
      user: values.user as string | undefined,
      password: process.env.CLICKHOUSE_PASSWORD,
    });
    const source: SourceConfig = { orders: tables.orders, customers: tables.customers };
    engine = await ServerEngine.create(ch, source);
    summary = `ClickHouse ${values.clickhouse}: ${tables.orders}${tables.customers ? `, ${tables.customers}` : ''}`;
  } else throw new Error(`serve needs --duckdb <file> or --clickhouse <url>\n\n${USAGE}`);

  const dist = dirname(fileURLToPath(import.meta.url));
  const handler = createHandler({ engine, scope: () => ({}) });
  const files: Record<string, [string, string]> = {
    '/crm-lens.bundle.js': [join(dist, 'crm-lens.bundle.js'), 'text/javascript'],
    '/crm-lens.bundle.worker.js': [join(dist, 'crm-lens.bundle.worker.js'), 'text/javascript'],
  };
  const page = demoPage('crm-lens server mode', ENDPOINT);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === ENDPOINT) return handler(req, res);
    const headers = { 'content-security-policy': DEMO_CSP, 'x-content-type-options': 'nosniff' };
    if (req.method !== 'GET') return res.writeHead(405, headers).end();
    if (path === '/' || path === '/index.html') return res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/serve.css') return res.writeHead(200, { ...headers, 'content-type': 'text/css' }).end(DEMO_CSS);
    const file = files[path];
    if (!file) return res.writeHead(404, headers).end();
    readFile(file[0]).then(
      (body) => res.writeHead(200, { ...headers, 'content-type': file[1] }).end(body),
      () => res.writeHead(404, headers).end(),
    );
  });
  const port = Number(values.port ?? 8080);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as AddressInfo).port;
  console.log(`${summary}\ncrm-lens serving http://${host}:${bound}/ (queries: POST ${ENDPOINT})`);
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      duckdb: { type: 'string' },
      clickhouse: { type: 'string' },
      orders: { type: 'string' },
      customers: { type: 'string' },
      database: { type: 'string' },
      user: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      dialect: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (!command || command === 'help' || command === '--help' || values.help) {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return serve(values);
  if (command === 'sql') {
    const dialect = values.dialect ?? 'duckdb';
    if (dialect !== 'duckdb' && dialect !== 'clickhouse') throw new Error(`--dialect: expected duckdb or clickhouse, found ${dialect}`);
    const source: SourceConfig = { orders: values.orders ?? 'orders', customers: values.customers ?? 'customers', rowOrder: 'row_no' };
    process.stdout.write(await printQueries(dialect, source));
    return;
  }
  throw new Error(`unknown command '${command}'\n\n${USAGE}`);
}
