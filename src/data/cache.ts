/**
 * The feed cache: a small in-memory map of decoded tables for this page, over an IndexedDB store of the tables
 * as Arrow IPC bytes (compact, fast to decode) with their validators and load report.
 *
 * Whatever goes wrong with IndexedDB (missing, open blocked by another tab, upgraded by another tab, quota
 * exceeded, an unreadable entry), the cache keeps working from memory and says why in `problem`, which the
 * loader reports as `CacheInfo.cacheProblem`. A corrupt entry is deleted so the feed is fetched again.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from './schema.js';
import { tablesFromArrow, tablesToArrow } from './arrow-tables.js';
import type { CrmTables, FeedRequest, LoadReport } from './types.js';

export const CACHE_DB_NAME = 'crm-lens';
/** Version of the IndexedDB database layout (not of the tables: that is SCHEMA_VERSION, part of every key). */
export const CACHE_DB_VERSION = 1;
const STORE = 'feeds';

/** Recent feeds kept decoded in memory for the page, so a widget mounting later gets them at once. */
export const DEFAULT_MEMORY_ENTRIES = 4;

/** Per-table Arrow IPC bytes, as `tablesToArrow` makes them. */
export type ArrowTables = ReturnType<typeof tablesToArrow>;

/** One stored feed. */
export interface CacheEntry {
  key: string;
  /** Absolute feed URL (`clearCache({ src })` finds entries by it). */
  src: string;
  /** Cache scope (tenant / user); '' for none. */
  scope: string;
  tables: ArrowTables;
  /** Epoch ms of the last network fetch or successful revalidation. */
  fetchedAt: number;
  etag?: string;
  lastModified?: string;
  rows: Partial<Record<TableName, number>>;
  report: LoadReport;
  /** Size of the Arrow bytes. */
  bytes: number;
}

/** Selects cache entries: one feed (all its mappings and scopes), one scope, both, or everything. */
export interface CacheFilter {
  src?: string;
  scope?: string;
}

/** The storage under the cache. IndexedDB normally; tests substitute ones that fail the way browsers do. */
export interface CacheBackend {
  get(key: string): Promise<unknown>;
  put(entry: CacheEntry): Promise<void>;
  delete(key: string): Promise<void>;
  clear(filter: CacheFilter): Promise<void>;
  close(): void;
}

/** IndexedDB could not be used; `message` says why in words for `CacheInfo.cacheProblem`. */
export class CacheUnavailableError extends Error {
  override name = 'CacheUnavailableError';
}

export interface IdbBackendOptions {
  /** The IndexedDB factory; default `globalThis.indexedDB`. `null` behaves as a browser without IndexedDB. */
  indexedDB?: IDBFactory | null;
  dbName?: string;
  /** Database version to open (default CACHE_DB_VERSION); tests use a higher one to meet a real `blocked`. */
  version?: number;
  /** Called when an open connection is lost later (another tab upgrades the database, the browser closes it). */
  onLost?: (reason: string) => void;
}

const IN_MEMORY = 'data is kept in memory for this page only';

/** Opens the IndexedDB store. Rejects with CacheUnavailableError (missing, blocked, failed). */
export function openIdbBackend(options: IdbBackendOptions = {}): Promise<CacheBackend> {
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  if (!factory) {
    return Promise.reject(new CacheUnavailableError(`IndexedDB is not available in this context; ${IN_MEMORY}`));
  }
  const name = options.dbName ?? CACHE_DB_NAME;
  return new Promise((resolve, reject) => {
    let settled = false;
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, options.version ?? CACHE_DB_VERSION);
    } catch (cause) {
      reject(new CacheUnavailableError(`IndexedDB could not be opened (${describe(cause)}); ${IN_MEMORY}`));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) {
        const store = db.createObjectStore(STORE, { keyPath: 'key' });
        store.createIndex('src', 'src');
        store.createIndex('scope', 'scope');
      }
    };
    request.onblocked = () => {
      settled = true;
      reject(
        new CacheUnavailableError(
          `IndexedDB open was blocked: another tab keeps an older version of the cache database open; ${IN_MEMORY}`,
        ),
      );
    };
    request.onerror = () => {
      if (settled) return;
      settled = true;
      reject(new CacheUnavailableError(`IndexedDB could not be opened (${describe(request.error)}); ${IN_MEMORY}`));
    };
    request.onsuccess = () => {
      const raw = request.result;
      // Opened after we gave up on it (it was blocked): let the other tab's upgrade proceed.
      if (settled) return raw.close();
      settled = true;
      const lost = (reason: string) => options.onLost?.(`${reason}; ${IN_MEMORY}`);
      raw.onversionchange = () => {
        raw.close(); // never block another tab's upgrade
        lost('another tab upgraded the cache database');
      };
      raw.onclose = () => lost('the browser closed the cache database');
      resolve(idbBackend(wrap(raw) as IDBPDatabase));
    };
  });
}

