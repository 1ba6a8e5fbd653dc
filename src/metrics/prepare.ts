import { feedCurrencies, MixedCurrencyError } from '../data/currency.js';
import type { ColumnTable } from 'arquero';
import type { CrmTables } from '../data/types.js';
import { ORDER_KIND_CANCELLED, ORDER_KIND_COLUMN, ORDER_KIND_PURCHASE } from '../data/schema.js';
import { orderKinds } from '../data/normalize/order-kinds.js';
import { columnCodes, dictionaryMask, readColumn, rowCount, type ColumnCodes } from './columns.js';
import { FILTER_LIST_FIELDS, type CrmFilter } from './filter-types.js';
import { resolveAsOf, type MetricOptions } from './options.js';
import { segmentFilterMask } from './rfm/score.js';
import type { CustomerAggregates } from './customer-rows.js';

/**
 * The shared per-customer base every metric starts from: the order rows kept after asOf, the common filter and
 * the cancellation policy (cancelled rows left out; credits kept to net against spend, but never an order and
 * never a customer of their own), grouped by customer, plus per-customer aggregates — all typed arrays.
 * See docs/metrics.md (common) for the exact rules.
 */

/** Compact customer codes of one orders table, built once and shared by every filter. */
export interface CustomerIndex {
  /** code → customer id. Codes follow the order of first appearance in the orders table. */
  ids: string[];
  /** customer id → code. */
  codeOf: ReadonlyMap<string, number>;
  /** orders row → customer code. */
  rowCode: Int32Array;
  /** The orders customer_id dictionary (its recorded `keys` let other tables' ids be matched without hashing). */
  dict?: ColumnCodes;
}

/**
 * Prepared orders. Kept rows are sorted by customer (slot order), then day, then original row; the rows
 * of customer slot `s` are `start[s] … start[s+1]−1`. "Slot" = position of a customer in the per-customer
 * arrays (customers with at least one kept row, in code order).
 */
export interface PreparedOrders extends CustomerAggregates {
  tables: CrmTables;
  /** Analysis day (epoch day). */
  asOf: number;
  /** The filter as applied (normalized: empty lists dropped, lists sorted and deduplicated). */
  filter: CrmFilter;
  index: CustomerIndex;
  /** customer code → row in `tables.customers`, or −1 (no customers table / not listed). */
  customerRow: Int32Array;

  /** Number of kept order rows. */
  rowCount: number;
  /** Kept row → orders table row. */
  row: Int32Array;
  /** Kept row → customer code. */
  code: Int32Array;
  /** Kept row → customer slot. */
  slot: Int32Array;
  /** Kept row → order day (epoch day). */
  day: Int32Array;
  /** Kept row → amount (refunds are negative and net against revenue). */
  amount: Float64Array;
  /**
   * Kept row → 1 for a purchase row, 0 for a credit (refund, credit note: it nets against revenue, but it is
   * never an order). Count orders, purchase days and first / last days over purchase rows only.
   */
  purchase: Uint8Array;
  /**
   * Kept row → order key: the kept-row position of the first purchase row (in this customer's sorted rows) with
   * the same `order_id`; a purchase row without order_id is its own order (its own position). A credit row has
   * the key of the purchase order with its `order_id`, else of the customer's first purchase row, so
   * `orderKey[j] === j` only for rows that start an order. Equal keys are one order; keys are below `rowCount`
   * and never shared between customers, so per-key scratch arrays stay small.
   */
  orderKey: Int32Array;

  /** Number of customers with at least one kept purchase row. */
  customerCount: number;
  /** Customers whose kept rows (after asOf and the filter) are all credits: not customers, so not in any slot. */
  creditOnlyCustomers: number;
  /** slot → customer code. */
  customerCode: Int32Array;
  /** customer code → slot, or −1 when the customer has no kept row. */
  slotOfCode: Int32Array;
  /** slot → first kept row (length customerCount + 1). */
  start: Int32Array;
}

/** The id of the customer in a slot. */
export function customerIdOf(base: PreparedOrders, slot: number): string {
  return base.index.ids[base.customerCode[slot]];
}

