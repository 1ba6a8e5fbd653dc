/**
 * The feed worker: decodes and normalizes a downloaded feed off the main thread and posts the tables in transfer
 * form (see transfer-tables.ts), which the cache stores as it is.
 * Protocol (see feed-worker-client.ts): `ready` on start; for the one job it is given, `tables` or `error`.
 */
import { parseFeedBody } from './parse-feed-body.js';
import { tablesToTransfer } from './transfer-tables.js';
import { errorToData } from './errors.js';
import type { FeedWorkerJob, FeedWorkerMessage } from './feed-worker-protocol.js';

const scope = self as unknown as {
  postMessage(message: FeedWorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FeedWorkerJob>) => void) | null;
};

scope.onmessage = (event) => {
  try {
    const { body, contentType, url, request } = event.data;
    const { tables, report } = parseFeedBody({ notModified: false, body, contentType, url }, request);
    // Copied into buffers of their own before the transfer: columns may be views of a shared or larger buffer.
    const { value, transfer } = tablesToTransfer(tables);
    scope.postMessage({ type: 'tables', form: value, report }, transfer);
  } catch (error) {
    scope.postMessage({ type: 'error', error: errorToData(error) });
  }
};
scope.postMessage({ type: 'ready' });
