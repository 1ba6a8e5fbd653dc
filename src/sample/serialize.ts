/**
 * Streams a sample as JSON (a bundle, one record per line) or CSV (one table), in string chunks, so a
 * 1M-order feed (a few hundred MB) never has to exist as one string. Pure: the caller writes the chunks.
 */
import { TABLE_NAMES, type TableName } from '../data/schema.js';
import { sampleFields, SAMPLE_ZH_HEADERS, type SampleField } from './fields.js';
import type { SampleColumns } from './columns.js';

/** Characters per chunk (about 1 MB of UTF-16). */
const CHUNK = 1 << 19;

/** JSON of a value from a field, fast for values that need no escaping. */
function jsonOf(kind: SampleField['kind'], v: string | number | null): string {
  if (v === null) return 'null';
  if (kind === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return kind === 'plain' ? `"${v}"` : JSON.stringify(v);
}

function* tableJson(sample: SampleColumns, table: TableName): Generator<string> {
  const fields = sampleFields(sample, table);
  const keys = fields.map((f, i) => `${i ? ',' : '{'}"${f.name}":`);
  const n = sample[table].count;
  let buf = '';
  for (let r = 0; r < n; r++) {
    let line = r ? ',\n' : '\n';
    for (let i = 0; i < fields.length; i++) line += keys[i] + jsonOf(fields[i].kind, fields[i].value(r));
    buf += `${line}}`;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** The bundle `{"orders":[…],"customers":[…],"interactions":[…],"vehicles":[…]}` as JSON text chunks. */
export function* sampleJsonChunks(sample: SampleColumns): Generator<string> {
  for (let t = 0; t < TABLE_NAMES.length; t++) {
    yield `${t ? '\n],' : '{'}"${TABLE_NAMES[t]}":[`;
    yield* tableJson(sample, TABLE_NAMES[t]);
  }
  yield '\n]}\n';
}

/** The whole bundle as one JSON string (fine for small samples; use the chunks for big ones). */
export function sampleToJson(sample: SampleColumns): string {
  return [...sampleJsonChunks(sample)].join('');
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /** Write the Chinese headers of `SAMPLE_ZH_HEADERS` instead of the canonical field names. */
  zhHeaders?: boolean;
}

/** One table as CSV text chunks (header row first, `\n` line ends, RFC 4180 quoting). */
export function* sampleCsvChunks(sample: SampleColumns, table: TableName, options: CsvOptions = {}): Generator<string> {
  const fields = sampleFields(sample, table);
  const header = fields.map((f) => (options.zhHeaders ? SAMPLE_ZH_HEADERS[table][f.name] ?? f.name : f.name));
  let buf = `${header.map(csvCell).join(',')}\n`;
  const n = sample[table].count;
  for (let r = 0; r < n; r++) {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvCell(fields[i].value(r));
    buf += `${line}\n`;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
