/**
 * `loadFeed`: a feed URL → normalized tables, through the cache (stale-while-revalidate), with progress and
 * abort, and with every page-level consumer of the same feed sharing one download and one parse.
 */
import { abortedError, fetchFeed, type FetchedFeed } from './fetch-feed.js';
import { absoluteUrl, cacheKey, defaultFeedCache, type ArrowTables, type CachedFeed, type FeedCache } from './cache.js';
import { FeedError, isFeedError } from './errors.js';
import { parseFeedBody } from './parse-feed-body.js';
import { isZipBytes } from './normalize/decode.js';
import { parseInWorker } from './feed-worker-client.js';
import type { CacheInfo, FeedRequest, LoadProgress, LoadResult, NormalizedFeed } from './types.js';

/** Seconds a cached feed is served without asking the server (FeedRequest.maxAge). */
export const DEFAULT_MAX_AGE = 300;

/** The outcome of a background revalidation (a cached feed older than `maxAge` was served first). */
export interface FeedUpdate {
  /**
   * `changed`: the server sent new data (new tables, cache entry replaced); `unchanged`: it answered 304 (same
   * tables, new `fetchedAt`); `stale`: it could not be reached or sent something unusable (same tables,
   * `cache.stale` true, `error` says why).
   */
  kind: 'changed' | 'unchanged' | 'stale';
  result: LoadResult;
  error?: Error;
}

export interface LoadFeedRequest extends FeedRequest {
  /** Told the outcome of the background revalidation this load started or joined (once, then forgotten). */
  onUpdate?: (update: FeedUpdate) => void;
  /** Ask the server even when the cached copy is fresh (conditional when one is cached). */
  refresh?: boolean;
}

/** Turns downloaded bytes into normalized tables (decode by content type / URL / format, then normalize). */
export type FeedParser = (fetched: FetchedFeed, request: FeedRequest) => NormalizedFeed | Promise<NormalizedFeed>;

export interface FeedLoaderOptions {
  cache?: FeedCache;
  fetch?: typeof fetch;
  parse?: FeedParser;
  /** Clock (epoch ms), for tests of ages. */
  now?: () => number;
  /**
   * Where the default parser runs: `true` in a worker (decode, normalize and the cache's Arrow encoding off the
   * main thread), `false` on the main thread. By default a worker for bodies of WORKER_MIN_BYTES and more, and
   * for every Excel workbook (a small .xlsx file holds many times its size of XML).
   * Without Worker support (or when the worker cannot start) feeds parse on the main thread. A custom `parse`
   * always runs on the main thread.
   */
  worker?: boolean;
}

/** Bodies from this size up are parsed in a worker by default (below it, starting one costs more than it saves). */
export const WORKER_MIN_BYTES = 1 << 20;

/** A load in flight, shared by every consumer asking for the same key. */
interface SharedLoad {
  promise: Promise<LoadResult>;
  controller: AbortController;
  consumers: number;
  settled: boolean;
  progress: Set<(p: LoadProgress) => void>;
  lastProgress?: LoadProgress;
}

type UpdateListener = (update: FeedUpdate) => void;

/** Loads feeds for a page: merges concurrent loads, serves and revalidates the cache. */
export class FeedLoader {
  readonly cache: FeedCache;
  private readonly fetch?: typeof fetch;
  private readonly parse: FeedParser;
  private readonly customParse: boolean;
  private readonly worker?: boolean;
  private readonly now: () => number;
  private readonly inflight = new Map<string, SharedLoad>();
  private readonly revalidating = new Map<string, Promise<void>>();
  private readonly listeners = new Map<string, Set<UpdateListener>>();

  constructor(options: FeedLoaderOptions = {}) {
    this.cache = options.cache ?? defaultFeedCache();
    this.fetch = options.fetch;
    this.parse = options.parse ?? parseFeedBody;
    this.customParse = options.parse !== undefined;
    this.worker = options.worker;
    this.now = options.now ?? Date.now;
  }

