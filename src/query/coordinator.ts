/**
 * The page's query coordinator for one data source (as in Mosaic): widgets are its clients. It
 * - caches results by (tables version, descriptor): asking again costs nothing;
 * - dedupes identical queries in flight across widgets: one engine call, every asker gets its answer;
 * - cancels what nobody waits for any more: when every asker of a query aborted (a newer filter superseded it,
 *   the widget went away), the engine call is aborted too (the worker gets a `cancel`).
 * A widget whose descriptor did not change never asks again, so it neither recomputes nor redraws.
 */
import { stableJson } from '../data/cache.js';
import { abortError } from './data-host.js';
import type { Engine, QueryDescriptor, QueryResult, QueryResultOf } from './protocol.js';

/** Results kept per coordinator (a few widgets × a few recent filters). */
const CACHE_ENTRIES = 64;

/** Counters, for tests and for the docs' claims. */
export interface CoordinatorStats {
  /** `query` calls. */
  requests: number;
  /** Calls sent to the engine. */
  engineCalls: number;
  /** Answered from the result cache. */
  cacheHits: number;
  /** Joined an identical query already in flight. */
  deduped: number;
  /** Engine calls aborted because every asker had gone. */
  cancelled: number;
}

interface InFlight {
  promise: Promise<QueryResult>;
  controller: AbortController;
  waiting: number;
}

export class QueryCoordinator {
  readonly stats: CoordinatorStats = { requests: 0, engineCalls: 0, cacheHits: 0, deduped: 0, cancelled: 0 };
  private engine?: Engine;
  private version = 0;
  private readonly cache = new Map<string, QueryResult>();
  private readonly inflight = new Map<string, InFlight>();

  /** The engine over the current tables and their version (results of other versions are never served). */
  setEngine(engine: Engine, version: number): void {
    if (version === this.version) return;
    this.engine = engine;
    this.version = version;
    // Old versions' entries can never be hit again.
    this.cache.clear();
  }

  /** The tables version queries are answered over (0 before any). */
  get tablesVersion(): number {
    return this.version;
  }

  /** The cache key of a descriptor under the current tables. */
  key(descriptor: QueryDescriptor): string {
    return `${this.version} ${stableJson(descriptor)}`;
  }

  /** A cached result, without asking the engine. */
  peek<D extends QueryDescriptor>(descriptor: D): QueryResultOf<D> | undefined {
    return this.cache.get(this.key(descriptor)) as QueryResultOf<D> | undefined;
  }

  /**
   * The result of `descriptor` over the current tables. `signal` aborts this asker's wait (rejects with an
   * AbortError); the engine call stops when no asker is left.
   */
  query<D extends QueryDescriptor>(descriptor: D, signal?: AbortSignal): Promise<QueryResultOf<D>> {
    this.stats.requests++;
    const engine = this.engine;
    if (!engine) return Promise.reject(new Error('no tables to query yet'));
    if (signal?.aborted) return Promise.reject(abortError());
    const key = this.key(descriptor);
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.stats.cacheHits++;
      // Refresh its place in the LRU order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return Promise.resolve(cached as QueryResultOf<D>);
    }
    let flight = this.inflight.get(key);
    if (flight) this.stats.deduped++;
    else flight = this.start(engine, key, descriptor);
    const shared = flight;
    shared.waiting++;
    return new Promise<QueryResultOf<D>>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        reject(abortError());
        if (--shared.waiting === 0 && this.inflight.get(key) === shared) {
          this.inflight.delete(key);
          this.stats.cancelled++;
          shared.controller.abort();
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (result) => {
          signal?.removeEventListener('abort', onAbort);
          if (settled) return;
          settled = true;
          shared.waiting--;
          resolve(result as QueryResultOf<D>);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          if (settled) return;
          settled = true;
          shared.waiting--;
          reject(error);
        },
      );
    });
  }

  private start(engine: Engine, key: string, descriptor: QueryDescriptor): InFlight {
    this.stats.engineCalls++;
    const controller = new AbortController();
    const version = this.version;
    const promise = engine.query(descriptor, controller.signal).then((result) => {
      if (this.version === version) {
        this.cache.set(key, result);
        while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      }
      return result;
    });
    const flight: InFlight = { promise, controller, waiting: 0 };
    promise.then(
      () => this.inflight.get(key) === flight && this.inflight.delete(key),
      () => this.inflight.get(key) === flight && this.inflight.delete(key),
    );
    this.inflight.set(key, flight);
    return flight;
  }
}
