import type { CrmTables } from '../../data/types.js';
import type { RegionalResult } from './regional.js';

/** Columns that identify a row or a person, or hold free text: nothing to compare groups by. */
const NOT_GROUPS = new Set(['customer_id', 'order_id', 'vehicle_id', 'name', 'phone', 'email', 'tags', 'note', 'currency']);

/**
 * The columns `groupBy` can use: text columns of the orders and customers tables (orders first), without ids,
 * names and contact fields. For the "no such column" state, which lists what the feed has.
 */
export function groupableColumns(tables: CrmTables): string[] {
  const out: string[] = [];
  for (const table of [tables.orders, tables.customers]) {
    if (!table) continue;
    for (const name of table.columnNames()) {
      if (NOT_GROUPS.has(name) || out.includes(name)) continue;
      const values = table.array(name) as ArrayLike<unknown>;
      let text = false;
      for (let i = 0; i < values.length && i < 1000; i++) {
        const v = values[i];
        if (v === null || v === undefined) continue;
        text = typeof v === 'string';
        break;
      }
      if (text) out.push(name);
    }
  }
  return out;
}

/** True when the orders or the customers table has `column`. */
export function hasGroupColumn(tables: CrmTables, column: string): boolean {
  return tables.orders.columnNames().includes(column) || !!tables.customers?.columnNames().includes(column);
}

/** The comparison of a grouping column the feed lacks: no groups, no periods (the widget's "choose a column" state). */
export function emptyComparison(groupBy: string): RegionalResult {
  const none = { revenue: 0, orders: 0, customers: 0, aov: null, revenuePerCustomer: null, repeatCustomers: 0, repeatRate: null };
  const noGrowth = { revenue: null, orders: null, customers: null, aov: null, revenuePerCustomer: null };
  const period = { start: NaN, end: NaN };
  return { groupBy, asOf: NaN, period, previousPeriod: period, groups: [], total: { ...none, previous: null, growth: noGrowth } };
}
