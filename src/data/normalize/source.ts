/**
 * A feed table before normalization, whatever its format: host column names and their values column by column.
 * Records, column JSON, CSV and Arrow all become this, so one normalizer serves every format.
 */
import type { TableName } from '../schema.js';
import { describeValue, FeedError } from '../errors.js';

/** How the values of a host column are to be read, when the format says more than the values do. */
export type ColumnHint =
  /** Numbers are the UTC-midnight epoch ms of calendar days (Arrow `Date` columns), not instants. */
  'calendar-ms';

export interface SourceTable {
  table: TableName;
  rowCount: number;
  /** Host column names, in order of first appearance. */
  columns: string[];
  /** The values of a host column, one per row (`undefined` where a row lacks it). */
  values(column: string): ArrayLike<unknown>;
  hints?: ReadonlyMap<string, ColumnHint>;
  /** Row `i` as the feed gave it, for report examples. */
  row(i: number): unknown;
  /** 1 for rows that are not records (only arrays of records can have them). */
  notRecord: Uint8Array | null;
  /** The CSV delimiter, for a CSV source (`;` files write decimal commas). */
  delimiter?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A source over an array of records. One pass reads every row into columns: `for…in` visits a row's own keys
 * in order, and a row shaped like the previous one (the usual case) needs no key lookups at all.
 */
export function recordsSource(rows: readonly unknown[], table: TableName, feed: string, where: string): SourceTable {
  const n = rows.length;
  const columns: string[] = [];
  const data: unknown[][] = [];
  const indexOf = new Map<string, number>();
  let notRecord: Uint8Array | null = null;
  let notRecordCount = 0;
  let lastKeys: string[] = [];
  let lastIndex: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (!isRecord(r)) {
      (notRecord ??= new Uint8Array(n))[i] = 1;
      notRecordCount++;
      continue;
    }
    let j = 0;
    let same = true;
    for (const k in r) {
      if (same && j < lastKeys.length && lastKeys[j] === k) {
        data[lastIndex[j++]!]![i] = r[k];
        continue;
      }
      same = false;
      let c = indexOf.get(k);
      if (c === undefined) {
        c = columns.push(k) - 1;
        indexOf.set(k, c);
        data.push(new Array(n));
      }
      data[c]![i] = r[k];
    }
    if (!same || j !== lastKeys.length) {
      lastKeys = Object.keys(r);
      lastIndex = lastKeys.map((k) => indexOf.get(k)!);
    }
  }
  if (n > 0 && notRecordCount === n) {
    throw new FeedError({
      kind: 'wrong-shape',
      feed,
      expected: `${where} to be an array of records (objects such as {"customer_id": "C1", …})`,
      found: `${describeValue(rows)} whose first item is ${describeValue(rows[0])}`,
    });
  }
  return {
    table,
    rowCount: n,
    columns,
    values: (column) => data[indexOf.get(column)!]!,
    row: (i) => rows[i],
    notRecord,
  };
}

/** A source over named columns of equal length (Arquero column JSON, parsed CSV, Arrow). */
export function columnsSource(
  data: Readonly<Record<string, ArrayLike<unknown>>>,
  table: TableName,
  feed: string,
  where: string,
  hints?: ReadonlyMap<string, ColumnHint>,
): SourceTable {
  const columns = Object.keys(data);
  const lengths = new Set(columns.map((c) => data[c]!.length));
  if (lengths.size > 1) {
    const shown = columns.slice(0, 6).map((c) => `"${c}": ${data[c]!.length}`);
    throw new FeedError({
      kind: 'wrong-shape',
      feed,
      expected: `${where} to hold columns of equal length`,
      found: `column lengths ${shown.join(', ')}${columns.length > 6 ? ', …' : ''}`,
    });
  }
  const rowCount = columns.length ? data[columns[0]!]!.length : 0;
  return {
    table,
    rowCount,
    columns,
    values: (column) => data[column]!,
    hints,
    row(i) {
      const r: Record<string, unknown> = {};
      for (const c of columns) r[c] = data[c]![i];
      return r;
    },
    notRecord: null,
  };
}

/** True for `{ col: [values…] }`: an object whose values are all arrays of plain values. */
export function isColumnObject(v: unknown): v is Record<string, unknown[]> {
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  if (keys.length === 0) return false;
  for (const k of keys) {
    const col = v[k];
    if (!Array.isArray(col)) return false;
    const first = col.find((x) => x !== null && x !== undefined);
    if (first !== undefined && typeof first === 'object') return false;
  }
  return true;
}

export { isRecord };
