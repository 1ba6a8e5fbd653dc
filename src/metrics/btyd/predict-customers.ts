import { btydModel, probabilityAliveByTriple, type ChurnModelName } from './models.js';
import { fitCustomers, type FitUnavailable, type ModelFit } from './fit-summary.js';
import { CHURN_MODEL_SETTINGS, DEFAULT_CHURN_MODEL, modelCheck, type ChurnModelSetting, type ModelCheck } from './model-check.js';
import { groupPairs } from './bgnbd-data.js';
import { discountedPurchasesByPair, resolveHorizon, type TimeUnit } from './clv.js';
import { fitGammaGamma, uncheckedAverageValue, type GammaGammaFit } from './gamma-gamma.js';
import { asTables, lifetimeSummary, type LifetimeOptions, type LifetimeSummary, type OrdersInput } from './lifetime-summary.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { checkedOptions, checkOptions } from '../option-keys.js';

export interface PredictOptions extends LifetimeOptions {
  /** Horizon of `expectedOrders`, in days (converted to the model unit). Default 90. */
  horizonDays?: number;
  /** CLV horizon in months. Default 12. */
  months?: number;
  /** CLV monthly discount rate. Default 0.01. */
  monthlyDiscountRate?: number;
  /** The churn model: `auto` (default: the best in the holdout check) or `bgnbd`, `mbgnbd`, `pnbd`. */
  churnModel?: ChurnModelSetting;
  /** Holdout length of the `auto` check (see `modelCheck`). */
  holdoutDays?: number;
}

export { MIN_CUSTOMERS_TO_FIT, MIN_REPEAT_BUYERS_TO_FIT } from './fit-summary.js';
/** Fewer repeat buyers with positive spend than this: the gamma-gamma fit is not attempted. */
export const MIN_REPEAT_BUYERS_FOR_SPEND = 10;

/** How the per-purchase value in CLV was obtained. */
export type ClvValueMethod = 'gamma-gamma' | 'observed-mean';

/** Which model the predictions use and why. */
export interface ModelChoice {
  requested: ChurnModelSetting;
  model: ChurnModelName;
  /**
   * `requested`: named in the options; `holdout`: `auto`, the lowest customer error in the holdout check;
   * `default`: `auto`, but the check could not run (see `check`), so the documented default MBG/NBD.
   */
  rule: 'requested' | 'holdout' | 'default';
  /** The holdout check `auto` ran (null for a requested model). */
  check: ModelCheck | null;
}

interface PredictionsBase {
  modelChoice: ModelChoice;
  asOf: number;
  unit: TimeUnit;
  summary: LifetimeSummary;
  /** Same order as `summary.customerIds`. */
  customerIds: string[];
}

export interface CustomerPredictions extends PredictionsBase {
  available: true;
  /** P(alive) at asOf. */
  pAlive: Float64Array;
  /** 1 − P(alive). */
  churnRisk: Float64Array;
  /** Expected purchase days in the next `horizonDays` days. */
  expectedOrders: Float64Array;
  /** Discounted value of the next `months` months. */
  clv: Float64Array;
  horizonDays: number;
  months: number;
  monthlyDiscountRate: number;
  /** The model used (same as `modelChoice.model`) and its fit on all customers with T > 0. */
  model: ChurnModelName;
  fit: ModelFit;
  /** Null when the spend model was not usable (see `clvValueMethod`, `notes`). */
  gammaGamma: GammaGammaFit | null;
  clvValueMethod: ClvValueMethod;
  /** Plain-language notes on fallbacks and exclusions (English; for logs and tooltips). */
  notes: string[];
}

export interface PredictionsUnavailable extends PredictionsBase {
  available: false;
  /** Machine-readable reason. */
  reason: FitUnavailable['reason'];
  /** Explanation (English). */
  message: string;
  /** For `too-few-customers` / `too-few-repeat-buyers`: what the data has and what is needed. */
  have: number;
  need: number;
}

export type PredictCustomersResult = CustomerPredictions | PredictionsUnavailable;

const memo = new WeakMap<PreparedOrders, Map<string, PredictCustomersResult>>();

