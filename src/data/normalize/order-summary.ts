/**
 * The cancellation policy over a normalized orders table: the `order_kind` column, rows per kind with
 * examples, and the distinct orders and customers that remain (what a careful analyst counts by hand).
 */
import { dictionaryOf } from '../column-dictionary.js';
import { ORDER_KIND_CANCELLED, ORDER_KIND_CREDIT, ORDER_KIND_PURCHASE } from '../schema.js';
import type { OrderKindReport, OrdersSummary } from '../types.js';
import { creditPatternOption, detectCreditPrefix, orderKinds } from './order-kinds.js';
import { distinctOrders } from './order-lines.js';
import type { SourceTable } from './source.js';
import { exampleOf, MAX_EXAMPLES } from './examples.js';
import type { TableContext } from './table.js';

type StringColumn = ArrayLike<string | null>;

export function orderSummary(
  columns: Record<string, ArrayLike<unknown>>,
  keep: Int32Array,
  source: SourceTable,
  prev: Int32Array | undefined,
  ctx: TableContext,
): { kinds: Uint8Array; kindReport: OrderKindReport; summary: OrdersSummary } {
  const amount = columns.amount as Float64Array;
  const ids = columns.order_id as StringColumn | undefined;
  const customers = columns.customer_id as StringColumn;
  let credit = creditPatternOption(ctx.creditNotes, ctx.feed);
  if (credit === undefined) credit = ids ? detectCreditPrefix(ids, amount) : null;
  const kinds = orderKinds(amount, columns.status as StringColumn | undefined, ids, credit);

  const report: OrderKindReport = { purchase: 0, credit: 0, cancelled: 0, creditExamples: [], cancelledExamples: [] };
  if (credit) {
    report.creditPattern = { pattern: credit.pattern, how: credit.how };
    if (credit.how === 'detected') ctx.notices.push({ code: 'credit-prefix-detected', table: 'orders', params: { prefix: credit.pattern } });
  }
  // Per input row: 1 for a kept purchase row (the distinct-order walk needs input row numbers).
  const purchaseRow = new Uint8Array(source.rowCount);
  for (let j = 0; j < kinds.length; j++) {
    const k = kinds[j]!;
    if (k === ORDER_KIND_PURCHASE) {
      report.purchase++;
      purchaseRow[keep[j]!] = 1;
    } else if (k === ORDER_KIND_CREDIT) {
      if (report.credit++ < MAX_EXAMPLES) report.creditExamples.push(exampleOf(source, keep[j]!));
    } else if (k === ORDER_KIND_CANCELLED) {
      if (report.cancelled++ < MAX_EXAMPLES) report.cancelledExamples.push(exampleOf(source, keep[j]!));
    }
  }
  const orders = ids ? distinctOrders(purchaseRow, prev) : report.purchase;

  // Customers: those with a purchase row; those with rows but none a purchase are reported, not counted.
  const dict = dictionaryOf(customers);
  let revenue = 0;
  for (let j = 0; j < kinds.length; j++) if (kinds[j] !== ORDER_KIND_CANCELLED) revenue += amount[j]!;
  const summary: OrdersSummary = { orders, customers: 0, revenue: Math.round(revenue * 1e6) / 1e6, creditOnlyCustomers: 0, creditOnlyExamples: [] };
  if (dict) {
    const state = new Uint8Array(dict.values.length); // 1 seen, 2 has a purchase
    for (let j = 0; j < kinds.length; j++) {
      const c = dict.codes[j]!;
      if (c >= 0) state[c] = kinds[j] === ORDER_KIND_PURCHASE ? 2 : state[c] || 1;
    }
    for (let c = 0; c < state.length; c++) {
      if (state[c] === 2) summary.customers++;
      else if (state[c] === 1 && summary.creditOnlyCustomers++ < MAX_EXAMPLES) summary.creditOnlyExamples.push(dict.values[c]!);
    }
  } else {
    const state = new Map<string, number>();
    for (let j = 0; j < kinds.length; j++) {
      const id = customers[j];
      if (id) state.set(id, kinds[j] === ORDER_KIND_PURCHASE ? 2 : state.get(id) || 1);
    }
    for (const [id, s] of state) {
      if (s === 2) summary.customers++;
      else if (summary.creditOnlyCustomers++ < MAX_EXAMPLES) summary.creditOnlyExamples.push(id);
    }
  }
  if (report.credit || report.cancelled) {
    ctx.notices.push({ code: 'order-kinds', table: 'orders', params: { credit: report.credit, cancelled: report.cancelled } });
  }
  if (summary.creditOnlyCustomers) {
    ctx.notices.push({
      code: 'credit-only-customers',
      table: 'orders',
      params: { count: summary.creditOnlyCustomers, examples: summary.creditOnlyExamples.join(', ') },
    });
  }
  return { kinds, kindReport: report, summary };
}
