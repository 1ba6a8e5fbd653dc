import type { CrmFilter } from '../filter-types.js';
import { columnCodes, readColumn } from '../columns.js';
import { customerRows, ordersCodesOfEntries, type PreparedOrders } from '../prepare.js';

/**
 * Every customer the lifecycle can see — buyers in the orders table plus people known only from the
 * customers or interactions tables — under one set of compact codes, and which of them the filter keeps.
 *
 * Codes 0 … ordersCodes−1 are the orders table's customer codes (`base.index`); later codes are the
 * extra ids in order of appearance (customers table first, then interactions).
 */
export interface CustomerUniverse {
  ids: string[];
  /** universe code → customers-table row, or −1. */
  recordRow: Int32Array;
  /** universe code → 1 when the filter keeps the customer. */
  inScope: Uint8Array;
  /** interactions row → universe code (−1 for a missing id); empty without an interactions table. */
  interactionCode: Int32Array;
}

/**
 * Whether the filter keeps people without a kept order. Order-level parts (channels, categories) and RFM
 * segments cannot match someone who has no kept order, so any of them excludes such people. Customer
 * ids, types, regions and provinces are checked against the customer record (no record → no match).
 */
function prospectTest(base: PreparedOrders, filter: CrmFilter): ((id: string, recordRow: number) => boolean) | null {
  if (filter.channels || filter.categories || filter.segments) return null;
  const customers = base.tables.customers;
  const checks: Array<(id: string, row: number) => boolean> = [];
  if (filter.customerIds) {
    const ids = new Set(filter.customerIds);
    checks.push((id) => ids.has(id));
  }
  const attribute = (column: string, wanted: readonly string[] | undefined) => {
    if (!wanted) return;
    const dict = customers && columnCodes(customers, column);
    const ok = new Set(wanted);
    checks.push((_id, row) => row >= 0 && !!dict && dict.codes[row] >= 0 && ok.has(dict.values[dict.codes[row]]));
  };
  attribute('type', filter.customerTypes);
  attribute('region', filter.regions);
  attribute('province', filter.provinces);
  return (id, row) => checks.every((check) => check(id, row));
}

const cache = new WeakMap<PreparedOrders, CustomerUniverse>();

/** The customer universe of a prepared base (cached per base). */
export function customerUniverse(base: PreparedOrders): CustomerUniverse {
  const hit = cache.get(base);
  if (hit) return hit;
  const { tables, index } = base;
  const ids = index.ids.slice();
  // Only ids missing from the orders table go into a new map (the orders' own map is not copied).
  const extra = new Map<string, number>();
  const rowOfOrdersCode = customerRows(tables.orders, tables.customers);
  const recordRows: number[] = Array.from(rowOfOrdersCode);
  // An id's orders code (−1 when it never ordered) comes from the shared per-dictionary lookup.
  const add = (id: string, ordersCode: number, row: number) => {
    let c = ordersCode >= 0 ? ordersCode : extra.get(id);
    if (c === undefined) {
      c = ids.length;
      ids.push(id);
      extra.set(id, c);
      recordRows.push(row);
    }
    return c;
  };
  const customerIds = tables.customers && columnCodes(tables.customers, 'customer_id');
  if (customerIds) {
    // Ids that never ordered join the universe at their first customers row.
    const entryCode = ordersCodesOfEntries(index, customerIds);
    const seen = new Uint8Array(customerIds.values.length);
    const n = customerIds.codes.length;
    for (let r = 0; r < n; r++) {
      const d = customerIds.codes[r];
      if (d >= 0 && !seen[d]) {
        seen[d] = 1;
        if (entryCode[d] < 0) add(customerIds.values[d], -1, r);
      }
    }
  }
  let interactionCode = new Int32Array(0);
  const interactionIds = tables.interactions && columnCodes(tables.interactions, 'customer_id');
  if (interactionIds) {
    const entryCode = ordersCodesOfEntries(index, interactionIds);
    const dictCode = Int32Array.from(interactionIds.values, (id, d) => add(id, entryCode[d], -1));
    const { codes } = interactionIds;
    interactionCode = new Int32Array(codes.length);
    for (let r = 0; r < codes.length; r++) interactionCode[r] = codes[r] >= 0 ? dictCode[codes[r]] : -1;
  }

  const recordRow = Int32Array.from(recordRows);
  const inScope = new Uint8Array(ids.length);
  const prospect = prospectTest(base, base.filter);
  for (let c = 0; c < ids.length; c++) {
    const slot = c < base.slotOfCode.length ? base.slotOfCode[c] : -1;
    inScope[c] = slot >= 0 || (prospect !== null && prospect(ids[c], recordRow[c])) ? 1 : 0;
  }
  const universe = { ids, recordRow, inScope, interactionCode };
  cache.set(base, universe);
  return universe;
}

/** universe code → base slot (−1 when the customer has no kept order). */
export function slotOfUniverseCode(base: PreparedOrders, code: number): number {
  return code < base.slotOfCode.length ? base.slotOfCode[code] : -1;
}

/** The inclusive day window the lifecycle reads events in: the filter's date range, capped at asOf. */
export function eventWindow(base: PreparedOrders): { lo: number; hi: number } {
  const range = base.filter.dateRange;
  return { lo: range?.start ?? -Infinity, hi: Math.min(range?.end ?? Infinity, base.asOf) };
}

/** A day column of an optional table, or undefined. */
export function dayColumn(table: Parameters<typeof readColumn>[0] | undefined, name: string) {
  return table ? readColumn<number>(table, name) : undefined;
}
