import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import type { SegmentInfo } from '../segments.js';
import { scoreRfm, type RfmScores } from './score.js';
import { checkOptions } from '../option-keys.js';
import { customerRowsOf, type CustomerRows } from '../customer-rows.js';
import type { RfmSettings } from './settings.js';

/**
 * Per-customer RFM columns, one entry per customer (the prepared base's slot order), named like the
 * Arquero table `rfmToTable` makes of them.
 */
export interface RfmColumns {
  customer_id: string[];
  /** asOf − last order day. */
  recency_days: Int32Array;
  /** Distinct orders (or rows, per `rfm.frequencyBy`). */
  frequency: Int32Array;
  /** Sum of amounts, refunds netted. */
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** 100·r + 10·f + m. */
  rfm_score: Uint16Array;
  /** Segment id (see `segments`). */
  segment: string[];
}

/** RFM of a set of customers without the rows it came from (what a server engine returns). */
export interface RfmView extends RfmScores {
  asOf: number;
  /** Number of customers (customers with at least one kept order). */
  size: number;
  columns: RfmColumns;
}

export interface RfmResult extends RfmView {
  /** The prepared base the scores were computed on (slot i = row i of `columns`). */
  base: PreparedOrders;
}

/** An `RfmResult` without its prepared base: what the helpers below read, and what crosses from the data worker. */
export type RfmScoresResult = RfmView;

/** Orders table or the tables of a feed. */
export type RfmInput = CrmTables | ColumnTable;

function asTables(input: RfmInput): CrmTables {
  return typeof (input as ColumnTable).numRows === 'function' ? { orders: input as ColumnTable } : (input as CrmTables);
}

const memo = new WeakMap<PreparedOrders, Map<string, RfmResult>>();

/**
 * RFM scores and segments per customer (see docs/metrics.md (rfm)). Customers are those with at least one
 * order kept by asOf and the filter; cancelled orders are excluded and refunds net against monetary.
 * Memoized per prepared base and `options.rfm`.
 */
export function rfm(input: RfmInput, options: MetricOptions = {}): RfmResult {
  checkOptions('rfm', options);
  const base = prepareOrders(asTables(input), options);
  const key = JSON.stringify(options.rfm ?? null);
  let perBase = memo.get(base);
  if (!perBase) memo.set(base, (perBase = new Map()));
  const hit = perBase.get(key);
  if (hit) return hit;
  const result: RfmResult = { ...rfmFromCustomers(customerRowsOf(base), options.rfm), base };
  perBase.set(key, result);
  return result;
}

/**
 * The one step "per-customer rows → RFM" that the browser (over a prepared base) and the server engines (over
 * rows aggregated in SQL) share: breaks, scores, segments and the per-customer columns.
 */
export function rfmFromCustomers(rows: CustomerRows, settings?: RfmSettings): RfmView {
  const scores = scoreRfm(rows, settings);
  const n = rows.customerCount;
  const customer_id = rows.ids.slice(0, n);
  const segment = new Array<string>(n);
  const rfm_score = new Uint16Array(n);
  for (let s = 0; s < n; s++) {
    segment[s] = scores.segments[scores.segment[s]].id;
    rfm_score[s] = 100 * scores.r[s] + 10 * scores.f[s] + scores.m[s];
  }
  return {
    ...scores,
    asOf: rows.asOf,
    size: n,
    columns: {
      customer_id,
      recency_days: scores.recencyDays,
      frequency: scores.frequency,
      monetary: scores.monetary,
      r: scores.r,
      f: scores.f,
      m: scores.m,
      rfm_score,
      segment,
    },
  };
}

/** The RFM columns as an Arquero table (for export and ad-hoc queries; widgets can use `columns`). */
export function rfmToTable(result: RfmView): ColumnTable {
  return aq.table({ ...result.columns });
}

/** Which customers to list: any combination of exact scores and a segment id. */
export interface RfmSelection {
  r?: number;
  f?: number;
  m?: number;
  segment?: string;
}

