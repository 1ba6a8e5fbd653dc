/**
 * The tables of every data source of the page, where metrics run (the data worker, or the main thread where no
 * worker can start): loads feeds through a FeedLoader (fetch, IndexedDB cache, revalidation), takes tables handed
 * over by the application, and answers queries over them with `runQuery`. The page sees only `SourceInfo`.
 */
import { FeedLoader, type FeedUpdate } from '../data/feed-loader.js';
import { feedCurrency } from '../data/currency.js';
import { rowCounts } from '../data/cache.js';
import type { CrmTables, LoadResult } from '../data/types.js';
import { runQuery } from './run-query.js';
import type { QueryDescriptor, QueryProgress, QueryResult, SourceInfo, WireFeedRequest } from './protocol.js';

interface Source {
  tables: CrmTables;
  info: SourceInfo;
}

/** Sources kept besides those in use: a page switching feeds back and forth does not reload. */
const KEEP_SOURCES = 8;

let versions = 0;

export interface LoadHandlers {
  signal?: AbortSignal;
  onProgress?: (progress: QueryProgress) => void;
  /** A background revalidation changed (or confirmed, or failed to refresh) the source. */
  onUpdate?: (kind: FeedUpdate['kind'], info: SourceInfo, error?: Error) => void;
}

export class SourceStore {
  readonly loader: FeedLoader;
  private readonly sources = new Map<string, Source>();

  /**
   * `loader`: the main thread's (the fallback host); else one that parses in place and stores in the cache once
   * `idle` resolves (the data worker's queries first).
   */
  constructor(
    private readonly computedIn: SourceInfo['computedIn'],
    loader?: FeedLoader,
    idle?: () => Promise<void>,
  ) {
    this.loader = loader ?? new FeedLoader({ worker: false, runsIn: computedIn, storeWhen: idle });
  }

  /** Loads (or refreshes) a feed as source `source`; resolves when its tables are held here. */
  async load(source: string, request: WireFeedRequest, refresh: boolean, handlers: LoadHandlers = {}): Promise<SourceInfo> {
    const result = await this.loader.load({
      ...request,
      refresh,
      signal: handlers.signal,
      onProgress: (p) => handlers.onProgress?.({ ...p, step: 'download' }),
      onUpdate: (update) => {
        const info = this.keep(source, update.result, update.kind === 'changed');
        handlers.onUpdate?.(update.kind, info, update.error);
      },
    });
    return this.keep(source, result, true);
  }

  /** Tables the application normalized itself, as source `source`. */
  hand(source: string, tables: CrmTables): SourceInfo {
    return this.put(source, tables, {});
  }

  /** The answer to `descriptor` over the source's tables; throws when the source or its version is gone. */
  query(source: string, version: number, descriptor: QueryDescriptor): QueryResult {
    const held = this.sources.get(source);
    if (!held) throw new Error(`data source ${source} is not loaded (released or never loaded)`);
    if (held.info.version !== version) throw new DOMException('the tables changed before the query ran', 'AbortError');
    return runQuery(held.tables, descriptor);
  }

  release(source: string): void {
    this.sources.delete(source);
  }

  clearCache(filter: { src?: string; scope?: string }): Promise<void> {
    return this.loader.cache.clear(filter);
  }

  /** The load report says where the metrics run. */
  private said(extra: Pick<SourceInfo, 'report' | 'cache'>): Pick<SourceInfo, 'report' | 'cache'> {
    return extra.report ? { ...extra, report: { ...extra.report, computedIn: this.computedIn } } : extra;
  }

  /** Records a load result; a new version only when the tables are new. */
  private keep(source: string, result: LoadResult, changed: boolean): SourceInfo {
    const held = this.sources.get(source);
    if (held && (held.tables === result.tables || !changed)) {
      held.info = { ...held.info, ...this.said({ report: result.report, cache: result.cache }) };
      return held.info;
    }
    return this.put(source, result.tables, { report: result.report, cache: result.cache });
  }

  private put(source: string, tables: CrmTables, extra: Pick<SourceInfo, 'report' | 'cache'>): SourceInfo {
    const currency = feedCurrency(tables.orders);
    const info: SourceInfo = { version: ++versions, rows: rowCounts(tables), computedIn: this.computedIn, ...(currency ? { currency } : {}), ...this.said(extra) };
    this.sources.delete(source);
    this.sources.set(source, { tables, info });
    // Oldest first: Map order is insertion order, and a source is re-inserted when it gets new tables.
    while (this.sources.size > KEEP_SOURCES) this.sources.delete(this.sources.keys().next().value!);
    return info;
  }
}
