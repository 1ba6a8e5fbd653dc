/**
 * Events of a data source (`<crm-data>`, or a widget loading its own `src`). All bubble and cross shadow roots.
 */
import type { TableName } from './schema.js';
import type { CacheInfo, LoadProgress, LoadReport } from './types.js';

export const CRM_DATA_LOAD = 'crm-data-load';
export const CRM_DATA_ERROR = 'crm-data-error';
export const CRM_DATA_PROGRESS = 'crm-data-progress';

/** What a background revalidation did (see FeedUpdate); absent for the first load. */
export type CrmDataUpdateKind = 'changed' | 'unchanged' | 'stale';

/**
 * `crm-data-load`: tables are ready. Fires for the first load and again when a background revalidation
 * replaces the data (`update: 'changed'`), confirms it (`'unchanged'`), or fails (`'stale'`, `cache.stale`).
 */
export interface CrmDataLoadDetail {
  /** The feed URL; absent when an application handed the tables over. */
  src?: string;
  /** Rows per table as loaded. */
  rows: Partial<Record<TableName, number>>;
  /** The normalizer's report (absent for handed-over tables). */
  report?: LoadReport;
  /** Where the tables came from: `fromCache`, `stale`, `fetchedAt`, `cacheProblem` (absent for handed-over tables). */
  cache?: CacheInfo;
  update?: CrmDataUpdateKind;
}

/** `crm-data-error`: the feed could not be loaded (a FeedError for feed problems). */
export interface CrmDataErrorDetail {
  src?: string;
  error: Error;
}

/** `crm-data-progress`: bytes downloaded so far. */
export type CrmDataProgressDetail = LoadProgress;

declare global {
  interface HTMLElementEventMap {
    [CRM_DATA_LOAD]: CustomEvent<CrmDataLoadDetail>;
    [CRM_DATA_ERROR]: CustomEvent<CrmDataErrorDetail>;
    [CRM_DATA_PROGRESS]: CustomEvent<CrmDataProgressDetail>;
  }
}

/** Dispatches a data event from `target`: bubbling and composed, so it leaves shadow roots. */
export function dispatchDataEvent<K extends typeof CRM_DATA_LOAD | typeof CRM_DATA_ERROR | typeof CRM_DATA_PROGRESS>(
  target: EventTarget,
  type: K,
  detail: HTMLElementEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
