import { fitCustomers, type FitUnavailable, type ModelFit } from './fit-summary.js';
import { asTables, lifetimeSummary, type LifetimeOptions, type LifetimeSummary, type OrdersInput } from './lifetime-summary.js';
import { btydModel, CHURN_MODELS, probabilityAliveByTriple, type ChurnModelName } from './models.js';
import { groupPairs } from './bgnbd-data.js';
import type { TimeUnit } from './clv.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { checkedOptions, checkOptions } from '../option-keys.js';

/** Which model the churn figures use: one by name, or `auto` (picked by the holdout check). */
export type ChurnModelSetting = 'auto' | ChurnModelName;
export const CHURN_MODEL_SETTINGS: readonly ChurnModelSetting[] = ['auto', ...CHURN_MODELS];

export interface ModelCheckOptions extends LifetimeOptions {
  /** Length of the holdout period in days. Default: half the history (first purchase → asOf), at most 365. */
  holdoutDays?: number;
  /** The model to check, or `auto` (default) for all three. */
  churnModel?: ChurnModelSetting;
}

/** A holdout shorter than this says little about repeat buying (most bases repeat over weeks or months). */
export const MIN_HOLDOUT_DAYS = 28;
/** Fewer repeat buyers than this in the calibration period: the check's per-bin numbers would be noise. */
export const MIN_REPEAT_BUYERS_FOR_CHECK = 20;
/** Calibration purchase counts 0 … 6 get a row each; 7 and more share the last row (as in the BTYD vignette). */
export const CHECK_BINS = 8;
/** The model used when `auto` cannot run the holdout check (see docs/metrics.md, "Choosing the model"). */
export const DEFAULT_CHURN_MODEL: ChurnModelName = 'mbgnbd';

/** Predicted and actual holdout purchases of the customers with one number of calibration repeat purchases. */
export interface ModelCheckRow {
  /** Repeat purchases in the calibration period; the last row is "7 or more". */
  calibrationPurchases: number;
  /** True for the last, open-ended row (7+). */
  orMore: boolean;
  customers: number;
  /** Purchase days in the holdout, summed over these customers. */
  actual: number;
  /** The model's conditional expectation of the same, summed. */
  predicted: number;
  /** (predicted − actual) / actual × 100; null when actual is 0. */
  errorPct: number | null;
}

export interface ModelCheckTotal {
  customers: number;
  actual: number;
  predicted: number;
  errorPct: number | null;
}

export interface ModelCheckEntry {
  model: ChurnModelName;
  label: string;
  available: true;
  /** The fit on the calibration period. */
  fit: ModelFit;
  rows: ModelCheckRow[];
  total: ModelCheckTotal;
  /** Σ |predicted − actual| / Σ actual × 100 over customers: the `auto` rule's score (lower is better). */
  customerErrorPct: number;
}

export interface ModelCheckFailed extends FitUnavailable {
  model: ChurnModelName;
  label: string;
  available: false;
}

interface CheckBase {
  asOf: number;
  unit: TimeUnit;
  /** Last day of the calibration period (epoch day): the fit sees orders up to this day. */
  calibrationEnd: number;
  holdoutDays: number;
}

export interface ModelCheckResult extends CheckBase {
  available: true;
  /** Customers first seen before the calibration end (T > 0 there): the ones predicted. */
  customers: number;
  repeatBuyers: number;
  models: (ModelCheckEntry | ModelCheckFailed)[];
  /** The checked model with the lowest `customerErrorPct` (ties: the order bgnbd, mbgnbd, pnbd); null if none fitted. */
  best: ChurnModelName | null;
}

/** What the data lacks for a check, with the numbers (have / need) to say so in the card. */
export interface ModelCheckUnavailable extends CheckBase {
  available: false;
  reason: 'short-history' | 'too-few-repeat-buyers' | 'no-holdout-purchases';
  /** Explanation (English). */
  message: string;
  have: number;
  need: number;
}

export type ModelCheck = ModelCheckResult | ModelCheckUnavailable;

const memo = new WeakMap<PreparedOrders, Map<string, ModelCheck>>();

