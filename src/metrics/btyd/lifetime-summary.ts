import type { ColumnTable } from 'arquero';
import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { customerIdOf, prepareOrders, type PreparedOrders } from '../prepare.js';
import type { TimeUnit } from './clv.js';
import { checkOptions } from '../option-keys.js';

export interface LifetimeOptions extends MetricOptions {
  /** Time unit of recency and T: 'day' (default) or 'week' (days / 7). */
  unit?: TimeUnit;
}

/**
 * Per-customer BTYD inputs (the `lifetimes` summary_data_from_transaction_data definitions), columnar, one
 * entry per customer with at least one purchase day, in the order of the shared prepared base.
 */
export interface LifetimeSummary {
  asOf: number;
  unit: TimeUnit;
  customerIds: string[];
  /** Position of each customer in the prepared base (`prepareOrders` slot). */
  slots: Int32Array;
  /** Distinct purchase days − 1 (repeat purchase days). */
  frequency: Float64Array;
  /** Last − first purchase day, in `unit`. */
  recency: Float64Array;
  /** asOf − first purchase day, in `unit`. */
  T: Float64Array;
  /** Mean net spend per repeat purchase day (first purchase day excluded); 0 without repeats. */
  monetary: Float64Array;
  /** Net spend over all purchase days (refunds included), for fallbacks and checks. */
  totalSpend: Float64Array;
  /** Customers left out because their kept rows are only refunds (no purchase day). */
  refundOnlyCustomers: number;
}

/** Orders table alone or the whole tables object. */
export type OrdersInput = ColumnTable | CrmTables;

export function asTables(input: OrdersInput): CrmTables {
  return 'orders' in input && typeof (input as CrmTables).orders?.numRows === 'function'
    ? (input as CrmTables)
    : { orders: input as ColumnTable };
}

const memo = new WeakMap<PreparedOrders, Map<TimeUnit, LifetimeSummary>>();

/**
 * Frequency, recency, T and monetary value per customer from the order rows kept by `prepareOrders` (asOf,
 * common filter, cancelled orders excluded). Definitions (Fader & Hardie; `lifetimes`):
 * - a purchase day is a calendar day with at least one row of amount ≥ 0; rows of the same day merge
 *   (their amounts are summed);
 * - a refund row (amount < 0) does not make a purchase day; it nets against the spend of the latest
 *   purchase day on or before it (or the first purchase day if it comes earlier);
 * - frequency = purchase days − 1; recency = last − first purchase day; T = asOf − first purchase day
 *   (durations in days, or days / 7 with unit 'week');
 * - monetary = net spend of the repeat purchase days / frequency (0 without repeats; it can be ≤ 0 when
 *   repeat purchases were refunded).
 * Memoized per prepared base and unit.
 */
export function lifetimeSummary(input: OrdersInput, options: LifetimeOptions = {}): LifetimeSummary {
  checkOptions('lifetimeSummary', options);
  const unit = options.unit ?? 'day';
  if (unit !== 'day' && unit !== 'week') throw new RangeError(`lifetimeSummary: unit = ${String(unit)}: must be 'day' or 'week'`);
  const base = prepareOrders(asTables(input), options);
  let perBase = memo.get(base);
  if (!perBase) memo.set(base, (perBase = new Map()));
  let summary = perBase.get(unit);
  if (!summary) perBase.set(unit, (summary = summarize(base, unit)));
  return summary;
}

function summarize(base: PreparedOrders, unit: TimeUnit): LifetimeSummary {
  const n = base.customerCount;
  const perUnit = unit === 'week' ? 7 : 1; // days per unit (divide: 60 / 7 exactly as written)
  const slots = new Int32Array(n);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetary = new Float64Array(n);
  const totalSpend = new Float64Array(n);
  const { start, day, amount } = base;
  let out = 0;
  for (let s = 0; s < n; s++) {
    let first = NaN;
    let last = NaN;
    let days = 0;
    let firstSpend = 0; // net spend attributed to the first purchase day
    let repeatSpend = 0; // net spend attributed to later purchase days
    let pending = 0; // refunds seen before the first purchase day
    const end = start[s + 1];
    for (let j = start[s]; j < end; ) {
      // One calendar day of this customer's rows.
      const d = day[j];
      let net = 0;
      let purchase = false;
      for (; j < end && day[j] === d; j++) {
        net += amount[j];
        if (amount[j] >= 0) purchase = true;
      }
      if (purchase) {
        if (days === 0) {
          first = d;
          firstSpend = net + pending;
        } else repeatSpend += net;
        last = d;
        days++;
      } else if (days === 0) pending += net;
      else if (days === 1) firstSpend += net;
      else repeatSpend += net;
    }
    if (days === 0) continue;
    slots[out] = s;
    frequency[out] = days - 1;
    recency[out] = (last - first) / perUnit;
    T[out] = (base.asOf - first) / perUnit;
    monetary[out] = days > 1 ? repeatSpend / (days - 1) : 0;
    totalSpend[out] = firstSpend + repeatSpend;
    out++;
  }
  const keep = <A extends Float64Array | Int32Array>(a: A): A => (out === n ? a : (a.slice(0, out) as A));
  const kept = keep(slots);
  return {
    asOf: base.asOf,
    unit,
    customerIds: Array.from(kept, (s) => customerIdOf(base, s)),
    slots: kept,
    frequency: keep(frequency),
    recency: keep(recency),
    T: keep(T),
    monetary: keep(monetary),
    totalSpend: keep(totalSpend),
    refundOnlyCustomers: n - out + base.creditOnlyCustomers, // credit-only customers have no slot in the base
  };
}
