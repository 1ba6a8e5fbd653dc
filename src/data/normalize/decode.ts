/**
 * Response body → `normalizeFeed` input: picks the format, decodes text, parses JSON, and turns the usual
 * mistakes (empty body, an HTML error page, broken JSON, an Excel file) into FeedErrors that say what was found.
 */
import { FeedError, quoteSnippet } from '../errors.js';
import type { FeedFormat } from '../types.js';
import type { FeedInput } from './normalize-feed.js';
import { jsonErrorOffset } from './json-error-offset.js';

export interface DecodeOptions {
  /** The feed's name or URL, for messages. */
  feed: string;
  /** Explicit format: wins over everything else. */
  format?: FeedFormat;
  /** The response's Content-Type header. */
  contentType?: string | null;
  /** The URL or file name (its extension is a hint). */
  url?: string;
}

const FORMATS: readonly string[] = ['json', 'csv', 'arrow', 'xlsx'];

const CONTENT_TYPES: Record<string, FeedFormat> = {
  'application/json': 'json',
  'text/json': 'json',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/comma-separated-values': 'csv',
  'text/tab-separated-values': 'csv',
  'application/vnd.apache.arrow.stream': 'arrow',
  'application/vnd.apache.arrow.file': 'arrow',
  'application/x-apache-arrow': 'arrow',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const EXTENSIONS: Record<string, FeedFormat> = {
  json: 'json',
  csv: 'csv',
  tsv: 'csv',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
};

/** Workbooks read as `xlsx` (when the bytes are a ZIP archive, as such workbooks are). */
const XLSX_EXTENSION = /^(xlsx|xlsm)$/;
/** Spreadsheet files crm-lens does not read: named, with how to convert them. */
const LEGACY_EXTENSION = /^(xls|ods|numbers)$/;
const LEGACY_TYPE = /opendocument\.spreadsheet|apple\.numbers/;

/** How to convert a spreadsheet crm-lens does not read (.xls, .ods, .numbers). */
export const LEGACY_HINT = 'Open it in Excel, WPS or LibreOffice and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".';

export interface DetectOptions {
  format?: FeedFormat | string;
  contentType?: string | null;
  url?: string;
  /** The body (or its first bytes), for sniffing when nothing else tells. */
  body?: Uint8Array | string;
}

/**
 * The feed format: explicit `format`, else the bytes of a workbook (a ZIP archive is `xlsx`), else the content
 * type, else the URL's extension, else a sniff of the body (Arrow magic bytes, `[`/`{` for JSON, otherwise CSV).
 * Throws FeedError `unsupported-format` for an explicit format crm-lens does not read, and `workbook`
 * (`workbook-legacy`) for spreadsheets it does not read (.xls, .ods, .numbers), with how to convert them.
 */
export function detectFormat(options: DetectOptions, feed = options.url ?? 'feed'): FeedFormat {
  const { format, contentType, url, body } = options;
  const unsupported = (found: string) =>
    new FeedError({
      kind: 'unsupported-format',
      feed,
      expected: 'JSON, CSV, Apache Arrow or an Excel workbook (.xlsx)',
      found,
      hint: 'Save spreadsheets as .xlsx or CSV (UTF-8).',
    });
  if (format !== undefined) {
    if (FORMATS.includes(format)) return format as FeedFormat;
    throw unsupported(`the format option ${JSON.stringify(format)}`);
  }
  const bytes = typeof body !== 'string' ? body : undefined;
  const ext = extensionOf(url);
  const mediaType = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  // The bytes of a workbook say what it is, whatever the server or the file name says.
  if (bytes && isOleBytes(bytes)) throw legacyError(feed, 'an old Excel workbook (.xls)');
  if (bytes && isZipBytes(bytes)) {
    if (ext === 'ods' || ext === 'numbers' || LEGACY_TYPE.test(mediaType)) throw legacyError(feed, `a spreadsheet file (.${ext ?? 'ods'})`);
    return 'xlsx';
  }
  if (bytes === undefined && body === undefined && ext && XLSX_EXTENSION.test(ext)) return 'xlsx';
  const byType = CONTENT_TYPES[mediaType] ?? (mediaType.endsWith('+json') ? 'json' : undefined);
  // A body labelled a workbook that is not a ZIP archive (an error page, a CSV file) is sniffed instead.
  if (byType && !(byType === 'xlsx' && body !== undefined)) return byType;
  if (LEGACY_TYPE.test(mediaType)) throw legacyError(feed, `a spreadsheet (content type ${mediaType})`);
  if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext];
  if (ext && LEGACY_EXTENSION.test(ext)) throw legacyError(feed, `a spreadsheet file (.${ext})`);
  return body === undefined ? 'json' : sniffFormat(body);
}

function extensionOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const path = url.split(/[?#]/)[0]!;
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? m[1]!.toLowerCase() : undefined;
}

const ARROW_FILE_MAGIC = [65, 82, 82, 79, 87, 49]; // "ARROW1"

function isArrowBytes(b: Uint8Array): boolean {
  if (b.length >= 6 && ARROW_FILE_MAGIC.every((c, i) => b[i] === c)) return true;
  // IPC stream: a continuation marker 0xFFFFFFFF before the first message.
  return b.length >= 8 && b[0] === 0xff && b[1] === 0xff && b[2] === 0xff && b[3] === 0xff;
}

/** True for ZIP archive bytes (an .xlsx workbook is one). */
export function isZipBytes(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
}

/** The OLE2 compound file signature of .xls (and .doc) files. */
function isOleBytes(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** A spreadsheet crm-lens does not read is named as one (not read as garbled CSV), with how to convert it. */
function legacyError(feed: string, found: string): FeedError {
  return new FeedError({
    kind: 'workbook',
    code: 'workbook-legacy',
    params: { found },
    feed,
    expected: 'an Excel workbook (.xlsx), CSV or JSON',
    found,
    hint: LEGACY_HINT,
  });
}

/** `utf-16le` / `utf-16be` for a body that starts with a UTF-16 byte order mark (Excel's "Unicode text"). */
function utf16Bom(b: Uint8Array | string): 'utf-16le' | 'utf-16be' | undefined {
  if (typeof b === 'string' || b.length < 2) return undefined;
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** First non-blank character of a body (ignoring a BOM), or '' for a blank one. */
function firstChar(body: Uint8Array | string): string {
  const utf16 = utf16Bom(body);
  if (utf16) return firstChar(new TextDecoder(utf16).decode((body as Uint8Array).subarray(0, 64)));
  for (let i = 0; i < body.length; i++) {
    const c = typeof body === 'string' ? body.charCodeAt(i) : body[i]!;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    // UTF-8 BOM bytes
    if (typeof body !== 'string' && i < 3 && (c === 0xef || c === 0xbb || c === 0xbf)) continue;
    return String.fromCharCode(c);
  }
  return '';
}

function sniffFormat(body: Uint8Array | string): FeedFormat {
  if (typeof body !== 'string' && isArrowBytes(body)) return 'arrow';
  const c = firstChar(body);
  return c === '' || c === '[' || c === '{' || c === '<' ? 'json' : 'csv';
}

/** Decodes bytes as UTF-8, or the charset the content type names; GB18030 when UTF-8 is invalid (Excel in China). */
function decodeText(body: Uint8Array | string, contentType: string | null | undefined): string {
  if (typeof body === 'string') return body;
  // A byte order mark wins over a charset label (servers label files they did not look at).
  const utf16 = utf16Bom(body);
  if (utf16) return new TextDecoder(utf16).decode(body.subarray(2));
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(body);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(body);
    } catch {
      return new TextDecoder('utf-8').decode(body);
    }
  }
}

const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<title|<\?xml|<!--)/i;

