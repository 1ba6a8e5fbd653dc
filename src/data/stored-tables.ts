/**
 * The form the feed cache stores tables in: column buffers (see transfer-tables.ts) — typed-array columns as
 * they are, string columns as Int32 codes into one dictionary of distinct strings shared by every table. Read
 * back with one array lookup per row: no UTF-8 decoding, no hashing, each distinct string made once. Measured
 * against Arrow IPC with dictionaries on 1M orders in BENCHMARKS.md (the cache suite): about 5× faster to write
 * and 3–4× faster to read with the tables rebuilt.
 */
import { FeedError } from './errors.js';
import { SCHEMA, TABLE_NAMES } from './schema.js';
import { tablesFromTransfer, tablesToTransfer, type TransferColumn, type TransferTables } from './transfer-tables.js';
import type { CrmTables } from './types.js';

export type StoredTables = TransferTables;

/** Tables → stored form. The columns are shared, not copied: IndexedDB clones them when it stores the entry. */
export function tablesToStored(tables: CrmTables): StoredTables {
  return tablesToTransfer(tables, { copy: false }).value;
}

const ARRAY_OF = { int32: Int32Array, float64: Float64Array, uint8: Uint8Array } as const;

/**
 * Stored form → tables, after checking its shape (a corrupt or foreign entry must not become wrong tables).
 * Throws FeedError `cache` naming the table and what is wrong.
 */
export function tablesFromStored(form: StoredTables, feed = 'cache'): CrmTables {
  const problem = (table: string, found: string) =>
    new FeedError({ kind: 'cache', feed, expected: `a readable cached "${table}" table`, found });
  if (!form || !Array.isArray(form.strings) || !form.tables || typeof form.tables !== 'object') {
    throw problem('orders', 'no column buffers');
  }
  if (!form.tables.orders) throw new FeedError({ kind: 'cache', feed, expected: 'a cached "orders" table', found: 'none' });
  const strings = form.strings.length;
  for (const name of TABLE_NAMES) {
    const columns = form.tables[name];
    if (!columns) continue;
    if (!Array.isArray(columns)) throw problem(name, 'no column list');
    let rows = -1;
    for (const c of columns as TransferColumn[]) {
      const values = c?.kind === 'string' ? c.codes : (c as { values?: unknown } | undefined)?.values;
      const Type = c?.kind === 'string' ? Int32Array : ARRAY_OF[c?.kind as keyof typeof ARRAY_OF];
      if (!Type || !(values instanceof Type)) throw problem(name, `column "${String(c?.name)}" of an unknown kind`);
      if (rows >= 0 && values.length !== rows) throw problem(name, `column "${c.name}" with ${values.length} rows, not ${rows}`);
      rows = values.length;
      if (c.kind === 'string') {
        for (let i = 0; i < c.codes.length; i++) {
          const code = c.codes[i]!;
          if (code < 0 || code > strings) throw problem(name, `column "${c.name}" coded past its dictionary`);
        }
      }
    }
    for (const f of SCHEMA[name]) {
      if (f.required && !columns.some((c) => c.name === f.name)) throw problem(name, `no "${f.name}" column`);
    }
  }
  return tablesFromTransfer(form);
}