function idbBackend(db: IDBPDatabase): CacheBackend {
  return {
    get: (key) => db.get(STORE, key),
    put: async (entry) => {
      await db.put(STORE, entry);
    },
    delete: (key) => db.delete(STORE, key),
    async clear({ src, scope }) {
      const tx = db.transaction(STORE, 'readwrite');
      if (src === undefined && scope === undefined) {
        await Promise.all([tx.store.clear(), tx.done]);
        return;
      }
      const source = src !== undefined ? tx.store.index('src') : tx.store.index('scope');
      for (let cursor = await source.openCursor(src ?? scope); cursor; cursor = await cursor.continue()) {
        const entry = cursor.value as CacheEntry;
        if (scope === undefined || entry.scope === scope) await cursor.delete();
      }
      await tx.done;
    },
    close: () => db.close(),
  };
}

/** A feed's decoded tables with what the cache knows about them. */
export interface CachedFeed {
  tables: CrmTables;
  report: LoadReport;
  fetchedAt: number;
  etag?: string;
  lastModified?: string;
}

export interface FeedCacheOptions {
  /** Opens the persistent store (default: IndexedDB through `openIdbBackend`). */
  openBackend?: (onLost: (reason: string) => void) => Promise<CacheBackend>;
  /** Feeds kept decoded in memory (default DEFAULT_MEMORY_ENTRIES). */
  memoryEntries?: number;
}

/** Where a key lives, so `clear` can match memory entries the way the store does. */
interface Located {
  src: string;
  scope: string;
}

interface MemoryEntry extends Located {
  feed: CachedFeed;
}

/** What a read or write met: the cached feed (if any) and a problem to report (if any). */
export interface CacheOutcome {
  feed?: CachedFeed;
  problem?: string;
}

/** Memory + IndexedDB cache of decoded feeds. Methods never throw: problems are returned as text. */
export class FeedCache {
  private readonly memory = new Map<string, MemoryEntry>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly problems = new Map<string, string>();
  private readonly memoryEntries: number;
  private readonly openBackend: NonNullable<FeedCacheOptions['openBackend']>;
  private backend?: Promise<CacheBackend | undefined>;
  private lostReason?: string;

  constructor(options: FeedCacheOptions = {}) {
    this.memoryEntries = Math.max(1, options.memoryEntries ?? DEFAULT_MEMORY_ENTRIES);
    this.openBackend = options.openBackend ?? ((onLost) => openIdbBackend({ onLost }));
  }

  /** Why the persistent store is not in use (IndexedDB missing, blocked, closed), once known. */
  get problem(): string | undefined {
    return this.lostReason;
  }

  /** The decoded feed held in memory, without waiting (undefined when it is not there). */
  peek(key: string): CachedFeed | undefined {
    const hit = this.memory.get(key);
    if (hit) this.remember(key, hit); // refresh its LRU position
    return hit?.feed;
  }

