// The pure data layer alone on 1M synthetic order records (12 fields, deterministic): normalizeFeed from parsed
// JSON (UTC and Asia/Shanghai), from CSV text, and the Arrow cache round trip. ?rows= sets the row count.
import { normalizeFeed, tablesFromArrow, tablesToArrow } from '../../src/data/index.js';
import { timed, type BenchRow } from '../types.js';

const CHANNELS = ['store', 'ecommerce', 'social', 'phone'];

/** Order records shaped like a real feed (strings for ids and dates, numbers for amounts). */
function makeOrders(n: number): Record<string, unknown>[] {
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

export async function run(params: URLSearchParams, log: (line: string) => void): Promise<BenchRow[]> {
  const n = Number(params.get('rows') ?? 1_000_000);
  const rows: BenchRow[] = [];
  const add = (name: string, value: number, unit = 'ms', note?: string) => {
    rows.push({ name, value, unit, note });
    log(`${name}: ${value.toFixed(0)} ${unit}`);
  };
  // Parsed JSON as fetch().json() gives it: strings come from JSON.parse, not from the generator.
  const records = JSON.parse(JSON.stringify(makeOrders(n))) as Record<string, unknown>[];
  const [{ tables }, jsonMs] = await timed(() => normalizeFeed(records));
  add(`normalizeFeed, ${n.toLocaleString('en')} JSON records`, jsonMs, 'ms', 'UTC');
  const [, zoneMs] = await timed(() => normalizeFeed(records, { timeZone: 'Asia/Shanghai' }));
  add(`normalizeFeed, ${n.toLocaleString('en')} JSON records, Asia/Shanghai`, zoneMs);
  const keys = Object.keys(records[0]!);
  const csv = [keys.join(','), ...records.map((r) => keys.map((k) => String(r[k])).join(','))].join('\n');
  records.length = 0;
  const [, csvMs] = await timed(() => normalizeFeed({ csv }));
  add(`normalizeFeed, ${n.toLocaleString('en')} CSV rows`, csvMs);
  const [bytes, encodeMs] = await timed(() => tablesToArrow(tables));
  add('tablesToArrow (orders)', encodeMs);
  add('Arrow bytes (orders)', bytes.orders!.byteLength / 1e6, 'MB');
  const [, decodeMs] = await timed(() => tablesFromArrow(bytes));
  add('tablesFromArrow (orders)', decodeMs);
  return rows;
}
