import type { ColumnTable } from 'arquero';
import type { FieldMapping, TableName } from './schema.js';
import type { DateFormatOption } from './normalize/dates.js';

/** The normalized tables of one feed. Only `orders` is required. */
export interface CrmTables {
  orders: ColumnTable;
  customers?: ColumnTable;
  interactions?: ColumnTable;
  /** Customers' vehicles (plate or VIN, make, model, year, mileage readings, last service). */
  vehicles?: ColumnTable;
}

/** Feed formats the loader understands. `json` covers records, bundles and Arquero column JSON. */
/** `xlsx`: an Excel workbook, one sheet of it (the first, or the `sheet` option's). */
export type FeedFormat = 'json' | 'csv' | 'arrow' | 'xlsx';

/**
 * Why a row was rejected: a required value missing or unreadable, a placeholder customer id (`NULL`, `N/A`,
 * `-`, a boolean…), a date outside 1900-01-01 … the load day + 1 (sentinels such as 9999-12-31), an exact
 * duplicate of an earlier line of the same order, or a row that is not a record.
 */
export type RejectReason =
  | 'missing-customer-id'
  | 'placeholder-customer-id'
  | 'missing-date'
  | 'invalid-date'
  | 'date-out-of-range'
  | 'missing-amount'
  | 'invalid-amount'
  | 'duplicate-line'
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
  /** `invalid`: unreadable; `out-of-range`: outside the field's range (NPS 0–10, dates 1900 … load day + 1);
   * `placeholder`: a stand-in such as `NULL` or `N/A` (order ids). */
  reason: 'invalid' | 'out-of-range' | 'placeholder';
  count: number;
  examples: RejectedRowExample[];
}

/** How the dates of one column were read (reported for columns with day-first or month-first dates). */
export interface DateFormatReport {
  field: string;
  /** `mdy` month-first, `dmy` day-first, `ymd` year-first only. */
  order: 'mdy' | 'dmy' | 'ymd';
  /** `detected` from a value (see `row`), `default` (the column never tells: read month-first), `option`
   * (the dateFormat option), `conflict` (both orders occur: the default order, the others rejected). */
  how: 'detected' | 'default' | 'option' | 'conflict';
  /** Row of the deciding value (or of the first such date when undecided), and that value. */
  row: number;
  value?: string;
}

/** How the numbers of one column were read, when strings with commas made it a question. */
export interface NumberFormatReport {
  field: string;
  decimal: '.' | ',';
  /** `detected` from a value, `default` (only `1,234`-style values: decimal comma in `;`-separated files,
   * thousands separator otherwise), `conflict` (both styles occur: dot, the others rejected or invalid). */
  how: 'detected' | 'default' | 'conflict';
  row: number;
  value?: string;
}

/** A field the normalizer computed (`amount` = quantity × unit_price − discount). */
export interface DerivedFieldReport {
  field: string;
  from: string[];
}

/** Rows by kind of the cancellation policy (orders table; see ORDER_KINDS in schema.ts). */
export interface OrderKindReport {
  purchase: number;
  credit: number;
  cancelled: number;
  /** The credit-note pattern used for order ids (`C` prefix…), and whether the option set it or the data did. */
  creditPattern?: { pattern: string; how: 'option' | 'detected' };
  /** First credit and cancelled rows (input rows). */
  creditExamples: RejectedRowExample[];
  cancelledExamples: RejectedRowExample[];
}

/** What the orders table holds after the cancellation policy. */
export interface OrdersSummary {
  /** Distinct `order_id` of purchase rows (a purchase row without one is an order of its own). */
  orders: number;
  /** Distinct customers with a purchase row. */
  customers: number;
  /** Net revenue: the amounts of purchase and credit rows (cancelled rows left out), credits of credit-only
   * customers included (customer metrics leave those out: such customers have no orders). */
  revenue: number;
  /** Customers whose rows are all credits or cancellations: not customers (no orders, not counted). */
  creditOnlyCustomers: number;
  /** A few of their ids. */
  creditOnlyExamples: string[];
}

/** A host column kept under another name. */
export interface RenamedColumn {
  from: string;
  to: string;
  /** `unsafe`: a name such as `__proto__`; `reserved`: a name the normalizer writes (`order_kind`);
   * `displaced`: another column was mapped to the name. */
  reason: 'unsafe' | 'reserved' | 'displaced';
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
  /** Mapping entries that were written the other way round (`{"customer_id": "cust"}`) and read flipped. */
  reversedMappings?: string[];
  /** Host columns kept under another name. */
  renamedColumns?: RenamedColumn[];
  /** Fields the normalizer computed. */
  derived?: DerivedFieldReport[];
  dateFormats?: DateFormatReport[];
  numberFormats?: NumberFormatReport[];
  /** Exact duplicate lines (same order id and content as an earlier line): dropped unless `duplicates: 'keep'`. */
  duplicateLines?: { count: number; dropped: boolean };
  /** Orders table: rows per kind of the cancellation policy. */
  orderKinds?: OrderKindReport;
  /** Orders table: distinct orders and customers after the cancellation policy. */
  summary?: OrdersSummary;
}

/** A note about the load as a whole, with the values that fill its message (see `noticeText`). */
export interface LoadNotice {
  code: string;
  table?: TableName;
  params: Record<string, string | number>;
}

/** What a load did with the feed: returned with the tables, stored with them in the cache. */
export interface LoadReport {
  /** The feed's name or URL, as errors name it too. */
  feed: string;
  format: FeedFormat;
  tables: Partial<Record<TableName, TableLoadReport>>;
  /** Human-readable notes that are not per-row (e.g. "bundle key 'foo' ignored"), in English. */
  warnings: string[];
  /** The same notes (and more: detected formats, derived fields) as codes with values, for any locale. */
  notices?: LoadNotice[];
  /**
   * Where the body was parsed (set by the loader): `worker`, or `main-thread` — for small bodies by design, for
   * large ones only when the feed worker could not start (then `warnings` says so).
   */
  parsedIn?: 'worker' | 'main-thread';
  /** An Excel workbook: the sheet that was read, and every sheet of the workbook in order (it included). */
  sheet?: { name: string; sheets: string[] };
}

export interface NormalizeOptions {
  /** Name used in messages (URL or file name). */
  feed?: string;
  /** Table name for a plain array of records or a CSV/Arrow file. Default `orders`. */
  table?: TableName;
  mapping?: FieldMapping;
  /** IANA time zone for instants (see src/data/days.ts). Default `UTC`. */
  timeZone?: string;
  /** Order of day-first / month-first dates (default `auto`: per column, see `detectDateOrder`). */
  dateFormat?: DateFormatOption;
  /**
   * Credit-note order ids: a prefix (`C`), a pattern `/^CN-\d+$/i`, or `none`. Default: detected (a letter prefix
   * that most order ids of negative rows have and others lack).
   */
  creditNotes?: string;
  /** Exact duplicate order lines: `drop` (default, each counted as a rejected row) or `keep` (reported). */
  duplicates?: 'drop' | 'keep';
  /** Load time (epoch ms): dates after its day + 1 are rejected as sentinels. Default: now. */
  now?: number;
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
  dateFormat?: DateFormatOption;
  creditNotes?: string;
  duplicates?: 'drop' | 'keep';
  /**
   * The sheet of an Excel workbook to read: its name, or its position (`2`: the second sheet) when no sheet has
   * that name. Default: the first sheet.
   */
  sheet?: string;
  /** Seconds without a byte from the server after which the download fails (FeedError `stalled`). Default 30. */
  stallTimeout?: number;
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