  /** Memory first, then the persistent store. A corrupt stored entry is deleted and reported. */
  async read(key: string): Promise<CacheOutcome> {
    const hit = this.peek(key);
    if (hit) return { feed: hit, problem: this.problems.get(key) };
    const backend = await this.store();
    if (!backend) return { problem: this.lostReason };
    let raw: unknown;
    try {
      raw = await backend.get(key);
    } catch (cause) {
      return { problem: `reading the cache failed (${describe(cause)}); the feed is fetched again` };
    }
    if (raw === undefined) return {};
    try {
      const entry = checkEntry(raw);
      const feed: CachedFeed = {
        tables: tablesFromArrow(entry.tables, entry.src),
        report: entry.report,
        fetchedAt: entry.fetchedAt,
        etag: entry.etag,
        lastModified: entry.lastModified,
      };
      this.remember(key, { src: entry.src, scope: entry.scope, feed });
      return { feed };
    } catch (cause) {
      await backend.delete(key).catch(() => undefined);
      return { problem: `the cached entry was unreadable (${describe(cause)}); it was dropped and the feed fetched again` };
    }
  }

  /**
   * Keeps a feed in memory at once and stores it in the background (after the current task, so widgets render
   * first: encoding a million orders to Arrow takes seconds). A failure (quota…) is remembered for the key and
   * reported by later reads; `flush()` waits for pending writes. `arrow`: the tables' Arrow bytes when they are
   * already being made elsewhere (the feed worker), so they are not encoded again here.
   */
  write(key: string, where: Located, feed: CachedFeed, arrow?: Promise<ArrowTables | undefined>): Promise<string | undefined> {
    this.remember(key, { ...where, feed });
    this.problems.delete(key);
    const job = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => this.persist(key, where, feed, arrow))
      .then((problem) => {
        this.pending.delete(job);
        if (problem && this.memory.get(key)?.feed === feed) this.problems.set(key, problem);
        return problem;
      });
    this.pending.add(job);
    return job;
  }

  /** Resolves when every background write has finished. */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending);
  }

  /** The problem met while storing this key, if any (see `write`). */
  problemOf(key: string): string | undefined {
    return this.problems.get(key);
  }

  private async persist(
    key: string,
    where: Located,
    feed: CachedFeed,
    arrow?: Promise<ArrowTables | undefined>,
  ): Promise<string | undefined> {
    const backend = await this.store();
    if (!backend) return this.lostReason;
    const made = await arrow;
    let entry: CacheEntry;
    try {
      const tables = made ?? tablesToArrow(feed.tables);
      entry = {
        key,
        ...where,
        tables,
        fetchedAt: feed.fetchedAt,
        etag: feed.etag,
        lastModified: feed.lastModified,
        rows: rowCounts(feed.tables),
        report: feed.report,
        bytes: byteSize(tables),
      };
    } catch (cause) {
      return `the tables could not be encoded for the cache (${describe(cause)}); ${IN_MEMORY}`;
    }
    try {
      await backend.put(entry);
      return undefined;
    } catch (cause) {
      if (isQuotaError(cause)) {
        return `the storage quota is exceeded: the ${entry.bytes}-byte cache entry was not stored; ${IN_MEMORY}`;
      }
      return `storing the cache entry failed (${describe(cause)}); ${IN_MEMORY}`;
    }
  }

  /** A 304 confirmed the cached copy: keep it, with a new fetch time (and validators, if the server sent new ones). */
  async touch(key: string, update: Pick<CachedFeed, 'fetchedAt' | 'etag' | 'lastModified'>): Promise<CachedFeed | undefined> {
    const hit = this.memory.get(key);
    const feed = hit && { ...hit.feed, ...definedOnly(update) };
    if (hit && feed) this.remember(key, { ...hit, feed });
    await this.flush(); // the entry being written is the one to refresh
    const backend = await this.store();
    if (!backend) return feed;
    try {
      const raw = await backend.get(key);
      if (raw !== undefined) await backend.put({ ...checkEntry(raw), ...definedOnly(update) });
    } catch {
      // The memory copy is current; the stored one is refreshed on the next full fetch.
    }
    return feed;
  }

  /** Removes matching entries from memory and from the store. */
  async clear(filter: CacheFilter = {}): Promise<void> {
    const src = filter.src === undefined ? undefined : absoluteUrl(filter.src);
    await this.flush(); // a write still pending would bring a cleared entry back
    for (const [key, entry] of this.memory) {
      if ((src === undefined || entry.src === src) && (filter.scope === undefined || entry.scope === filter.scope)) {
        this.memory.delete(key);
        this.problems.delete(key);
      }
    }
    const backend = await this.store();
    await backend?.clear({ src, scope: filter.scope }).catch(() => undefined);
  }

  /** Closes the persistent store after pending writes (tests; a page never needs to). */
  async close(): Promise<void> {
    await this.flush();
    (await this.store())?.close();
  }

  private remember(key: string, entry: MemoryEntry): void {
    this.memory.delete(key);
    this.memory.set(key, entry);
    while (this.memory.size > this.memoryEntries) {
      const oldest = this.memory.keys().next().value!;
      this.memory.delete(oldest);
      this.problems.delete(oldest);
    }
  }

  private store(): Promise<CacheBackend | undefined> {
    if (this.lostReason) return Promise.resolve(undefined);
    this.backend ??= this.openBackend((reason) => {
      this.lostReason = reason;
    }).catch((cause) => {
      this.lostReason = cause instanceof CacheUnavailableError ? cause.message : `IndexedDB failed (${describe(cause)}); ${IN_MEMORY}`;
      return undefined;
    });
    return this.backend;
  }
}

