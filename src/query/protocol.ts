/**
 * The query protocol: what a widget asks a data engine for, what it gets back, and the messages between the
 * page and the data worker. One protocol for every engine — the page's data worker (src/query/worker-engine.ts),
 * the main-thread fallback where workers are unavailable, and server engines (DuckDB, ClickHouse) that answer
 * the same descriptors with the same result shapes. See docs/queries.md.
 *
 * Everything here is plain data: structured-cloneable (no functions, no class instances but Map, Set, Date and
 * typed arrays), so it crosses `postMessage` and serializes to JSON for a server (typed arrays as arrays, Maps as
 * entry lists; see `toJsonResult` in a server engine).
 *
 * Additive changes only: other engines build on these shapes.
 */
import type { CrmFilter } from '../metrics/filter-types.js';
import type { RfmSettings } from '../metrics/rfm/settings.js';
import type { RfmResult } from '../metrics/rfm/rfm.js';
import type { LifecycleMode } from '../metrics/lifecycle/options.js';
import type { StageLabels, StageRule } from '../metrics/lifecycle/stages.js';
import type { LifecycleFunnelResult } from '../metrics/lifecycle/funnel.js';
import type { DayRange, RegionalResult } from '../metrics/regional/regional.js';
import type { ChannelMixResult } from '../metrics/channel/channel-mix.js';
import type { TrendInterval } from '../metrics/channel/periods.js';
import type { ForecastResult } from '../metrics/forecast/forecast.js';
import type { Seasonality } from '../metrics/forecast/holt-winters.js';
import type { CustomerDirectory } from '../metrics/profile/directory.js';
import type { CustomerProfile } from '../metrics/profile/profile.js';
import type { CustomerAction } from '../metrics/profile/actions.js';
import type { CustomerVehicles } from '../metrics/vehicles/customer-vehicles.js';
import type { ServiceIntervalSettings } from '../metrics/vehicles/settings.js';
import type { NextCategoriesResult } from '../metrics/associations/next-categories.js';
import type { ChurnModelSetting } from '../metrics/btyd/model-check.js';
import type { ErrorData } from '../data/errors.js';
import type { CacheInfo, FeedRequest, LoadProgress, LoadReport } from '../data/types.js';
import type { TableName } from '../data/schema.js';
import type { TransferTables } from '../data/transfer-tables.js';

// ——— descriptors ———

/**
 * A lifecycle stage definition as data: the declarative `rule` form of `StageDefinition` (a `test` or
 * `observable` function cannot cross to a worker or a server).
 */
export interface StageSpec {
  id: string;
  labels: StageLabels;
  description?: string;
  rule: StageRule;
}

/**
 * Who counts in the stages of `filter.stages`: the stage definitions and mode of the funnel that selected them
 * (the data form of `MetricOptions.stageMembership`). Omitted: the default stages, mode `auto`.
 */
export interface StageMembershipSpec {
  stages?: readonly StageSpec[];
  mode?: LifecycleMode;
}

/** What every query carries besides its family's own options. */
export interface QueryCommon {
  /** Analysis day (epoch day); omitted: the day after the latest order (all rows). */
  asOf?: number;
  /**
   * The effective filter the widget sees: its attribute filter AND the linked filter, minus the field of its own
   * selection. Empty object: everything.
   */
  filter: CrmFilter;
  /** Resolves `filter.stages`; only meaningful when the filter has stages. */
  stageMembership?: StageMembershipSpec;
}

/** `rfm()`: RFM scores and segments per customer (`<crm-rfm-matrix>`). */
export interface RfmQuery extends QueryCommon {
  family: 'rfm';
  /** `MetricOptions.rfm` (bins, method, segment scheme — a preset name or rule objects). */
  rfm: RfmSettings;
  /** Also return customer names from the customers table (for lists and exports). */
  names?: boolean;
}

/** `lifecycleFunnel()` (`<crm-lifecycle-funnel>`). `filter.stages` is ignored (the funnel is its source). */
export interface LifecycleQuery extends QueryCommon {
  family: 'lifecycle';
  mode?: LifecycleMode;
  /** Stage definitions replacing the defaults. */
  stages?: readonly StageSpec[];
}

