/**
 * Customer ids that differ only in how a number was written (`0001` in one table, `1` in another; `17850.0`
 * for `17850`): they are not the same string, so they do not join. Never silently: the load report says how
 * many ids of customers / interactions match an orders id only that way, with examples.
 */
import type { ColumnTable } from 'arquero';
import { dictionaryOf } from '../column-dictionary.js';
import type { CrmTables, LoadNotice } from '../types.js';

/** `0001` → `1`, `17850.0` → `17850`; null for an id that is not a number. */
function numericSpelling(id: string): string | null {
  const m = /^0*(\d+?)(?:\.0+)?$/.exec(id);
  return m ? m[1]! : null;
}

function distinctIds(t: ColumnTable | undefined): string[] {
  if (!t || !t.columnNames().includes('customer_id')) return [];
  const col = t.column('customer_id') as unknown as (string | null)[];
  const dict = dictionaryOf(col);
  if (dict) return dict.values;
  const set = new Set<string>();
  for (let i = 0; i < col.length; i++) if (col[i]) set.add(col[i]!);
  return [...set];
}

export function checkIdSpellings(tables: Partial<CrmTables>, notices: LoadNotice[]): void {
  const orders = distinctIds(tables.orders);
  if (!orders.length) return;
  const exact = new Set(orders);
  const bySpelling = new Map<string, string>();
  for (const id of orders) {
    const s = numericSpelling(id);
    if (s !== null && !bySpelling.has(s)) bySpelling.set(s, id);
  }
  if (!bySpelling.size) return;
  for (const table of ['customers', 'interactions'] as const) {
    let count = 0;
    const examples: string[] = [];
    for (const id of distinctIds(tables[table])) {
      if (exact.has(id)) continue;
      const s = numericSpelling(id);
      const match = s === null ? undefined : bySpelling.get(s);
      if (match === undefined) continue;
      if (count++ < 3) examples.push(`"${id}" / "${match}"`);
    }
    if (count) notices.push({ code: 'id-spelling', table, params: { count, examples: examples.join(', ') } });
  }
}