/** The cache key: everything that changes the normalized tables, plus the scope that keeps tenants apart. */
export function cacheKey(
  request: Pick<FeedRequest, 'src' | 'mapping' | 'format' | 'table' | 'timeZone' | 'cacheScope' | 'dateFormat' | 'creditNotes' | 'duplicates' | 'sheet'>,
): string {
  return JSON.stringify([
    SCHEMA_VERSION,
    request.cacheScope ?? '',
    absoluteUrl(request.src),
    stableJson(request.mapping ?? {}),
    request.format ?? '',
    request.table ?? 'orders',
    request.timeZone ?? 'UTC',
    // Options that change the tables (so two settings never share an entry); absent ones keep older keys short.
    ...(request.dateFormat || request.creditNotes !== undefined || request.duplicates
      ? [request.dateFormat ?? 'auto', request.creditNotes ?? '', request.duplicates ?? 'drop']
      : []),
    ...(request.sheet ? ['sheet', request.sheet] : []),
  ]);
}

/** `src` resolved against the page (or worker) location. */
export function absoluteUrl(src: string): string {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}

/** JSON with object keys sorted, so equal mappings written in another order give the same key. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function rowCounts(tables: CrmTables): Partial<Record<TableName, number>> {
  const rows: Partial<Record<TableName, number>> = {};
  for (const name of TABLE_NAMES) {
    const table = tables[name];
    if (table) rows[name] = table.numRows();
  }
  return rows;
}

function byteSize(tables: ArrowTables): number {
  let bytes = 0;
  for (const value of Object.values(tables) as unknown[]) {
    if (value instanceof Uint8Array) bytes += value.byteLength;
  }
  return bytes;
}

/** A stored value must look like an entry before its bytes are decoded. */
function checkEntry(raw: unknown): CacheEntry {
  const e = raw as Partial<CacheEntry> | null;
  if (
    !e ||
    typeof e !== 'object' ||
    typeof e.key !== 'string' ||
    typeof e.fetchedAt !== 'number' ||
    !e.report ||
    typeof e.report !== 'object' ||
    !e.tables ||
    typeof e.tables !== 'object'
  ) {
    throw new Error('not a cache entry');
  }
  return e as CacheEntry;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

let defaultCache: FeedCache | undefined;

/** The page's shared cache (used by `loadFeed` and `<crm-data>`). */
export function defaultFeedCache(): FeedCache {
  return (defaultCache ??= new FeedCache());
}

/**
 * Deletes cached feeds from memory and IndexedDB: `{ src }` one feed (all its mappings and scopes), `{ scope }`
 * one tenant/user, both for their intersection, nothing for everything.
 */
export function clearCache(filter: CacheFilter = {}, cache: FeedCache = defaultFeedCache()): Promise<void> {
  return cache.clear(filter);
}