/** `customersInStage()`: the customers of one funnel bar (a stage selection's `customerIds`). */
export interface StageCustomersQuery extends Omit<LifecycleQuery, 'family'> {
  family: 'lifecycle-stage-customers';
  stageId: string;
}

/** `regionalComparison()` (`<crm-regional-comparison>`). */
export interface RegionalQuery extends QueryCommon {
  family: 'regional';
  groupBy?: string;
  compare?: DayRange;
  /** Also return `provinceRegions()` (province → region, for colouring regions over a province map). */
  provinceRegions?: boolean;
}

/** `regionalGroupCustomers()`: the customers of one group (a region selection's `customerIds`). */
export interface RegionalCustomersQuery extends Omit<RegionalQuery, 'family' | 'provinceRegions'> {
  family: 'regional-group-customers';
  key: string | null;
}

/** `channelMix()` (`<crm-channel-mix>`). */
export interface ChannelMixQuery extends QueryCommon {
  family: 'channel-mix';
  interval?: TrendInterval;
  measure?: 'revenue' | 'orders';
}

/** `channelCustomerIds()`: the customers of one channel (a channel selection's `customerIds`). */
export interface ChannelCustomersQuery extends QueryCommon {
  family: 'channel-customers';
  channel: string | null;
}

/** `forecast()` (the channel mix's forecast overlay). */
export interface ForecastQuery extends QueryCommon {
  family: 'forecast';
  interval?: TrendInterval;
  measure?: 'revenue' | 'orders';
  by?: 'channel' | 'category' | null;
  horizon?: number;
  level?: number;
  seasonality?: 'auto' | Seasonality | 'none';
}

/**
 * `customerDirectory(customerSummary())`: every customer for the customer-360 picker (buyers by revenue, then
 * prospects). Lifetime view: uses `asOf` and `segmentPreset`, never the filter (send `filter: {}`).
 */
export interface CustomerDirectoryQuery extends QueryCommon {
  family: 'customer-directory';
  segmentPreset?: string;
}

/**
 * The customer-360 card of one customer: `customerProfile`, `customerVehicles`, `nextCategories` and
 * `suggestActions`. Lifetime view (as the directory).
 */
export interface Customer360Query extends QueryCommon {
  family: 'customer-360';
  customerId: string;
  segmentPreset?: string;
  /** Service interval settings (`service-interval` attribute, already parsed). */
  serviceInterval?: ServiceIntervalSettings;
  /** The churn / CLV model (`ProfileOptions.churnModel`; default `auto`). */
  churnModel?: ChurnModelSetting;
}

/**
 * Customer id → name from the customers table (blank names left out). No filter applies: one answer per tables
 * version, cached and shared, instead of a copy with every RFM result.
 */
export interface CustomerNamesQuery {
  family: 'customer-names';
}

/** Every query a widget sends: one per metric family. */
export type QueryDescriptor =
  | RfmQuery
  | LifecycleQuery
  | StageCustomersQuery
  | RegionalQuery
  | RegionalCustomersQuery
  | ChannelMixQuery
  | ChannelCustomersQuery
  | ForecastQuery
  | CustomerDirectoryQuery
  | Customer360Query
  | CustomerNamesQuery;

export type QueryFamily = QueryDescriptor['family'];

// ——— results ———

/** `RfmResult` without its prepared base (order-level arrays stay with the engine). */
export type RfmWire = Omit<RfmResult, 'base'>;

export interface RfmQueryResult {
  rfm: RfmWire;
  /** Customer id → name (customers table; blank names left out). Present when asked (`names: true`). */
  names?: ReadonlyMap<string, string>;
}

export interface RegionalQueryResult {
  comparison: RegionalResult;
  /** Province → region, when asked. */
  provinceRegions?: ReadonlyMap<string, string>;
  /** The grouping column is in neither table: which columns could group instead (`comparison` is empty). */
  missing?: { column: string; available: string[] };
}

