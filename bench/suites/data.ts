// The data suite: loading the 1M-order JSON feed cold (fetch + parse + normalize, then the cache write; in the
// feed worker and on the main thread) and warm (from IndexedDB), with the cost of each step, the longest
// main-thread block (long tasks), the cached entry's size and the JS heap the tables take.
// ?src= names another feed (default the bench feed the harness generates).
import { openDB } from 'idb';
import { fetchFeed } from '../../src/data/fetch-feed.js';
import type { NormalizedFeed } from '../../src/data/types.js';
import { decodeFeedBody } from '../../src/data/normalize/decode.js';
import { normalizeFeed } from '../../src/data/normalize/index.js';
import { tablesToStored } from '../../src/data/stored-tables.js';
import { FeedLoader } from '../../src/data/load-feed.js';
import { CACHE_DB_NAME, cacheKey, FeedCache, type CacheEntry } from '../../src/data/cache.js';
import { collectGarbage, heapMB, timed, type BenchRow } from '../types.js';

const MB = 1e6;
type Add = (name: string, value: number, unit: string, note?: string) => void;

export async function run(params: URLSearchParams, log: (line: string) => void): Promise<BenchRow[]> {
  const src = params.get('src') ?? '/.cache/bench/orders-1m.json';
  const rows: BenchRow[] = [];
  const add: Add = (name, value, unit, note) => {
    rows.push({ name, value, unit, note });
    log(`${name}: ${value.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`);
  };
  await new FeedCache().clear({ src });
  collectGarbage();
  const heapBase = heapMB();
  // Each phase in its own function, so nothing of one is still referenced when the next measures the heap.
  const orders = await coldAndWarm(src, add, heapBase, log);
  await stepByStep(src, add, heapBase, orders);
  return rows;
}

/** Long tasks (main thread blocked for over 50 ms) seen while `watch` runs: the longest one and their sum. */
function watchLongTasks(): () => { longest: number; total: number } {
  let longest = 0;
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longest = Math.max(longest, e.duration);
      total += e.duration;
    }
  });
  observer.observe({ type: 'longtask' });
  return () => {
    for (const e of observer.takeRecords()) {
      longest = Math.max(longest, e.duration);
      total += e.duration;
    }
    observer.disconnect();
    return { longest, total };
  };
}

/**
 * One cold load (nothing cached) and its background cache write, in a worker or on the main thread, with the
 * main-thread blocking they cause and the heap they leave. Returns the rows of orders.
 */
async function cold(src: string, add: Add, heapBase: number, log: (line: string) => void, worker: boolean): Promise<number> {
  const label = worker ? 'worker' : 'main thread';
  await new FeedCache().clear({ src });
  const cache = new FeedCache();
  const stop = watchLongTasks();
  const [result, ms] = await timed(() => new FeedLoader({ cache, worker }).load({ src, maxAge: 86400 }));
  if (result.cache.fromCache) throw new Error('the cold load was served from the cache');
  const [, writeMs] = await timed(() => cache.flush());
  const blocked = stop();
  if (cache.problemOf(cacheKey({ src }))) log(`cache problem: ${cache.problemOf(cacheKey({ src }))}`);
  const orders = result.tables.orders.numRows();
  if (worker) {
    add('orders rows', orders, 'rows');
    add('customers rows', result.tables.customers?.numRows() ?? 0, 'rows');
    add('interactions rows', result.tables.interactions?.numRows() ?? 0, 'rows');
  }
  add(`cold load, ${label} (fetch + parse + normalize)`, ms, 'ms', `loadFeed, empty cache: until the tables are returned${worker ? '' : ' (the body may come from the HTTP cache by now)'}`);
  add(`cache write after the cold load, ${label} (column buffers + IndexedDB)`, writeMs, 'ms', 'background, measured to its end');
  add(`longest main-thread block, cold load + cache write, ${label}`, blocked.longest, 'ms', 'longest long task (PerformanceObserver)');
  add(`main thread blocked in all, cold load + cache write, ${label}`, blocked.total, 'ms', 'sum of long tasks');
  collectGarbage();
  add(`JS heap after the cold load, ${label}`, heapMB() - heapBase, 'MB', 'performance.memory after GC; tables held');
  await cache.close();
  return orders;
}

async function coldAndWarm(src: string, add: Add, heapBase: number, log: (line: string) => void): Promise<number> {
  // Cold: nothing cached; the default (a worker for big feeds), then on the main thread (`worker: false`).
  const orders = await cold(src, add, heapBase, log, true);
  collectGarbage();
  await cold(src, add, heapBase, log, false);
  collectGarbage();

  // Warm: a new page-level cache (empty memory), so the tables come from IndexedDB.
  const warmCache = new FeedCache();
  const stop = watchLongTasks();
  const [warm, warmMs] = await timed(() => new FeedLoader({ cache: warmCache }).load({ src, maxAge: 86400 }));
  const blocked = stop();
  if (!warm.cache.fromCache) throw new Error(`the warm load was not served from the cache (${warm.cache.cacheProblem ?? 'no reason given'})`);
  add('warm load (IndexedDB → tables)', warmMs, 'ms', 'loadFeed, cached entry fresh');
  add('longest main-thread block, warm load', blocked.longest, 'ms', 'longest long task (PerformanceObserver)');
  await warmCache.close();

  const url = new URL(src, location.href).href;
  const db = await openDB(CACHE_DB_NAME);
  const entry = ((await db.getAll('feeds')) as CacheEntry[]).find((e) => e.src === url);
  db.close();
  if (entry) add('cached entry size (column buffers)', entry.bytes / MB, 'MB');
  return orders;
}

/** The cold load step by step (the browser's HTTP cache may hold the body by now: the fetch is a floor). */
async function stepByStep(src: string, add: Add, heapBase: number, orders: number): Promise<void> {
  collectGarbage();
  const normalized = await fetchDecodeNormalize(src, add);
  // Set beside the heap after the cold load, this shows what the loader keeps beyond the tables.
  collectGarbage();
  add('JS heap of normalizeFeed output alone', heapMB() - heapBase, 'MB', 'performance.memory after GC');
  const [, encodeMs] = await timed(() => tablesToStored(normalized.tables));
  add('step: encode for the cache (tables → column buffers)', encodeMs, 'ms');
  if (normalized.tables.orders.numRows() !== orders) throw new Error('step-by-step load gave another row count');
}

/** Body and parsed JSON live only in here, so they are garbage once it returns. */
async function fetchDecodeNormalize(src: string, add: Add): Promise<NormalizedFeed> {
  const url = new URL(src, location.href).href;
  const [fetched, fetchMs] = await timed(() => fetchFeed(url, { feed: src }));
  if (fetched.notModified) throw new Error('unexpected 304');
  add('feed size', fetched.body.byteLength / MB, 'MB', 'JSON bundle');
  add('step: fetch (read body)', fetchMs, 'ms');
  const [input, decodeMs] = await timed(() => decodeFeedBody(fetched.body, { feed: src, url }));
  add('step: decode (UTF-8 + JSON.parse)', decodeMs, 'ms');
  const [normalized, normalizeMs] = await timed(() => normalizeFeed(input, { feed: src }));
  add('step: normalize (records → columns)', normalizeMs, 'ms');
  return normalized;
}
