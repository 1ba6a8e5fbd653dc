// The cache form, measured both ways on the 1M-order feed: Arrow IPC with dictionaries (the form before issue 11)
// and raw column buffers (typed arrays as they are, string columns as Int32 codes into one shared dictionary:
// transfer-tables.ts). Each is written to and read back from a real IndexedDB store, and the read includes
// rebuilding the Arquero tables the metrics use. ?src= names another feed.
import { tablesFromArrow, tablesToArrow } from '../../src/data/arrow-tables.js';
import { tablesFromTransfer, tablesToTransfer } from '../../src/data/transfer-tables.js';
import type { CrmTables } from '../../src/data/types.js';
import { benchFeedTables, rowRecorder } from '../feed-tables.js';
import { collectGarbage, timed, type BenchRow } from '../types.js';

const DB = 'crm-lens-bench-cache';

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('entries');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function put(db: IDBDatabase, key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('entries', 'readwrite');
    tx.objectStore('entries').put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function get<T>(db: IDBDatabase, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = db.transaction('entries').objectStore('entries').get(key);
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** The longest long task while `step` runs (what a user feels of it on the thread that does it). */
async function withLongest<T>(step: () => Promise<T>): Promise<[T, number, number]> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const [value, ms] = await timed(step);
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return [value, ms, Math.max(0, ...tasks)];
}

type Transfer = Parameters<typeof tablesFromTransfer>[0];
interface Packed extends Omit<Transfer, 'strings'> {
  text: string;
  ends: Int32Array;
}
function packStrings(form: Transfer): Packed {
  const ends = new Int32Array(form.strings.length);
  let at = 0;
  form.strings.forEach((s, i) => (ends[i] = at += s.length));
  return { tables: form.tables, text: form.strings.join(''), ends };
}
function unpackStrings(p: Packed): Transfer {
  const strings = new Array<string>(p.ends.length);
  let at = 0;
  for (let i = 0; i < p.ends.length; i++) strings[i] = p.text.slice(at, (at = p.ends[i]!));
  return { tables: p.tables, strings };
}

const sizeOf = (value: unknown): number => {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return value.length * 2;
  if (Array.isArray(value)) return value.reduce((t: number, v) => t + sizeOf(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((t: number, v) => t + sizeOf(v), 0);
  return 8;
};

export async function run(params: URLSearchParams, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = rowRecorder(rows, log, 1);
  const tables = await benchFeedTables(params);
  add('orders rows', tables.orders.numRows(), 'rows');
  const db = await openStore();
  collectGarbage();

  const forms: [string, (t: CrmTables) => unknown, (v: never) => CrmTables][] = [
    ['Arrow IPC (dictionary utf8)', (t) => tablesToArrow(t), (v: Parameters<typeof tablesFromArrow>[0]) => tablesFromArrow(v)],
    ['column buffers (codes + one dictionary)', (t) => tablesToTransfer(t).value, (v: Parameters<typeof tablesFromTransfer>[0]) => tablesFromTransfer(v)],
    ['column buffers, dictionary packed in one string', (t) => packStrings(tablesToTransfer(t).value), (v: Packed) => tablesFromTransfer(unpackStrings(v))],
  ];
  for (const [name, encode, decode] of forms) {
    const [value, encodeMs] = await timed(() => encode(tables));
    const [, putMs] = await timed(() => put(db, name, value));
    add(`${name}: write = encode + IndexedDB put`, encodeMs + putMs, 'ms', `encode ${encodeMs.toFixed(0)} + put ${putMs.toFixed(0)}`);
    add(`${name}: entry size`, sizeOf(value) / 1e6, 'MB', 'typed arrays + strings (2 bytes a char)');
    collectGarbage();
    const [[stored, getMs], readMs, longest] = await withLongest(async () => {
      const [v, ms] = await timed(() => get(db, name));
      return [v, ms] as const;
    });
    const [rebuilt, rebuildMs] = await timed(() => decode(stored as never));
    if (rebuilt.orders.numRows() !== tables.orders.numRows()) throw new Error(`${name}: ${rebuilt.orders.numRows()} rows read back`);
    add(`${name}: read = IndexedDB get + rebuild the Arquero tables`, readMs + rebuildMs, 'ms', `get ${getMs.toFixed(0)} + rebuild ${rebuildMs.toFixed(0)}; longest task in get ${longest.toFixed(0)} ms`);
    collectGarbage();
  }
  db.close();
  await new Promise((r) => { const d = indexedDB.deleteDatabase(DB); d.onsuccess = d.onerror = d.onblocked = r; });
  return rows;
}
