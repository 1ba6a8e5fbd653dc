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

/** The optional text columns a normalized orders table has (absent ones stay absent: "no channel column" is data too). */
const presentText = (table: ColumnTable, names: readonly string[]) => names.filter((n) => n === 'customer_id' || table.columnNames().includes(n));

/** Creates (replacing) `orders` and, when given, `customers` in DuckDB and appends the rows. */
export async function loadTablesIntoDuckDB(engine: DuckDBEngine, tables: CrmTables, names = { orders: 'orders', customers: 'customers' }): Promise<void> {
  const c = engine.connection;
  const { dateValue } = await import('@duckdb/node-api');
  const ordersName = checkIdentifier(names.orders, 'orders table');
  const o = ordersColumns(tables.orders);
  const text = presentText(tables.orders, ORDER_TEXT) as (typeof ORDER_TEXT)[number][];
  await c.run(
    `CREATE OR REPLACE TABLE "${ordersName}" (${text.map((k) => `${k} VARCHAR${k === 'customer_id' ? ' NOT NULL' : ''}`).join(', ')},` +
      ` order_date DATE NOT NULL, amount DOUBLE NOT NULL, order_kind UTINYINT NOT NULL, row_no INTEGER NOT NULL)`,
  );
  const a = await c.createAppender(ordersName);
  const readers = text.map((k) => o.text[k]);
  for (let i = 0; i < o.n; i++) {
    for (const read of readers) {
      const v = read(i);
      if (v === null) a.appendNull();
      else a.appendVarchar(v);
    }
    a.appendDate(dateValue(o.day[i]));
    a.appendDouble(o.amount[i]);
    a.appendUTinyInt(o.kind[i]);
    a.appendInteger(i);
    a.endRow();
  }
  a.closeSync();
  if (!tables.customers) return;
  const customersName = checkIdentifier(names.customers, 'customers table');
  const cust = tables.customers;
  const custText = presentText(cust, CUSTOMER_TEXT);
  await c.run(`CREATE OR REPLACE TABLE "${customersName}" (${custText.map((k) => `${k} VARCHAR`).join(', ')})`);
  const cols = custText.map((k) => textColumn(cust, k));
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
  const o = ordersColumns(tables.orders);
  const text = presentText(tables.orders, ORDER_TEXT) as (typeof ORDER_TEXT)[number][];
  await engine.execute(`DROP TABLE IF EXISTS ${ordersName}`);
  await engine.execute(
    `CREATE TABLE ${ordersName} (${text.map((k) => `${k} String`).join(', ')}, order_date Date, amount Float64, order_kind UInt8, row_no UInt32)` +
      ' ENGINE = MergeTree() ORDER BY (customer_id, order_date)',
  );
  const iso = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);
  await insertBatches(engine, ordersName, o.n, (i) => {
    const row: Record<string, string | number> = {};
    for (const k of text) row[k] = o.text[k](i) ?? '';
    row.order_date = iso(o.day[i]);
    row.amount = o.amount[i];
    row.order_kind = o.kind[i];
    row.row_no = i;
    return row;
  });
  if (!tables.customers) return;
  const customersName = checkIdentifier(names.customers, 'customers table');
  const cust = tables.customers;
  const custText = presentText(cust, CUSTOMER_TEXT);
  await engine.execute(`DROP TABLE IF EXISTS ${customersName}`);
  await engine.execute(`CREATE TABLE ${customersName} (${custText.map((k) => `${k} String`).join(', ')}) ENGINE = MergeTree() ORDER BY customer_id`);
  const cols = custText.map((k) => [k, textColumn(cust, k)] as const);
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
