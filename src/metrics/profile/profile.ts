import { dayToMonthIndex, monthIndexToIso } from '../../data/days.js';
import type { CrmTables } from '../../data/types.js';
import {
  modelCheck,
  predictCustomers,
  type ChurnModelName,
  type ChurnModelSetting,
  type ModelCheck,
  type ModelChoice,
  type PredictionsUnavailable,
} from '../btyd/index.js';
import { OVERDUE_GAPS, typicalRepeatGapDays } from '../btyd/repeat-gap.js';
import { codeOfValue, columnCodes, readColumn, rowCount } from '../columns.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, slotOfId, type PreparedOrders } from '../prepare.js';
import { rfm } from '../rfm/rfm.js';
import type { SegmentInfo, SegmentLabels } from '../segments.js';
import { currentLifecycleStage } from './lifecycle-stage.js';
import { percentileRank, sortedValues } from './percentile.js';
import { customerSummary, medianGapDays } from './summary.js';
import { rankedTally, tallyCustomer, tallyScratch, type ValueTally } from './value-tally.js';
import { checkedOptions, checkOptions } from '../option-keys.js';

/** A lifecycle stage as the profile shows it. */
export interface ProfileStage {
  id: string;
  labels: SegmentLabels;
  /** Day the stage was reached (epoch day), NaN when unknown. */
  day: number;
}

/**
 * Supplies one customer's current (furthest reached) lifecycle stage. The lifecycle module provides one;
 * without it the profile's `lifecycle` is null.
 */
export type LifecycleStageOf = (tables: CrmTables, customerId: string, options: MetricOptions) => ProfileStage | null;

export interface ProfileOptions extends MetricOptions {
  /**
   * The customer's lifecycle stage. Default: `currentLifecycleStage` (the lifecycle funnel's furthest
   * observable stage counting the customer, default stages); `null` leaves `lifecycle` null.
   */
  lifecycleStageOf?: LifecycleStageOf | null;
  /** Churn / orders / CLV predictions (BTYD model + gamma-gamma). Default true. */
  predictions?: boolean;
  /** The churn model (`auto` default: picked by the holdout check; see docs/metrics.md). */
  churnModel?: ChurnModelSetting;
  /** Horizon of `expectedOrders`, days. Default 90. */
  horizonDays?: number;
  /** CLV horizon, months. Default 12. */
  clvMonths?: number;
  /** How many top categories to list. Default 5. */
  topCategories?: number;
}

/** One interaction in the timeline. */
export interface ProfileInteraction {
  day: number;
  channel: string | null;
  kind: string | null;
  /** NaN when missing. */
  nps: number;
  note: string | null;
}

/** Monthly series from the first order's month to asOf's month, every month present (zeros included). */
export interface MonthlySpend {
  /** `YYYY-MM`. */
  month: string[];
  /** Month index (year · 12 + month0), see src/data/days.ts. */
  monthIndex: Int32Array;
  /** Net amount of the month's rows. */
  revenue: Float64Array;
  /** Orders first seen in the month. */
  orders: Int32Array;
}

export interface ProfileRfm {
  r: number;
  f: number;
  m: number;
  score: number;
  segment: SegmentInfo;
  recencyDays: number;
  frequency: number;
  monetary: number;
}

export interface ProfilePredictions {
  available: true;
  /** The model the figures come from, and why it was chosen. */
  model: ChurnModelName;
  modelRule: ModelChoice['rule'];
  /** The holdout check of the model used (for `auto`: of all three), to show how far to trust the figures. */
  check: ModelCheck;
  /** P(alive) at asOf, under `model`. */
  pAlive: number;
  /** 1 − P(alive). */
  churnRisk: number;
  /** Expected purchase days in the next `horizonDays`. */
  expectedOrders: number;
  horizonDays: number;
  /** Discounted value of the next `months` months. */
  clv: number;
  months: number;
  /** Percentile rank (0–100, mid-rank) among all customers of the same data and options. */
  percentiles: { churnRisk: number; expectedOrders: number; clv: number };
  /** True where the customer's value is the population's maximum (no customer above; ties included). */
  highest: { churnRisk: boolean; expectedOrders: boolean; clv: boolean };
  /** True where the customer's value is the population's minimum (no customer below; ties included). */
  lowest: { churnRisk: boolean; expectedOrders: boolean; clv: boolean };
  /** The base's typical repeat gap in days (median of repeat buyers' mean gaps); NaN without repeat buyers. */
  typicalRepeatGapDays: number;
  /**
   * True when the days since the customer's last purchase exceed `OVERDUE_GAPS` (2) typical repeat gaps: the
   * churn level is then at least `medium`, whatever the model's number (BG/NBD gives one-time buyers 0 %).
   */
  overdue: boolean;
  /** Fallbacks the model took (English), e.g. observed mean spend instead of gamma-gamma. */
  notes: string[];
}