  /**
   * Loads a feed. Concurrent calls for the same feed, mapping and scope share one download and one parse;
   * aborting one caller's signal rejects only that caller (FeedError `aborted`), and the download stops when
   * every caller has aborted.
   */
  load(request: LoadFeedRequest): Promise<LoadResult> {
    const key = cacheKey(request);
    const feed = request.src;
    if (request.signal?.aborted) return Promise.reject(abortedError(feed, request.signal.reason));

    const listener = request.onUpdate;
    if (listener) this.listenersOf(key).add(listener);
    const forget = () => listener && this.listeners.get(key)?.delete(listener);

    const slot = request.refresh ? `${key} refresh` : key;
    const shared = this.inflight.get(slot) ?? this.start(slot, key, request);
    shared.consumers++;
    const onProgress = request.onProgress;
    if (onProgress) {
      shared.progress.add(onProgress);
      if (shared.lastProgress) onProgress(shared.lastProgress);
    }

    return new Promise<LoadResult>((resolve, reject) => {
      const signal = request.signal;
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        if (onProgress) shared.progress.delete(onProgress);
        shared.consumers--;
      };
      const onAbort = () => {
        leave();
        forget();
        if (shared.consumers === 0 && !shared.settled) {
          this.inflight.delete(slot);
          shared.controller.abort(signal?.reason);
        }
        reject(abortedError(feed, signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (result) => {
          if (signal?.aborted) return; // onAbort already rejected
          leave();
          // Keep the update listener only while a revalidation that will answer it is running.
          if (!this.revalidating.has(key)) forget();
          else signal?.addEventListener('abort', forget, { once: true });
          resolve(result);
        },
        (error) => {
          if (signal?.aborted) return;
          leave();
          forget();
          reject(error);
        },
      );
    });
  }

  /** The feed as held in memory for this page, without waiting (no network, no IndexedDB). */
  peek(request: FeedRequest): LoadResult | undefined {
    const key = cacheKey(request);
    const feed = this.cache.peek(key);
    return feed && this.result(feed, { fromCache: true, stale: false, cacheProblem: this.cache.problemOf(key) });
  }

  private start(slot: string, key: string, request: LoadFeedRequest): SharedLoad {
    const shared: SharedLoad = {
      controller: new AbortController(),
      consumers: 0,
      settled: false,
      progress: new Set(),
      promise: undefined as unknown as Promise<LoadResult>,
    };
    const onProgress = (p: LoadProgress) => {
      shared.lastProgress = p;
      for (const listener of [...shared.progress]) listener(p);
    };
    shared.promise = this.run(key, request, shared.controller.signal, onProgress).finally(() => {
      shared.settled = true;
      if (this.inflight.get(slot) === shared) this.inflight.delete(slot);
    });
    shared.promise.catch(() => undefined); // consumers handle it; an all-aborted load has none
    this.inflight.set(slot, shared);
    return shared;
  }

  private async run(
    key: string,
    request: LoadFeedRequest,
    signal: AbortSignal,
    onProgress: (p: LoadProgress) => void,
  ): Promise<LoadResult> {
    const { feed: cached, problem } = await this.cache.read(key);
    if (cached && !request.refresh) {
      const maxAge = request.maxAge ?? DEFAULT_MAX_AGE;
      if (this.now() - cached.fetchedAt > maxAge * 1000) this.revalidate(key, request, cached);
      return this.result(cached, { fromCache: true, stale: false, cacheProblem: problem });
    }
    try {
      return await this.fromNetwork(key, request, cached, { signal, onProgress, problem });
    } catch (error) {
      // Offline or a failing server: the cached copy is still worth showing, flagged stale.
      if (cached && isFeedError(error) && error.kind !== 'aborted') {
        return this.result(cached, { fromCache: true, stale: true, cacheProblem: problem });
      }
      throw error;
    }
  }

  /** Fetches (conditionally when a copy is cached), parses and stores. */
  private async fromNetwork(
    key: string,
    request: LoadFeedRequest,
    cached: CachedFeed | undefined,
    opts: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void; problem?: string },
  ): Promise<LoadResult> {
    const url = absoluteUrl(request.src);
    const fetched = await fetchFeed(url, {
      feed: request.src,
      signal: opts.signal,
      onProgress: opts.onProgress,
      etag: cached?.etag,
      lastModified: cached?.lastModified,
      reload: request.refresh,
      fetch: this.fetch,
      stallTimeout: request.stallTimeout,
    });
    if (fetched.notModified) {
      if (!cached) throw unexpected304(request.src);
      const confirmed = (await this.cache.touch(key, { fetchedAt: this.now(), ...validators(fetched) })) ?? {
        ...cached,
        fetchedAt: this.now(),
      };
      return this.result(confirmed, { fromCache: true, stale: false, cacheProblem: opts.problem });
    }
    const { feed: normalized, arrow } = await this.parseBody(fetched, request, opts.signal);
    const fresh: CachedFeed = { ...normalized, fetchedAt: this.now(), ...validators(fetched) };
    // Stored in the background: the tables are ready now (a storage problem shows on later loads).
    void this.cache.write(key, { src: url, scope: request.cacheScope ?? '' }, fresh, arrow);
    return this.result(fresh, { fromCache: false, stale: false, cacheProblem: opts.problem });
  }