function htmlError(text: string, feed: string, expected: string): FeedError {
  const title = /<title[^>]*>([^<]*)</i.exec(text.slice(0, 4096))?.[1]?.trim();
  return new FeedError({
    kind: 'html',
    code: title ? 'html-titled' : 'html',
    params: { title: title ?? '' },
    feed,
    expected,
    found: `an HTML page (${quoteSnippet(text.trimStart())})${title ? ` titled ${JSON.stringify(title)}` : ''}`,
    hint: 'The URL may point at a login page, an error page or the wrong path.',
  });
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function jsonError(text: string, error: unknown, feed: string, expected: string): FeedError {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  // Engines differ in what they say: find the place ourselves when the message does not.
  let offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
  if (offset < 0) offset = 0;
  const detail = message.replace(/\s*\(line.*$/, '');
  if (offset >= text.length) {
    return new FeedError({
      kind: 'invalid-json',
      code: 'json-truncated',
      params: { length: text.length },
      feed,
      expected,
      found: `invalid JSON at the end (the text stops after ${text.length} characters: truncated?) (${detail})`,
      cause: error,
    });
  }
  const { line, column } = lineColumn(text, offset);
  const excerpt = text.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' ');
  return new FeedError({
    kind: 'invalid-json',
    code: 'json-syntax',
    params: { line, column, excerpt },
    feed,
    expected,
    found: `invalid JSON at line ${line}, column ${column}, near ${quoteSnippet(excerpt)} (${detail})`,
    cause: error,
  });
}

/**
 * Turns a response body into what `normalizeFeed` takes: a parsed JSON value, `{ csv }` text or Arrow bytes.
 * Throws FeedError: `empty`, `html`, `invalid-json`, `unsupported-format`, `arrow` (text where Arrow bytes were
 * expected), `workbook` (a spreadsheet: `decodeFeed` reads .xlsx workbooks).
 */
export function decodeFeedBody(body: Uint8Array | string, options: DecodeOptions): FeedInput {
  const { feed, contentType } = options;
  const format = detectFormat({ ...options, url: options.url ?? feed, body }, feed);
  if (format === 'xlsx') {
    throw new FeedError({
      kind: 'workbook',
      code: 'workbook-async',
      feed,
      expected: 'JSON, CSV or Apache Arrow (decodeFeedBody is synchronous)',
      found: 'an Excel workbook',
      hint: 'Read workbooks with decodeFeed, which loads the workbook reader when one arrives.',
    });
  }
  const expected =
    format === 'json'
      ? 'JSON (an array of records or an object with "orders")'
      : format === 'csv'
        ? 'CSV text (a header line, then one line per row)'
        : 'Apache Arrow IPC bytes';
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (firstChar(body) === '') {
    throw new FeedError({ kind: 'empty', code: size === 0 ? 'empty-body' : 'blank-body', feed, expected, found: size === 0 ? 'an empty body' : 'only white space' });
  }
  if (format === 'arrow') {
    if (typeof body !== 'string' && isArrowBytes(body)) return body;
    const text = decodeText(body, contentType);
    if (HTML_START.test(text.slice(0, 1024))) throw htmlError(text, feed, expected);
    throw new FeedError({
      kind: 'arrow',
      feed,
      expected,
      found: typeof body === 'string' ? `text (${quoteSnippet(body)})` : `bytes without the Arrow signature (${quoteSnippet(text)})`,
    });
  }
  if (typeof body !== 'string' && isArrowBytes(body)) {
    throw new FeedError({ kind: format === 'json' ? 'invalid-json' : 'csv', feed, expected, found: 'Apache Arrow bytes', hint: 'Set format "arrow".' });
  }
  const text = decodeText(body, contentType);
  if (HTML_START.test(text.slice(0, 1024)) || (format === 'json' && firstChar(text) === '<')) {
    throw htmlError(text, feed, expected);
  }
  if (format === 'csv') return { csv: text };
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw jsonError(text, error, feed, expected);
  }
}