export interface CustomerProfile {
  customerId: string;
  asOf: number;
  /** False when the customer has no kept order (figures are then 0 / NaN / empty). */
  found: boolean;
  /** The customer's row of the customers table (column → value; days as epoch days), or null. */
  record: Record<string, unknown> | null;
  firstOrder: number;
  lastOrder: number;
  orders: number;
  revenue: number;
  aov: number;
  recencyDays: number;
  tenureDays: number;
  medianGapDays: number;
  /** Channels by orders (tie → revenue). */
  channels: ValueTally[];
  favouriteChannel: string | null;
  /** Categories by revenue (tie → orders), at most `topCategories`. */
  topCategories: ValueTally[];
  discountedShare: number;
  interactions: number;
  lastContact: number;
  latestNps: number;
  monthly: MonthlySpend;
  /** Interactions up to asOf (inside filter.dateRange), newest first. */
  timeline: ProfileInteraction[];
  rfm: ProfileRfm | null;
  lifecycle: ProfileStage | null;
  /** Null when not requested or the customer has no order; `available: false` when the model cannot fit. */
  predictions: ProfilePredictions | PredictionsUnavailable | null;
}

/**
 * Everything the profile card shows about one customer (see docs/metrics.md (profile)). Throws a RangeError
 * when the id appears in none of the tables.
 */
export function customerProfile(tables: CrmTables, customerId: string, options: ProfileOptions = {}): CustomerProfile {
  checkOptions('customerProfile', options);
  const base = prepareOrders(tables, options);
  const slot = slotOfId(base, customerId);
  const record = customerRecord(tables, customerId);
  const timeline = customerTimeline(tables, customerId, base.asOf, base.filter.dateRange);
  if (slot < 0 && !record && timeline.length === 0 && !base.index.ids.includes(customerId))
    throw new RangeError(`customerProfile: customer '${customerId}' is in none of the tables`);
  const latestWithNps = timeline.find((t) => t.nps === t.nps);
  const contact = {
    interactions: timeline.length,
    lastContact: timeline.length ? timeline[0].day : NaN,
    latestNps: latestWithNps ? latestWithNps.nps : NaN,
  };
  const stageOf = options.lifecycleStageOf === undefined ? currentLifecycleStage : options.lifecycleStageOf;
  const lifecycle = stageOf ? stageOf(tables, customerId, options) : null;
  if (slot < 0) {
    return {
      customerId,
      asOf: base.asOf,
      found: false,
      record,
      firstOrder: NaN,
      lastOrder: NaN,
      orders: 0,
      revenue: 0,
      aov: NaN,
      recencyDays: NaN,
      tenureDays: NaN,
      medianGapDays: NaN,
      channels: [],
      favouriteChannel: null,
      topCategories: [],
      discountedShare: NaN,
      ...contact,
      monthly: { month: [], monthIndex: new Int32Array(0), revenue: new Float64Array(0), orders: new Int32Array(0) },
      timeline,
      rfm: null,
      lifecycle,
      predictions: null,
    };
  }
  const summary = customerSummary(tables, options);
  const channels = tallyOf(base, slot, 'channel', 'orders');
  const scores = rfm(tables, options);
  return {
    customerId,
    asOf: base.asOf,
    found: true,
    record,
    firstOrder: base.firstDay[slot],
    lastOrder: base.lastDay[slot],
    orders: base.orders[slot],
    revenue: base.revenue[slot],
    aov: summary.aov[slot],
    recencyDays: summary.recency_days[slot],
    tenureDays: summary.tenure_days[slot],
    medianGapDays: medianGapDays(base, slot),
    channels,
    favouriteChannel: channels.length ? channels[0].value : null,
    topCategories: tallyOf(base, slot, 'category', 'revenue').slice(0, options.topCategories ?? 5),
    discountedShare: summary.discounted_share[slot],
    ...contact,
    monthly: monthlySpend(base, slot),
    timeline,
    rfm: {
      r: scores.r[slot],
      f: scores.f[slot],
      m: scores.m[slot],
      score: scores.columns.rfm_score[slot],
      segment: scores.segments[scores.segment[slot]],
      recencyDays: scores.recencyDays[slot],
      frequency: scores.frequency[slot],
      monetary: scores.monetary[slot],
    },
    lifecycle,
    predictions: options.predictions === false ? null : predictionsFor(tables, options, slot),
  };
}

function tallyOf(base: PreparedOrders, slot: number, column: string, by: 'orders' | 'revenue'): ValueTally[] {
  const dict = columnCodes(base.tables.orders, column);
  if (!dict) return [];
  const scratch = tallyScratch(dict);
  tallyCustomer(base, slot, dict, scratch);
  return rankedTally(dict, scratch, by);
}

