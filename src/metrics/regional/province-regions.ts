import type { CrmTables } from '../../data/types.js';

/**
 * Province → region as the data says: for each province, the region of its first order row that has both
 * (falling back to the customers table when the orders table lacks either column). Used to colour a
 * province map by region. Empty when neither table has both columns.
 */
export function provinceRegions(tables: CrmTables): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of [tables.orders, tables.customers]) {
    if (!table) continue;
    const names = table.columnNames();
    if (!names.includes('province') || !names.includes('region')) continue;
    const province = table.array('province') as ArrayLike<string | null>;
    const region = table.array('region') as ArrayLike<string | null>;
    for (let i = 0; i < province.length; i++) {
      const p = province[i];
      const r = region[i];
      if (p && r && !out.has(p)) out.set(p, r);
    }
  }
  return out;
}
