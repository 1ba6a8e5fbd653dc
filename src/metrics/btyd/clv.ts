import { checkCustomer, checkCustomers, groupPairs, type FrequencyRecencyT, type PairData } from './bgnbd-data.js';
import type { BgNbdParams } from './bgnbd-likelihood.js';
import { aliveFromLogOdds, BGNBD_MODEL, probabilityAliveByTriple, type BtydModel } from './models.js';
import { readColumns, type NumericColumn } from './customer-arrays.js';
import { expectedAverageValue, uncheckedAverageValue, type GammaGammaParams } from './gamma-gamma.js';

/** The time unit the BG/NBD inputs (and so its α) are measured in. */
export type TimeUnit = 'day' | 'week';

/** One month in the model's time unit: 30 days, or 4.345 weeks (as the `lifetimes` package uses). */
export function monthLength(unit: TimeUnit): number {
  return unit === 'week' ? 4.345 : 30;
}

export interface ClvHorizon {
  /** Months H of the horizon. Default 12. */
  months?: number;
  /** Monthly discount rate d. Default 0.01. */
  monthlyDiscountRate?: number;
  /** Time unit of the BG/NBD fit. Default 'day'. */
  unit?: TimeUnit;
}

export function resolveHorizon(h: ClvHorizon, what: string) {
  const months = h.months ?? 12;
  const rate = h.monthlyDiscountRate ?? 0.01;
  const unit = h.unit ?? 'day';
  if (!(Number.isInteger(months) && months >= 0)) throw new RangeError(`${what}: months = ${months}: must be a whole number ≥ 0`);
  if (!(Number.isFinite(rate) && rate > -1)) throw new RangeError(`${what}: monthlyDiscountRate = ${rate}: must be > −1`);
  if (unit !== 'day' && unit !== 'week') throw new RangeError(`${what}: unit = ${String(unit)}: must be 'day' or 'week'`);
  return { months, rate, step: monthLength(unit) };
}

/**
 * Σ_{i=1..H} (E[Y(i·m) | alive] − E[Y((i−1)·m) | alive]) / (1+d)^i: discounted expected purchases of a customer
 * known to be alive at T (m = one month in the model's unit). It depends on (x, T) only, not on t_x, so
 * population code evaluates it once per distinct (x, T) and multiplies by each customer's P(alive).
 */
export function discountedAliveSum<P>(model: BtydModel<P>, params: P, x: number, T: number, months: number, rate: number, step: number): number {
  let total = 0;
  let previous = 0;
  for (let i = 1; i <= months; i++) {
    const cumulative = model.aliveExpectation(params, i * step, x, T);
    total += (cumulative - previous) / Math.pow(1 + rate, i);
    previous = cumulative;
  }
  return total;
}

/** P(alive) times `discountedAliveSum`, for one validated customer (0 when surely dead). */
function discountedPurchases<P>(model: BtydModel<P>, params: P, x: number, tx: number, T: number, months: number, rate: number, step: number): number {
  const alive = aliveFromLogOdds(model.logOddsDead(params, x, tx, T));
  if (alive === 0) return 0;
  return alive * discountedAliveSum(model, params, x, T, months, rate, step);
}

/** One customer's CLV inputs, for any model's parameters `P`. */
export interface ModelClvInput<P> extends ClvHorizon {
  params: P;
  gammaGamma: GammaGammaParams;
  x: number;
  t_x: number;
  T: number;
  /** Mean spend per repeat purchase (ignored when x = 0). */
  monetary: number;
}

/** `ModelClvInput` for BG/NBD, whose parameters go in `bgnbd`. */
export interface ClvInput extends Omit<ModelClvInput<BgNbdParams>, 'params'> {
  bgnbd: BgNbdParams;
}

/**
 * Customer lifetime value over H months (the `lifetimes` definition): the gamma-gamma expected average value
 * times the discounted sum over months i = 1..H of the BG/NBD expected purchases in month i,
 *   CLV = E[M] · Σ_i (E[Y(i·m) | x, t_x, T] − E[Y((i−1)·m) | x, t_x, T]) / (1+d)^i.
 */
export function customerLifetimeValue(input: ClvInput): number {
  return modelLifetimeValue(BGNBD_MODEL, { ...input, params: input.bgnbd }, 'customerLifetimeValue');
}

