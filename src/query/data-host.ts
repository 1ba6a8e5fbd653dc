/**
 * The page's side of the data layer: where every source's tables live and metrics run. One per page
 * (`dataHost()`): the data worker when it can start (worker-host.ts), else the main thread (this file's
 * `MainThreadHost`, the same SourceStore and metric functions, and the load report says so). Sources are named
 * by their feed's cache key (one load however many `<crm-data>` elements use the feed) or by handed-over tables.
 */
import { errorFromData } from '../data/errors.js';
import { registerCacheClearer, type CacheFilter } from '../data/cache.js';
import { defaultFeedLoader } from '../data/load-feed.js';
import type { CrmTables } from '../data/types.js';
import type { FeedUpdate } from '../data/feed-loader.js';
import { SourceStore, type LoadHandlers } from './source-store.js';
import { startWorkerHost } from './worker-host.js';
import type { Engine, QueryDescriptor, QueryResultOf, SourceInfo, WireFeedRequest } from './protocol.js';

export type UpdateListener = (kind: FeedUpdate['kind'], info: SourceInfo, error?: Error) => void;

export interface DataHost {
  readonly computedIn: SourceInfo['computedIn'];
  /** Loads a feed as `source` (the tables stay with the host); `handlers.signal` cancels it. */
  load(source: string, request: WireFeedRequest, refresh: boolean, handlers: Omit<LoadHandlers, 'onUpdate'>): Promise<SourceInfo>;
  /** Tables the application normalized itself, as `source` (copied to the worker). */
  hand(source: string, tables: CrmTables): Promise<SourceInfo>;
  /** Background revalidation outcomes of `source`; returns the unsubscribe. */
  subscribe(source: string, listener: UpdateListener): () => void;
  /** The engine answering queries over one version of a source's tables. */
  engine(source: string, version: number): Engine;
  release(source: string): void;
  clearCache(filter: CacheFilter): Promise<void>;
}

/** Metrics on the main thread: only where no worker can start (no Worker, a worker file that cannot load). */
export class MainThreadHost implements DataHost {
  readonly computedIn = 'main-thread' as const;
  private readonly store = new SourceStore('main-thread', defaultFeedLoader());
  private readonly listeners = new Map<string, Set<UpdateListener>>();

  constructor(private readonly why: string) {}

  async load(source: string, request: WireFeedRequest, refresh: boolean, handlers: Omit<LoadHandlers, 'onUpdate'>): Promise<SourceInfo> {
    const info = await this.store.load(source, request, refresh, {
      ...handlers,
      onUpdate: (kind, info, error) => this.notify(source, kind, this.said(info), error),
    });
    return this.said(info);
  }

  async hand(source: string, tables: CrmTables): Promise<SourceInfo> {
    return this.store.hand(source, tables);
  }

  subscribe(source: string, listener: UpdateListener): () => void {
    return subscribe(this.listeners, source, listener);
  }

  engine(source: string, version: number): Engine {
    return {
      query: <D extends QueryDescriptor>(descriptor: D, signal?: AbortSignal) =>
        new Promise<QueryResultOf<D>>((resolve, reject) => {
          // A task boundary first, so a query superseded within the same task never runs.
          setTimeout(() => {
            if (signal?.aborted) return reject(abortError());
            try {
              resolve(this.store.query(source, version, descriptor) as QueryResultOf<D>);
            } catch (error) {
              reject(error);
            }
          }, 0);
        }),
    };
  }

  release(source: string): void {
    this.store.release(source);
  }

  clearCache(filter: CacheFilter): Promise<void> {
    return this.store.clearCache(filter);
  }

  /** The load report says where metrics run and why. */
  private said(info: SourceInfo): SourceInfo {
    const warning = `Metrics run on the main thread: the data worker could not start (${this.why}); large feeds may slow the page.`;
    if (!info.report || info.report.warnings.includes(warning)) return info;
    return { ...info, report: { ...info.report, computedIn: 'main-thread', warnings: [...info.report.warnings, warning] } };
  }

  private notify(source: string, kind: FeedUpdate['kind'], info: SourceInfo, error?: Error): void {
    for (const listener of [...(this.listeners.get(source) ?? [])]) listener(kind, info, error);
  }
}

export function subscribe(map: Map<string, Set<UpdateListener>>, source: string, listener: UpdateListener): () => void {
  let set = map.get(source);
  if (!set) map.set(source, (set = new Set()));
  set.add(listener);
  return () => set!.delete(listener);
}

export const abortError = (): DOMException => new DOMException('the query was cancelled', 'AbortError');

/** True for the rejection of an aborted query or load. */
export const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';

let host: Promise<DataHost> | undefined;
let started: DataHost | undefined;

/** The page's data host once started (synchronously), else undefined. */
export const startedDataHost = (): DataHost | undefined => started;

/** The page's data host: started on first use; the worker when it can start, else the main thread. */
export function dataHost(): Promise<DataHost> {
  return (host ??= startWorkerHost().then(
    (worker) => worker,
    (error: unknown) => new MainThreadHost(error instanceof Error ? error.message : String(error)),
  ).then((h) => {
    registerCacheClearer((filter) => h.clearCache(filter));
    started = h;
    return h;
  }));
}

export { errorFromData };
