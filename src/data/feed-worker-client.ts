/**
 * Parsing a downloaded feed in the feed worker (feed-worker.ts), so decoding and normalizing a million rows does
 * not freeze the page. The tables come back in transfer form (rebuilt here in one cheap pass), and the Arrow
 * bytes for the cache follow, encoded in the worker too.
 */
import { abortedError, type FetchedFeed } from './fetch-feed.js';
import { errorFromData } from './errors.js';
import { startFeedWorker } from './feed-worker-url.js';
import { tablesFromTransfer } from './transfer-tables.js';
import type { FeedWorkerJob, FeedWorkerMessage } from './feed-worker-protocol.js';
import type { ArrowTables } from './cache.js';
import type { FeedRequest, NormalizedFeed } from './types.js';

/** What the worker gave: the tables now, their Arrow bytes later (undefined if encoding failed). */
export interface WorkerParse {
  feed: NormalizedFeed;
  arrow: Promise<ArrowTables | undefined>;
}

/**
 * Parses `fetched` in a new feed worker, which is terminated once done or when `signal` aborts (FeedError
 * `aborted`). Errors keep their FeedError kind and message. Resolves undefined, with the body untouched, when
 * no worker can be started here (no Worker, a worker file that cannot load): the caller parses on the main
 * thread. The body's buffer is transferred to the worker otherwise.
 */
export async function parseInWorker(
  fetched: FetchedFeed,
  request: FeedRequest,
  signal?: AbortSignal,
  start: () => Worker | undefined = startFeedWorker,
): Promise<WorkerParse | undefined> {
  let worker: Worker | undefined;
  try {
    worker = start();
  } catch {
    return undefined; // e.g. a cross-origin script (the bundle served from a CDN) may not start a worker
  }
  if (!worker) return undefined;
  const w = worker;
  const feed = request.src;
  const inbox = messages(w);
  const stop = () => {
    w.terminate();
    inbox.close();
  };
  const onAbort = () => {
    inbox.fail(abortedError(feed, signal?.reason));
    stop();
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // The body is handed over only to a worker that started: one that cannot load leaves it to the main thread.
    const first = await inbox.next().catch((e: unknown) => (signal?.aborted ? Promise.reject(e) : undefined));
    if (first?.type !== 'ready') {
      stop();
      return undefined;
    }
    const { body } = fetched;
    const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    const job: FeedWorkerJob = {
      body: whole ? body : body.slice(),
      contentType: fetched.contentType,
      url: fetched.url,
      request: {
        src: request.src,
        format: request.format,
        table: request.table,
        mapping: request.mapping,
        timeZone: request.timeZone,
        dateFormat: request.dateFormat,
        creditNotes: request.creditNotes,
        duplicates: request.duplicates,
        sheet: request.sheet,
      },
    };
    w.postMessage(job, [job.body.buffer as ArrayBuffer]);
    const answer = await inbox.next();
    if (answer.type === 'error') throw errorFromData(answer.error);
    if (answer.type !== 'tables') throw new Error(`feed worker: unexpected "${answer.type}" message`);
    const result: NormalizedFeed = { tables: tablesFromTransfer(answer.form), report: answer.report };
    signal?.removeEventListener('abort', onAbort);
    // The cache write is the page's, not this caller's: it goes on after an abort of the load.
    const arrow = inbox.next().then(
      (m) => (m.type === 'arrow' ? m.tables : undefined),
      () => undefined,
    );
    void arrow.finally(stop);
    return { feed: result, arrow };
  } catch (error) {
    stop();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A worker's messages as a queue of promises; a crash or `fail` rejects what is (or will be) waited for. */
function messages(worker: Worker) {
  const queue: FeedWorkerMessage[] = [];
  let waiting: { resolve: (m: FeedWorkerMessage) => void; reject: (e: unknown) => void } | undefined;
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = undefined;
  };
  const onMessage = (e: MessageEvent<FeedWorkerMessage>) => {
    if (waiting) {
      waiting.resolve(e.data);
      waiting = undefined;
    } else queue.push(e.data);
  };
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    fail(new Error(`the feed worker failed${e.message ? ` (${e.message})` : ''}`));
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', () => fail(new Error('the feed worker sent an unreadable message')));
  return {
    next(): Promise<FeedWorkerMessage> {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    fail,
    close() {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      fail(new Error('the feed worker was stopped'));
    },
  };
}