/** Row indices (into `result.columns`) of the customers matching every given part of `select`. */
export function rfmCustomers(result: RfmView, select: RfmSelection): Int32Array {
  const seg = select.segment === undefined ? -1 : result.segments.findIndex((s) => s.id === select.segment);
  if (select.segment !== undefined && seg < 0) return new Int32Array(0);
  const out: number[] = [];
  for (let i = 0; i < result.size; i++) {
    if (select.r !== undefined && result.r[i] !== select.r) continue;
    if (select.f !== undefined && result.f[i] !== select.f) continue;
    if (select.m !== undefined && result.m[i] !== select.m) continue;
    if (seg >= 0 && result.segment[i] !== seg) continue;
    out.push(i);
  }
  return Int32Array.from(out);
}

/** One dimension pair of the score grid. */
export type RfmAxis = 'r' | 'f' | 'm';

/** Customers, orders and revenue per cell of two score dimensions (e.g. the r × f matrix). */
export interface RfmGrid {
  x: RfmAxis;
  y: RfmAxis;
  /** Bins on each axis (scores 1 … xBins). */
  xBins: number;
  yBins: number;
  /** Cell (x score, y score) at index `(y − 1) * xBins + (x − 1)`. */
  customers: Int32Array;
  orders: Float64Array;
  revenue: Float64Array;
}

const binsOf = (result: RfmView, axis: RfmAxis) =>
  axis === 'r' ? result.bins.recency : axis === 'f' ? result.bins.frequency : result.bins.monetary;

/** Aggregates customers over two score dimensions (mean monetary of a cell = revenue / customers). */
export function rfmGrid(result: RfmView, x: RfmAxis = 'f', y: RfmAxis = 'r'): RfmGrid {
  const xBins = binsOf(result, x);
  const yBins = binsOf(result, y);
  const xs = result[x];
  const ys = result[y];
  const customers = new Int32Array(xBins * yBins);
  const orders = new Float64Array(xBins * yBins);
  const revenue = new Float64Array(xBins * yBins);
  for (let i = 0; i < result.size; i++) {
    const c = (ys[i] - 1) * xBins + (xs[i] - 1);
    customers[c]++;
    orders[c] += result.frequency[i];
    revenue[c] += result.monetary[i];
  }
  return { x, y, xBins, yBins, customers, orders, revenue };
}

/** One row of `rfmSegmentSummary`. */
export interface RfmSegmentRow extends SegmentInfo {
  customers: number;
  /** Sum of the customers' frequency (orders, or rows per `rfm.frequencyBy`). */
  orders: number;
  revenue: number;
  /** revenue / orders (NaN when there are no orders). */
  aov: number;
  /** Share of all customers / of all revenue (0–1; NaN when the total is 0). */
  customerShare: number;
  revenueShare: number;
}

/**
 * Per segment, in the scheme's order (then `others`): customers, orders, revenue, AOV and shares — R's
 * `rfm_segment_summary` plus shares. Segments without customers are listed with zeros.
 */
export function rfmSegmentSummary(result: RfmView): RfmSegmentRow[] {
  const k = result.segments.length;
  const customers = new Float64Array(k);
  const orders = new Float64Array(k);
  const revenue = new Float64Array(k);
  let totalRevenue = 0;
  for (let i = 0; i < result.size; i++) {
    const s = result.segment[i];
    customers[s]++;
    orders[s] += result.frequency[i];
    revenue[s] += result.monetary[i];
    totalRevenue += result.monetary[i];
  }
  return result.segments.map((info, s) => ({
    ...info,
    customers: customers[s],
    orders: orders[s],
    revenue: revenue[s],
    aov: orders[s] > 0 ? revenue[s] / orders[s] : NaN,
    customerShare: result.size > 0 ? customers[s] / result.size : NaN,
    revenueShare: totalRevenue !== 0 ? revenue[s] / totalRevenue : NaN,
  }));
}
