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
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A source over an array of records. Key discovery visits every row, cheaply for rows shaped like the last. */
export function recordsSource(rows: readonly unknown[], table: TableName, feed: string, where: string): SourceTable {
  const n = rows.length;
  const columns: string[] = [];
  const seen = new Set<string>();
  let notRecord: Uint8Array | null = null;
  let notRecordCount = 0;
  let last: string[] = [];
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
      if (j < last.length && last[j] === k) j++;
      else {
        same = false;
        break;
      }
    }
    if (same && j === last.length) continue;
    last = Object.keys(r);
    for (const k of last) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
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
    values(column) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const r = rows[i] as Record<string, unknown> | null;
        out[i] = notRecord !== null && notRecord[i] === 1 ? undefined : r![column];
      }
      return out;
    },
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
