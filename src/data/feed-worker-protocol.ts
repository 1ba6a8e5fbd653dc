/** Messages between the main thread (feed-worker-client.ts) and the feed worker (feed-worker.ts). */
import type { ErrorData } from './errors.js';
import type { TableName } from './schema.js';
import type { TransferTables } from './transfer-tables.js';
import type { FeedRequest, LoadReport } from './types.js';

/** What the worker is asked to parse: the downloaded body and the request fields that shape the tables. */
export interface FeedWorkerJob {
  body: Uint8Array;
  contentType?: string;
  url: string;
  request: Pick<FeedRequest, 'src' | 'format' | 'table' | 'mapping' | 'timeZone' | 'dateFormat' | 'creditNotes' | 'duplicates' | 'sheet'>;
}

export type FeedWorkerMessage =
  | { type: 'ready' }
  | { type: 'tables'; form: TransferTables; report: LoadReport }
  | { type: 'error'; error: ErrorData }
  | { type: 'arrow'; tables: Partial<Record<TableName, Uint8Array>> }
  | { type: 'arrow-failed'; error: ErrorData };
