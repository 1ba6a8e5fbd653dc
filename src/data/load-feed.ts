/**
 * `loadFeed`: a feed URL → normalized tables, through the cache (stale-while-revalidate), with progress and
 * abort, and with every page-level consumer of the same feed sharing one download and one parse. Large bodies
 * parse in the feed worker (feed-worker-client.ts); the loader itself is feed-loader.ts.
 */
import { FeedLoader as LoaderCore, type FeedLoaderOptions, type LoadFeedRequest } from './feed-loader.js';
import { parseInWorker } from './feed-worker-client.js';
import type { LoadResult } from './types.js';

export { DEFAULT_MAX_AGE, WORKER_MIN_BYTES } from './feed-loader.js';
export type { FeedLoaderOptions, FeedParser, FeedUpdate, LoadFeedRequest } from './feed-loader.js';

/** Loads feeds for a page: merges concurrent loads, serves and revalidates the cache (see feed-loader.ts). */
export class FeedLoader extends LoaderCore {
  constructor(options: FeedLoaderOptions = {}) {
    super({ parseInWorker, ...options });
  }
}

let defaultLoader: FeedLoader | undefined;

/** The page's shared loader (one cache, one set of in-flight loads). */
export function defaultFeedLoader(): FeedLoader {
  return (defaultLoader ??= new FeedLoader());
}

/** Loads a feed with the page's shared loader. See FeedLoader.load. */
export function loadFeed(request: LoadFeedRequest): Promise<LoadResult> {
  return defaultFeedLoader().load(request);
}