/** The slot of a customer id, or −1 when the customer has no kept order. */
export function slotOfId(base: PreparedOrders, id: string): number {
  // One lookup: scanning the distinct ids is cheaper than building `codeOf` (which nothing else may need).
  const code = base.index.ids.indexOf(id);
  return code < 0 ? -1 : base.slotOfCode[code];
}

// ---------------------------------------------------------------------------------------------------------
// Customer codes and the customers-table join (built once per table, shared across filters)

const indexCache = new WeakMap<ColumnTable, CustomerIndex>();

/** Compact customer codes for an orders table (cached per table). */
export function customerIndex(orders: ColumnTable): CustomerIndex {
  let index = indexCache.get(orders);
  if (index) return index;
  const dict = columnCodes(orders, 'customer_id');
  if (!dict) throw new Error("orders table has no 'customer_id' column (normalize the feed first)");
  const missing = dict.codes.indexOf(-1);
  if (missing >= 0) throw new Error(`orders row ${missing}: customer_id is missing (it is required)`);
  index = {
    ids: dict.values,
    rowCode: dict.codes,
    dict,
    get codeOf() {
      return dict.codeOf; // built on first use (see columnCodes)
    },
  };
  indexCache.set(orders, index);
  return index;
}

const entryCodesCache = new WeakMap<ColumnCodes, { index: CustomerIndex; codes: Int32Array }>();

/**
 * Orders customer code of each entry of another table's customer-id dictionary (−1 when the id never
 * ordered). Cached per dictionary, so the customers and interactions tables are looked up once and shared by
 * the join, the interactions totals and the lifecycle universe.
 */
export function ordersCodesOfEntries(index: CustomerIndex, ids: ColumnCodes): Int32Array {
  const hit = entryCodesCache.get(ids);
  if (hit && hit.index === index) return hit.codes;
  const codes = new Int32Array(ids.values.length);
  const ordersOfKey = index.dict?.keys && ids.keys?.space === index.dict.keys.space ? ordersCodeOfKey(index) : null;
  if (ordersOfKey && ids.keys) {
    // Same key space (one normalizer run): array lookups, no hashing of 100k ids.
    const of = ids.keys.of;
    for (let d = 0; d < codes.length; d++) codes[d] = of[d] < ordersOfKey.length ? ordersOfKey[of[d]] : -1;
  } else for (let d = 0; d < codes.length; d++) codes[d] = index.codeOf.get(ids.values[d]) ?? -1;
  entryCodesCache.set(ids, { index, codes });
  return codes;
}

const ordersOfKeyCache = new WeakMap<CustomerIndex, Int32Array>();

/** Key (see `DictionaryKeys`) → orders customer code, −1 for keys of no ordering customer. */
function ordersCodeOfKey(index: CustomerIndex): Int32Array {
  let table = ordersOfKeyCache.get(index);
  if (table) return table;
  const of = index.dict!.keys!.of;
  let max = -1;
  for (let c = 0; c < of.length; c++) if (of[c] > max) max = of[c];
  table = new Int32Array(max + 1).fill(-1);
  for (let c = 0; c < of.length; c++) table[of[c]] = c;
  ordersOfKeyCache.set(index, table);
  return table;
}

const joinCache = new WeakMap<ColumnTable, WeakMap<ColumnTable, Int32Array>>();
const noJoinCache = new WeakMap<ColumnTable, Int32Array>();

