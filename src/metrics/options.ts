import type { ColumnTable } from 'arquero';
import { isoToDay } from '../data/days.js';
import { readColumn, rowCount } from './columns.js';
import type { CrmTables } from '../data/types.js';
import type { CrmFilter } from './filter-types.js';
import type { PreparedOrders } from './prepare.js';
import type { RfmSettings } from './rfm/settings.js';
import { codedError } from '../i18n/coded-error.js';

/**
 * Supplies lifecycle-stage membership for `filter.stages` (the lifecycle module provides one; see
 * docs/metrics.md (common)). It is called with the prepared base *before* the stage and segment filters
 * (every other filter already applied) and returns the ids of customers who reached ANY of `stages`.
 * It must be a stable function (module-level), because its identity is part of the memo key.
 */
export type StageMembership = (
  base: PreparedOrders,
  stages: readonly string[],
  tables: CrmTables,
) => ReadonlySet<string>;

/** Options every metric accepts. One object can be shared by all linked widgets. */
export interface MetricOptions {
  /**
   * Analysis date: epoch day or `YYYY-MM-DD`. Orders dated after it are ignored; an order ON it counts.
   * Recency is `asOf − last order day`. Default: the day after the latest order in the orders table
   * (all rows, before any filter, so the default does not move when the filter changes).
   */
  asOf?: number | string;
  /** The common filter (see `CrmFilter`). */
  filter?: CrmFilter;
  /** RFM scoring and segmentation: used by `rfm()` and by `filter.segments`. */
  rfm?: RfmSettings;
  /** Required when `filter.stages` is non-empty (else a clear error): who reached which stage. */
  stageMembership?: StageMembership;
}

const maxDayCache = new WeakMap<ColumnTable, number>();

/** The latest `order_date` of an orders table (all rows), or NaN when it has no rows. Cached per table. */
export function latestOrderDay(orders: ColumnTable): number {
  let max = maxDayCache.get(orders);
  if (max !== undefined) return max;
  const days = readColumn<number>(orders, 'order_date');
  if (!days) throw new Error("orders table has no 'order_date' column (normalize the feed first)");
  max = -Infinity;
  const n = rowCount(orders);
  for (let i = 0; i < n; i++) if (days[i] > max) max = days[i];
  if (max === -Infinity) max = NaN;
  maxDayCache.set(orders, max);
  return max;
}

/**
 * The analysis day (epoch day) for these tables and options: `options.asOf` when given (epoch day or ISO
 * date), else the day after the latest order. Throws a RangeError for an unusable `asOf` or when the
 * default is needed and there are no orders.
 */
export function resolveAsOf(tables: CrmTables, options: MetricOptions = {}): number {
  const { asOf } = options;
  if (typeof asOf === 'string') {
    const day = isoToDay(asOf.trim());
    if (Number.isNaN(day)) throw codedError(RangeError, 'asof-date', { value: asOf });
    return day;
  }
  if (typeof asOf === 'number') {
    if (!Number.isInteger(asOf)) throw codedError(RangeError, 'asof-integer', { value: asOf });
    return asOf;
  }
  if (asOf !== undefined) throw codedError(RangeError, 'asof-type', { value: String(asOf) });
  const latest = latestOrderDay(tables.orders);
  if (Number.isNaN(latest)) throw codedError(RangeError, 'asof-no-orders');
  return latest + 1;
}
