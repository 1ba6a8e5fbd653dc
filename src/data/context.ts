import { createContext } from '@lit/context';
import type { CrmTables, LoadProgress, LoadReport, CacheInfo } from './types.js';
import type { CrmFilter } from '../metrics/filter-types.js';
import type { StageMembership } from '../metrics/options.js';

/** Load status of a data source, as widgets render it. */
export type DataStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * What `<crm-data>` provides to its descendants (through `@lit/context`), and what a widget builds for itself
 * from its own `src` or `tables` property. A new object is provided on every change, so consumers re-render.
 */
export interface CrmDataState {
  status: DataStatus;
  tables?: CrmTables;
  report?: LoadReport;
  cache?: CacheInfo;
  progress?: LoadProgress;
  /** The data layer's error (a FeedError for feed problems). */
  error?: Error;
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
   * Who counts in the stages of `filter.stages`: the hook of the `<crm-lifecycle-funnel>` that selected them
   * (its own stage definitions and mode). Undefined → the default stages (`lifecycleStageMembership`).
   */
  stageMembership?: StageMembership;
  /**
   * Replace the shared filter (widgets call this when the user selects something), with the hook resolving its
   * `stages` (kept only while the filter has stages).
   */
  setFilter(filter: CrmFilter, stageMembership?: StageMembership): void;
  /** Load again (after an error). */
  retry(): void;
  /** Stop a load in progress: the state becomes an error (FeedError `aborted`) that offers Retry. */
  cancel(): void;
  /** Fetch fresh data from the network, ignoring a fresh cache entry. */
  refresh(): void;
}

export const crmDataContext = createContext<CrmDataState>(Symbol.for('crm-lens/data'));
