/** `crm-lens`: importing the package registers every tag (safely, even when loaded twice). */
export * from './data/index.js';
export * from './metrics/index.js';
export { crmDataContext, type CrmDataState, type DataStatus } from './data/context.js';
export { loadFeed, FeedLoader, defaultFeedLoader, DEFAULT_MAX_AGE } from './data/load-feed.js';
export type { FeedUpdate, LoadFeedRequest, FeedLoaderOptions, FeedParser } from './data/load-feed.js';
export { clearCache, FeedCache, defaultFeedCache, openIdbBackend, cacheKey, CacheUnavailableError } from './data/cache.js';
export type { CacheBackend, CacheEntry, CacheFilter, CachedFeed, FeedCacheOptions, IdbBackendOptions } from './data/cache.js';
export { fetchFeed, type FetchFeedOptions, type FetchFeedResult, type FetchedFeed, type FeedNotModified } from './data/fetch-feed.js';
export { parseFeedBody } from './data/parse-feed-body.js';
export { parseFieldsOption } from './data/fields-option.js';
export { FeedController, type FeedControllerOptions } from './data/feed-controller.js';
export * from './data/events.js';
export { defineElement } from './components/define.js';
export { CrmData } from './components/data/index.js';