/**
 * Calibration / holdout check of the BTYD models (the standard one in BTYD practice: Fader, Hardie & Lee 2005,
 * fig. 3; the BTYD vignette's `pnbd.PlotFreqVsConditionalExpectedFrequency`): fit on the orders up to
 * `calibrationEnd` = asOf − holdoutDays, predict each calibration customer's purchase days in the holdout
 * (calibrationEnd, asOf] with the model's conditional expectation, and compare with what they did — by number
 * of calibration repeat purchases (0 … 6, 7+) and in total. Customers first seen after the calibration end
 * (or on it) have no calibration history and are not part of the check.
 *
 * Unavailable, with what is missing, when the history is shorter than two minimum holdouts (2 × 28 days), when
 * the calibration period has fewer than 20 repeat buyers, or when nobody bought in the holdout. Memoized per
 * prepared base and options.
 */
export function modelCheck(input: OrdersInput, options: ModelCheckOptions = {}): ModelCheck {
  checkOptions('modelCheck', options);
  const tables = asTables(input);
  const base = prepareOrders(tables, options);
  const setting = options.churnModel ?? 'auto';
  if (!CHURN_MODEL_SETTINGS.includes(setting)) {
    throw new RangeError(`modelCheck: churnModel = "${String(setting)}": must be one of ${CHURN_MODEL_SETTINGS.join(', ')}`);
  }
  const h = options.holdoutDays;
  if (h !== undefined && !(Number.isInteger(h) && h > 0)) throw new RangeError(`modelCheck: holdoutDays = ${h}: must be a whole number of days > 0`);
  const key = JSON.stringify([options.unit ?? 'day', h ?? null, setting]);
  let perBase = memo.get(base);
  if (!perBase) memo.set(base, (perBase = new Map()));
  let result = perBase.get(key);
  if (!result) perBase.set(key, (result = check(input, options, base, setting)));
  return result;
}

function check(input: OrdersInput, options: ModelCheckOptions, base: PreparedOrders, setting: ChurnModelSetting): ModelCheck {
  const unit = options.unit ?? 'day';
  const perUnit = unit === 'week' ? 7 : 1;
  const full = lifetimeSummary(input, checkedOptions({ ...options }));
  let spanDays = 0;
  for (let i = 0; i < full.T.length; i++) spanDays = Math.max(spanDays, Math.round(full.T[i] * perUnit));
  const holdoutDays = options.holdoutDays ?? Math.min(365, Math.floor(spanDays / 2));
  const calibrationEnd = base.asOf - holdoutDays;
  const common = { asOf: base.asOf, unit, calibrationEnd, holdoutDays };
  if (holdoutDays < MIN_HOLDOUT_DAYS || spanDays - holdoutDays < MIN_HOLDOUT_DAYS) {
    return {
      ...common,
      available: false,
      reason: 'short-history',
      have: spanDays,
      need: 2 * MIN_HOLDOUT_DAYS,
      message: `The orders span ${spanDays} day(s); a holdout check needs at least ${MIN_HOLDOUT_DAYS} days to fit on and ${MIN_HOLDOUT_DAYS} days to compare with (${2 * MIN_HOLDOUT_DAYS} in all).`,
    };
  }
  const cal = lifetimeSummary(input, checkedOptions({ ...options, asOf: calibrationEnd }));
  const actual = holdoutPurchases(cal, full, prepareOrders(asTables(input), checkedOptions({ ...options, asOf: calibrationEnd })), base);
  let customers = 0;
  let repeatBuyers = 0;
  let holdoutTotal = 0;
  for (let i = 0; i < cal.T.length; i++) {
    if (!(cal.T[i] > 0)) continue;
    customers++;
    if (cal.frequency[i] > 0) repeatBuyers++;
    holdoutTotal += actual[i];
  }
  if (repeatBuyers < MIN_REPEAT_BUYERS_FOR_CHECK) {
    return {
      ...common,
      available: false,
      reason: 'too-few-repeat-buyers',
      have: repeatBuyers,
      need: MIN_REPEAT_BUYERS_FOR_CHECK,
      message: `${repeatBuyers} customer(s) bought more than once before the last ${holdoutDays} days; the check needs at least ${MIN_REPEAT_BUYERS_FOR_CHECK}.`,
    };
  }
  if (holdoutTotal === 0) {
    return {
      ...common,
      available: false,
      reason: 'no-holdout-purchases',
      have: 0,
      need: 1,
      message: `None of the ${customers} earlier customers bought in the last ${holdoutDays} days, so there is nothing to compare predictions with.`,
    };
  }
  const names = setting === 'auto' ? CHURN_MODELS : [setting];
  const models = names.map((name) => checkModel(name, cal, actual, holdoutDays / perUnit));
  let best: ChurnModelName | null = null;
  let bestScore = Infinity;
  for (const m of models) {
    if (m.available && m.customerErrorPct < bestScore) {
      best = m.model;
      bestScore = m.customerErrorPct;
    }
  }
  return { ...common, available: true, customers, repeatBuyers, models, best };
}