/** `customerLifetimeValue` for any model (the BTYD part of CLV is the model's; the value part gamma-gamma). */
export function modelLifetimeValue<P>(model: BtydModel<P>, input: ModelClvInput<P>, what: string): number {
  const { months, rate, step } = resolveHorizon(input, what);
  const problem = checkCustomer(input.x, input.t_x, input.T, 0);
  if (problem) throw new RangeError(`${what}: ${problem.replace('[0]', '')}`);
  const value = expectedAverageValue(input.gammaGamma, input.x, input.monetary);
  return value * discountedPurchases(model, input.params, input.x, input.t_x, input.T, months, rate, step);
}

/** A population's CLV inputs, for any model's parameters `P`. */
export interface ModelClvPopulationInput<P> extends ClvHorizon {
  params: P;
  frequency: NumericColumn;
  recency: NumericColumn;
  /** Age in the model unit; T = 0 (first seen at the end of observation) is allowed here. */
  T: NumericColumn;
}

/** `ModelClvPopulationInput` for BG/NBD, whose parameters go in `bgnbd`. */
export interface ClvPopulationInput extends Omit<ModelClvPopulationInput<BgNbdParams>, 'params'> {
  bgnbd: BgNbdParams;
}

/**
 * Discounted expected purchases over the horizon for a population (equal-length columns): the costly
 * alive-conditional sum is computed once per distinct (x, T). Multiply by a per-customer value to get CLV.
 */
export function discountedExpectedPurchasesMany(input: ClvPopulationInput): Float64Array {
  return modelDiscountedPurchasesMany(BGNBD_MODEL, { ...input, params: input.bgnbd }, 'discountedExpectedPurchasesMany');
}

/** `discountedExpectedPurchasesMany` for any model. */
export function modelDiscountedPurchasesMany<P>(model: BtydModel<P>, input: ModelClvPopulationInput<P>, what: string): Float64Array {
  const horizon = resolveHorizon(input, what);
  const { frequency, recency, T } = readColumns(input, ['frequency', 'recency', 'T'], what);
  checkCustomers(frequency, recency, T, what, true);
  return discountedPurchasesByPair(model, input.params, { frequency, recency, T }, groupPairs(frequency, T), horizon);
}

/** Internal (validated inputs, pairs already grouped): `discountedExpectedPurchasesMany`'s work. */
export function discountedPurchasesByPair<P>(
  model: BtydModel<P>,
  params: P,
  { frequency, recency, T }: FrequencyRecencyT,
  pairs: PairData,
  { months, rate, step }: { months: number; rate: number; step: number },
  alive: Float64Array = probabilityAliveByTriple(model, params, frequency, recency, T),
): Float64Array {
  const perPair = new Float64Array(pairs.x.length);
  for (let k = 0; k < perPair.length; k++) perPair[k] = discountedAliveSum(model, params, pairs.x[k], pairs.T[k], months, rate, step);
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = alive[i] === 0 ? 0 : alive[i] * perPair[pairs.pairOf[i]];
  }
  return out;
}

/** `customerLifetimeValue` for a population: columns frequency, recency, T, monetary of equal length. */
export function customerLifetimeValueMany(
  input: ClvPopulationInput & { gammaGamma: GammaGammaParams; monetary: NumericColumn },
): Float64Array {
  return modelLifetimeValueMany(BGNBD_MODEL, { ...input, params: input.bgnbd }, 'customerLifetimeValueMany');
}

/** `customerLifetimeValueMany` for any model. */
export function modelLifetimeValueMany<P>(
  model: BtydModel<P>,
  input: ModelClvPopulationInput<P> & { gammaGamma: GammaGammaParams; monetary: NumericColumn },
  what: string,
): Float64Array {
  const { gammaGamma, frequency, monetary } = input;
  if (monetary.length !== frequency.length) {
    throw new RangeError(`${what}: frequency has ${frequency.length} values but monetary has ${monetary.length}`);
  }
  expectedAverageValue(gammaGamma, 0, 0); // validates q > 1 once
  const purchases = modelDiscountedPurchasesMany(model, input, what);
  for (let i = 0; i < purchases.length; i++) {
    const x = frequency[i];
    const m = monetary[i];
    if (x > 0 && !(Number.isFinite(m) && m > 0)) {
      throw new RangeError(`${what}: monetary[${i}] = ${m}: must be a finite number > 0 when frequency > 0`);
    }
    purchases[i] *= uncheckedAverageValue(gammaGamma, x, m);
  }
  return purchases;
}
