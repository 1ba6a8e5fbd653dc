/** What the 1M-order suites share: the benchmark feed's tables, and a row recorder that logs as it goes. */
import { fetchFeed } from '../src/data/fetch-feed.js';
import { decodeFeedBody } from '../src/data/normalize/decode.js';
import { normalizeFeed } from '../src/data/normalize/index.js';
import type { CrmTables } from '../src/data/types.js';
import type { BenchRow } from './types.js';

/** The benchmark feed (`?src=`, default the generated 1M-order bundle), fetched and normalized on this thread. */
export async function benchFeedTables(params: URLSearchParams): Promise<CrmTables> {
  const src = params.get('src') ?? '/.cache/bench/orders-1m.json';
  const url = new URL(src, location.href).href;
  const fetched = await fetchFeed(url, { feed: src });
  if (fetched.notModified) throw new Error('unexpected 304');
  return normalizeFeed(decodeFeedBody(fetched.body, { feed: src, url }), { feed: src }).tables;
}

/** `add(name, value, unit, note?)` appends a row to `rows` and logs it with `digits` decimals. */
export function rowRecorder(rows: BenchRow[], log: (line: string) => void, digits: number) {
  return (name: string, value: number, unit: string, note?: string): void => {
    rows.push({ name, value, unit, note });
    log(`${name}: ${value.toFixed(digits)} ${unit}`);
  };
}
