import type { ColumnTable } from 'arquero';
import type { CrmTables } from '../data/types.js';
import { columnCodes, readColumn, rowCount } from '../metrics/columns.js';
import { orderKindsOf } from '../metrics/prepare.js';
import type { ClickHouseEngine } from './clickhouse-engine.js';
import type { DuckDBEngine } from './duckdb-engine.js';
import { checkIdentifier } from './identifiers.js';

/**
 * Writes normalized tables (src/data's output: the feed read with the one policy of docs/data.md — dates,
 * numbers, duplicate lines, `order_kind`) into a database table, so the server's SQL starts from exactly the
 * rows the browser starts from. `row_no` keeps the feed's line order (first appearance, see SourceConfig.rowOrder).
 */

const ORDER_TEXT = ['customer_id', 'order_id', 'status', 'region', 'province', 'city_tier', 'channel', 'category'] as const;
const CUSTOMER_TEXT = ['customer_id', 'name', 'type', 'region', 'province', 'city_tier'] as const;

/** Per row: the text of a column, or null when the table lacks it or the value is missing. */
function textColumn(table: ColumnTable, name: string): (i: number) => string | null {
  const dict = columnCodes(table, name);
  if (!dict) return () => null;
  return (i) => (dict.codes[i] >= 0 ? dict.values[dict.codes[i]] : null);
}

interface OrdersColumns {
  n: number;
  text: Record<(typeof ORDER_TEXT)[number], (i: number) => string | null>;
  day: ArrayLike<number>;
  amount: ArrayLike<number>;
  kind: Uint8Array;
}

function ordersColumns(orders: ColumnTable): OrdersColumns {
  const text = Object.fromEntries(ORDER_TEXT.map((c) => [c, textColumn(orders, c)])) as OrdersColumns['text'];
  return { n: rowCount(orders), text, day: readColumn<number>(orders, 'order_date')!, amount: readColumn<number>(orders, 'amount')!, kind: orderKindsOf(orders) };
}

/** Creates (replacing) `orders` and, when given, `customers` in DuckDB and appends the rows. */
export async function loadTablesIntoDuckDB(engine: DuckDBEngine, tables: CrmTables, names = { orders: 'orders', customers: 'customers' }): Promise<void> {
  const c = engine.connection;
  const { dateValue } = await import('@duckdb/node-api');
  const ordersName = checkIdentifier(names.orders, 'orders table');
  await c.run(
    `CREATE OR REPLACE TABLE "${ordersName}" (customer_id VARCHAR NOT NULL, order_id VARCHAR, order_date DATE NOT NULL, amount DOUBLE NOT NULL,` +
      ` status VARCHAR, order_kind UTINYINT NOT NULL, region VARCHAR, province VARCHAR, city_tier VARCHAR, channel VARCHAR, category VARCHAR, row_no INTEGER NOT NULL)`,
  );
  const o = ordersColumns(tables.orders);
  const a = await c.createAppender(ordersName);
  const text = (v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));
  for (let i = 0; i < o.n; i++) {
    text(o.text.customer_id(i));
    text(o.text.order_id(i));
    a.appendDate(dateValue(o.day[i]));
    a.appendDouble(o.amount[i]);
    text(o.text.status(i));
    a.appendUTinyInt(o.kind[i]);
    text(o.text.region(i));
    text(o.text.province(i));
    text(o.text.city_tier(i));
    text(o.text.channel(i));
    text(o.text.category(i));
    a.appendInteger(i);
    a.endRow();
  }
  a.closeSync();
  if (!tables.customers) return;
  const customersName = checkIdentifier(names.customers, 'customers table');
  await c.run(`CREATE OR REPLACE TABLE "${customersName}" (${CUSTOMER_TEXT.map((k) => `${k} VARCHAR`).join(', ')})`);
  const cust = tables.customers;
  const cols = CUSTOMER_TEXT.map((k) => textColumn(cust, k));
  const b = await c.createAppender(customersName);
  for (let i = 0, n = rowCount(cust); i < n; i++) {
    for (const col of cols) {
      const v = col(i);
      if (v === null) b.appendNull();
      else b.appendVarchar(v);
    }
    b.endRow();
  }
  b.closeSync();
}

/** The same tables in ClickHouse (MergeTree; missing text as ''), inserted as JSONEachRow in batches. */
export async function loadTablesIntoClickHouse(engine: ClickHouseEngine, tables: CrmTables, names = { orders: 'orders', customers: 'customers' }): Promise<void> {
  const ordersName = checkIdentifier(names.orders, 'orders table');
  await engine.execute(`DROP TABLE IF EXISTS ${ordersName}`);
  await engine.execute(
    `CREATE TABLE ${ordersName} (customer_id String, order_id String, order_date Date, amount Float64, status String, order_kind UInt8,` +
      ` region String, province String, city_tier String, channel String, category String, row_no UInt32) ENGINE = MergeTree() ORDER BY (customer_id, order_date)`,
  );
  const o = ordersColumns(tables.orders);
  const iso = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);
  await insertBatches(engine, ordersName, o.n, (i) => ({
    customer_id: o.text.customer_id(i) ?? '',
    order_id: o.text.order_id(i) ?? '',
    order_date: iso(o.day[i]),
    amount: o.amount[i],
    status: o.text.status(i) ?? '',
    order_kind: o.kind[i],
    region: o.text.region(i) ?? '',
    province: o.text.province(i) ?? '',
    city_tier: o.text.city_tier(i) ?? '',
    channel: o.text.channel(i) ?? '',
    category: o.text.category(i) ?? '',
    row_no: i,
  }));
  if (!tables.customers) return;
  const customersName = checkIdentifier(names.customers, 'customers table');
  await engine.execute(`DROP TABLE IF EXISTS ${customersName}`);
  await engine.execute(`CREATE TABLE ${customersName} (${CUSTOMER_TEXT.map((k) => `${k} String`).join(', ')}) ENGINE = MergeTree() ORDER BY customer_id`);
  const cust = tables.customers;
  const cols = CUSTOMER_TEXT.map((k) => [k, textColumn(cust, k)] as const);
  await insertBatches(engine, customersName, rowCount(cust), (i) => Object.fromEntries(cols.map(([k, col]) => [k, col(i) ?? ''])));
}

async function insertBatches(engine: ClickHouseEngine, table: string, n: number, row: (i: number) => object): Promise<void> {
  const BATCH = 200_000;
  for (let start = 0; start < n; start += BATCH) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) lines.push(JSON.stringify(row(i)));
    await engine.execute(`INSERT INTO ${table} FORMAT JSONEachRow\n${lines.join('\n')}`);
  }
}