/**
 * Churn and value predictions for every customer of the (filtered) data: fits the churn model (`churnModel`:
 * BG/NBD, MBG/NBD, Pareto/NBD, or `auto`, see `ModelChoice`) on the lifetime summary
 * (customers first seen on asOf, T = 0, carry no information and are left out of the fit but still get
 * predictions), then per customer P(alive), churn risk, expected orders in the next `horizonDays` and
 * `months`-month CLV. The spend per purchase comes from a gamma-gamma fit on repeat buyers with positive spend;
 * when that is impossible (too few of them, or q ≤ 1 so the mean spend is infinite) CLV uses each customer's
 * observed mean spend per purchase day instead, and says so (`clvValueMethod: 'observed-mean'`, `notes`).
 * Never NaN: when the model cannot be fitted the result is `available: false` with a reason. Memoized per
 * prepared base (tables + asOf + filter) and the prediction options.
 */
export function predictCustomers(input: OrdersInput, options: PredictOptions = {}): PredictCustomersResult {
  checkOptions('predictCustomers', options);
  const tables = asTables(input);
  const base = prepareOrders(tables, options);
  const horizonDays = options.horizonDays ?? 90;
  const months = options.months ?? 12;
  const monthlyDiscountRate = options.monthlyDiscountRate ?? 0.01;
  const unit = options.unit ?? 'day';
  if (!(Number.isFinite(horizonDays) && horizonDays >= 0)) {
    throw new RangeError(`predictCustomers: horizonDays = ${horizonDays}: must be a finite number ≥ 0`);
  }
  const requested = options.churnModel ?? 'auto';
  if (!CHURN_MODEL_SETTINGS.includes(requested)) {
    throw new RangeError(`predictCustomers: churnModel = "${String(requested)}": must be one of ${CHURN_MODEL_SETTINGS.join(', ')}`);
  }
  const key = JSON.stringify([unit, horizonDays, months, monthlyDiscountRate, requested, options.holdoutDays ?? null]);
  let perBase = memo.get(base);
  if (!perBase) memo.set(base, (perBase = new Map()));
  let result = perBase.get(key);
  if (!result) {
    const summary = lifetimeSummary(tables, options);
    result = predict(summary, chooseModel(tables, options, requested), unit, horizonDays, months, monthlyDiscountRate);
    perBase.set(key, result);
  }
  return result;
}

/**
 * The `auto` rule: run the holdout check on all three models and take the one with the lowest customer-level
 * error (Σ|predicted − actual| / Σ actual); when the check cannot run, MBG/NBD (it fits as fast as BG/NBD and,
 * unlike it, lets a one-time buyer's P(alive) fall with time).
 */
function chooseModel(tables: ReturnType<typeof asTables>, options: PredictOptions, requested: ChurnModelSetting): ModelChoice {
  if (requested !== 'auto') return { requested, model: requested, rule: 'requested', check: null };
  const { horizonDays: _h, months: _m, monthlyDiscountRate: _d, ...rest } = options;
  const check = modelCheck(tables, checkedOptions({ ...rest, churnModel: 'auto' as const }));
  if (check.available && check.best) return { requested, model: check.best, rule: 'holdout', check };
  return { requested, model: DEFAULT_CHURN_MODEL, rule: 'default', check };
}

