// Builds normalized test tables (schema.ts column conventions) from compact row lists.
import * as aq from 'arquero';
import { isoToDay } from '../../src/data/days.js';

export interface OrderRow {
  id: string;
  date: string;
  amount: number;
  order?: string | null;
  channel?: string | null;
  region?: string | null;
  province?: string | null;
  category?: string | null;
  status?: string | null;
  discount?: number;
}

type OptionalKey = 'order' | 'channel' | 'region' | 'province' | 'category' | 'status';
const columnOf: Record<OptionalKey, string> = {
  order: 'order_id',
  channel: 'channel',
  region: 'region',
  province: 'province',
  category: 'category',
  status: 'status',
};

/** An orders table; an optional column exists only when some row sets it (as the normalizer does). */
export function ordersTable(rows: OrderRow[]) {
  const cols: Record<string, unknown> = {
    customer_id: rows.map((r) => r.id),
    order_date: Int32Array.from(rows.map((r) => isoToDay(r.date))),
    amount: Float64Array.from(rows.map((r) => r.amount)),
  };
  for (const k of Object.keys(columnOf) as OptionalKey[]) {
    if (rows.some((r) => r[k] !== undefined)) cols[columnOf[k]] = rows.map((r) => r[k] ?? null);
  }
  if (rows.some((r) => r.discount !== undefined)) cols.discount = Float64Array.from(rows.map((r) => r.discount ?? NaN));
  return aq.table(cols);
}

export const day = isoToDay;
