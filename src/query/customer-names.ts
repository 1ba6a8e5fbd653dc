import type { ColumnTable } from 'arquero';
import type { CrmTables } from '../data/types.js';
import { readColumn, rowCount } from '../metrics/columns.js';

const cache = new WeakMap<ColumnTable, Map<string, string>>();

/**
 * Customer id → name from the customers table (built once per table; empty when the feed has no customers
 * table or no `name` column). Blank names are left out so callers fall back to the id.
 */
export function customerNames(tables: CrmTables): ReadonlyMap<string, string> {
  const customers = tables.customers;
  if (!customers) return new Map();
  let names = cache.get(customers);
  if (names) return names;
  names = new Map();
  const ids = readColumn<string | null>(customers, 'customer_id');
  const name = readColumn<string | null>(customers, 'name');
  if (ids && name) {
    const n = rowCount(customers);
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      const v = name[i];
      if (id != null && v) names.set(id, v);
    }
  }
  cache.set(customers, names);
  return names;
}
