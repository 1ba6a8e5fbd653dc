/**
 * CSV text → columns of strings (RFC 4180: quoted fields with doubled quotes, commas and line breaks inside
 * quotes, LF or CRLF line ends, an optional UTF-8 BOM). The first line is the header. The delimiter is sniffed
 * from the header (`,` `;` tab `|`) unless given. Values stay strings; the normalizer coerces them.
 */
import { FeedError, quoteSnippet } from '../errors.js';
import { duplicateColumn } from './header-names.js';

export interface CsvColumns {
  /** Header names, trimmed. */
  names: string[];
  /** One array per header name; `undefined` where a line had fewer fields. */
  columns: (string | undefined)[][];
  rowCount: number;
  /** The delimiter used (given or sniffed). */
  delimiter: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The delimiter most frequent in the header line, outside quotes (`,` when none). */
export function sniffDelimiter(text: string): string {
  let best = ',';
  let bestCount = 0;
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  for (const d of [',', ';', '\t', '|']) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Parses CSV text into columns; throws FeedError `csv` (naming the line) for malformed text. */
export function parseCsv(text: string, feed: string, delimiter?: string): CsvColumns {
  // `code` and `params` give the localized message (src/data/messages).
  const csvError = (found: string, code: string, params: Record<string, string | number>) =>
    new FeedError({ kind: 'csv', code, params, feed, expected: 'CSV text (a header line, then one line per row)', found });
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const delim = delimiter ?? sniffDelimiter(text.slice(pos, pos + 65_536));
  if (delim.length !== 1) throw new RangeError(`CSV delimiter must be one character, got ${JSON.stringify(delim)}`);
  const D = delim.charCodeAt(0);
  let line = 1;

  // Reads one line's fields into `fields`; returns false at the end of the text.
  const fields: string[] = [];
  const readLine = (): boolean => {
    fields.length = 0;
    if (pos >= n) return false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        const startLine = line;
        let start = pos + 1;
        value = '';
        for (;;) {
          const q = text.indexOf('"', start);
          if (q < 0) throw csvError(`a quoted field opened on line ${startLine} and never closed`, 'csv-unclosed-quote', { line: startLine });
          value += text.slice(start, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            start = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) line++;
        const c = pos < n ? text.charCodeAt(pos) : LF;
        if (c !== D && c !== LF && c !== CR) {
          const after = quoteSnippet(text.slice(pos, pos + 30));
          throw csvError(`text after the closing quote of a field on line ${line}: ${after}`, 'csv-after-quote', { line, text: after });
        }
      } else {
        const start = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === D || c === LF || c === CR) break;
          pos++;
        }
        value = text.slice(start, pos);
      }
      fields.push(value);
      if (pos >= n) return true;
      const c = text.charCodeAt(pos++);
      if (c === D) continue;
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      line++;
      return true;
    }
  };

  if (!readLine()) throw csvError('no header line', 'csv-no-header', {});
  const names = fields.map((f, i) => f.trim() || `column_${i + 1}`);
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) throw duplicateColumn('csv', feed, name, first + 1, i + 1, 'the header');
    seen.set(name, i);
  });
  const width = names.length;
  const columns: (string | undefined)[][] = names.map(() => []);
  let rows = 0;
  for (;;) {
    const lineNo = line;
    if (!readLine()) break;
    if (fields.length === 1 && fields[0] === '') continue; // blank line
    if (fields.length > width) {
      for (let c = width; c < fields.length; c++) {
        if (fields[c]!.trim() !== '') {
          throw csvError(`${fields.length} fields on line ${lineNo} where the header has ${width}`, 'csv-fields', { count: fields.length, line: lineNo, width });
        }
      }
    }
    for (let c = 0; c < width; c++) columns[c]![rows] = fields[c];
    rows++;
  }
  return { names, columns, rowCount: rows, delimiter: delim };
}
