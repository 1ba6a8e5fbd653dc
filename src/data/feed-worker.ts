/**
 * The page's worker file (the single-file bundle ships it as crm-lens.bundle.worker.js). Two roles, told apart
 * by the first message:
 * - the data worker (src/query/data-worker.ts): messages with a `type` (protocol.ts) — it keeps the tables and
 *   answers queries for the whole page;
 * - a one-job feed parser (feed-worker-client.ts, the FeedLoader's `worker` option): a `FeedWorkerJob` —
 *   decodes and normalizes the body and posts the tables in transfer form (see transfer-tables.ts), which the
 *   cache stores as it is (`tables` or `error`).
 * It posts `ready` on start.
 */
import { parseFeedBody } from './parse-feed-body.js';
import { tablesToTransfer } from './transfer-tables.js';
import { errorToData } from './errors.js';
import type { FeedWorkerJob, FeedWorkerMessage } from './feed-worker-protocol.js';
import { DataWorker } from '../query/data-worker.js';
import type { FromWorker, ToWorker } from '../query/protocol.js';

const scope = self as unknown as {
  postMessage(message: FeedWorkerMessage | FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FeedWorkerJob | ToWorker>) => void) | null;
};

let data: DataWorker | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  if ('type' in message) return (data ??= new DataWorker(scope)).handle(message);
  void parseJob(message);
};

async function parseJob(job: FeedWorkerJob): Promise<void> {
  try {
    const { body, contentType, url, request } = job;
    const { tables, report } = await parseFeedBody({ notModified: false, body, contentType, url }, request);
    // Copied into buffers of their own before the transfer: columns may be views of a shared or larger buffer.
    const { value, transfer } = tablesToTransfer(tables);
    scope.postMessage({ type: 'tables', form: value, report }, transfer);
  } catch (error) {
    scope.postMessage({ type: 'error', error: errorToData(error) });
  }
}
scope.postMessage({ type: 'ready' });
