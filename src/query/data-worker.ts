/**
 * The data worker's message loop (the page ⇄ worker half of protocol.ts): one per page, it owns the tables of
 * every source (SourceStore: fetch, parse, IndexedDB cache) and answers queries. Queries run one at a time with a
 * task boundary between them, so a `cancel` that arrives while one runs drops the queued ones before they start
 * (a metric call itself is not interruptible; a load is, through its AbortSignal).
 */
import { errorToData } from '../data/errors.js';
import { tablesFromTransfer } from '../data/transfer-tables.js';
import { SourceStore } from './source-store.js';
import type { FromWorker, QueryDescriptor, ToWorker } from './protocol.js';

interface Scope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

interface QueuedQuery {
  id: number;
  source: string;
  version: number;
  descriptor: QueryDescriptor;
}

/** Quiet time after the last query before the worker counts as idle (widgets ask within a frame of a load). */
const IDLE_AFTER_MS = 150;

export class DataWorker {
  private readonly store = new SourceStore('worker', undefined, () => this.idle());
  private idleWaiters: (() => void)[] = [];
  private idleTimer?: ReturnType<typeof setTimeout>;
  private readonly loads = new Map<number, AbortController>();
  private readonly queue: QueuedQuery[] = [];
  private draining = false;
  /** The last update posted per source: every load of a source listens, the page needs each outcome once. */
  private readonly lastUpdate = new Map<string, string>();

  constructor(private readonly scope: Scope) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'load':
        return void this.load(message);
      case 'tables':
        return this.answer(message.id, () => {
          const info = this.store.hand(message.source, tablesFromTransfer(message.tables));
          this.post({ type: 'loaded', id: message.id, source: message.source, info });
        });
      case 'query':
        this.queue.push(message);
        return this.drain();
      case 'cancel': {
        this.loads.get(message.id)?.abort();
        const i = this.queue.findIndex((q) => q.id === message.id);
        if (i >= 0) {
          this.queue.splice(i, 1);
          this.post({ type: 'error', id: message.id, error: { name: 'AbortError', message: 'the query was cancelled' } });
        }
        return;
      }
      case 'release':
        return this.store.release(message.source);
      case 'clear-cache':
        return void this.store.clearCache(message.filter).then(() => this.post({ type: 'cleared', id: message.id }));
    }
  }

  private async load(message: Extract<ToWorker, { type: 'load' }>): Promise<void> {
    const controller = new AbortController();
    this.loads.set(message.id, controller);
    const { id, source } = message;
    try {
      const info = await this.store.load(source, message.request, !!message.refresh, {
        signal: controller.signal,
        onProgress: (progress) => this.post({ type: 'progress', id, progress }),
        onUpdate: (kind, info, error) => {
          const key = `${kind} ${info.version} ${info.cache?.fetchedAt}`;
          if (this.lastUpdate.get(source) === key) return;
          this.lastUpdate.set(source, key);
          this.post({ type: 'update', source, kind, info, ...(error ? { error: errorToData(error) } : {}) });
        },
      });
      this.post({ type: 'loaded', id, source, info });
    } catch (error) {
      this.post({ type: 'error', id, error: errorToData(error) });
    } finally {
      this.loads.delete(id);
    }
  }

  /** Resolves once no query has been queued or run for IDLE_AFTER_MS (cache encoding waits for it). */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.armIdle();
    });
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (!this.idleWaiters.length) return;
    this.idleTimer = setTimeout(() => {
      if (this.queue.length || this.draining) return this.armIdle();
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }, IDLE_AFTER_MS);
  }

  /** Runs queued queries one per task, so cancel messages are read in between. */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    setTimeout(() => {
      this.draining = false;
      const next = this.queue.shift();
      if (!next) return;
      this.answer(next.id, () => {
        const result = this.store.query(next.source, next.version, next.descriptor);
        this.post({ type: 'result', id: next.id, result });
      });
      if (this.queue.length) this.drain();
      this.armIdle();
    }, 0);
  }

  private answer(id: number, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.post({ type: 'error', id, error: errorToData(error) });
    }
  }

  private post(message: FromWorker): void {
    this.scope.postMessage(message);
  }
}
