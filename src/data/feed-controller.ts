/**
 * FeedController: a Lit ReactiveController that turns a FeedRequest (or tables handed over by the application)
 * into a live CrmDataState. The tables go to the page's data host (the data worker; src/query/data-host.ts):
 * the state carries what is known about them (`info`) and a query coordinator, never the tables. `<crm-data>`
 * provides that state to its widgets; a widget with its own `src` uses a FeedController of its own. The host
 * is asked to update on every change; a load is aborted when the host disconnects or the request changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { absoluteUrl, cacheKey } from './cache.js';
import { FeedError } from './errors.js';
import type { CrmDataState } from './context.js';
import type { CrmFilter } from '../metrics/filter-types.js';
import type { CrmTables, FeedRequest, LoadProgress } from './types.js';
import type { CrmDataLoadDetail, CrmDataUpdateKind } from './events.js';
import { dataHost, startedDataHost, type DataHost } from '../query/data-host.js';
import { QueryCoordinator } from '../query/coordinator.js';
import type { SourceInfo, StageMembershipSpec, WireFeedRequest } from '../query/protocol.js';

export interface FeedControllerOptions {
  /** Every new state (after the host update was requested): `<crm-data>` hands it to its context provider. */
  onChange?: (state: CrmDataState) => void;
  /** Tables ready: first load, handed-over tables, or a background revalidation outcome. */
  onLoad?: (detail: CrmDataLoadDetail) => void;
  onError?: (error: Error) => void;
  onProgress?: (progress: LoadProgress) => void;
}

type StateFields = Omit<CrmDataState, 'setFilter' | 'retry' | 'refresh' | 'cancel'>;

/** Sources the page has loaded (source → info), so a reconnecting or second consumer shows them at once. */
const known = new Map<string, SourceInfo>();

/** A source name per handed-over tables object. */
const handedIds = new WeakMap<CrmTables, string>();
let handedCount = 0;
const handedSource = (tables: CrmTables): string => {
  let id = handedIds.get(tables);
  if (!id) handedIds.set(tables, (id = `tables ${++handedCount}`));
  return id;
};

export class FeedController implements ReactiveController {
  /** The current state; a new object on every change. */
  state: CrmDataState;

  private readonly host: ReactiveControllerHost;
  private readonly options: FeedControllerOptions;
  private readonly coordinator = new QueryCoordinator();
  private request?: FeedRequest;
  private handed?: CrmTables;
  private connected = false;
  /** Aborts the load in progress (superseded, disconnected). */
  private running?: AbortController;
  /** Key of the request whose data the state holds (or is loading), so reconnecting doesn't reload. */
  private loadedKey?: string;
  /** The source the state shows, and the unsubscribe of its revalidation outcomes. */
  private source?: string;
  private unsubscribe?: () => void;
  private listening?: string;

  constructor(host: ReactiveControllerHost, options: FeedControllerOptions = {}) {
    this.host = host;
    this.options = options;
    this.state = this.withActions({ status: 'idle', filter: {}, linked: true });
    host.addController(this);
    // Start the page's data worker with the first element, while the page is still loading its data.
    void dataHost();
  }

  /** What to load (`undefined`: nothing, state idle). A request for the same feed, mapping and scope is kept. */
  setRequest(request: FeedRequest | undefined): void {
    const key = request && cacheKey(request);
    const sameFeed = key !== undefined && this.request !== undefined && key === cacheKey(this.request);
    this.request = request;
    if (this.handed || sameFeed) return;
    this.stop();
    this.loadedKey = undefined;
    if (!request) this.idle();
    else if (this.connected) this.start('load');
  }

