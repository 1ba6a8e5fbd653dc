import type { ColumnTable } from 'arquero';
import type { FieldMapping, TableName } from './schema.js';

/** The normalized tables of one feed. Only `orders` is required. */
export interface CrmTables {
  orders: ColumnTable;
  customers?: ColumnTable;
  interactions?: ColumnTable;
  /** Customers' vehicles (plate or VIN, make, model, year, mileage readings, last service). */
  vehicles?: ColumnTable;
}

/** Feed formats the loader understands. `json` covers records, bundles and Arquero column JSON. */
export type FeedFormat = 'json' | 'csv' | 'arrow';

/** Why a row was rejected. */
export type RejectReason =
  | 'missing-customer-id'
  | 'missing-date'
  | 'invalid-date'
  | 'missing-amount'
  | 'invalid-amount'
  | 'not-a-record';

export interface RejectedRowExample {
  /** 0-based position of the row in its input table. */
  row: number;
  /** The row as the feed gave it (host field names). */
  values: Record<string, unknown>;
}

export interface RejectionGroup {
  reason: RejectReason;
  /** Canonical field at fault, when there is one. */
  field?: string;
  count: number;
  /** The first few rejected rows for this reason (at most 5). */
  examples: RejectedRowExample[];
}

/** A value in an optional field that could not be used: the row is kept, the value becomes missing. */
export interface InvalidValueGroup {
  field: string;
  count: number;
  examples: RejectedRowExample[];
}

export interface TableLoadReport {
  rowsIn: number;
  rowsAccepted: number;
  rowsRejected: number;
  rejections: RejectionGroup[];
  invalidValues: InvalidValueGroup[];
  /** Kept values that failed a check (absent in reports written before checks existed). */
  flaggedValues?: FlaggedValueGroup[];
  /** Canonical fields present in the normalized table. */
  fields: string[];
  /** Host columns outside the schema, kept as strings under their own names. */
  extraFields: string[];
  /** Mapping entries whose host field was not found in the feed. */
  unusedMappings: string[];
}

/** What a load did with the feed: returned with the tables, stored with them in the cache. */
export interface LoadReport {
  /** The feed's name or URL, as errors name it too. */
  feed: string;
  format: FeedFormat;
  tables: Partial<Record<TableName, TableLoadReport>>;
  /** Human-readable notes that are not per-row (e.g. "bundle key 'foo' ignored"). */
  warnings: string[];
}

export interface NormalizeOptions {
  /** Name used in messages (URL or file name). */
  feed?: string;
  /** Table name for a plain array of records or a CSV/Arrow file. Default `orders`. */
  table?: TableName;
  mapping?: FieldMapping;
  /** IANA time zone for instants (see src/data/days.ts). Default `UTC`. */
  timeZone?: string;
}

export interface NormalizedFeed {
  tables: CrmTables;
  report: LoadReport;
}

/** Bytes downloaded so far; `total` when the server said (Content-Length). */
export interface LoadProgress {
  loaded: number;
  total?: number;
}

/** Where the tables came from and how fresh they are. */
export interface CacheInfo {
  fromCache: boolean;
  /** True when served from cache because revalidation failed (offline, server error). */
  stale: boolean;
  /** Epoch ms when the data was fetched from the network. */
  fetchedAt: number;
  /** Why the cache could not be used (IndexedDB missing, blocked, quota, corrupt entry), if so. */
  cacheProblem?: string;
}

export interface LoadResult extends NormalizedFeed {
  cache: CacheInfo;
}

export interface FeedRequest {
  src: string;
  format?: FeedFormat;
  table?: TableName;
  mapping?: FieldMapping;
  /** Seconds within which a cached entry is served without revalidation. */
  maxAge?: number;
  /** Keeps cached data of different tenants/users apart. */
  cacheScope?: string;
  timeZone?: string;
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

/** Which check a kept value failed (see `FieldCheck` in `src/data/schema.ts`). */
export type ValueFlag = 'vin-check-digit' | 'vin-characters' | 'negative' | 'implausible-year';

/** Values that failed a plausibility check: the rows and the values are kept as they are, only reported. */
export interface FlaggedValueGroup {
  field: string;
  flag: ValueFlag;
  count: number;
  examples: RejectedRowExample[];
}
