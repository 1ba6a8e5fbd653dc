import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { groupLabel, rowGroups } from './group-keys.js';
import { groupTotals, type GroupTotals } from './group-totals.js';
import { growth, ratio } from './ratios.js';
import { checkOptions } from '../option-keys.js';
import { codedError } from '../../i18n/coded-error.js';

/** Inclusive range of epoch days. */
export interface DayRange {
  start: number;
  end: number;
}

export interface RegionalOptions extends MetricOptions {
  /**
   * Attribute to group by: an orders column (falling back to the customer's own value when the order has
   * none) or a customers column such as `type`. Default `region`.
   */
  groupBy?: 'region' | 'province' | 'city_tier' | 'type' | (string & {});
  /** The comparison period (inclusive epoch days). Default: the equally long period just before. */
  compare?: DayRange;
}

/** One period's figures for a group (or for all groups). */
export interface RegionalFigures {
  revenue: number;
  orders: number;
  customers: number;
  /** revenue / orders (null without orders). */
  aov: number | null;
  /** revenue / customers (null without customers). */
  revenuePerCustomer: number | null;
  /** Customers with ≥ 2 orders in the group and period. */
  repeatCustomers: number;
  /** repeatCustomers / customers. */
  repeatRate: number | null;
}

/** Relative change vs the comparison period; null when either period has no order rows for the group. */
export interface RegionalGrowth {
  revenue: number | null;
  orders: number | null;
  customers: number | null;
  aov: number | null;
  revenuePerCustomer: number | null;
}

export interface RegionalGroup extends RegionalFigures {
  /** The group value; null for the "(unknown)" group of rows without one. */
  key: string | null;
  label: string;
  /** revenue / total revenue of the period (null when the total is 0). */
  share: number | null;
  /** 1-based rank by revenue (ties share a rank); null for a group with no rows in the period. */
  rank: number | null;
  /** The group in the comparison period; null when it has no rows there. */
  previous: RegionalFigures | null;
  growth: RegionalGrowth;
}

export interface RegionalResult {
  groupBy: string;
  asOf: number;
  period: DayRange;
  previousPeriod: DayRange;
  /** Ranked groups; groups seen only in the comparison period come last (rank null). */
  groups: RegionalGroup[];
  /** All groups together (customers counted once even when they bought in several groups). */
  total: RegionalFigures & { previous: RegionalFigures | null; growth: RegionalGrowth };
}

/** Length of the default period, in days, when the filter has no date range. */
export const DEFAULT_REGIONAL_PERIOD_DAYS = 365;

function figures(revenue: number, orders: number, customers: number, repeatCustomers: number): RegionalFigures {
  return {
    revenue,
    orders,
    customers,
    aov: ratio(revenue, orders),
    revenuePerCustomer: ratio(revenue, customers),
    repeatCustomers,
    repeatRate: ratio(repeatCustomers, customers),
  };
}

function growthOf(cur: RegionalFigures | null, prev: RegionalFigures | null): RegionalGrowth {
  const g = (k: keyof RegionalGrowth) => (cur && prev ? growth(cur[k], prev[k]) : null);
  return { revenue: g('revenue'), orders: g('orders'), customers: g('customers'), aov: g('aov'), revenuePerCustomer: g('revenuePerCustomer') };
}

function firstKeptDay(base: PreparedOrders): number {
  let min = Infinity;
  for (let s = 0; s < base.customerCount; s++) if (base.firstDay[s] < min) min = base.firstDay[s];
  return min;
}

/**
 * The analysed period: the filter's date range (a missing start = the first kept order, a missing end =
 * asOf; capped at asOf), else the last 365 days up to and including asOf.
 */
function currentPeriod(base: PreparedOrders, range: { start?: number; end?: number } | undefined): DayRange {
  if (!range) return { start: base.asOf - DEFAULT_REGIONAL_PERIOD_DAYS + 1, end: base.asOf };
  const end = Math.min(range.end ?? base.asOf, base.asOf);
  const first = firstKeptDay(base);
  return { start: range.start ?? (Number.isFinite(first) ? first : end), end };
}

const compareLabels = (a: { label: string }, b: { label: string }) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

function checkRange(r: DayRange, name: string): DayRange {
  if (!r || !Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start > r.end)
    throw codedError(RangeError, 'date-range', { name, value: String(JSON.stringify(r)) });
  return r;
}

/**
 * The shared base of a regional comparison (prepared with the filter minus its date range: the date range
 * picks the periods here) and the two periods compared.
 */
export function regionalBase(
  tables: CrmTables,
  options: RegionalOptions = {},
): { base: PreparedOrders; period: DayRange; previousPeriod: DayRange } {
  const { dateRange, ...rest } = options.filter ?? {};
  const base = prepareOrders(tables, { ...options, filter: rest });
  const period = checkRange(currentPeriod(base, dateRange), 'filter.dateRange');
  const length = period.end - period.start + 1;
  const previousPeriod = checkRange(options.compare ?? { start: period.start - length, end: period.start - 1 }, 'compare');
  return { base, period, previousPeriod };
}

/**
 * Revenue, orders, customers, AOV, revenue per customer, repeat rate, share and rank per group, with growth
 * against a comparison period. See docs/metrics.md (regional).
 */
export function regionalComparison(tables: CrmTables, options: RegionalOptions = {}): RegionalResult {
  checkOptions('regionalComparison', options);
  const groupBy = options.groupBy ?? 'region';
  const { base, period, previousPeriod } = regionalBase(tables, options);
  const { keys, group } = rowGroups(base, groupBy);
  const cur = groupTotals(base, group, keys.length, period.start, period.end);
  const prev = groupTotals(base, group, keys.length, previousPeriod.start, previousPeriod.end);

  const at = (t: GroupTotals, g: number) => (t.rows[g] > 0 ? figures(t.revenue[g], t.orders[g], t.customers[g], t.repeatCustomers[g]) : null);
  const totalOf = (t: GroupTotals) => (t.total.rows > 0 ? figures(t.total.revenue, t.total.orders, t.total.customers, t.total.repeatCustomers) : null);
  const empty = figures(0, 0, 0, 0);
  const curTotal = totalOf(cur);
  const prevTotal = totalOf(prev);

  const listed: { group: RegionalGroup; present: boolean }[] = [];
  keys.forEach((key, g) => {
    const now = at(cur, g);
    const before = at(prev, g);
    if (!now && !before) return; // rows only outside both periods
    const group = {
      key,
      label: groupLabel(key),
      ...(now ?? empty),
      share: now ? ratio(now.revenue, cur.total.revenue) : null,
      rank: null,
      previous: before,
      growth: growthOf(now, before),
    };
    listed.push({ group, present: now !== null });
  });
  // Present groups by revenue (descending, ties by label), then groups seen only in the comparison period.
  listed.sort(
    (a, b) => Number(b.present) - Number(a.present) || b.group.revenue - a.group.revenue || compareLabels(a.group, b.group),
  );
  // Competition ranking ("1, 2, 2, 4"): equal revenue shares a rank.
  listed.forEach(({ group, present }, i) => {
    if (!present) return;
    const before = listed[i - 1]?.group;
    group.rank = before && before.revenue === group.revenue ? before.rank : i + 1;
  });
  const groups = listed.map((l) => l.group);
  return {
    groupBy,
    asOf: base.asOf,
    period,
    previousPeriod,
    groups,
    total: { ...(curTotal ?? empty), previous: prevTotal, growth: growthOf(curTotal, prevTotal) },
  };
}
