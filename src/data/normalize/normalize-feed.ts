/**
 * `normalizeFeed`: a decoded feed (JSON value, CSV text or Arrow bytes) → canonical tables + load report.
 * Pure: no DOM, no network; runs in browsers, workers and Node.
 */
import { describeValue, FeedError } from '../errors.js';
import { TABLE_NAMES, type TableName } from '../schema.js';
import type { CrmTables, FeedFormat, LoadNotice, LoadReport, NormalizedFeed, NormalizeOptions } from '../types.js';
import { arrowSource } from './arrow-source.js';
import { Interner } from './coerce.js';
import { parseCsv } from './csv.js';
import { centuryStartFor, DATE_FORMAT_OPTIONS, instantToDayIn } from './dates.js';
import { noticeText } from '../messages/data-messages.js';
import { checkIdSpellings } from './id-spellings.js';
import { columnsSource, isColumnObject, isRecord, recordsSource, type SourceTable } from './source.js';
import { emptyTable, normalizeTable } from './table.js';
import { sheetColumns, WorkbookSheet } from './workbook-sheet.js';

/**
 * CSV text handed to `normalizeFeed`. Marked by being an object whose only keys are `csv` (and optionally
 * `delimiter`): a JSON feed of that shape would name no table, so nothing valid is mistaken for it.
 */
export interface CsvText {
  csv: string;
  /** One character; sniffed from the header line (`,` `;` tab `|`) when absent. */
  delimiter?: string;
}

/**
 * What `normalizeFeed` accepts:
 * - a parsed JSON value: an array of records (one table, `options.table`), a bundle
 *   `{ orders, customers?, interactions?, vehicles? }` (every table of `TABLE_NAMES`) whose tables are arrays of records or column JSON, or Arquero
 *   column JSON `{ column: [values…] }` (one table; the older `{ schema, data: { column: […] } }` too);
 * - `CsvText` (`{ csv: text }`): one table;
 * - Arrow IPC bytes (`Uint8Array` or `ArrayBuffer`): one table;
 * - a `WorkbookSheet` (one sheet of an Excel workbook, from `decodeFeed`): one table.
 */
export type FeedInput = unknown;

/** The name errors use for a feed given without one. */
export const INLINE_FEED = 'inline data';

/** The optional tables, quoted, for messages: `"customers", "interactions", …` (from the schema). */
const OPTIONAL_TABLES = TABLE_NAMES.filter((t) => t !== 'orders').map((t) => `"${t}"`).join(', ');

const JSON_EXPECTED = `JSON (an array of records, an object with "orders" (and optionally ${OPTIONAL_TABLES}), or Arquero column JSON {"column": [values…]})`;

/** Keys under which APIs wrap records; an object with one of them holding an array is a wrong shape. */
const ENVELOPE_KEYS = new Set(['data', 'rows', 'records', 'items', 'results', 'result', 'list', 'payload', 'content']);

/** True for the CSV marker object (see `CsvText`). */
export function isCsvText(v: unknown): v is CsvText {
  if (!isRecord(v) || typeof v.csv !== 'string') return false;
  return Object.keys(v).every((k) => k === 'csv' || (k === 'delimiter' && typeof v.delimiter === 'string'));
}

/**
 * Normalizes a feed into canonical tables (see the column conventions in `src/data/schema.ts`) and a report of
 * every rejected row and unusable value. Throws `FeedError` (`wrong-shape`, `missing-column`, `mapping`, `csv`,
 * `arrow`) when the feed as a whole cannot be used; a `RangeError` for an unknown `timeZone`.
 *
 * When the feed holds only a non-orders table (`options.table`), `tables.orders` is an empty orders table.
 */
export function normalizeFeed(input: FeedInput, options: NormalizeOptions = {}): NormalizedFeed {
  const feed = options.feed ?? INLINE_FEED;
  const single = options.table ?? 'orders';
  const notices: LoadNotice[] = [];
  checkOptions(options, feed);
  let format: FeedFormat;
  let sources: SourceTable[];
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    format = 'arrow';
    sources = [arrowSource(input instanceof ArrayBuffer ? new Uint8Array(input) : input, single, feed)];
  } else if (isCsvText(input)) {
    format = 'csv';
    const csv = parseCsv(input.csv, feed, input.delimiter);
    // No prototype: a column named "__proto__" must stay a column.
    const data: Record<string, ArrayLike<unknown>> = Object.create(null);
    csv.names.forEach((name, i) => (data[name] = csv.columns[i]!));
    sources = [{ ...columnsSource(data, single, feed, 'the CSV file'), delimiter: csv.delimiter }];
  } else if (input instanceof WorkbookSheet) {
    format = 'xlsx';
    const { names, columns } = sheetColumns(input, feed);
    const data: Record<string, ArrayLike<unknown>> = Object.create(null);
    names.forEach((name, i) => (data[name] = columns[i]!));
    sources = [columnsSource(data, single, feed, `the sheet "${input.name}"`)];
    const others = input.sheets.filter((s) => s !== input.name);
    notices.push(
      others.length
        ? { code: 'workbook-sheet-read', params: { sheet: input.name, others: others.join(', ') } }
        : { code: 'workbook-only-sheet', params: { sheet: input.name } },
    );
  } else {
    format = 'json';
    sources = jsonSources(input, single, feed, notices);
  }

  const toDay = instantToDayIn(options.timeZone);
  const now = options.now ?? Date.now();
  const interner = new Interner();
  const tables: Partial<CrmTables> = {};
  const report: LoadReport = { feed, format, tables: {}, warnings: [], notices };
  if (input instanceof WorkbookSheet) report.sheet = { name: input.name, sheets: [...input.sheets] };
  for (const source of sources) {
    const mapping = options.mapping?.[source.table] ?? {};
    const result = normalizeTable(source, {
      feed,
      interner,
      toDay,
      mapping,
      now,
      centuryStart: centuryStartFor(now),
      dateFormat: options.dateFormat,
      creditNotes: options.creditNotes,
      duplicates: options.duplicates,
      notices,
    });
    tables[source.table] = result.table;
    report.tables[source.table] = result.report;
  }
  for (const name of TABLE_NAMES) {
    const unused = options.mapping?.[name];
    if (unused && !report.tables[name] && Object.keys(unused).length) notices.push({ code: 'mapping-unused-table', params: { table: name } });
  }
  checkIdSpellings(tables, notices);
  tables.orders ??= emptyTable('orders');
  report.warnings = notices.map((n) => noticeText(n, 'en'));
  return { tables: tables as CrmTables, report };
}

