import type { Formatter } from '../../i18n/format.js';
import { dayToIso } from '../../data/days.js';

/** A table cell value as data (not yet formatted). Days are epoch days. */
export type CellValue = string | number | null | undefined;

/**
 * How a column's values are shown in "view as table" (through the widget's Formatter) and written to CSV:
 * numbers are written raw (dot decimal, no grouping), `day` as `YYYY-MM-DD`, `percent` as the raw fraction.
 */
export type ColumnKind = 'text' | 'number' | 'integer' | 'percent' | 'currency' | 'compact' | 'day';

export interface TableColumn<Row> {
  /** Stable id (also the default property read from a row). */
  key: string;
  /** Header text, already translated. */
  label: string;
  kind?: ColumnKind;
  /** The cell value; default `row[key]`. */
  value?: (row: Row) => CellValue;
  /** Display text override for the HTML table (CSV always gets the raw value). */
  format?: (value: CellValue, row: Row) => string;
  /** This column names the row (rendered as `<th scope="row">`). Usually the first. */
  rowHeader?: boolean;
}

/** A widget's result as rows and columns: what "view as table" shows and "Download CSV" writes. */
export interface TableData<Row = Record<string, CellValue>> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
}

/** The value of one cell. */
export function cellValue<Row>(column: TableColumn<Row>, row: Row): CellValue {
  return column.value ? column.value(row) : (row as Record<string, CellValue>)[column.key];
}

/** Whether a column holds numbers (right-aligned in tables). */
export const isNumericKind = (kind: ColumnKind | undefined): boolean => !!kind && kind !== 'text' && kind !== 'day';

/** Display text of a cell for the HTML table. */
export function displayCell<Row>(column: TableColumn<Row>, row: Row, format: Formatter): string {
  const v = cellValue(column, row);
  if (column.format) return column.format(v, row);
  if (typeof v !== 'number') return v ?? '';
  switch (column.kind) {
    case 'integer':
      return format.integer(v);
    case 'percent':
      return format.percent(v);
    case 'currency':
      return format.currency(v);
    case 'compact':
      return format.compact(v);
    case 'day':
      return format.day(v);
    default:
      return format.number(v);
  }
}

/** Raw text of a cell for CSV (before quoting). */
export function rawCell<Row>(column: TableColumn<Row>, row: Row): string {
  const v = cellValue(column, row);
  if (v == null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return column.kind === 'day' ? dayToIso(v) : String(v);
  }
  return v;
}
