// The data suite: loading the 1M-order JSON feed cold (fetch + parse + normalize + cache write) and warm
// (from IndexedDB), with the cost of each step, the cached entry's size and the JS heap the tables take.
// ?src= names another feed (default the bench feed the harness generates).
import { openDB } from 'idb';
import { fetchFeed, type FetchedFeed } from '../../src/data/fetch-feed.js';
import { decodeFeedBody } from '../../src/data/normalize/decode.js';
import { normalizeFeed } from '../../src/data/normalize/index.js';
import { tablesToArrow } from '../../src/data/arrow-tables.js';
import { FeedLoader } from '../../src/data/load-feed.js';
import { CACHE_DB_NAME, FeedCache, type CacheEntry } from '../../src/data/cache.js';
import { collectGarbage, heapMB, timed, type BenchRow } from '../types.js';

const MB = 1e6;

export async function run(params: URLSearchParams, log: (line: string) => void): Promise<BenchRow[]> {
  const src = params.get('src') ?? '/.cache/bench/orders-1m.json';
  const url = new URL(src, location.href).href;
  const rows: BenchRow[] = [];
  const add = (name: string, value: number, unit: string, note?: string) => {
    rows.push({ name, value, unit, note });
    log(`${name}: ${value.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`);
  };

  await new FeedCache().clear({ src });
  collectGarbage();
  const heapBase = heapMB();

  // Cold: nothing cached. Includes encoding the tables to Arrow and storing them in IndexedDB.
  const coldCache = new FeedCache();
  const [cold, coldMs] = await timed(() => new FeedLoader({ cache: coldCache }).load({ src, maxAge: 86400 }));
  if (cold.cache.fromCache) throw new Error('the cold load was served from the cache');
  if (cold.cache.cacheProblem) log(`cache problem: ${cold.cache.cacheProblem}`);
  const orders = cold.tables.orders.numRows();
  add('orders rows', orders, 'rows');
  add('customers rows', cold.tables.customers?.numRows() ?? 0, 'rows');
  add('interactions rows', cold.tables.interactions?.numRows() ?? 0, 'rows');
  add('cold load (fetch + parse + normalize + cache write)', coldMs, 'ms', 'loadFeed, empty cache');
  collectGarbage();
  add('JS heap held by the loaded tables', heapMB() - heapBase, 'MB', 'performance.memory after GC');
  await coldCache.close();

  // Warm: a new page-level cache (empty memory), so the tables come from IndexedDB.
  const warmCache = new FeedCache();
  const [warm, warmMs] = await timed(() => new FeedLoader({ cache: warmCache }).load({ src, maxAge: 86400 }));
  if (!warm.cache.fromCache) throw new Error(`the warm load was not served from the cache (${warm.cache.cacheProblem ?? 'no reason given'})`);
  add('warm load (IndexedDB → tables)', warmMs, 'ms', 'loadFeed, cached entry fresh');
  await warmCache.close();

  const db = await openDB(CACHE_DB_NAME);
  const entries = (await db.getAll('feeds')) as CacheEntry[];
  db.close();
  const entry = entries.find((e) => e.src === url);
  if (entry) add('cached entry size (Arrow IPC)', entry.bytes / MB, 'MB');

  // The cold load step by step (the browser's HTTP cache may hold the body by now: the fetch is a floor).
  collectGarbage();
  let fetched: FetchedFeed | undefined;
  const [result, fetchMs] = await timed(() => fetchFeed(url, { feed: src }));
  if (result.notModified) throw new Error('unexpected 304');
  fetched = result;
  add('feed size', fetched.body.byteLength / MB, 'MB', 'JSON bundle');
  add('step: fetch (read body)', fetchMs, 'ms');
  const [input, decodeMs] = await timed(() => decodeFeedBody(fetched!.body, { feed: src, url }));
  fetched = undefined;
  add('step: decode (UTF-8 + JSON.parse)', decodeMs, 'ms');
  const [normalized, normalizeMs] = await timed(() => normalizeFeed(input, { feed: src }));
  add('step: normalize (records → columns)', normalizeMs, 'ms');
  const [, encodeMs] = await timed(() => tablesToArrow(normalized.tables));
  add('step: encode for the cache (tables → Arrow)', encodeMs, 'ms');
  if (normalized.tables.orders.numRows() !== orders) throw new Error('step-by-step load gave another row count');
  return rows;
}
