/**
 * Messages between the page and the import worker (`import-worker.ts`). The worker keeps the decoded file
 * between steps, so trying another mapping never re-reads or re-parses the file.
 */
import type { FieldMapping, LoadReport, TableName } from '../../src/index.js';
import type { DateFormatOption } from '../../src/data/normalize/dates.js';
import type { ErrorData } from '../../src/data/errors.js';

/** Page → worker. */
export type ImportRequest =
  /** Decode a file's bytes (or a URL's body): answers `columns`. */
  | { type: 'open'; id: number; name: string; bytes: ArrayBuffer; contentType?: string }
  /** Read another sheet of the opened workbook: answers `columns`. */
  | { type: 'sheet'; id: number; sheet: string }
  /** Normalize the opened file with this mapping: answers `normalized` (report, preview, Arrow bytes). */
  | { type: 'normalize'; id: number; mapping: FieldMapping; dateFormat?: DateFormatOption };

/** First rows of a normalized table, as display strings (days as YYYY-MM-DD). */
export interface PreviewTable {
  columns: string[];
  rows: string[][];
}

/** Worker → page. */
export type ImportResponse =
  | { type: 'progress'; id: number; stage: 'decoding' | 'normalizing' | 'encoding' }
  | {
      type: 'columns';
      id: number;
      format: string;
      /** Host column names per table found in the file (a CSV / Arrow file / list of records is one table). */
      tables: Partial<Record<TableName, string[]>>;
      /** First values per column (single-table files), for guesses from values. */
      samples?: Record<string, unknown[]>;
      /** A workbook: the sheet read and all its sheets. */
      sheet?: { name: string; sheets: string[] };
    }
  | {
      type: 'normalized';
      id: number;
      report: LoadReport;
      preview: Partial<Record<TableName, PreviewTable>>;
      arrow: Partial<Record<TableName, Uint8Array>>;
      rows: Partial<Record<TableName, number>>;
    }
  /** The error as plain data (`errorFromData` rebuilds it, so it shows in the page's language). */
  | { type: 'error'; id: number; error: ErrorData };