function monthlySpend(base: PreparedOrders, slot: number): MonthlySpend {
  const first = dayToMonthIndex(base.firstDay[slot]);
  const last = dayToMonthIndex(base.asOf);
  const len = Math.max(0, last - first + 1);
  const monthIndex = Int32Array.from({ length: len }, (_, i) => first + i);
  const revenue = new Float64Array(len);
  const orders = new Int32Array(len);
  const seen = new Set<number>(); // rows are by day, so an order's first row is in its first month
  for (let j = base.start[slot]; j < base.start[slot + 1]; j++) {
    const m = dayToMonthIndex(base.day[j]) - first;
    revenue[m] += base.amount[j];
    if (base.purchase[j] && !seen.has(base.orderKey[j])) {
      seen.add(base.orderKey[j]);
      orders[m]++;
    }
  }
  return { month: Array.from(monthIndex, monthIndexToIso), monthIndex, revenue, orders };
}

function customerRecord(tables: CrmTables, id: string): Record<string, unknown> | null {
  if (!tables.customers) return null;
  const ids = columnCodes(tables.customers, 'customer_id');
  const code = ids && codeOfValue(ids, id);
  if (!ids || code === undefined) return null;
  const row = ids.codes.indexOf(code); // first row for the id, as the join in prepareOrders
  const record: Record<string, unknown> = {};
  for (const name of tables.customers.columnNames()) record[name] = readColumn(tables.customers, name)![row];
  return record;
}

function customerTimeline(
  tables: CrmTables,
  id: string,
  asOf: number,
  range: { start?: number; end?: number } | undefined,
): ProfileInteraction[] {
  const t = tables.interactions;
  if (!t) return [];
  const ids = columnCodes(t, 'customer_id');
  const days = readColumn<number>(t, 'date');
  const code = ids && codeOfValue(ids, id);
  if (!ids || !days || code === undefined) return [];
  const channel = readColumn<string | null>(t, 'channel');
  const kind = readColumn<string | null>(t, 'kind');
  const nps = readColumn<number>(t, 'nps');
  const note = readColumn<string | null>(t, 'note');
  const lo = range?.start ?? -Infinity;
  const hi = Math.min(range?.end ?? Infinity, asOf);
  const out: (ProfileInteraction & { row: number })[] = [];
  const n = rowCount(t);
  for (let r = 0; r < n; r++) {
    if (ids.codes[r] !== code || !(days[r] >= lo && days[r] <= hi)) continue;
    out.push({
      row: r,
      day: days[r],
      channel: channel?.[r] ?? null,
      kind: kind?.[r] ?? null,
      nps: nps ? nps[r] : NaN,
      note: note?.[r] ?? null,
    });
  }
  // Newest first; same day → later row first.
  return out.sort((x, y) => y.day - x.day || y.row - x.row).map(({ row: _row, ...rest }) => rest);
}

/** The options `modelCheck` shares with the profile (the prediction-only keys left out). */
function checkOptionsOf(options: ProfileOptions) {
  const { asOf, filter, rfm, stageMembership } = options;
  return { asOf, filter, rfm, stageMembership };
}

function predictionsFor(tables: CrmTables, options: ProfileOptions, slot: number): ProfilePredictions | PredictionsUnavailable | null {
  const horizonDays = options.horizonDays ?? 90;
  const months = options.clvMonths ?? 12;
  const p = predictCustomers(tables, checkedOptions({ ...options, horizonDays, months }));
  if (!p.available) return p;
  const i = p.summary.slots.indexOf(slot);
  if (i < 0) return null; // only refunds in the data for this customer: no purchase day to model
  const check = p.modelChoice.check ?? modelCheck(tables, checkedOptions({ ...checkOptionsOf(options), churnModel: p.model }));
  const gap = typicalRepeatGapDays(p.summary);
  const perUnit = p.unit === 'week' ? 7 : 1;
  const silentDays = (p.summary.T[i] - p.summary.recency[i]) * perUnit; // asOf − last purchase day
  const sorted = (a: Float64Array) => sortedValues(a);
  const isHighest = (a: Float64Array) => a[i] >= sorted(a)[sorted(a).length - 1];
  const isLowest = (a: Float64Array) => a[i] <= sorted(a)[0];
  return {
    available: true,
    model: p.model,
    modelRule: p.modelChoice.rule,
    check,
    typicalRepeatGapDays: gap,
    overdue: gap === gap && silentDays > OVERDUE_GAPS * gap,
    highest: { churnRisk: isHighest(p.churnRisk), expectedOrders: isHighest(p.expectedOrders), clv: isHighest(p.clv) },
    lowest: { churnRisk: isLowest(p.churnRisk), expectedOrders: isLowest(p.expectedOrders), clv: isLowest(p.clv) },
    pAlive: p.pAlive[i],
    churnRisk: p.churnRisk[i],
    expectedOrders: p.expectedOrders[i],
    horizonDays,
    clv: p.clv[i],
    months,
    percentiles: {
      churnRisk: percentileRank(sortedValues(p.churnRisk), p.churnRisk[i]),
      expectedOrders: percentileRank(sortedValues(p.expectedOrders), p.expectedOrders[i]),
      clv: percentileRank(sortedValues(p.clv), p.clv[i]),
    },
    notes: p.notes,
  };
}
