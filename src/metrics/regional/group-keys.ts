import { columnCodes, type ColumnCodes } from '../columns.js';
import type { PreparedOrders } from '../prepare.js';
import { codedError } from '../../i18n/coded-error.js';

/** Label of the group of rows whose key is missing (its `key` is null). */
export const UNKNOWN_GROUP_LABEL = '(unknown)';

/** Kept rows of a base coded by a categorical attribute. */
export interface RowGroups {
  /** Group code → key; `null` is the "(unknown)" group (present only when some row has no key). */
  keys: (string | null)[];
  /** Kept row → group code. */
  group: Int32Array;
  /** Where the attribute was read: the orders table, the customers table, or both (order first). */
  source: 'orders' | 'customers' | 'orders+customers';
}

/**
 * Codes kept rows by an attribute: the order's own value; when the order has none (or the orders table has
 * no such column), the customer's value from the customers table (if `customerFallback`); else "(unknown)".
 * Group codes follow first appearance in kept-row order. Throws when neither table has the column.
 */
export function rowGroups(base: PreparedOrders, column: string, customerFallback = true): RowGroups {
  const { orders, customers } = base.tables;
  const own = columnCodes(orders, column);
  const fallback = customerFallback && customers ? columnCodes(customers, column) : undefined;
  if (!own && !fallback) {
    throw codedError(Error, customerFallback ? 'group-by-column' : 'group-by-orders-column', { column, columns: orders.columnNames().join(', ') });
  }
  const keys: (string | null)[] = [];
  const codeOfKey = new Map<string | null, number>();
  const codeOf = (key: string | null) => {
    let g = codeOfKey.get(key);
    if (g === undefined) {
      g = keys.length;
      keys.push(key);
      codeOfKey.set(key, g);
    }
    return g;
  };
  // Per dictionary entry, the group code (−1 until first used) so the Map is hit once per distinct value.
  const lazy = (dict: ColumnCodes | undefined) => (dict ? new Int32Array(dict.values.length).fill(-1) : new Int32Array(0));
  const ownGroup = lazy(own);
  const fallbackGroup = lazy(fallback);
  const group = new Int32Array(base.rowCount);
  for (let j = 0; j < base.rowCount; j++) {
    const d = own ? own.codes[base.row[j]] : -1;
    if (d >= 0) {
      group[j] = ownGroup[d] >= 0 ? ownGroup[d] : (ownGroup[d] = codeOf(own!.values[d]));
      continue;
    }
    const r = fallback ? base.customerRow[base.code[j]] : -1;
    const f = r >= 0 ? fallback!.codes[r] : -1;
    group[j] = f < 0 ? codeOf(null) : fallbackGroup[f] >= 0 ? fallbackGroup[f] : (fallbackGroup[f] = codeOf(fallback!.values[f]));
  }
  return { keys, group, source: own && fallback ? 'orders+customers' : own ? 'orders' : 'customers' };
}

/** Display label of a group key. */
export const groupLabel = (key: string | null) => key ?? UNKNOWN_GROUP_LABEL;