/** Customer ids of a selection, in the metric's order. */
export interface CustomerIdsResult {
  ids: string[];
}

export interface CustomerNamesResult {
  names: ReadonlyMap<string, string>;
}

export interface Customer360QueryResult {
  /** Null when the id is in none of the tables (`unknown`). */
  profile: CustomerProfile | null;
  unknown: boolean;
  actions: CustomerAction[];
  vehicles: CustomerVehicles | null;
  next: NextCategoriesResult | null;
}

/** The result type of each family. */
export interface QueryResults {
  rfm: RfmQueryResult;
  lifecycle: LifecycleFunnelResult;
  'lifecycle-stage-customers': CustomerIdsResult;
  regional: RegionalQueryResult;
  'regional-group-customers': CustomerIdsResult;
  'channel-mix': ChannelMixResult;
  'channel-customers': CustomerIdsResult;
  forecast: ForecastResult;
  'customer-directory': CustomerDirectory;
  'customer-360': Customer360QueryResult;
  'customer-names': CustomerNamesResult;
}

export type QueryResultOf<D extends QueryDescriptor> = QueryResults[D['family']];
export type QueryResult = QueryResults[QueryFamily];

// ——— engines ———

/**
 * Answers queries over one data source (one loaded feed or one set of handed-over tables). `signal` aborts a
 * query (superseded, widget gone): the promise rejects with an `AbortError` DOMException and the engine stops
 * the work when it can. Errors a metric throws (a bad option) reject with an Error carrying the metric's
 * message.
 */
export interface Engine {
  query<D extends QueryDescriptor>(descriptor: D, signal?: AbortSignal): Promise<QueryResultOf<D>>;
}

/** What the page knows about a data source's tables without holding them. */
export interface SourceInfo {
  /** Changes whenever the tables change (new load, revalidated data, new handed-over tables). */
  version: number;
  /** Rows per table present. */
  rows: Partial<Record<TableName, number>>;
  report?: LoadReport;
  cache?: CacheInfo;
  /** Where metrics run: `worker` (the page's data worker) or `main-thread` (no worker could start). */
  computedIn: 'worker' | 'main-thread';
  /** The feed's currency when its `currency` column names one ISO 4217 code. */
  currency?: string;
}

/** Load progress: bytes (as `LoadProgress`), rows parsed so far, and the current step. */
export interface QueryProgress extends LoadProgress {
  rows?: number;
  step?: 'cache' | 'download' | 'parse' | 'index';
}

// ——— messages (page ⇄ data worker) ———

/** A feed request as it crosses to the worker: `src` absolute, no signal or callbacks. */
export type WireFeedRequest = Omit<FeedRequest, 'signal' | 'onProgress'>;

/** Page → worker. `id` numbers a request; the answer carries it. `source` names a data source (its cache key). */
export type ToWorker =
  | { type: 'load'; id: number; source: string; request: WireFeedRequest; refresh?: boolean }
  | { type: 'tables'; id: number; source: string; tables: TransferTables }
  | { type: 'query'; id: number; source: string; version: number; descriptor: QueryDescriptor }
  /** Stop request `id` (a load or a query): the worker answers it with an `AbortError`. */
  | { type: 'cancel'; id: number }
  /** The page no longer uses the source: the worker may drop its tables. */
  | { type: 'release'; source: string }
  /** `clearCache(filter)` for the worker's cache (memory and IndexedDB); answered by `cleared`. */
  | { type: 'clear-cache'; id: number; filter: { src?: string; scope?: string } };

/** Worker → page. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; progress: QueryProgress }
  /** A load or tables request done: the source's tables are held by the worker. */
  | { type: 'loaded'; id: number; source: string; info: SourceInfo }
  /** A background revalidation of `source` finished (see `FeedUpdate`). */
  | { type: 'update'; source: string; kind: 'changed' | 'unchanged' | 'stale'; info: SourceInfo; error?: ErrorData }
  | { type: 'result'; id: number; result: QueryResult }
  | { type: 'error'; id: number; error: ErrorData }
  | { type: 'cleared'; id: number };
