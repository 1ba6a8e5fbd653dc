/**
 * Benchmark of the pure data layer on 1M synthetic order records (12 fields): normalizeFeed from parsed JSON
 * and from CSV text, and the Arrow cache round trip. Runs in Node (`npx tsx bench/normalize.bench.ts`) and in
 * Chromium (`node bench/run-in-chromium.mjs`). Prints medians of a few runs; no assertions.
 */
import { normalizeFeed, tablesFromArrow, tablesToArrow } from '../src/data/index.js';

export interface BenchResult {
  name: string;
  ms: number[];
}

const CHANNELS = ['store', 'ecommerce', 'social', 'phone'];

/** Deterministic order records shaped like a real feed (strings for ids and dates, numbers for amounts). */
export function makeOrders(n: number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = new Array(n);
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < n; i++) {
    const day = 19000 + Math.floor(rand() * 1095);
    rows[i] = {
      order_id: `SO${100000000 + i}`,
      customer_id: `C${Math.floor(rand() * 100000)}`,
      order_date: new Date(day * 86400000).toISOString().slice(0, 10),
      amount: Math.round(rand() * 500000) / 100,
      channel: CHANNELS[i % 4],
      region: `R${i % 7}`,
      province: `P${i % 31}`,
      city_tier: `T${i % 5}`,
      category: `cat${i % 20}`,
      quantity: 1 + (i % 5),
      discount: (i % 10) / 100,
      status: i % 50 ? 'completed' : 'returned',
    };
  }
  return rows;
}

function toCsv(rows: Record<string, unknown>[]): string {
  const keys = Object.keys(rows[0]!);
  const lines = [keys.join(',')];
  for (const r of rows) lines.push(keys.map((k) => String(r[k])).join(','));
  return lines.join('\n');
}

function time(name: string, runs: number, fn: () => void, out: BenchResult[]): void {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(Math.round(performance.now() - t));
  }
  out.push({ name, ms });
}

export function runBench(n = 1_000_000, runs = 3): BenchResult[] {
  const out: BenchResult[] = [];
  // Parsed JSON as fetch().json() gives it: strings come from JSON.parse, not from our generator.
  const records = JSON.parse(JSON.stringify(makeOrders(n))) as unknown[];
  let tables = normalizeFeed(records).tables;
  time(`normalizeFeed ${n} JSON records`, runs, () => void (tables = normalizeFeed(records).tables), out);
  time(`normalizeFeed ${n} JSON records, timeZone Asia/Shanghai`, runs, () => void normalizeFeed(records, { timeZone: 'Asia/Shanghai' }), out);
  const csv = toCsv(records as Record<string, unknown>[]);
  records.length = 0;
  time(`normalizeFeed ${n} CSV rows`, runs, () => void normalizeFeed({ csv }), out);
  let bytes = tablesToArrow(tables);
  time(`tablesToArrow ${n} orders`, runs, () => void (bytes = tablesToArrow(tables)), out);
  time(`tablesFromArrow ${n} orders (${(bytes.orders!.byteLength / 1e6).toFixed(1)} MB)`, runs, () => void tablesFromArrow(bytes), out);
  return out;
}

export function formatResults(results: BenchResult[]): string {
  return results
    .map((r) => {
      const sorted = [...r.ms].sort((a, b) => a - b);
      return `${r.name}: median ${sorted[sorted.length >> 1]} ms (runs ${r.ms.join(', ')})`;
    })
    .join('\n');
}

const isMain = typeof process !== 'undefined' && process.argv?.[1]?.endsWith('normalize.bench.ts');
if (isMain) console.log(formatResults(runBench(Number(process.argv[2] ?? 1_000_000))));
