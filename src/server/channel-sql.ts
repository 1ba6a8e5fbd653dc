import { cellSql, type CellSql } from './cell-sql.js';
import { textField, type RowFilter } from './customer-rows-sql.js';
import type { Dialect } from './dialect.js';
import type { Scope } from './scope.js';
import type { ResolvedSource } from './source.js';

/**
 * The channel mix's SQL, all through the cell aggregate (cell-sql.ts) over the base's rows:
 * - per channel (no fallback to the customer: an order without a channel is "(unknown)");
 * - per channel × trend period, over the trend's periods;
 * - per channel × customer type (the customers table's `type`), when there is one.
 */
export function channelCellsSql(d: Dialect, source: ResolvedSource, scope: Scope, filter: RowFilter, asOf: number): CellSql {
  return cellSql(d, source, scope, filter, { lo: filter.dateRange?.start, hi: Math.min(filter.dateRange?.end ?? Infinity, asOf) }, ({ d }) => [
    textField(d, source.orders, 'channel'),
  ]);
}

export function channelPeriodCellsSql(d: Dialect, source: ResolvedSource, scope: Scope, filter: RowFilter, lo: number, hi: number, interval: 'month' | 'week'): CellSql {
  return cellSql(d, source, scope, filter, { lo, hi }, ({ d, e }) => [textField(d, source.orders, 'channel'), d.toText(d.periodIndex(e.day, interval))]);
}

export function channelTypeCellsSql(d: Dialect, source: ResolvedSource, scope: Scope, filter: RowFilter, asOf: number): CellSql {
  return cellSql(
    d,
    source,
    scope,
    filter,
    { lo: filter.dateRange?.start, hi: Math.min(filter.dateRange?.end ?? Infinity, asOf) },
    ({ d, joined }) => [textField(d, source.orders, 'channel'), joined ? 'crm_c_type' : `''`],
    ['type'],
  );
}
