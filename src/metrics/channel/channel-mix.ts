import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { groupLabel, rowGroups, type RowGroups } from '../regional/group-keys.js';
import { groupTotals } from '../regional/group-totals.js';
import { ratio } from '../regional/ratios.js';
import { rowPeriods } from '../row-periods.js';
import { periodIndex, periodsBetween, type TrendInterval, type TrendPeriod } from './periods.js';
import { checkOptions } from '../option-keys.js';
import { codedError } from '../../i18n/coded-error.js';

export interface ChannelMixOptions extends MetricOptions {
  /** Trend bucket. Default `month`. */
  interval?: TrendInterval;
  /** What `trend[].values` holds. Default `revenue`. */
  measure?: 'revenue' | 'orders';
}

export interface ChannelStats {
  /** The channel value; null for the "(unknown)" channel (rows without one). */
  key: string | null;
  label: string;
  revenue: number;
  orders: number;
  customers: number;
  /** revenue / total revenue; orders / total orders. */
  revenueShare: number | null;
  orderShare: number | null;
  /** revenue / orders. */
  aov: number | null;
  revenuePerCustomer: number | null;
}

export interface ChannelTrendSeries {
  key: string | null;
  label: string;
  /** Per period (aligned with `periods`): the chosen measure. */
  values: number[];
  revenue: number[];
  orders: number[];
}

/** Customers grouped by how many distinct known channels they bought through. */
export interface ChannelCountBucket {
  /** 1, 2, …; the last bucket also holds larger counts when `orMore` is true. */
  channels: number;
  orMore: boolean;
  label: string;
  customers: number;
  customerShare: number | null;
  revenue: number;
  orders: number;
  /** Per customer of the bucket. */
  averageRevenue: number | null;
  averageOrders: number | null;
  aov: number | null;
}

export interface ChannelTypeCell {
  revenue: number;
  orders: number;
  customers: number;
}

export interface ChannelMixResult {
  /** False when the orders table has no `channel` column: every row is then in one "(unknown)" channel. */
  available: boolean;
  asOf: number;
  interval: TrendInterval;
  measure: 'revenue' | 'orders';
  total: { revenue: number; orders: number; customers: number; aov: number | null };
  /** By revenue, descending (ties by label). */
  channels: ChannelStats[];
  /** Every period from the range start to its end, empty ones included. */
  periods: TrendPeriod[];
  /** One series per channel, in `channels` order. */
  trend: ChannelTrendSeries[];
  /** Buckets 1 … min(known channels, 4); the last is "4+" when there are more than 4 channels. */
  channelCount: ChannelCountBucket[];
  /** Customers whose kept rows carry no channel at all (left out of `channelCount`). */
  customersWithoutChannel: number;
  /**
   * Channel × customer `type` (customers table). Null when the feed has no customer types.
   * `cells[i][t]` is channel `channels[i]` and type `types[t]` (a null type = "(unknown)").
   */
  byCustomerType: { types: { key: string | null; label: string }[]; cells: ChannelTypeCell[][] } | null;
}

/** Widest channel-count bucket: 4 means "1, 2, 3, 4+". */
export const CHANNEL_COUNT_CAP = 4;

/** Channel of each kept row; a feed without the column gets one "(unknown)" channel. */
function channelGroups(base: PreparedOrders): RowGroups & { available: boolean } {
  if (base.tables.orders.columnNames().includes('channel')) return { ...rowGroups(base, 'channel', false), available: true };
  return { keys: base.rowCount ? [null] : [], group: new Int32Array(base.rowCount), source: 'orders', available: false };
}

/** The trend range: the filter's dates (capped at asOf), each missing end taken from the kept orders. */
function trendRange(base: PreparedOrders): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (let s = 0; s < base.customerCount; s++) {
    if (base.firstDay[s] < first) first = base.firstDay[s];
    if (base.lastDay[s] > last) last = base.lastDay[s];
  }
  const range = base.filter.dateRange;
  return { first: range?.start ?? first, last: Math.min(range?.end ?? last, base.asOf) };
}

