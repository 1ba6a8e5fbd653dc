import type { ColumnTable } from 'arquero';
import { dictionaryOf, type DictionaryKeys } from '../data/column-dictionary.js';

/**
 * Column access without Arquero expressions (no `eval`, so strict-CSP pages work) and without per-row
 * objects. A filtered or ordered table is materialized once (cached) so index i is row i of the view.
 */

const materialized = new WeakMap<ColumnTable, ColumnTable>();

/** The table whose backing columns are exactly its rows (the table itself unless filtered/ordered). */
export function plainTable(table: ColumnTable): ColumnTable {
  if (!table.isFiltered() && !table.isOrdered()) return table;
  let t = materialized.get(table);
  if (!t) {
    t = table.reify();
    materialized.set(table, t);
  }
  return t;
}

/** Row count of a table as `readColumn` sees it. */
export function rowCount(table: ColumnTable): number {
  return table.numRows();
}

/** A column as an array-like indexed by row, or undefined when the table has no such column. */
export function readColumn<T = unknown>(table: ColumnTable, name: string): ArrayLike<T> | undefined {
  const t = plainTable(table);
  if (!t.columnNames().includes(name)) return undefined;
  return t.column(name) as unknown as ArrayLike<T>;
}

/** A categorical column as a dictionary plus one Int32 code per row. */
export interface ColumnCodes {
  /** Distinct non-missing values, in order of first appearance. */
  values: string[];
  /** Per row: index into `values`, or −1 when the value is missing (null/undefined/empty). */
  codes: Int32Array;
  /** value → code. */
  codeOf: ReadonlyMap<string, number>;
  /** Ids of the values in a key space shared with other columns, when the column's builder recorded them. */
  keys?: DictionaryKeys;
}

const codesCache = new WeakMap<ColumnTable, Map<string, ColumnCodes | null>>();

/**
 * Dictionary codes of a categorical column, cached per table and column; undefined when the column is
 * absent. Non-string values are coded by their `String()` form.
 */
export function columnCodes(table: ColumnTable, column: string): ColumnCodes | undefined {
  let perTable = codesCache.get(table);
  if (!perTable) codesCache.set(table, (perTable = new Map()));
  const hit = perTable.get(column);
  if (hit !== undefined) return hit ?? undefined;
  const data = readColumn<unknown>(table, column);
  if (!data) {
    perTable.set(column, null);
    return undefined;
  }
  const n = rowCount(table);
  const recorded = dictionaryOf(data);
  if (recorded && recorded.codes.length === n) {
    // Coded when the column was built (normalizer, worker transfer): no per-row hashing here, and the
    // value → code map (100k entries for customer ids) is built only if someone asks for it.
    const { values, codes, keys } = recorded;
    let codeOf: Map<string, number> | undefined;
    const result: ColumnCodes = {
      values,
      codes,
      keys,
      get codeOf() {
        if (!codeOf) {
          codeOf = new Map();
          for (let i = 0; i < values.length; i++) codeOf.set(values[i]!, i);
        }
        return codeOf;
      },
    };
    perTable.set(column, result);
    return result;
  }
  const codes = new Int32Array(n);
  const codeOf = new Map<string, number>();
  const values: string[] = [];
  let last: unknown = undefined;
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (v === last && i > 0) {
      codes[i] = lastCode; // runs of equal values are common (sorted feeds): skip the map lookup
      continue;
    }
    let code = -1;
    if (v !== null && v !== undefined && v !== '') {
      const s = typeof v === 'string' ? v : String(v);
      const found = codeOf.get(s);
      if (found === undefined) {
        code = values.length;
        values.push(s);
        codeOf.set(s, code);
      } else code = found;
    }
    codes[i] = code;
    last = v;
    lastCode = code;
  }
  const result: ColumnCodes = { values, codes, codeOf };
  perTable.set(column, result);
  return result;
}

/**
 * The code of one value, or undefined when the column never has it. A linear scan of the distinct values: for
 * a one-off lookup (one customer's profile) far cheaper than building `codeOf` over 100k ids.
 */
export function codeOfValue(dict: ColumnCodes, value: string): number | undefined {
  const code = dict.values.indexOf(value);
  return code < 0 ? undefined : code;
}

/** Per dictionary entry: 1 when the value is in `wanted`. */
export function dictionaryMask(dict: ColumnCodes, wanted: readonly string[]): Uint8Array {
  const mask = new Uint8Array(dict.values.length);
  for (const w of wanted) {
    const c = dict.codeOf.get(w);
    if (c !== undefined) mask[c] = 1;
  }
  return mask;
}
