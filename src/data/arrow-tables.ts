/**
 * Normalized tables ⇄ Arrow IPC bytes, for the IndexedDB cache. Writing keeps the column types (Int32Array →
 * int32, Float64Array → float64 with NaN as a value, strings → dictionary-encoded utf8); reading restores the
 * column conventions of `src/data/schema.ts` exactly, with string values interned across all tables.
 */
import { fromArrow, table as aqTable, toArrowIPC } from 'arquero';
import type { ColumnTable } from 'arquero';
import { dictionary, float64, int32, uint8, utf8, type DataType } from '@uwdata/flechette';
import { attachDictionary, type ColumnDictionary } from './column-dictionary.js';
import { FeedError } from './errors.js';
import { ORDER_KIND_COLUMN, SCHEMA, TABLE_NAMES, type FieldType, type TableName } from './schema.js';
import type { CrmTables } from './types.js';

/** Arrow IPC stream bytes per table present. */
export function tablesToArrow(tables: CrmTables): Partial<Record<TableName, Uint8Array>> {
  const out: Partial<Record<TableName, Uint8Array>> = {};
  for (const name of TABLE_NAMES) {
    const t = tables[name];
    if (t) out[name] = toArrowIPC(t, { format: 'stream', types: stringTypes(t) });
  }
  return out;
}

/** Rows sampled to decide how a string column is encoded. */
const SAMPLE_ROWS = 65_536;

/**
 * Arrow types of the string columns: dictionary-encoded when values repeat (channels, regions, customer ids),
 * plain utf8 when they are nearly all distinct (order ids): building a dictionary of a million distinct
 * strings costs seconds and saves nothing.
 */
function stringTypes(t: ColumnTable): Record<string, DataType> {
  const types: Record<string, DataType> = {};
  for (const name of t.columnNames()) {
    const values = t.column(name) as unknown as ArrayLike<unknown>;
    // Typed arrays by their type: an empty column (every row rejected) has no values to infer one from.
    if (values instanceof Int32Array) types[name] = int32();
    else if (values instanceof Float64Array) types[name] = float64();
    else if (values instanceof Uint8Array) types[name] = uint8();
    if (!Array.isArray(values)) continue;
    const n = Math.min(values.length, SAMPLE_ROWS);
    const distinct = new Set<unknown>();
    for (let i = 0; i < n; i++) distinct.add(values[i]);
    // No rows: plain utf8 (an empty dictionary column cannot be read back).
    types[name] = n === 0 || (distinct.size * 2 > n && n > 64) ? utf8() : dictionary(utf8());
  }
  return types;
}

/** Arquero's reading of a dictionary column exposes its keys and values (used for grouping). */
interface DictionaryColumn {
  groups(names: string[]): { keys: ArrayLike<number>; get: [(key: number) => unknown]; size: number };
}
interface ArrowColumn {
  length: number;
  toArray(): ArrayLike<unknown>;
}

/**
 * Tables from `tablesToArrow` bytes. Throws FeedError `cache` naming the table when bytes are unreadable or lack a
 * required column (a corrupt or outdated cache entry), and when `orders` is absent.
 */
export function tablesFromArrow(bytes: Partial<Record<TableName, Uint8Array>>, feed = 'cache'): CrmTables {
  const intern = new Map<string, string>();
  const tables: Partial<CrmTables> = {};
  for (const name of TABLE_NAMES) {
    const b = bytes[name];
    if (b) tables[name] = tableFromArrow(b, name, intern, feed);
  }
  if (!tables.orders) {
    throw new FeedError({ kind: 'cache', feed, expected: 'a cached "orders" table', found: 'none' });
  }
  return tables as CrmTables;
}