  /** Tables the application normalized itself: handed to the data host, no loading (they win over a request). */
  setTables(tables: CrmTables | undefined): void {
    if (tables === this.handed) return;
    this.handed = tables;
    this.stop();
    this.loadedKey = undefined;
    if (tables) this.hand(tables);
    else if (this.request && this.connected) this.start('load');
    else this.idle();
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
    this.show(undefined);
    this.set({ status: 'error', error, progress: undefined });
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

  private idle(): void {
    this.show(undefined);
    this.set({ status: 'idle', progress: undefined, error: undefined });
  }

  private hand(tables: CrmTables): void {
    const running = new AbortController();
    this.running = running;
    const source = handedSource(tables);
    const instant = known.get(source);
    if (instant) this.ready(source, instant);
    else {
      this.show(undefined);
      this.set({ status: 'loading', progress: undefined, error: undefined });
    }
    dataHost()
      .then((host) => host.hand(source, tables).then((info) => ({ host, info })))
      .then(
        ({ host, info }) => {
          if (this.running !== running || running.signal.aborted) return;
          this.running = undefined;
          known.set(source, info);
          if (instant?.version !== info.version) this.ready(source, info, undefined, host);
        },
        (error: unknown) => this.failed(running, error),
      );
  }

  private start(mode: 'load' | 'refresh'): void {
    const request = this.request;
    if (!request) return;
    this.stop();
    const running = new AbortController();
    this.running = running;
    const key = cacheKey(request);
    this.loadedKey = key;
    const current = () => this.running === running && !running.signal.aborted;

    const instant = mode === 'load' ? known.get(key) : undefined;
    if (instant) this.ready(key, instant);
    else {
      if (mode === 'load') this.show(undefined);
      this.set({ status: 'loading', progress: undefined, error: undefined });
    }
    const { signal: _s, onProgress: _p, ...rest } = request;
    const wire: WireFeedRequest = { ...rest, src: absoluteUrl(request.src) };
    dataHost()
      .then((host) =>
        host
          .load(key, wire, mode === 'refresh', {
            signal: running.signal,
            onProgress: (progress) => {
              if (!current()) return;
              const p: LoadProgress = { loaded: progress.loaded, ...(progress.total !== undefined ? { total: progress.total } : {}) };
              this.set({ progress: p });
              this.options.onProgress?.(p);
            },
          })
          .then((info) => ({ host, info })),
      )
      .then(
        ({ host, info }) => {
          if (!current()) return;
          this.running = undefined;
          known.set(key, info);
          // A page-memory hit was shown already; only a different result is news.
          if (!instant || info.version !== instant.version || info.cache?.fetchedAt !== instant.cache?.fetchedAt) this.ready(key, info, undefined, host);
          else this.listen(host, key);
        },
        (error: unknown) => this.failed(running, error),
      );
  }

  private failed(running: AbortController, error: unknown): void {
    if (this.running !== running || running.signal.aborted) return;
    this.running = undefined;
    const err = error instanceof Error ? error : new Error(String(error));
    this.set({ status: 'error', error: err, progress: undefined });
    this.options.onError?.(err);
  }

  /** The state shows `source` at `info`: its queries go to the host's engine for that version. */
  private ready(source: string, info: SourceInfo, update?: CrmDataUpdateKind, given?: DataHost): void {
    // `known` infos come from a started host, so there is always one here.
    const host = given ?? startedDataHost()!;
    this.show(source);
    this.listen(host, source);
    this.coordinator.setEngine(host.engine(source, info.version), info.version);
    this.set({ status: 'ready', info, report: info.report, cache: info.cache, error: undefined, progress: undefined, queries: this.coordinator });
    // Handed-over tables: rows only (no feed, report or cache).
    this.options.onLoad?.(
      this.handed
        ? { rows: info.rows }
        : { src: this.request?.src, rows: info.rows, report: info.report, cache: info.cache, ...(update ? { update } : {}) },
    );
  }

  /** Background revalidation outcomes of the shown source. */
  private listen(host: DataHost, source: string): void {
    if (this.source !== source || this.listening === source) return;
    this.listening = source;
    this.unsubscribe?.();
    this.unsubscribe = host.subscribe(source, (kind, info) => {
      if (this.source !== source || this.handed) return;
      known.set(source, info);
      this.ready(source, info, kind, host);
    });
  }

  private show(source: string | undefined): void {
    if (source === this.source) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.listening = undefined;
    this.source = source;
    if (!source) this.set({ info: undefined, report: undefined, cache: undefined, queries: undefined });
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
      setFilter: (filter: CrmFilter, stageMembership?: StageMembershipSpec) => {
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
