/**
 * The common filter every metric accepts and every linked widget shares. Every field is optional; an empty
 * filter selects everything. Lists are OR within a field and AND across fields.
 * Days are epoch days (src/data/days.ts); the range is inclusive at both ends.
 */
export interface CrmFilter {
  /** Inclusive order-date range, epoch days. Either end may be omitted. */
  dateRange?: { start?: number; end?: number };
  /** Order region (falls back to the customer's region when the order has none). */
  regions?: string[];
  provinces?: string[];
  channels?: string[];
  categories?: string[];
  /** Customer `type` from the customers table. */
  customerTypes?: string[];
  /** RFM segment names (as produced by the segment preset in use). */
  segments?: string[];
  customerIds?: string[];
  /** Lifecycle stage ids (a linked selection from the funnel): customers who reached the stage. */
  stages?: string[];
}

/** The list fields of `CrmFilter` (every field but the date range), in one place for every reader. */
export const FILTER_LIST_FIELDS = [
  'regions',
  'provinces',
  'channels',
  'categories',
  'customerTypes',
  'segments',
  'customerIds',
  'stages',
] as const satisfies readonly (keyof CrmFilter)[];

export type FilterListField = (typeof FILTER_LIST_FIELDS)[number];
