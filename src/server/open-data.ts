import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { normalizeFeed } from '../data/normalize/index.js';
import { DuckDBEngine } from './duckdb-engine.js';
import { loadTablesIntoDuckDB } from './load-tables.js';
import type { SourceConfig } from './source.js';

/** What `crm-lens serve --duckdb <file>` opened, and how. */
export interface OpenedData {
  engine: DuckDBEngine;
  source: SourceConfig;
  /** One line for the console: what was read and how. */
  summary: string;
}

const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Opens a data file for the server:
 * - `.duckdb` / `.db`: an existing database (read only) with an `orders` table (and `customers` if present);
 * - `.csv` / `.tsv` / `.txt` / `.json`: read by the browser's own normalizer (src/data: the same date, number,
 *   duplicate and cancellation rules as a page), then held in an in-memory DuckDB;
 * - `.parquet`: a typed table read in place by DuckDB, columns named as docs/data.md (like a warehouse table:
 *   kinds from `order_kind`, else from status and the amount sign).
 */
export async function openDataFile(file: string, tables: { orders?: string; customers?: string } = {}): Promise<OpenedData> {
  const ext = extname(file).toLowerCase();
  if (ext === '.duckdb' || ext === '.db') {
    const engine = await DuckDBEngine.open(file);
    const orders = tables.orders ?? 'orders';
    const names = (await engine.connection.runAndReadAll('SELECT table_name FROM information_schema.tables')).getRowObjectsJS().map((r) => String(r.table_name));
    if (!names.includes(orders)) throw new Error(`${file}: no table '${orders}' (it has ${names.join(', ') || 'no tables'}); name it with --orders`);
    const customers = tables.customers ?? (names.includes('customers') ? 'customers' : undefined);
    const cols = await engine.describe(`"${orders}"`);
    return { engine, source: { orders, customers, rowOrder: cols.has('row_no') ? 'row_no' : undefined }, summary: `${file}: DuckDB tables ${orders}${customers ? `, ${customers}` : ''}` };
  }
  if (ext === '.parquet') {
    const engine = await DuckDBEngine.open(':memory:');
    await engine.connection.run(`CREATE VIEW orders AS SELECT * FROM read_parquet(${quoteLiteral(file)})`);
    return { engine, source: { orders: 'orders' }, summary: `${file}: Parquet, read in place` };
  }
  if (!['.csv', '.tsv', '.txt', '.json'].includes(ext)) throw new Error(`${file}: expected a .duckdb, .csv, .tsv, .json or .parquet file`);
  const text = await readFile(file, 'utf8');
  const { tables: normalized, report } = normalizeFeed(ext === '.json' ? JSON.parse(text) : { csv: text }, { feed: file });
  const engine = await DuckDBEngine.open(':memory:');
  await loadTablesIntoDuckDB(engine, normalized);
  const o = report.tables.orders!;
  const summary = `${file}: ${o.rowsAccepted.toLocaleString('en')} of ${o.rowsIn.toLocaleString('en')} order rows accepted (${o.rowsRejected.toLocaleString('en')} rejected)${normalized.customers ? `, ${normalized.customers.numRows().toLocaleString('en')} customers` : ''}`;
  return { engine, source: { orders: 'orders', customers: normalized.customers ? 'customers' : undefined, rowOrder: 'row_no' }, summary };
}
