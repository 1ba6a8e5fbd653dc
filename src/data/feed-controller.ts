/**
 * FeedController: a Lit ReactiveController that turns a FeedRequest (or tables handed over by the application)
 * into a live CrmDataState. `<crm-data>` provides that state to its widgets; a widget with its own `src` uses a
 * FeedController of its own. The host is asked to update on every change; a load is aborted when the host
 * disconnects or the request changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cacheKey, rowCounts } from './cache.js';
import { FeedError } from './errors.js';
import { defaultFeedLoader, type FeedLoader, type FeedUpdate } from './load-feed.js';
import type { CrmDataState } from './context.js';
import type { CrmFilter } from '../metrics/filter-types.js';
import type { StageMembership } from '../metrics/options.js';
import type { CrmTables, FeedRequest, LoadProgress, LoadResult } from './types.js';
import type { CrmDataLoadDetail } from './events.js';

export interface FeedControllerOptions {
  /** The loader (default: the page's shared one, so every source on the page shares downloads and memory). */
  loader?: FeedLoader;
  /** Every new state (after the host update was requested): `<crm-data>` hands it to its context provider. */
  onChange?: (state: CrmDataState) => void;
  /** Tables ready: first load, handed-over tables, or a background revalidation outcome. */
  onLoad?: (detail: CrmDataLoadDetail) => void;
  onError?: (error: Error) => void;
  onProgress?: (progress: LoadProgress) => void;
}

type StateFields = Omit<CrmDataState, 'setFilter' | 'retry' | 'refresh' | 'cancel'>;

export class FeedController implements ReactiveController {
  /** The current state; a new object on every change. */
  state: CrmDataState;

  private readonly host: ReactiveControllerHost;
  private readonly options: FeedControllerOptions;
  private readonly loader: FeedLoader;
  private request?: FeedRequest;
  private handed?: CrmTables;
  private connected = false;
  /** Aborts the load in progress (superseded, disconnected). */
  private running?: AbortController;
  /** Key of the request whose data the state holds (or is loading), so reconnecting doesn't reload. */
  private loadedKey?: string;

  constructor(host: ReactiveControllerHost, options: FeedControllerOptions = {}) {
    this.host = host;
    this.options = options;
    this.loader = options.loader ?? defaultFeedLoader();
    this.state = this.withActions({ status: 'idle', filter: {}, linked: true });
    host.addController(this);
  }

  /** What to load (`undefined`: nothing, state idle). A request for the same feed, mapping and scope is kept. */
  setRequest(request: FeedRequest | undefined): void {
    const key = request && cacheKey(request);
    const sameFeed = key !== undefined && this.request !== undefined && key === cacheKey(this.request);
    this.request = request;
    if (this.handed || sameFeed) return;
    this.stop();
    this.loadedKey = undefined;
    if (!request) this.set({ status: 'idle', tables: undefined, report: undefined, cache: undefined, progress: undefined, error: undefined });
    else if (this.connected) this.start('load');
  }

  /** Tables the application normalized itself: shown as they are, no loading (they win over a request). */
  setTables(tables: CrmTables | undefined): void {
    if (tables === this.handed) return;
    this.handed = tables;
    this.stop();
    this.loadedKey = undefined;
    if (tables) {
      this.set({ status: 'ready', tables, report: undefined, cache: undefined, progress: undefined, error: undefined });
      this.options.onLoad?.({ rows: rowCounts(tables) });
    } else if (this.request && this.connected) {
      this.start('load');
    } else {
      this.set({ status: 'idle', tables: undefined, report: undefined, cache: undefined, error: undefined });
    }
  }

  /** Linked filtering on or off; off clears the shared filter and makes `setFilter` do nothing. */
  /** The ISO 4217 code the provider's widgets show amounts in (`<crm-data currency>`; undefined = theirs / the feed's). */
  setCurrency(currency: string | undefined): void {
    if (currency !== this.state.currency) this.set({ currency });
  }

