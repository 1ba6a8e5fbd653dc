/**
 * Normalized tables ⇄ a form a worker posts cheaply (`postMessage` with transfer): typed-array columns as they
 * are, string columns as Int32Array codes into one string dictionary shared by all tables. Rebuilding on the
 * receiving side is one array lookup per row (no parsing, no Arrow decoding), and equal strings come back as one
 * instance across tables, as the column conventions of `src/data/schema.ts` require.
 */
import { table as aqTable } from 'arquero';
import { attachDictionary } from './column-dictionary.js';
import { TABLE_NAMES, type TableName } from './schema.js';
import type { CrmTables } from './types.js';

/** One column: numbers / days as their typed array, strings as codes (0 = null, k = `strings[k - 1]`). */
export type TransferColumn =
  | { name: string; kind: 'int32'; values: Int32Array }
  | { name: string; kind: 'float64'; values: Float64Array }
  | { name: string; kind: 'uint8'; values: Uint8Array }
  | { name: string; kind: 'string'; codes: Int32Array };

export interface TransferTables {
  /** Every distinct string value of every string column, in order of first appearance. */
  strings: string[];
  tables: Partial<Record<TableName, TransferColumn[]>>;
}

/**
 * Tables → transfer form, with the buffers to transfer. Numeric columns are copied (not shared), so the
 * caller's tables stay usable after the buffers are transferred; `copy: false` shares them (for a form that is
 * cloned, not transferred: the IndexedDB cache).
 */
export function tablesToTransfer(tables: CrmTables, { copy = true } = {}): { value: TransferTables; transfer: ArrayBuffer[] } {
  const own = <T extends Int32Array | Float64Array | Uint8Array>(values: T): T => (copy ? (values.slice() as T) : values);
  const index = new Map<string, number>();
  const strings: string[] = [];
  const out: TransferTables['tables'] = {};
  const transfer: ArrayBuffer[] = [];
  for (const name of TABLE_NAMES) {
    const t = tables[name];
    if (!t) continue;
    const columns: TransferColumn[] = [];
    for (const col of t.columnNames()) {
      const values = t.column(col) as unknown as ArrayLike<unknown>;
      if (values instanceof Int32Array) columns.push({ name: col, kind: 'int32', values: own(values) });
      else if (values instanceof Float64Array) columns.push({ name: col, kind: 'float64', values: own(values) });
      else if (values instanceof Uint8Array) columns.push({ name: col, kind: 'uint8', values: own(values) });
      else columns.push({ name: col, kind: 'string', codes: stringCodes(values as ArrayLike<string | null>, index, strings) });
      const last = columns[columns.length - 1]!;
      transfer.push((last.kind === 'string' ? last.codes : last.values).buffer as ArrayBuffer);
    }
    out[name] = columns;
  }
  return { value: { strings, tables: out }, transfer };
}

function stringCodes(values: ArrayLike<string | null>, index: Map<string, number>, strings: string[]): Int32Array {
  const n = values.length;
  const codes = new Int32Array(n);
  // Interned columns repeat instances; remembering the previous value skips most map lookups in sorted feeds.
  let last: string | null = null;
  let lastCode = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? null;
    if (v === null) continue;
    if (v !== last) {
      let code = index.get(v);
      if (code === undefined) {
        code = strings.push(v);
        index.set(v, code);
      }
      last = v;
      lastCode = code;
    }
    codes[i] = lastCode;
  }
  return codes;
}

/** Transfer form → tables (the receiving side of `tablesToTransfer`). */
export function tablesFromTransfer(form: TransferTables): CrmTables {
  const { strings } = form;
  const coder = new LocalCoder(strings);
  const tables: Partial<CrmTables> = {};
  for (const name of TABLE_NAMES) {
    const columns = form.tables[name];
    if (!columns) continue;
    const data: Record<string, ArrayLike<unknown>> = Object.create(null);
    for (const c of columns) {
      if (c.kind !== 'string') {
        data[c.name] = c.values;
        continue;
      }
      data[c.name] = coder.column(c.codes);
    }
    tables[name] = aqTable(data);
  }
  return tables as CrmTables;
}

/**
 * Rebuilds string columns from shared codes and records each column's own dictionary (see
 * `column-dictionary.ts`) on the way, with array lookups only, unless the column is near-unique (order ids),
 * where a dictionary would save nothing.
 */
class LocalCoder {
  /** Shared code → 1 + column code (0 = not seen in the current column); cleared after each column. */
  private readonly localOf: Int32Array;
  /** The shared codes are one key space for all rebuilt columns (see `DictionaryKeys`). */
  private readonly space = {};
  constructor(private readonly strings: readonly string[]) {
    this.localOf = new Int32Array(strings.length + 1);
  }

  column(shared: Int32Array): (string | null)[] {
    const { strings, localOf } = this;
    const n = shared.length;
    const out = new Array<string | null>(n);
    const codes = new Int32Array(n);
    const values: string[] = [];
    const used: number[] = [];
    for (let i = 0; i < n; i++) {
      const code = shared[i]!;
      if (code === 0) {
        out[i] = null;
        codes[i] = -1;
        continue;
      }
      if (strings[code - 1] === '') {
        out[i] = ''; // kept as it came, though the dictionary counts it missing (as `columnCodes` does)
        codes[i] = -1;
        continue;
      }
      let local = localOf[code]!;
      if (local === 0) {
        local = values.push(strings[code - 1]!);
        localOf[code] = local;
        used.push(code);
      }
      out[i] = values[local - 1]!;
      codes[i] = local - 1;
    }
    for (const code of used) localOf[code] = 0;
    if (n < 65_536 || values.length <= n * 0.9) {
      attachDictionary(out, { values, codes, keys: { space: this.space, of: Int32Array.from(used) } });
    }
    return out;
  }
}
