/**
 * The page's data worker, seen from the page: starts it (the same worker file as the feed parser, so strict CSP
 * `worker-src 'self'` and the single-file bundle's sibling worker file both work), numbers requests, routes
 * answers, and turns an aborted signal into a `cancel` message.
 */
import { errorFromData } from '../data/errors.js';
import type { CacheFilter } from '../data/cache.js';
import { startFeedWorker } from '../data/feed-worker-url.js';
import { tablesToTransfer } from '../data/transfer-tables.js';
import type { CrmTables } from '../data/types.js';
import type { DataHost, UpdateListener } from './data-host.js';
import type { LoadHandlers } from './source-store.js';
import type { Engine, FromWorker, QueryDescriptor, QueryProgress, QueryResultOf, SourceInfo, ToWorker, WireFeedRequest } from './protocol.js';

interface Pending {
  resolve(message: FromWorker): void;
  reject(error: unknown): void;
  onProgress?: (progress: QueryProgress) => void;
}

/** Starts the data worker; rejects (with why) when no worker can start here. */
export function startWorkerHost(): Promise<DataHost> {
  let worker: Worker | undefined;
  try {
    worker = startFeedWorker();
  } catch (error) {
    return Promise.reject(new Error(`the worker could not be created: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (!worker) return Promise.reject(new Error('workers are unavailable or turned off (setFeedWorkerUrl(false))'));
  const w = worker;
  return new Promise((resolve, reject) => {
    const onReady = (e: MessageEvent<FromWorker>) => {
      if (e.data.type !== 'ready') return;
      cleanup();
      resolve(new WorkerHost(w));
    };
    const onError = (e: Event) => {
      e.preventDefault();
      cleanup();
      w.terminate();
      reject(new Error(`the worker file could not load${e instanceof ErrorEvent && e.message ? ` (${e.message})` : ''}`));
    };
    const cleanup = () => {
      w.removeEventListener('message', onReady);
      w.removeEventListener('error', onError);
    };
    w.addEventListener('message', onReady);
    w.addEventListener('error', onError);
  });
}

class WorkerHost implements DataHost {
  readonly computedIn = 'worker' as const;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<UpdateListener>>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      const error = new Error(`the data worker failed${e.message ? ` (${e.message})` : ''}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  async load(source: string, request: WireFeedRequest, refresh: boolean, handlers: Omit<LoadHandlers, 'onUpdate'>): Promise<SourceInfo> {
    const answer = await this.request((id) => ({ type: 'load', id, source, request, refresh }), handlers.signal, handlers.onProgress);
    return (answer as Extract<FromWorker, { type: 'loaded' }>).info;
  }

  async hand(source: string, tables: CrmTables): Promise<SourceInfo> {
    const { value, transfer } = tablesToTransfer(tables);
    const answer = await this.request((id) => ({ type: 'tables', id, source, tables: value }), undefined, undefined, transfer);
    return (answer as Extract<FromWorker, { type: 'loaded' }>).info;
  }

  subscribe(source: string, listener: UpdateListener): () => void {
    let set = this.listeners.get(source);
    if (!set) this.listeners.set(source, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  }

  engine(source: string, version: number): Engine {
    return {
      query: async <D extends QueryDescriptor>(descriptor: D, signal?: AbortSignal) => {
        const answer = await this.request((id) => ({ type: 'query', id, source, version, descriptor }), signal);
        return (answer as Extract<FromWorker, { type: 'result' }>).result as QueryResultOf<D>;
      },
    };
  }

  release(source: string): void {
    this.post({ type: 'release', source });
  }

  async clearCache(filter: CacheFilter): Promise<void> {
    await this.request((id) => ({ type: 'clear-cache', id, filter }));
  }

  private request(
    make: (id: number) => ToWorker,
    signal?: AbortSignal,
    onProgress?: (progress: QueryProgress) => void,
    transfer: Transferable[] = [],
  ): Promise<FromWorker> {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException('cancelled', 'AbortError'));
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        this.post({ type: 'cancel', id });
        reject(signal!.reason ?? new DOMException('cancelled', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (m) => (done(), resolve(m)),
        reject: (e) => (done(), reject(e)),
        onProgress,
      });
      this.post(make(id), transfer);
    });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') return;
    if (message.type === 'update') {
      for (const listener of [...(this.listeners.get(message.source) ?? [])])
        listener(message.kind, message.info, message.error && errorFromData(message.error));
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return; // cancelled: its answer is dropped
    if (message.type === 'progress') return pending.onProgress?.(message.progress);
    this.pending.delete(message.id);
    if (message.type === 'error') pending.reject(errorFromData(message.error));
    else pending.resolve(message);
  }

  private post(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}
