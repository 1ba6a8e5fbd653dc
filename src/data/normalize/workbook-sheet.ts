/**
 * One sheet of an Excel workbook as the normalizer takes it: the rows of cells the reader gave
 * (src/data/workbook/read-workbook.ts, loaded only when a workbook arrives), turned into named columns here.
 * Numbers stay numbers; date cells (which the reader gives as `Date`s holding the wall-clock time in UTC)
 * become the civil date-time they show, `2010-12-01T08:26:00`, so the date rules read them as the calendar
 * day written, like the same text in a CSV file; numbers in a date column without a date style are Excel
 * serials, read by the serial rule.
 */
import { FeedError } from '../errors.js';
import { duplicateColumn } from './header-names.js';

export type SheetCell = string | number | boolean | Date | null | undefined;

/** A workbook sheet, read: a class so that no JSON value is ever taken for one. */
export class WorkbookSheet {
  constructor(
    /** The sheet read. */
    readonly name: string,
    /** Every sheet of the workbook, in order. */
    readonly sheets: readonly string[],
    readonly rows: readonly (readonly SheetCell[])[],
  ) {}
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock date (and time, when not midnight) a date cell shows. */
export function civilText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day}T${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

const cellValue = (v: SheetCell): string | number | boolean | null => (v instanceof Date ? civilText(v) : (v ?? null));

const blank = (v: SheetCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * The sheet's columns: the first row with a value is the header (rows above it are blank), every later row
 * with a value is a data row (blank rows are skipped, as blank lines of a CSV file). A header cell left blank,
 * and values right of the header, get the column name `column_<n>` (nothing is dropped). Throws FeedError
 * `workbook-empty` for a sheet without values and `duplicate-column` for a name used twice in the header.
 */
export function sheetColumns(sheet: WorkbookSheet, feed: string): { names: string[]; columns: unknown[][] } {
  const rows = sheet.rows;
  let headerAt = 0;
  while (headerAt < rows.length && rows[headerAt]!.every(blank)) headerAt++;
  if (headerAt === rows.length) {
    throw new FeedError({
      kind: 'workbook',
      code: 'workbook-empty',
      params: { sheet: sheet.name },
      feed,
      expected: 'a sheet with a header row and data rows',
      found: `the sheet "${sheet.name}" has no values`,
    });
  }
  let width = 0;
  for (let r = headerAt; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = row.length - 1; c >= width; c--) if (!blank(row[c])) width = c + 1;
  }
  const header = rows[headerAt]!;
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const v = cellValue(header[c]);
    const name = v === null || String(v).trim() === '' ? `column_${c + 1}` : String(v).trim();
    const first = seen.get(name);
    if (first !== undefined) throw duplicateColumn('workbook', feed, name, first + 1, c + 1, `the header row of the sheet "${sheet.name}"`);
    seen.set(name, c);
    names.push(name);
  }
  const columns: unknown[][] = names.map(() => []);
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every(blank)) continue;
    for (let c = 0; c < width; c++) columns[c]!.push(cellValue(row[c]));
  }
  return { names, columns };
}