function channelCounts(base: PreparedOrders, channels: RowGroups, known: number) {
  const buckets = Math.min(known, CHANNEL_COUNT_CAP);
  const customers = new Int32Array(buckets + 1);
  const revenue = new Float64Array(buckets + 1);
  const orders = new Int32Array(buckets + 1);
  const seen = new Int32Array(channels.keys.length).fill(-1);
  const unknown = channels.keys.indexOf(null);
  let without = 0;
  for (let s = 0; s < base.customerCount; s++) {
    let n = 0;
    for (let j = base.start[s]; j < base.start[s + 1]; j++) {
      const g = channels.group[j];
      if (g !== unknown && seen[g] !== s) {
        seen[g] = s;
        n++;
      }
    }
    if (n === 0) {
      without++;
      continue;
    }
    const b = Math.min(n, buckets);
    customers[b]++;
    revenue[b] += base.revenue[s];
    orders[b] += base.orders[s];
  }
  const counted = base.customerCount - without;
  const list: ChannelCountBucket[] = [];
  for (let b = 1; b <= buckets; b++) {
    const orMore = b === buckets && known > buckets;
    list.push({
      channels: b,
      orMore,
      label: orMore ? `${b}+` : String(b),
      customers: customers[b],
      customerShare: ratio(customers[b], counted),
      revenue: revenue[b],
      orders: orders[b],
      averageRevenue: ratio(revenue[b], customers[b]),
      averageOrders: ratio(orders[b], customers[b]),
      aov: ratio(revenue[b], orders[b]),
    });
  }
  return { list, without };
}

/**
 * Channel mix: revenue and orders per channel with shares and AOV, a per-channel trend, customers by number
 * of channels used, and channel × customer type. See docs/metrics.md (channel).
 */
export function channelMix(tables: CrmTables, options: ChannelMixOptions = {}): ChannelMixResult {
  checkOptions('channelMix', options);
  const interval = options.interval ?? 'month';
  const measure = options.measure ?? 'revenue';
  if (interval !== 'month' && interval !== 'week') throw codedError(RangeError, 'interval', { value: `'${String(interval)}'` });
  if (measure !== 'revenue' && measure !== 'orders') throw codedError(RangeError, 'measure', { value: `'${String(measure)}'` });
  const base = prepareOrders(tables, options);
  const ch = channelGroups(base);
  const C = ch.keys.length;
  const totals = groupTotals(base, ch.group, C);
  const { total } = totals;

  // Channels by revenue; `order[i]` is the channel code shown i-th.
  const order = ch.keys.map((_, g) => g);
  order.sort((a, b) => totals.revenue[b] - totals.revenue[a] || (groupLabel(ch.keys[a]) < groupLabel(ch.keys[b]) ? -1 : 1));
  const channels = order.map((g): ChannelStats => ({
    key: ch.keys[g],
    label: groupLabel(ch.keys[g]),
    revenue: totals.revenue[g],
    orders: totals.orders[g],
    customers: totals.customers[g],
    revenueShare: ratio(totals.revenue[g], total.revenue),
    orderShare: ratio(totals.orders[g], total.orders),
    aov: ratio(totals.revenue[g], totals.orders[g]),
    revenuePerCustomer: ratio(totals.revenue[g], totals.customers[g]),
  }));

  // Trend: group code = channel × P + period offset.
  const { first, last } = trendRange(base);
  const periods = periodsBetween(first, last, interval);
  const P = periods.length;
  const p0 = P ? periodIndex(periods[0].start, interval) : 0;
  const rowPeriod = rowPeriods(base, interval);
  const cellGroup = new Int32Array(base.rowCount);
  for (let j = 0; j < base.rowCount; j++) {
    const p = rowPeriod[j] - p0;
    cellGroup[j] = p >= 0 && p < P ? ch.group[j] * P + p : -1;
  }
  const byPeriod = groupTotals(base, cellGroup, C * P);
  const trend = order.map((g): ChannelTrendSeries => {
    const revenue = Array.from(byPeriod.revenue.subarray(g * P, g * P + P));
    const orders = Array.from(byPeriod.orders.subarray(g * P, g * P + P));
    return { key: ch.keys[g], label: groupLabel(ch.keys[g]), values: measure === 'revenue' ? revenue : orders, revenue, orders };
  });

  const known = ch.keys.filter((k) => k !== null).length;
  const counts = channelCounts(base, ch, known);

  let byCustomerType: ChannelMixResult['byCustomerType'] = null;
  if (tables.customers?.columnNames().includes('type')) {
    const types = rowGroups(base, 'type');
    const T = types.keys.length;
    const typeCell = new Int32Array(base.rowCount);
    for (let j = 0; j < base.rowCount; j++) typeCell[j] = ch.group[j] * T + types.group[j];
    const m = groupTotals(base, typeCell, C * T);
    byCustomerType = {
      types: types.keys.map((key) => ({ key, label: groupLabel(key) })),
      cells: order.map((g) => types.keys.map((_, t) => ({ revenue: m.revenue[g * T + t], orders: m.orders[g * T + t], customers: m.customers[g * T + t] }))),
    };
  }

  return {
    available: ch.available,
    asOf: base.asOf,
    interval,
    measure,
    total: { revenue: total.revenue, orders: total.orders, customers: total.customers, aov: ratio(total.revenue, total.orders) },
    channels,
    periods,
    trend,
    channelCount: counts.list,
    customersWithoutChannel: counts.without,
    byCustomerType,
  };
}
