/**
 * The import worker: decodes a dropped / chosen file and runs `normalizeFeed` off the main thread, so a large
 * file never freezes the page. Normalized tables travel back as Arrow IPC bytes (`tablesToArrow`, transferred,
 * not copied); the page rebuilds them with `tablesFromArrow`.
 */
import * as aq from 'arquero';
import {
  dayToIso,
  decodeFeed,
  errorToData,
  isCsvText,
  WorkbookSheet,
  normalizeFeed,
  tablesToArrow,
  SCHEMA,
  TABLE_NAMES,
  type FeedInput,
  type TableName,
} from '../../src/data/index.js';
import { sheetColumns } from '../../src/data/normalize/workbook-sheet.js';
import type { ImportRequest, ImportResponse, PreviewTable } from './import-protocol.js';

interface WorkerScope {
  postMessage(message: ImportResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let opened: { name: string; input: FeedInput; single: boolean; bytes: Uint8Array; contentType?: string } | undefined;

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    if (request.type === 'open') await open(request.id, request.name, new Uint8Array(request.bytes), request.contentType);
    else if (request.type === 'sheet') {
      if (!opened) throw new Error('No file is open.');
      await open(request.id, opened.name, opened.bytes, opened.contentType, request.sheet);
    } else normalize(request);
  } catch (error) {
    scope.postMessage({ type: 'error', id: request.id, error: errorToData(error) });
  }
};

/** Decodes a file (a workbook: the chosen sheet, else its first), keeping its bytes for another sheet. */
async function open(id: number, name: string, bytes: Uint8Array, contentType?: string, sheet?: string): Promise<void> {
  opened = undefined;
  scope.postMessage({ type: 'progress', id, stage: 'decoding' });
  const input = await decodeFeed(bytes, { feed: name, url: name, contentType, sheet });
  const { tables, format, single } = columnsOf(input, name);
  opened = { name, input, single, bytes, contentType };
  const workbook = input instanceof WorkbookSheet ? { name: input.name, sheets: [...input.sheets] } : undefined;
  // The first rows of each column, so the page can guess fields from values too (dates, money, ids).
  scope.postMessage({ type: 'columns', id, tables, format, samples: samplesOf(input), sheet: workbook });
}

function normalize(request: Extract<ImportRequest, { type: 'normalize' }>): void {
  if (!opened) throw new Error('No file is open.');
  scope.postMessage({ type: 'progress', id: request.id, stage: 'normalizing' });
  const { tables, report } = normalizeFeed(opened.input, { feed: opened.name, mapping: request.mapping, dateFormat: request.dateFormat });
  scope.postMessage({ type: 'progress', id: request.id, stage: 'encoding' });
  const preview: Partial<Record<TableName, PreviewTable>> = {};
  const rows: Partial<Record<TableName, number>> = {};
  for (const name of TABLE_NAMES) {
    const t = tables[name];
    if (!t) continue;
    rows[name] = t.numRows();
    preview[name] = previewOf(t, name);
  }
  const arrow = tablesToArrow(tables);
  const transfer = Object.values(arrow).map((b) => b!.buffer as ArrayBuffer);
  scope.postMessage({ type: 'normalized', id: request.id, report, preview, arrow, rows }, transfer);
}

/** Up to 200 values per column of a single-table input (CSV, records, a sheet), for guesses from values. */
function samplesOf(input: FeedInput): Record<string, unknown[]> | undefined {
  const out: Record<string, unknown[]> = Object.create(null);
  if (input instanceof WorkbookSheet) {
    const { names, columns } = sheetColumns(input, '');
    names.forEach((n, i) => (out[n] = columns[i]!.slice(0, 200)));
    return out;
  }
  if (isCsvText(input)) {
    const lines = input.csv.slice(0, 200_000).split(/\r?\n/).slice(0, 201);
    const names = csvHeader(input.csv, input.delimiter);
    const delimiter = input.delimiter ?? [',', ';', '\t', '|'].reduce((best, d) => (lines[0]!.split(d).length > lines[0]!.split(best).length ? d : best), ',');
    names.forEach((n) => (out[n] = []));
    for (const line of lines.slice(1)) line.split(delimiter).forEach((v, i) => names[i] !== undefined && out[names[i]!]!.push(v.replace(/^"|"$/g, '')));
    return out;
  }
  if (Array.isArray(input)) {
    for (const row of input.slice(0, 200)) if (row && typeof row === 'object') for (const [k, v] of Object.entries(row)) (out[k] ??= []).push(v);
    return out;
  }
  return undefined;
}

/** The host columns of each table in the decoded input. */
function columnsOf(input: FeedInput, name: string) {
  if (input instanceof WorkbookSheet) return { format: 'xlsx', single: true, tables: { orders: sheetColumns(input, name).names } };
  if (isCsvText(input)) return { format: 'csv', single: true, tables: { orders: csvHeader(input.csv, input.delimiter) } };
  if (input instanceof Uint8Array || input instanceof ArrayBuffer)
    return { format: 'arrow', single: true, tables: { orders: aq.fromArrow(input as Uint8Array).columnNames() } };
  if (Array.isArray(input)) return { format: 'json', single: true, tables: { orders: recordKeys(input) } };
  if (input && typeof input === 'object') {
    const bundle = input as Record<string, unknown>;
    const named = TABLE_NAMES.filter((t) => t in bundle);
    if (named.length) {
      const tables: Partial<Record<TableName, string[]>> = {};
      for (const t of named) tables[t] = columnsOfTable(bundle[t]);
      return { format: 'json', single: false, tables };
    }
    return { format: 'json', single: true, tables: { orders: columnsOfTable(input) } };
  }
  throw new Error(`"${name}": expected JSON records, a bundle with "orders", CSV or Arrow.`);
}

/** Records → union of their keys (first 1,000 rows); column JSON → its keys. */
function columnsOfTable(value: unknown): string[] {
  if (Array.isArray(value)) return recordKeys(value);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const data = o.data && typeof o.data === 'object' && !Array.isArray(o.data) ? (o.data as object) : o;
    return Object.keys(data);
  }
  return [];
}

function recordKeys(rows: unknown[]): string[] {
  const keys = new Set<string>();
  for (const row of rows.slice(0, 1000)) if (row && typeof row === 'object') for (const k of Object.keys(row)) keys.add(k);
  return [...keys];
}

/** The header line of CSV text (quoted fields allowed), with the delimiter the normalizer would sniff. */
function csvHeader(text: string, given?: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let end = 0;
  let quoted = false;
  for (; end < body.length; end++) {
    const c = body[end];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
  }
  const line = body.slice(0, end);
  const delimiter =
    given ?? [',', ';', '\t', '|'].reduce((best, d) => (line.split(d).length > line.split(best).length ? d : best), ',');
  const out: string[] = [];
  let field = '';
  quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) out.push(field.trim()), (field = '');
    else field += c;
  }
  out.push(field.trim());
  return out;
}

function previewOf(table: aq.ColumnTable, name: TableName): PreviewTable {
  const columns = table.columnNames();
  const days = new Set(SCHEMA[name].filter((f) => f.type === 'day').map((f) => f.name));
  const n = Math.min(10, table.numRows());
  const rows: string[][] = [];
  for (let r = 0; r < n; r++) {
    rows.push(
      columns.map((c) => {
        const v = table.get(c, r) as unknown;
        if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
        return days.has(c) ? dayToIso(v as number) : String(v);
      }),
    );
  }
  return { columns, rows };
}
