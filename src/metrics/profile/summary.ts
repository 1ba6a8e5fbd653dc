import type { CrmTables } from '../../data/types.js';
import { columnCodes, readColumn } from '../columns.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { medianInPlace } from '../lifecycle/median.js';
import { interactionTotals } from './interactions.js';
import { bestTallied, tallyCustomer, tallyScratch } from './value-tally.js';
import { checkOptions } from '../option-keys.js';
import { keptCodes } from '../kept-codes.js';

/**
 * One entry per customer with a kept order (the prepared base's slot order). Days are epoch days.
 * See docs/metrics.md (profile) for the exact definitions.
 */
export interface CustomerSummary {
  asOf: number;
  size: number;
  base: PreparedOrders;
  customer_id: string[];
  first_order: Int32Array;
  last_order: Int32Array;
  /** Distinct orders (order_id; a row without one is its own order). */
  orders: Int32Array;
  /** Sum of amounts, refunds netted. */
  revenue: Float64Array;
  /** revenue / orders. */
  aov: Float64Array;
  /** asOf − last order day. */
  recency_days: Int32Array;
  /** asOf − first order day. */
  tenure_days: Int32Array;
  /** Median gap in days between consecutive distinct purchase days (NaN with fewer than two). */
  median_gap_days: Float64Array;
  /** Distinct channels ordered through (0 when the feed has no channel). */
  channel_count: Int32Array;
  /** Channel with the most orders (tie → revenue, then first seen); null when none. */
  favourite_channel: (string | null)[];
  /** Category with the most revenue (tie → orders, then first seen); null when none. */
  top_category: (string | null)[];
  /** Share of orders with discount > 0 (NaN for all when the feed has no discount column). */
  discounted_share: Float64Array;
  /** Interactions up to asOf (inside filter.dateRange). */
  interactions: Int32Array;
  /** Latest interaction day (NaN when none). */
  last_contact: Float64Array;
  /** NPS of the latest interaction that has one (NaN when none). */
  latest_nps: Float64Array;
}

const memo = new WeakMap<PreparedOrders, CustomerSummary>();

/** Per-customer profile figures for every customer of the (filtered) data, columnar. Memoized per base. */
export function customerSummary(tables: CrmTables, options: MetricOptions = {}): CustomerSummary {
  checkOptions('customerSummary', options);
  const base = prepareOrders(tables, options);
  let summary = memo.get(base);
  if (!summary) memo.set(base, (summary = summarize(base)));
  return summary;
}

/** Median of the gaps between consecutive distinct days with a purchase row of a slot. */
export function medianGapDays(base: PreparedOrders, slot: number, scratch?: Float64Array): number {
  const a = base.start[slot];
  const b = base.start[slot + 1];
  const gaps = scratch && scratch.length >= b - a ? scratch : new Float64Array(b - a);
  let count = 0;
  let prev = NaN;
  for (let j = a; j < b; j++) {
    if (!base.purchase[j]) continue;
    const d = base.day[j];
    if (prev === prev && d !== prev) gaps[count++] = d - prev;
    prev = d;
  }
  return medianInPlace(gaps, count) ?? NaN;
}

function summarize(base: PreparedOrders): CustomerSummary {
  const n = base.customerCount;
  const { asOf, firstDay, lastDay, orders, revenue } = base;
  const customer_id = new Array<string>(n);
  const aov = new Float64Array(n);
  const recency_days = new Int32Array(n);
  const tenure_days = new Int32Array(n);
  const median_gap_days = new Float64Array(n);
  let maxRows = 0;
  for (let s = 0; s < n; s++) maxRows = Math.max(maxRows, base.start[s + 1] - base.start[s]);
  const gapScratch = new Float64Array(maxRows);
  for (let s = 0; s < n; s++) {
    customer_id[s] = base.index.ids[base.customerCode[s]];
    aov[s] = orders[s] > 0 ? revenue[s] / orders[s] : NaN;
    recency_days[s] = asOf - lastDay[s];
    tenure_days[s] = asOf - firstDay[s];
    median_gap_days[s] = medianGapDays(base, s, gapScratch);
  }

  const channel_count = new Int32Array(n);
  const favourite_channel = new Array<string | null>(n).fill(null);
  const channels = columnCodes(base.tables.orders, 'channel');
  if (channels) {
    const scratch = tallyScratch(channels);
    const kept = keptCodes(base, channels);
    for (let s = 0; s < n; s++) {
      tallyCustomer(base, s, channels, scratch, kept);
      channel_count[s] = scratch.count;
      const best = bestTallied(scratch, 'orders');
      if (best >= 0) favourite_channel[s] = channels.values[best];
    }
  }
  const top_category = new Array<string | null>(n).fill(null);
  const categories = columnCodes(base.tables.orders, 'category');
  if (categories) {
    const scratch = tallyScratch(categories);
    const kept = keptCodes(base, categories);
    for (let s = 0; s < n; s++) {
      tallyCustomer(base, s, categories, scratch, kept);
      const best = bestTallied(scratch, 'revenue');
      if (best >= 0) top_category[s] = categories.values[best];
    }
  }

  const discounted_share = discountedShare(base);
  const contacts = interactionTotals(base);
  return {
    asOf,
    size: n,
    base,
    customer_id,
    first_order: firstDay,
    last_order: lastDay,
    orders,
    revenue,
    aov,
    recency_days,
    tenure_days,
    median_gap_days,
    channel_count,
    favourite_channel,
    top_category,
    discounted_share,
    interactions: contacts.count,
    last_contact: contacts.lastContact,
    latest_nps: contacts.latestNps,
  };
}

/** Per slot: distinct orders with a row of discount > 0, over distinct orders. All NaN without the column. */
function discountedShare(base: PreparedOrders): Float64Array {
  const n = base.customerCount;
  const out = new Float64Array(n);
  const column = readColumn<number>(base.tables.orders, 'discount');
  if (!column) return out.fill(NaN);
  const { start, purchase, orderKey, row } = base;
  // Kept row → 1 when it is a purchase row with a discount (read in kept-row order once).
  const discounted = new Uint8Array(base.rowCount);
  for (let j = 0; j < base.rowCount; j++) discounted[j] = purchase[j] && column[row[j]] > 0 ? 1 : 0;
  for (let s = 0; s < n; s++) {
    const a = start[s];
    const b = start[s + 1];
    let count = 0;
    for (let j = a; j < b; j++) {
      if (!discounted[j]) continue;
      // Count each order once: look back over its earlier rows (key = the position of its first row).
      const key = orderKey[j];
      let first = true;
      for (let i = key; i < j && first; i++) if (orderKey[i] === key && discounted[i]) first = false;
      if (first) count++;
    }
    out[s] = base.orders[s] > 0 ? count / base.orders[s] : NaN;
  }
  return out;
}
