// The hand-checked channel fixture shared by the channel metric and widget tests.
import * as aq from 'arquero';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';

export const D = isoToDay('2024-01-01'); // a Monday

// Orders (day offsets from 2024-01-01):
//   1 A +0 100 store      2 A +3 50 ecommerce   3 A +40 30 social
//   4 B +10 200 store     5 B +12 −50 store (refund row, own id: a credit, no order)      9 B +15 999 phone CANCELLED
//   6 C +35 80 ecommerce  7 C +36 20 ecommerce  8 E +20 40 (no channel)
//   10 F +5 60 phone      11 F +6 10 store
// Customers: A workshop, B retail, C workshop (E, F have no record). Latest order +40 → asOf +41.
export const orderColumns = {
  order_id: ['1', '2', '3', '4', '5', '9', '6', '7', '8', '10', '11'],
  customer_id: ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'E', 'F', 'F'],
  order_date: Int32Array.from([0, 3, 40, 10, 12, 15, 35, 36, 20, 5, 6], (o) => D + o),
  amount: Float64Array.from([100, 50, 30, 200, -50, 999, 80, 20, 40, 60, 10]),
  status: [null, null, null, null, 'returned', 'cancelled', null, null, null, null, null],
};
export const channel = ['store', 'ecommerce', 'social', 'store', 'store', 'phone', 'ecommerce', 'ecommerce', null, 'phone', 'store'];
export const customers = () => aq.table({ customer_id: ['A', 'B', 'C'], type: ['workshop', 'retail', 'workshop'] });
export const tables = (): CrmTables => ({ orders: aq.table({ ...orderColumns, channel }), customers: customers() });