  setLinked(linked: boolean): void {
    if (linked !== this.state.linked) this.set(linked ? { linked } : { linked, filter: {}, stageMembership: undefined });
  }

  /** Shows an error without loading (e.g. an invalid `fields` attribute); a later `setRequest` loads again. */
  setError(error: Error): void {
    this.request = undefined;
    this.stop();
    this.loadedKey = undefined;
    this.set({ status: 'error', error, tables: undefined, report: undefined, cache: undefined, progress: undefined });
    this.options.onError?.(error);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.request && !this.handed && this.loadedKey !== cacheKey(this.request)) this.start('load');
  }

  hostDisconnected(): void {
    this.connected = false;
    // A load cut short must run again when the host comes back.
    if (this.running) this.loadedKey = undefined;
    this.stop();
  }

  private start(mode: 'load' | 'refresh'): void {
    const request = this.request;
    if (!request) return;
    this.stop();
    const running = new AbortController();
    this.running = running;
    this.loadedKey = cacheKey(request);
    const current = () => this.running === running && !running.signal.aborted;

    const instant = mode === 'load' ? this.loader.peek(request) : undefined;
    if (instant) this.ready(instant);
    else this.set({ status: 'loading', progress: undefined, error: undefined, ...(mode === 'load' ? { tables: undefined, report: undefined, cache: undefined } : {}) });

    this.loader
      .load({
        ...request,
        refresh: mode === 'refresh',
        signal: running.signal,
        onProgress: (progress) => {
          if (!current()) return;
          this.set({ progress });
          this.options.onProgress?.(progress);
        },
        onUpdate: (update) => {
          if (this.loadedKey === cacheKey(request) && !this.handed) this.applyUpdate(update);
        },
      })
      .then(
        (result) => {
          if (!current()) return;
          this.running = undefined;
          // A memory hit was shown already; only a different result is news.
          if (!instant || result.tables !== instant.tables || result.cache.fetchedAt !== instant.cache.fetchedAt) this.ready(result);
        },
        (error: unknown) => {
          if (!current()) return;
          this.running = undefined;
          const err = error instanceof Error ? error : new Error(String(error));
          this.set({ status: 'error', error: err, progress: undefined });
          this.options.onError?.(err);
        },
      );
  }

  private ready(result: LoadResult, update?: FeedUpdate['kind']): void {
    this.set({ status: 'ready', tables: result.tables, report: result.report, cache: result.cache, error: undefined });
    this.options.onLoad?.({
      src: this.request?.src,
      rows: rowCounts(result.tables),
      report: result.report,
      cache: result.cache,
      ...(update ? { update } : {}),
    });
  }

  private applyUpdate(update: FeedUpdate): void {
    this.ready(update.result, update.kind);
  }

  private stop(): void {
    this.running?.abort();
    this.running = undefined;
  }

  private set(fields: Partial<StateFields>): void {
    this.state = this.withActions({ ...this.state, ...fields });
    this.host.requestUpdate();
    this.options.onChange?.(this.state);
  }

  private withActions(fields: StateFields): CrmDataState {
    return {
      ...fields,
      setFilter: (filter: CrmFilter, stageMembership?: StageMembership) => {
        if (this.state.linked) this.set({ filter, stageMembership: filter.stages?.length ? stageMembership : undefined });
      },
      retry: () => {
        if (this.handed) return;
        this.start('load');
      },
      cancel: () => {
        if (!this.running || this.handed) return;
        const feed = this.request?.src ?? '';
        this.stop();
        this.loadedKey = undefined; // a later connect or retry loads again
        const error = new FeedError({ kind: 'aborted', code: 'cancelled', feed, expected: 'the load to finish', found: 'the load was cancelled' });
        this.set({ status: 'error', error, progress: undefined });
        this.options.onError?.(error);
      },
      refresh: () => {
        if (this.handed) return;
        this.start('refresh');
      },
    };
  }
}
