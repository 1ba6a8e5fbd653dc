/**
 * The page's worker file (the single-file bundle ships it as crm-lens.bundle.worker.js). Two roles, told apart
 * by the first message:
 * - the data worker (src/query/data-worker.ts): messages with a `type` (protocol.ts) — it keeps the tables and
 *   answers queries for the whole page;
 * - a one-job feed parser (feed-worker-client.ts, the FeedLoader's `worker` option): a `FeedWorkerJob` —
 *   decodes and normalizes the body, posts the tables in transfer form (see transfer-tables.ts), then the Arrow
 *   bytes for the cache (`tables` or `error`, then `arrow` or `arrow-failed`).
 * It posts `ready` on start.
 */
import { parseFeedBody } from './parse-feed-body.js';
import { tablesToArrow } from './arrow-tables.js';
import { tablesToTransfer } from './transfer-tables.js';
import { errorToData } from './errors.js';
import type { CrmTables } from './types.js';
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
  let tables: CrmTables;
  try {
    const { body, contentType, url, request } = job;
    const { tables: parsed, report } = await parseFeedBody({ notModified: false, body, contentType, url }, request);
    tables = parsed;
    const { value, transfer } = tablesToTransfer(tables);
    scope.postMessage({ type: 'tables', form: value, report }, transfer);
  } catch (error) {
    scope.postMessage({ type: 'error', error: errorToData(error) });
    return;
  }
  // After this handler returns, so the message (the body) can be collected while Arrow is encoded.
  setTimeout(() => {
    try {
      const arrow = tablesToArrow(tables);
      scope.postMessage({ type: 'arrow', tables: arrow }, Object.values(arrow).map((b) => b.buffer as ArrayBuffer));
    } catch (error) {
      scope.postMessage({ type: 'arrow-failed', error: errorToData(error) });
    }
  }, 0);
}
scope.postMessage({ type: 'ready' });