/**
 * Purchase days in the holdout per calibration customer (same order as `cal`): the full-period purchase days
 * minus the calibration ones, matched through the shared customer codes (no id lookups).
 */
function holdoutPurchases(cal: LifetimeSummary, full: LifetimeSummary, calBase: PreparedOrders, fullBase: PreparedOrders): Float64Array {
  const fullIndexOfSlot = new Int32Array(fullBase.customerCount).fill(-1);
  for (let i = 0; i < full.slots.length; i++) fullIndexOfSlot[full.slots[i]] = i;
  const out = new Float64Array(cal.frequency.length);
  for (let i = 0; i < out.length; i++) {
    const slot = fullBase.slotOfCode[calBase.customerCode[cal.slots[i]]];
    const j = slot >= 0 ? fullIndexOfSlot[slot] : -1;
    out[i] = j >= 0 ? Math.max(0, full.frequency[j] - cal.frequency[i]) : 0;
  }
  return out;
}

function checkModel(name: ChurnModelName, cal: LifetimeSummary, actual: Float64Array, horizon: number): ModelCheckEntry | ModelCheckFailed {
  const model = btydModel(name);
  const fitted = fitCustomers(name, cal.frequency, cal.recency, cal.T);
  if ('reason' in fitted) return { model: name, label: model.label, available: false, ...fitted };
  const { fit } = fitted;
  const customers = new Float64Array(CHECK_BINS);
  const act = new Float64Array(CHECK_BINS);
  const pred = new Float64Array(CHECK_BINS);
  let absError = 0;
  const aliveOf = probabilityAliveByTriple(model, fit, cal.frequency, cal.recency, cal.T);
  const pairs = groupPairs(cal.frequency, cal.T);
  const perPair = Float64Array.from(pairs.x, (x, k) => model.aliveExpectation(fit, horizon, x, pairs.T[k]));
  for (let i = 0; i < cal.T.length; i++) {
    const T = cal.T[i];
    if (!(T > 0)) continue;
    const x = cal.frequency[i];
    const alive = aliveOf[i];
    const p = alive === 0 ? 0 : alive * perPair[pairs.pairOf[i]];
    const bin = Math.min(x, CHECK_BINS - 1);
    customers[bin]++;
    act[bin] += actual[i];
    pred[bin] += p;
    absError += Math.abs(p - actual[i]);
  }
  const errorPct = (p: number, a: number) => (a > 0 ? ((p - a) / a) * 100 : null);
  const rows: ModelCheckRow[] = Array.from({ length: CHECK_BINS }, (_, b) => ({
    calibrationPurchases: b,
    orMore: b === CHECK_BINS - 1,
    customers: customers[b],
    actual: act[b],
    predicted: pred[b],
    errorPct: errorPct(pred[b], act[b]),
  }));
  const total = rows.reduce((t, r) => ({ customers: t.customers + r.customers, actual: t.actual + r.actual, predicted: t.predicted + r.predicted, errorPct: null }), {
    customers: 0,
    actual: 0,
    predicted: 0,
    errorPct: null as number | null,
  });
  total.errorPct = errorPct(total.predicted, total.actual);
  if (!Number.isFinite(absError)) {
    // A limit of the model (e.g. r, α → ∞) whose expectations overflow: say so rather than score NaN.
    return { model: name, label: model.label, available: false, reason: 'fit-failed', have: 0, need: 0, message: `The ${model.label} fit gave no finite predictions.` };
  }
  return { model: name, label: model.label, available: true, fit, rows, total, customerErrorPct: (absError / total.actual) * 100 };
}
