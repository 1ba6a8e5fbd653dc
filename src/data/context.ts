import { createContext } from '@lit/context';
import type { LoadProgress, LoadReport, CacheInfo } from './types.js';
import type { CrmFilter } from '../metrics/filter-types.js';
import type { SourceInfo, StageMembershipSpec } from '../query/protocol.js';
import type { QueryCoordinator } from '../query/coordinator.js';

/** Load status of a data source, as widgets render it. */
export type DataStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * What `<crm-data>` provides to its descendants (through `@lit/context`), and what a widget builds for itself
 * from its own `src` or `tables` property. A new object is provided on every change, so consumers re-render.
 * It holds no tables: they live in the page's data worker; widgets ask `queries` for results (docs/queries.md).
 */
export interface CrmDataState {
  status: DataStatus;
  /** What is known about the tables without holding them: version, rows per table, report, cache. */
  info?: SourceInfo;
  report?: LoadReport;
  cache?: CacheInfo;
  progress?: LoadProgress;
  /** The data layer's error (a FeedError for feed problems). */
  error?: Error;
  /** Answers widgets' queries over the current tables (set once the source is ready). */
  queries?: QueryCoordinator;
  /** The shared, linked filter (selections from any widget). Empty object when nothing is selected. */
  filter: CrmFilter;
  /**
   * The currency of `<crm-data currency>` (ISO 4217): what its widgets show amounts in unless they set their own;
   * without it, the feed's own `currency` column decides (one code), else CNY.
   */
  currency?: string;
  /** False when the provider has linking turned off: widgets then keep selections to themselves. */
  linked: boolean;
  /**
   * Who counts in the stages of `filter.stages`: the stage definitions and mode of the `<crm-lifecycle-funnel>`
   * that selected them. Undefined → the default stages, mode auto.
   */
  stageMembership?: StageMembershipSpec;
  /**
   * Replace the shared filter (widgets call this when the user selects something), with the stage membership
   * resolving its `stages` (kept only while the filter has stages).
   */
  setFilter(filter: CrmFilter, stageMembership?: StageMembershipSpec): void;
  /** Load again (after an error). */
  retry(): void;
  /** Stop a load in progress: the state becomes an error (FeedError `aborted`) that offers Retry. */
  cancel(): void;
  /** Fetch fresh data from the network, ignoring a fresh cache entry. */
  refresh(): void;
}

export const crmDataContext = createContext<CrmDataState>(Symbol.for('crm-lens/data'));