  /** Body → tables, in the feed worker when it is worth it and possible (with the Arrow bytes it also makes). */
  private async parseBody(
    fetched: FetchedFeed,
    request: FeedRequest,
    signal?: AbortSignal,
  ): Promise<{ feed: NormalizedFeed; arrow?: Promise<ArrowTables | undefined> }> {
    const useWorker = !this.customParse && (this.worker ?? (fetched.body.byteLength >= WORKER_MIN_BYTES || isZipBytes(fetched.body)));
    const parsed = useWorker ? await parseInWorker(fetched, request, signal) : undefined;
    if (parsed) return { feed: { ...parsed.feed, report: { ...parsed.feed.report, parsedIn: 'worker' } }, arrow: parsed.arrow };
    const feed = await this.parse(fetched, request);
    const fallback = useWorker
      ? [`Parsed on the main thread: the feed worker could not start (see setFeedWorkerUrl; a ${fetched.body.byteLength}-byte feed may slow the page).`]
      : [];
    return { feed: { ...feed, report: { ...feed.report, parsedIn: 'main-thread', warnings: [...feed.report.warnings, ...fallback] } } };
  }

  /** Background revalidation of a served cached copy; its outcome goes to the key's update listeners. */
  private revalidate(key: string, request: LoadFeedRequest, cached: CachedFeed): void {
    if (this.revalidating.has(key)) return;
    const job = (async (): Promise<FeedUpdate> => {
      try {
        // Not tied to the caller's signal: the revalidated copy serves every consumer of the feed.
        const result = await this.fromNetwork(key, { ...request, refresh: false }, cached, {});
        return { kind: result.cache.fromCache ? 'unchanged' : 'changed', result };
      } catch (error) {
        return {
          kind: 'stale',
          result: this.result(cached, { fromCache: true, stale: true }),
          error: error instanceof Error ? error : new Error(String(error)),
        };
      }
    })().then((update) => {
      this.revalidating.delete(key);
      const listeners = [...(this.listeners.get(key) ?? [])];
      this.listeners.delete(key);
      for (const listener of listeners) listener(update);
    });
    this.revalidating.set(key, job);
  }

  private result(feed: CachedFeed, cache: Omit<CacheInfo, 'fetchedAt'>): LoadResult {
    const cacheProblem = cache.cacheProblem ?? this.cache.problem;
    return {
      tables: feed.tables,
      report: feed.report,
      cache: { fromCache: cache.fromCache, stale: cache.stale, fetchedAt: feed.fetchedAt, ...(cacheProblem ? { cacheProblem } : {}) },
    };
  }

  private listenersOf(key: string): Set<UpdateListener> {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    return set;
  }
}

const validators = (v: { etag?: string; lastModified?: string }) => ({ etag: v.etag, lastModified: v.lastModified });

function unexpected304(feed: string): FeedError {
  return new FeedError({
    kind: 'http',
    feed,
    status: 304,
    expected: 'HTTP 200 with the feed',
    found: 'HTTP 304 Not Modified for a request that had no cached copy to compare with',
  });
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