function predict(summary: LifetimeSummary, choice: ModelChoice, unit: TimeUnit, horizonDays: number, months: number, rate: number): PredictCustomersResult {
  const { frequency, recency, T, monetary, totalSpend } = summary;
  const n = frequency.length;
  const common = { asOf: summary.asOf, unit, summary, customerIds: summary.customerIds, modelChoice: choice };
  const notes: string[] = [];
  const fitted = fitCustomers(choice.model, frequency, recency, T);
  if ('reason' in fitted) return { ...common, available: false, ...fitted };
  const { fit } = fitted;
  const model = btydModel(choice.model);
  if (fit.atBoundary) notes.push(`The ${model.label} optimum lies at a limit of the model (a parameter ran off to 0 or infinity, e.g. all customers buying at the same rate); predictions are that limit's.`);
  if (fitted.excluded > 0) notes.push(`${fitted.excluded} customer(s) first seen on the analysis day were left out of the fit.`);

  // The alive-conditional expectations depend on (x, T) only: computed once per distinct pair.
  const pairs = groupPairs(frequency, T);
  const horizon = unit === 'week' ? horizonDays / 7 : horizonDays;
  const perPair = Float64Array.from(pairs.x, (x, k) => model.aliveExpectation(fit, horizon, x, pairs.T[k]));
  const pAlive = probabilityAliveByTriple(model, fit, frequency, recency, T);
  const churnRisk = new Float64Array(n);
  const expectedOrders = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const alive = pAlive[i];
    churnRisk[i] = 1 - alive;
    expectedOrders[i] = alive === 0 ? 0 : alive * perPair[pairs.pairOf[i]];
  }

  const { gammaGamma, valueNote } = fitSpend(frequency, monetary, T);
  if (valueNote) notes.push(valueNote);
  const purchases = discountedPurchasesByPair(model, fit, summary, pairs, resolveHorizon({ months, monthlyDiscountRate: rate, unit }, 'predictCustomers'), pAlive);
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    // Refunded-away repeat spend (≤ 0) counts as no spend evidence beyond the prior / as zero.
    const value = gammaGamma
      ? uncheckedAverageValue(gammaGamma, x, Math.max(monetary[i], 0))
      : Math.max(totalSpend[i], 0) / (x + 1);
    clv[i] = value * purchases[i];
  }
  // Never NaN: a fit at a limit of the model whose expectations overflow is a failed fit.
  if (![pAlive, expectedOrders, clv].every((a) => a.every(Number.isFinite))) {
    return { ...common, available: false, reason: 'fit-failed', have: 0, need: 0, message: `The ${model.label} fit gave no finite predictions.` };
  }
  return {
    ...common,
    available: true,
    pAlive,
    churnRisk,
    expectedOrders,
    clv,
    horizonDays,
    months,
    monthlyDiscountRate: rate,
    model: choice.model,
    fit,
    gammaGamma,
    clvValueMethod: gammaGamma ? 'gamma-gamma' : 'observed-mean',
    notes,
  };
}

/** Gamma-gamma on repeat buyers with positive spend, or null with the reason the fallback is used. */
function fitSpend(frequency: Float64Array, monetary: Float64Array, T: Float64Array): { gammaGamma: GammaGammaFit | null; valueNote?: string } {
  const idx: number[] = [];
  let nonPositive = 0;
  for (let i = 0; i < frequency.length; i++) {
    if (frequency[i] === 0 || !(T[i] > 0)) continue;
    if (monetary[i] > 0) idx.push(i);
    else nonPositive++;
  }
  const fallback = 'CLV uses each customer\'s observed mean spend per purchase day';
  const excluded = nonPositive ? ` (${nonPositive} repeat buyer(s) with net repeat spend ≤ 0 were left out of the spend fit)` : '';
  if (idx.length < MIN_REPEAT_BUYERS_FOR_SPEND) {
    return { gammaGamma: null, valueNote: `${fallback}: only ${idx.length} repeat buyer(s) with positive spend, at least ${MIN_REPEAT_BUYERS_FOR_SPEND} are needed for the gamma-gamma spend model${excluded}.` };
  }
  let fit: GammaGammaFit;
  try {
    fit = fitGammaGamma({ frequency: Float64Array.from(idx, (i) => frequency[i]), monetary: Float64Array.from(idx, (i) => monetary[i]) });
  } catch (e) {
    return { gammaGamma: null, valueNote: `${fallback}: the gamma-gamma fit failed (${(e as Error).message}).` };
  }
  if (!(fit.q > 1) || ![fit.p, fit.q, fit.gamma].every(Number.isFinite)) {
    return { gammaGamma: null, valueNote: `${fallback}: the gamma-gamma fit gave q = ${fit.q.toFixed(3)} ≤ 1 (infinite mean spend).` };
  }
  return { gammaGamma: fit, valueNote: excluded ? `Gamma-gamma spend model${excluded}.` : undefined };
}
