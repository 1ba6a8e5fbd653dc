/**
 * The feed worker: decodes and normalizes a downloaded feed off the main thread, posts the tables in transfer
 * form (see transfer-tables.ts), then encodes them to Arrow for the cache and posts those bytes too.
 * Protocol (see feed-worker-client.ts): `ready` on start; for the one job it is given, `tables` or `error`,
 * then `arrow` (or `arrow-failed`).
 */
import { parseFeedBody } from './parse-feed-body.js';
import { tablesToArrow } from './arrow-tables.js';
import { tablesToTransfer } from './transfer-tables.js';
import { errorToData } from './errors.js';
import type { CrmTables } from './types.js';
import type { FeedWorkerJob, FeedWorkerMessage } from './feed-worker-protocol.js';

const scope = self as unknown as {
  postMessage(message: FeedWorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FeedWorkerJob>) => void) | null;
};

scope.onmessage = async (event) => {
  let tables: CrmTables;
  try {
    const { body, contentType, url, request } = event.data;
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
};
scope.postMessage({ type: 'ready' });
