// Orders tables for the regional tests: one order of 100 per row, ids and days as given, a place column.
import * as aq from 'arquero';
import type { CrmTables } from '../../src/data/types.js';

export interface PlaceRow {
  id: string;
  day: number;
  place: string;
}

/** An orders table with `order_id`, `customer_id`, `order_date`, `amount` (100 each) and `column` = place. */
export function placeOrders(column: string, rows: readonly PlaceRow[]): CrmTables {
  return {
    orders: aq.table({
      order_id: rows.map((_, i) => `o${i}`),
      customer_id: rows.map((r) => r.id),
      order_date: Int32Array.from(rows.map((r) => r.day)),
      amount: Float64Array.from(rows.map(() => 100)),
      [column]: rows.map((r) => r.place),
    }),
  };
}