/** One table from Arrow bytes, restoring the column conventions of `table`. */
export function tableFromArrow(
  bytes: Uint8Array,
  table: TableName,
  intern = new Map<string, string>(),
  feed = 'cache',
): ColumnTable {
  const cacheError = (found: string, cause?: unknown) =>
    new FeedError({ kind: 'cache', feed, expected: `a readable cached "${table}" table`, found, cause });
  let arrow: ColumnTable;
  try {
    arrow = fromArrow(bytes);
  } catch (cause) {
    throw cacheError(`unreadable Arrow bytes (${cause instanceof Error ? cause.message : String(cause)})`, cause);
  }
  const types = new Map<string, { type: FieldType; required: boolean }>(SCHEMA[table].map((f) => [f.name, f]));
  const columns: Record<string, ArrayLike<unknown>> = Object.create(null);
  for (const name of arrow.columnNames()) {
    const col = arrow.column(name) as unknown as ArrowColumn;
    const spec = types.get(name) ?? { type: 'string' as const, required: false };
    if (table === 'orders' && name === ORDER_KIND_COLUMN) columns[name] = typed(col, Uint8Array);
    else if (spec.type === 'string') columns[name] = strings(col, name, intern);
    else if (spec.type === 'day' && spec.required) columns[name] = typed(col, Int32Array);
    else columns[name] = typed(col, Float64Array);
  }
  for (const f of SCHEMA[table]) if (f.required && !columns[f.name]) throw cacheError(`no "${f.name}" column`);
  return aqTable(columns);
}

function typed<T extends Int32Array | Float64Array | Uint8Array>(col: ArrowColumn, Type: { new (n: number): T; from(a: ArrayLike<number>): T }): T {
  const values = col.toArray();
  if (values instanceof Type) return values;
  const out = new Type(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] == null ? NaN : Number(values[i]);
  return out;
}

/** A string column as a plain array, one instance per distinct value (shared through `intern`). */
function strings(col: ArrowColumn, name: string, intern: Map<string, string>): (string | null)[] {
  const n = col.length;
  const out: (string | null)[] = new Array(n);
  const one = (v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    const s = String(v);
    let known = intern.get(s);
    if (known === undefined) intern.set(s, (known = s));
    return known;
  };
  const dict = col as unknown as Partial<DictionaryColumn>;
  if (typeof dict.groups === 'function') {
    // Map the dictionary once, then rows by key: no per-row string work.
    const { keys, get, size } = dict.groups([name]);
    const values = new Array<string | null>(size);
    // Dictionary values are distinct already; sharing them across tables pays only for repeated values
    // (customer ids), not for near-unique ones (order ids).
    if (size * 2 > n) for (let k = 0; k < size; k++) values[k] = (get[0](k) as string | null) ?? null;
    else for (let k = 0; k < size; k++) values[k] = one(get[0](k));
    for (let i = 0; i < n; i++) out[i] = values[keys[i]!]!;
    if (size * 2 <= n) attachDictionary(out, dictionaryFromKeys(keys, values));
    return out;
  }
  // Plain utf8 columns are the near-unique ones (see stringTypes): interning them would only cost time.
  const values = col.toArray();
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? null : String(v);
  }
  return out;
}

/**
 * The column's own dictionary (see `column-dictionary.ts`) from Arrow dictionary keys: values in order of
 * first appearance, equal values one code, missing (null or blank) −1. One array lookup per row.
 */
function dictionaryFromKeys(keys: ArrayLike<number>, byKey: readonly (string | null)[]): ColumnDictionary {
  const n = keys.length;
  const codeOfKey = new Int32Array(byKey.length).fill(-2); // −2: key not seen yet
  const codeOfValue = new Map<string, number>();
  const values: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let c = codeOfKey[k]!;
    if (c === -2) {
      const v = byKey[k];
      c = v === null || v === undefined || v === '' ? -1 : (codeOfValue.get(v) ?? -2);
      if (c === -2) {
        c = values.push(v!) - 1;
        codeOfValue.set(v!, c);
      }
      codeOfKey[k] = c;
    }
    codes[i] = c;
  }
  return { values, codes };
}