/** customer code → row of the customers table (first row for an id), −1 when absent. Cached per pair. */
export function customerRows(orders: ColumnTable, customers: ColumnTable | undefined): Int32Array {
  const index = customerIndex(orders);
  if (!customers) {
    let none = noJoinCache.get(orders);
    if (!none) noJoinCache.set(orders, (none = new Int32Array(index.ids.length).fill(-1)));
    return none;
  }
  let perOrders = joinCache.get(orders);
  if (!perOrders) joinCache.set(orders, (perOrders = new WeakMap()));
  let rows = perOrders.get(customers);
  if (rows) return rows;
  rows = new Int32Array(index.ids.length).fill(-1);
  const ids = columnCodes(customers, 'customer_id');
  if (ids) {
    const codeOfDictEntry = ordersCodesOfEntries(index, ids);
    const n = ids.codes.length;
    for (let r = 0; r < n; r++) {
      const d = ids.codes[r];
      if (d < 0) continue;
      const code = codeOfDictEntry[d];
      if (code >= 0 && rows[code] < 0) rows[code] = r;
    }
  }
  perOrders.set(customers, rows);
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Filter normalization and the memo

const listKeys = FILTER_LIST_FIELDS;

/** The filter with empty parts dropped and lists sorted/deduplicated (equal filters → equal keys). */
export function normalizeFilter(filter: CrmFilter | undefined): CrmFilter {
  const out: CrmFilter = {};
  if (!filter) return out;
  const { dateRange } = filter;
  if (dateRange && (dateRange.start !== undefined || dateRange.end !== undefined)) {
    for (const k of ['start', 'end'] as const) {
      const v = dateRange[k];
      if (v !== undefined && !Number.isFinite(v))
        throw new RangeError(`filter.dateRange.${k}: expected an epoch day, found ${String(v)}`);
    }
    out.dateRange = {};
    if (dateRange.start !== undefined) out.dateRange.start = Math.ceil(dateRange.start);
    if (dateRange.end !== undefined) out.dateRange.end = Math.floor(dateRange.end);
  }
  for (const k of listKeys) {
    const list = filter[k];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new TypeError(`filter.${k}: expected an array of strings`);
    if (list.length) out[k] = [...new Set(list.map(String))].sort();
  }
  return out;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function objectId(o: object | undefined): number {
  if (!o) return 0;
  let id = objectIds.get(o);
  if (!id) objectIds.set(o, (id = nextObjectId++));
  return id;
}

const MEMO_SIZE = 8;
const memo = new WeakMap<ColumnTable, Map<string, PreparedOrders>>();

/**
 * The prepared base for these tables and options, memoized per orders table on (asOf, filter, customers
 * and interactions tables, and — only when they matter — the RFM settings and the stage hook). The last few bases per
 * orders table are kept. Throws on an unusable option (RangeError/TypeError naming the option).
 */
export function prepareOrders(tables: CrmTables, options: MetricOptions = {}): PreparedOrders {
  // Amounts in several currencies cannot be added: refuse, naming them (docs/data.md "Currency").
  const currencies = feedCurrencies(tables.orders);
  if (currencies.length > 1) throw new MixedCurrencyError(currencies);
  const asOf = resolveAsOf(tables, options);
  const filter = normalizeFilter(options.filter);
  if (filter.stages && !options.stageMembership)
    throw new Error('filter.stages needs options.stageMembership (the lifecycle module supplies it)');
  const key = JSON.stringify([
    asOf,
    filter,
    objectId(tables.customers),
    objectId(tables.interactions),
    filter.segments ? options.rfm ?? null : null,
    filter.stages ? objectId(options.stageMembership) : 0,
  ]);
  let perTable = memo.get(tables.orders);
  if (!perTable) memo.set(tables.orders, (perTable = new Map()));
  const hit = perTable.get(key);
  if (hit && hit.tables.customers === tables.customers && hit.tables.interactions === tables.interactions) {
    perTable.delete(key); // refresh LRU position
    perTable.set(key, hit);
    return hit;
  }
  const base = build(tables, options, asOf, filter);
  perTable.set(key, base);
  if (perTable.size > MEMO_SIZE) perTable.delete(perTable.keys().next().value as string);
  return base;
}

function build(tables: CrmTables, options: MetricOptions, asOf: number, filter: CrmFilter): PreparedOrders {
  const { segments, stages, ...rest } = filter;
  let base = buildBase(tables, asOf, filter, rest, null);
  if (stages) {
    const members = options.stageMembership!(base, stages, tables);
    base = buildBase(tables, asOf, filter, rest, codesOfIds(base.index, members, null));
  }
  if (segments) {
    const keep = segmentFilterMask(base, options.rfm, segments);
    base = buildBase(tables, asOf, filter, rest, keep);
  }
  return base;
}

function codesOfIds(index: CustomerIndex, ids: Iterable<string>, into: Uint8Array | null): Uint8Array {
  const mask = into ?? new Uint8Array(index.ids.length);
  for (const id of ids) {
    const c = index.codeOf.get(id);
    if (c !== undefined) mask[c] = 1;
  }
  return mask;
}

/** Per customer code: 1 when the customer's value of a customers-table column is in `wanted`. */
function customerAttributeMask(
  customers: ColumnTable | undefined,
  customerRow: Int32Array,
  column: string,
  wanted: readonly string[],
): Uint8Array {
  const mask = new Uint8Array(customerRow.length);
  const dict = customers && columnCodes(customers, column);
  if (!dict) return mask;
  const ok = dictionaryMask(dict, wanted);
  for (let c = 0; c < customerRow.length; c++) {
    const r = customerRow[c];
    if (r >= 0) {
      const d = dict.codes[r];
      if (d >= 0) mask[c] = ok[d];
    }
  }
  return mask;
}

/** Order-level list filter with an optional fallback to the customer's own value (region, province). */
interface RowTest {
  dict: ColumnCodes | undefined;
  ok: Uint8Array;
  /** Per customer code, used when the order has no value; null = no fallback. */
  fallback: Uint8Array | null;
}

function rowTest(
  tables: CrmTables,
  customerRow: Int32Array,
  column: string,
  wanted: readonly string[],
  withFallback: boolean,
): RowTest {
  const dict = columnCodes(tables.orders, column);
  return {
    dict,
    ok: dict ? dictionaryMask(dict, wanted) : new Uint8Array(0),
    fallback: withFallback ? customerAttributeMask(tables.customers, customerRow, column, wanted) : null,
  };
}

const kindCache = new WeakMap<ColumnTable, Uint8Array>();

/**
 * Kind code per orders row (ORDER_KINDS): the normalizer's `order_kind` column, or — for tables built without
 * it — the same policy from `status` and the amount sign (no credit-note pattern). Cached per table.
 */
export function orderKindsOf(orders: ColumnTable): Uint8Array {
  let kinds = kindCache.get(orders);
  if (kinds) return kinds;
  const recorded = readColumn<number>(orders, ORDER_KIND_COLUMN);
  if (recorded instanceof Uint8Array) kinds = recorded;
  else {
    const amount = readColumn<number>(orders, 'amount');
    const n = rowCount(orders);
    const amounts = amount instanceof Float64Array ? amount : Float64Array.from({ length: n }, (_, i) => Number(amount?.[i]));
    const dict = columnCodes(orders, 'status');
    const status = dict ? Array.from(dict.codes, (c) => (c >= 0 ? dict.values[c]!.toLowerCase() : null)) : undefined;
    kinds = orderKinds(amounts, status, undefined, null);
  }
  kindCache.set(orders, kinds);
  return kinds;
}

function buildBase(
  tables: CrmTables,
  asOf: number,
  filter: CrmFilter,
  rowFilter: CrmFilter,
  customerKeep: Uint8Array | null,
): PreparedOrders {
  const orders = tables.orders;
  const index = customerIndex(orders);
  const customerRow = customerRows(orders, tables.customers);
  const nCodes = index.ids.length;
  const n = rowCount(orders);
  const dayCol = readColumn<number>(orders, 'order_date');
  const amountCol = readColumn<number>(orders, 'amount');
  if (!dayCol) throw new Error("orders table has no 'order_date' column (normalize the feed first)");
  if (!amountCol) throw new Error("orders table has no 'amount' column (normalize the feed first)");

  // Customer-level keep mask (customer ids, customer types, stage/segment membership).
  let keepCode: Uint8Array | null = customerKeep ? customerKeep.slice() : null;
  const and = (m: Uint8Array) => {
    if (!keepCode) keepCode = m;
    else for (let c = 0; c < nCodes; c++) keepCode[c] &= m[c];
  };
  if (rowFilter.customerIds) and(codesOfIds(index, rowFilter.customerIds, null));
  if (rowFilter.customerTypes) and(customerAttributeMask(tables.customers, customerRow, 'type', rowFilter.customerTypes));

  const tests: RowTest[] = [];
  if (rowFilter.regions) tests.push(rowTest(tables, customerRow, 'region', rowFilter.regions, true));
  if (rowFilter.provinces) tests.push(rowTest(tables, customerRow, 'province', rowFilter.provinces, true));
  if (rowFilter.channels) tests.push(rowTest(tables, customerRow, 'channel', rowFilter.channels, false));
  if (rowFilter.categories) tests.push(rowTest(tables, customerRow, 'category', rowFilter.categories, false));
  const kinds = orderKindsOf(orders);
  const lo = rowFilter.dateRange?.start ?? -Infinity;
  const hi = Math.min(rowFilter.dateRange?.end ?? Infinity, asOf);
  const rowCode = index.rowCode;

  // Pass 1 (sequential): kept rows in table order, counted per customer code (purchases apart).
  const kept = new Int32Array(n);
  const codeCount = new Int32Array(nCodes + 1);
  const purchaseCount = new Int32Array(nCodes);
  let candidates = 0;
  rows: for (let i = 0; i < n; i++) {
    const d = dayCol[i];
    if (!(d >= lo && d <= hi)) continue;
    const c = rowCode[i];
    if (keepCode && !keepCode[c]) continue;
    const kind = kinds[i];
    if (kind === ORDER_KIND_CANCELLED) continue;
    for (const t of tests) {
      const v = t.dict ? t.dict.codes[i] : -1;
      if (v >= 0 ? !t.ok[v] : !(t.fallback && t.fallback[c])) continue rows;
    }
    kept[candidates++] = i;
    codeCount[c + 1]++;
    if (kind === ORDER_KIND_PURCHASE) purchaseCount[c]++;
  }

  // Slots: customers with a kept purchase row, in code order; offsets of their row groups. The rows of
  // customers with credits only are left out (they are not customers).
  const slotOfCode = new Int32Array(nCodes).fill(-1);
  let customerCount = 0;
  let creditOnlyCustomers = 0;
  for (let c = 0; c < nCodes; c++) {
    if (purchaseCount[c] > 0) slotOfCode[c] = customerCount++;
    else if (codeCount[c + 1] > 0) {
      creditOnlyCustomers++;
      codeCount[c + 1] = 0;
    }
  }
  const customerCode = new Int32Array(customerCount);
  const start = new Int32Array(customerCount + 1);
  for (let c = 0, s = 0; c < nCodes; c++) {
    codeCount[c + 1] += codeCount[c];
    if (slotOfCode[c] >= 0) {
      customerCode[s] = c;
      start[s++] = codeCount[c];
    }
  }
  const k = codeCount[nCodes];
  start[customerCount] = k;

  // Pass 2: one counting sort by customer, reading rows in order and scattering their values (random
  // writes are cheaper than the random reads a gather would need). Rows stay in table order per customer.
  const row = new Int32Array(k);
  const code = new Int32Array(k);
  const slot = new Int32Array(k);
  const day = new Int32Array(k);
  const amount = new Float64Array(k);
  const purchase = new Uint8Array(k);
  for (let j = 0; j < candidates; j++) {
    const r = kept[j];
    const c = rowCode[r];
    if (slotOfCode[c] < 0) continue;
    const pos = codeCount[c]++;
    row[pos] = r;
    code[pos] = c;
    slot[pos] = slotOfCode[c];
    day[pos] = dayCol[r];
    amount[pos] = amountCol[r];
    purchase[pos] = kinds[r] === ORDER_KIND_PURCHASE ? 1 : 0;
  }

  // Pass 3 (sequential): order each customer's rows by day (then row), key its orders, and aggregate.
  const orderIds = readColumn<unknown>(orders, 'order_id');
  const idHash = orderIds ? orderIdHashes(orders, orderIds) : null;
  const scratch: OrderScratch = { table: new Int32Array(0) };
  const orderKey = new Int32Array(k);
  const firstDay = new Int32Array(customerCount);
  const lastDay = new Int32Array(customerCount);
  const orderCount = new Int32Array(customerCount);
  const rowsPer = new Int32Array(customerCount);
  const revenue = new Float64Array(customerCount);
  const purchaseDays = new Int32Array(customerCount);
  for (let s = 0; s < customerCount; s++) {
    const a = start[s];
    const b = start[s + 1];
    sortGroupByDay(a, b, day, row, amount, purchase);
    const count = orderIds && idHash ? keyOrders(a, b, row, orderIds, idHash, orderKey, scratch, purchase) : keyRows(a, b, orderKey, purchase);
    let days = 0;
    let prev = NaN;
    let sum = 0;
    let first = -1;
    let last = -1;
    let purchases = 0;
    for (let j = a; j < b; j++) {
      const v = amount[j];
      if (v === v) sum += v; // the normalizer never leaves NaN in amount; guard anyway
      if (!purchase[j]) continue;
      const d = day[j];
      if (first < 0) first = j;
      last = j;
      purchases++;
      if (d !== prev) {
        days++;
        prev = d;
      }
    }
    firstDay[s] = day[first];
    lastDay[s] = day[last];
    purchaseDays[s] = days;
    rowsPer[s] = purchases;
    revenue[s] = sum;
    orderCount[s] = count;
  }

  return {
    tables,
    asOf,
    filter,
    index,
    customerRow,
    rowCount: k,
    row,
    code,
    slot,
    day,
    amount,
    purchase,
    orderKey,
    customerCount,
    creditOnlyCustomers,
    customerCode,
    slotOfCode,
    start,
    firstDay,
    lastDay,
    orders: orderCount,
    rows: rowsPer,
    revenue,
    purchaseDays,
  };
}

/** Each purchase row of a…b−1 its own order (key = position), credits keyed to the first purchase. Returns the number of orders. */
function keyRows(a: number, b: number, orderKey: Int32Array, purchase: Uint8Array): number {
  let count = 0;
  let firstPurchase = -1;
  for (let j = a; j < b; j++) {
    if (!purchase[j]) continue;
    if (firstPurchase < 0) firstPurchase = j;
    orderKey[j] = j;
    count++;
  }
  for (let j = a; j < b; j++) if (!purchase[j]) orderKey[j] = firstPurchase;
  return count;
}

/** Above this many rows a customer's order ids are matched through a hash table instead of pairwise. */
const PAIRWISE_ORDER_MATCH = 16;

/** An order id as `columnCodes` sees it: null when missing (null, undefined, ''), else its string form. */
function orderIdText(id: unknown): string | null {
  return id === null || id === undefined || id === '' ? null : typeof id === 'string' ? id : String(id);
}

/** FNV-1a over UTF-16 code units, never 0 (0 marks a missing id). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}

const idHashCache = new WeakMap<ColumnTable, Int32Array>();

/**
 * A 32-bit hash of each row's order id (0 when missing), cached per orders table. Computed in table order
 * (the strings sit in memory in that order), so matching ids within a customer later compares integers and
 * touches the strings only when two hashes are equal.
 */
function orderIdHashes(orders: ColumnTable, ids: ArrayLike<unknown>): Int32Array {
  let hashes = idHashCache.get(orders);
  if (hashes) return hashes;
  const n = rowCount(orders);
  hashes = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const text = orderIdText(ids[r]);
    hashes[r] = text === null ? 0 : hashString(text);
  }
  idHashCache.set(orders, hashes);
  return hashes;
}

/** Same order id (both present)? Hashes first; the strings only when they are equal. */
function sameOrderId(ids: ArrayLike<unknown>, hash: Int32Array, r1: number, r2: number): boolean {
  return hash[r1] === hash[r2] && hash[r1] !== 0 && orderIdText(ids[r1]) === orderIdText(ids[r2]);
}

/**
 * Keys the orders of one customer's rows a…b−1: rows sharing an `order_id` get the position of the first
 * of them, rows without one their own position. Only ids within the customer are compared (no dictionary
 * of the whole column: ids are nearly all distinct), through their hashes: pairwise for small customers,
 * through an open-addressing table (slot → local index + 1) for large ones. Returns the number of orders.
 */
function keyOrders(
  a: number,
  b: number,
  row: Int32Array,
  ids: ArrayLike<unknown>,
  hash: Int32Array,
  orderKey: Int32Array,
  scratch: OrderScratch,
  purchase: Uint8Array,
): number {
  const g = b - a;
  let count = 0;
  let credits = false;
  if (g <= PAIRWISE_ORDER_MATCH) {
    for (let j = a; j < b; j++) {
      if (!purchase[j]) {
        credits = true;
        continue;
      }
      let key = j;
      if (hash[row[j]] !== 0) {
        for (let i = a; i < j; i++) {
          if (purchase[i] && orderKey[i] === i && sameOrderId(ids, hash, row[i], row[j])) {
            key = i;
            break;
          }
        }
      }
      orderKey[j] = key;
      if (key === j) count++;
    }
    if (credits) keyCredits(a, b, row, ids, hash, orderKey, purchase);
    return count;
  }
  let size = 32;
  while (size < 2 * g) size <<= 1;
  if (scratch.table.length < size) scratch.table = new Int32Array(size);
  const table = scratch.table;
  table.fill(0, 0, size);
  const mask = size - 1;
  for (let j = a; j < b; j++) {
    if (!purchase[j]) {
      credits = true;
      continue;
    }
    let key = j;
    const h0 = hash[row[j]];
    if (h0 !== 0) {
      for (let h = h0 & mask; ; h = (h + 1) & mask) {
        const e = table[h];
        if (e === 0) {
          table[h] = j - a + 1;
          break;
        }
        if (sameOrderId(ids, hash, row[a + e - 1], row[j])) {
          key = a + e - 1;
          break;
        }
      }
    }
    orderKey[j] = key;
    if (key === j) count++;
  }
  if (credits) keyCredits(a, b, row, ids, hash, orderKey, purchase);
  return count;
}

/**
 * Keys the credit rows of a…b−1: to the purchase order with the same order id (a refund of that order), else
 * to the customer's first purchase row. Credits are few, so a linear look per credit is enough.
 */
function keyCredits(a: number, b: number, row: Int32Array, ids: ArrayLike<unknown>, hash: Int32Array, orderKey: Int32Array, purchase: Uint8Array): void {
  let firstPurchase = -1;
  for (let j = a; j < b && firstPurchase < 0; j++) if (purchase[j]) firstPurchase = j;
  for (let j = a; j < b; j++) {
    if (purchase[j]) continue;
    let key = firstPurchase;
    if (hash[row[j]] !== 0) {
      for (let i = a; i < b; i++) {
        if (purchase[i] && orderKey[i] === i && sameOrderId(ids, hash, row[i], row[j])) {
          key = i;
          break;
        }
      }
    }
    orderKey[j] = key;
  }
}

/** Reused hash table of `keyOrders`, grown on demand. */
interface OrderScratch {
  table: Int32Array;
}

/** Sorts rows a…b−1 of the parallel arrays by (day, row). Rows arrive in table order, so feeds sorted by
 * date are already in order (one linear check); small groups use insertion sort, large ones a permutation. */
function sortGroupByDay(a: number, b: number, day: Int32Array, row: Int32Array, amount: Float64Array, purchase: Uint8Array): void {
  let sorted = true;
  for (let j = a + 1; j < b && sorted; j++) sorted = day[j - 1] <= day[j];
  if (sorted) return;
  if (b - a <= 32) {
    for (let j = a + 1; j < b; j++) {
      const d = day[j], r = row[j], m = amount[j], p = purchase[j];
      let i = j - 1;
      while (i >= a && (day[i] > d || (day[i] === d && row[i] > r))) {
        day[i + 1] = day[i];
        row[i + 1] = row[i];
        amount[i + 1] = amount[i];
        purchase[i + 1] = purchase[i];
        i--;
      }
      day[i + 1] = d;
      row[i + 1] = r;
      amount[i + 1] = m;
      purchase[i + 1] = p;
    }
    return;
  }
  const perm = Int32Array.from({ length: b - a }, (_, i) => a + i).sort((x, y) => day[x] - day[y] || row[x] - row[y]);
  const d2 = Int32Array.from(perm, (p) => day[p]);
  const r2 = Int32Array.from(perm, (p) => row[p]);
  const m2 = Float64Array.from(perm, (p) => amount[p]);
  const p2 = Uint8Array.from(perm, (p) => purchase[p]);
  day.set(d2, a);
  row.set(r2, a);
  amount.set(m2, a);
  purchase.set(p2, a);
}
