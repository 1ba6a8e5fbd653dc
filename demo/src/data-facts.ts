/**
 * What the page derives from the current tables with the public metrics API: filter options, the date range
 * of a preset, the KPI strip, and the RFM segment list for a campaign.
 */
import {
  dayFromParts,
  dayToDate,
  dayToIso,
  isoToDay,
  latestOrderDay,
  lifecycleStageMembership,
  prepareOrders,
  readColumn,
  resolveSegmentScheme,
  rfm,
  rfmCustomers,
  segmentInfos,
  type CrmFilter,
  type CrmTables,
  type Locale,
  type MetricOptions,
  type SegmentInfo,
  type TableData,
} from '../../src/index.js';
import type { PageState, RangePreset } from './url-state.js';

/**
 * What the data bar counts: distinct purchase orders and customers over all the data, after the cancellation
 * policy (the prepared base without a filter, as the KPIs count them) — not rows.
 */
export function dataCounts(tables: CrmTables | undefined): { orders: number; customers: number } {
  if (!tables || tables.orders.numRows() === 0) return { orders: 0, customers: 0 };
  const base = prepareOrders(tables, {});
  let orders = 0;
  for (let s = 0; s < base.customerCount; s++) orders += base.orders[s];
  return { orders, customers: base.customerCount };
}

/** Distinct non-empty values of a column, sorted for the locale. */
export function distinct(tables: CrmTables | undefined, table: 'orders' | 'customers', column: string): string[] {
  const t = tables?.[table];
  const values = t ? readColumn<string | null>(t, column) : undefined;
  if (!values) return [];
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v) seen.add(v);
  }
  return [...seen].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The day the date presets count back from: the chosen as-of, else the latest order day. */
export function referenceDay(tables: CrmTables | undefined, asOf: string): number {
  if (asOf) {
    const d = isoToDay(asOf);
    if (!Number.isNaN(d)) return d;
  }
  return tables ? latestOrderDay(tables.orders) : NaN;
}

/** Inclusive `[from, to]` (YYYY-MM-DD) of a preset ending on the reference day; undefined for "all". */
export function presetRange(preset: RangePreset, reference: number): { from: string; to: string } | undefined {
  if (preset === 'all' || Number.isNaN(reference)) return undefined;
  const to = dayToIso(reference);
  if (preset === 'ytd') return { from: dayToIso(dayFromParts(dayToDate(reference).getUTCFullYear(), 1, 1)), to };
  return { from: dayToIso(reference - Number(preset) + 1), to };
}

/** The page filter (controls above the dashboard) as a `CrmFilter`. */
export function pageFilter(s: PageState, tables: CrmTables | undefined): CrmFilter {
  const f: CrmFilter = {};
  const range = presetRange(s.range, referenceDay(tables, s.asOf));
  if (range) f.dateRange = { start: isoToDay(range.from), end: isoToDay(range.to) };
  if (s.regions.length) f.regions = s.regions;
  if (s.channels.length) f.channels = s.channels;
  if (s.customerTypes.length) f.customerTypes = s.customerTypes;
  if (s.segments.length) f.segments = s.segments;
  return f;
}

/** Metric options matching what the widgets compute with. */
export function metricOptions(s: PageState, filter: CrmFilter): MetricOptions {
  return {
    asOf: s.asOf || undefined,
    filter,
    rfm: { bins: s.bins, segments: s.preset },
    stageMembership: lifecycleStageMembership,
  };
}

export function segmentsOf(preset: PageState['preset']): SegmentInfo[] {
  return segmentInfos(resolveSegmentScheme(preset).rules);
}

export interface Kpis {
  customers: number;
  orders: number;
  revenue: number;
  aov: number;
}

/** Customers, orders and net revenue of the filtered data (the RFM base: cancelled excluded, refunds netted). */
export function kpis(tables: CrmTables, options: MetricOptions): Kpis {
  const r = rfm(tables, options);
  let orders = 0;
  let revenue = 0;
  for (let i = 0; i < r.size; i++) {
    orders += r.frequency[i];
    revenue += r.monetary[i];
  }
  return { customers: r.size, orders, revenue, aov: orders ? revenue / orders : NaN };
}

export interface SegmentMember {
  customer_id: string;
  name: string;
  segment: string;
  r: number;
  f: number;
  m: number;
  rfm_score: number;
  recency_days: number;
  frequency: number;
  monetary: number;
}

/** The customers of one RFM segment (ids, names, scores), best score first: a campaign list. */
export function segmentMembers(tables: CrmTables, options: MetricOptions, segment: string): SegmentMember[] {
  const r = rfm(tables, options);
  const names = new Map<string, string>();
  const c = tables.customers;
  const ids = c ? readColumn<string>(c, 'customer_id') : undefined;
  const nameCol = c ? readColumn<string | null>(c, 'name') : undefined;
  if (ids && nameCol) for (let i = 0; i < ids.length; i++) if (nameCol[i]) names.set(ids[i], nameCol[i]!);
  const rows = Array.from(rfmCustomers(r, { segment }), (i) => ({
    customer_id: r.columns.customer_id[i],
    name: names.get(r.columns.customer_id[i]) ?? '',
    segment,
    r: r.r[i],
    f: r.f[i],
    m: r.m[i],
    rfm_score: r.columns.rfm_score[i],
    recency_days: r.columns.recency_days[i],
    frequency: r.frequency[i],
    monetary: r.monetary[i],
  }));
  return rows.sort((a, b) => b.rfm_score - a.rfm_score || b.monetary - a.monetary);
}

/** The segment list as table data for `csvBlob` (same CSV rules as the widgets' exports). */
export function segmentTable(rows: SegmentMember[], locale: Locale): TableData<SegmentMember> {
  const zh = locale === 'zh-CN';
  return {
    columns: [
      { key: 'customer_id', label: zh ? '客户编号' : 'Customer ID', rowHeader: true },
      { key: 'name', label: zh ? '客户名称' : 'Name' },
      { key: 'segment', label: zh ? '分群' : 'Segment' },
      { key: 'r', label: 'R', kind: 'integer' },
      { key: 'f', label: 'F', kind: 'integer' },
      { key: 'm', label: 'M', kind: 'integer' },
      { key: 'rfm_score', label: zh ? 'RFM 得分' : 'RFM score', kind: 'integer' },
      { key: 'recency_days', label: zh ? '距今天数' : 'Recency (days)', kind: 'integer' },
      { key: 'frequency', label: zh ? '订单数' : 'Orders', kind: 'integer' },
      { key: 'monetary', label: zh ? '消费金额' : 'Monetary', kind: 'number' },
    ],
    rows,
  };
}

/** The customer with the highest net spend over all the data (the 360° card's opening example). */
export function topCustomer(tables: CrmTables): string {
  const r = rfm(tables, {});
  let best = -1;
  for (let i = 0; i < r.size; i++) if (best < 0 || r.monetary[i] > r.monetary[best]) best = i;
  return best < 0 ? '' : r.columns.customer_id[best];
}