/** Throws FeedError `option` for an unknown dateFormat or duplicates value. */
function checkOptions(options: NormalizeOptions, feed: string): void {
  const bad = (name: string, value: unknown, allowed: readonly string[]) =>
    new FeedError({
      kind: 'option',
      code: 'option-value',
      params: { option: name, value: String(value), allowed: allowed.join(', ') },
      feed,
      expected: `${name} as one of ${allowed.join(', ')}`,
      found: JSON.stringify(value),
    });
  if (options.dateFormat !== undefined && !DATE_FORMAT_OPTIONS.includes(options.dateFormat)) throw bad('date-format', options.dateFormat, DATE_FORMAT_OPTIONS);
  if (options.duplicates !== undefined && options.duplicates !== 'drop' && options.duplicates !== 'keep') throw bad('duplicates', options.duplicates, ['drop', 'keep']);
}

/** The tables of a parsed JSON feed, by shape. */
function jsonSources(value: unknown, single: TableName, feed: string, notices: LoadNotice[]): SourceTable[] {
  if (Array.isArray(value)) return [recordsSource(value, single, feed, 'the feed')];
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.some((k) => (TABLE_NAMES as readonly string[]).includes(k))) return bundleSources(value, feed, notices);
    const legacy = legacyColumns(value);
    if (legacy) return [columnsSource(legacy, single, feed, 'the column JSON')];
    // `{ data: [...] }` and other API envelopes are not column JSON, even when their arrays hold plain values.
    const envelope = keys.some((k) => ENVELOPE_KEYS.has(k) && Array.isArray(value[k]));
    if (!envelope && isColumnObject(value)) return [columnsSource(value, single, feed, 'the column JSON')];
    const arrays = keys.filter((k) => Array.isArray(value[k]));
    throw new FeedError({
      kind: 'wrong-shape',
      feed,
      expected: JSON_EXPECTED,
      found: describeValue(value),
      hint:
        arrays.length === 1
          ? `If the records are the array under "${arrays[0]}", serve that array itself or put it under "orders".`
          : undefined,
    });
  }
  throw new FeedError({ kind: 'wrong-shape', feed, expected: JSON_EXPECTED, found: describeValue(value) });
}

/** Arquero's older column JSON: `{ schema: {…}, data: { column: [...] } }`. */
function legacyColumns(value: Record<string, unknown>): Record<string, unknown[]> | null {
  const keys = Object.keys(value);
  if (!keys.includes('data') || !keys.every((k) => k === 'data' || k === 'schema')) return null;
  return isColumnObject(value.data) ? value.data : null;
}

function bundleSources(bundle: Record<string, unknown>, feed: string, notices: LoadNotice[]): SourceTable[] {
  if (!Object.hasOwn(bundle, 'orders')) {
    throw new FeedError({
      kind: 'wrong-shape',
      feed,
      expected: `a bundle with an "orders" table (${OPTIONAL_TABLES} are optional)`,
      found: describeValue(bundle),
    });
  }
  const sources: SourceTable[] = [];
  for (const key of Object.keys(bundle)) {
    if (!(TABLE_NAMES as readonly string[]).includes(key)) {
      notices.push({ code: 'bundle-key-ignored', params: { key, tables: TABLE_NAMES.join(', ') } });
      continue;
    }
    const table = key as TableName;
    const value = bundle[key];
    const where = `"${key}"`;
    if (Array.isArray(value)) sources.push(recordsSource(value, table, feed, where));
    else if (isRecord(value) && (legacyColumns(value) ?? isColumnObject(value))) {
      sources.push(columnsSource(legacyColumns(value) ?? (value as Record<string, unknown[]>), table, feed, where));
    } else {
      throw new FeedError({
        kind: 'wrong-shape',
        feed,
        expected: `${where} to be an array of records or column JSON {"column": [values…]}`,
        found: describeValue(value),
      });
    }
  }
  return sources;
}
