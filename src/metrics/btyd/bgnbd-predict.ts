import { checkCustomer } from './bgnbd-data.js';
import type { BgNbdParams } from './bgnbd-likelihood.js';
import type { NumericColumn } from './customer-arrays.js';
import { hyp2f1 } from './special.js';

/**
 * Log-odds of "dropped out" against "alive" after (x, t_x, T): ln a − ln(b+x−1) + (r+x) ln((α+T)/(α+t_x)).
 * −Infinity for x = 0 (a customer without repeat purchases is alive by the model's timing assumption).
 */
function logOddsDead(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  const { r, alpha, a, b } = params;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

function aliveFromLogOdds(logOdds: number): number {
  return 1 / (1 + Math.exp(logOdds)); // exp overflow gives 1/Infinity = 0, never NaN
}

/** The factor (1 − G)/(a − 1) is singular-looking at a = 1 although finite: evaluate beside it and average. */
const A_NEAR_ONE = 1e-6;
const A_OFFSET = 2e-6;

/**
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]: expected purchases in
 * (T, T+t] of a customer known to be alive at T, times nothing else. With Euler's transformation the
 * bracket's second term is ((α+T)/(α+T+t))^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z), whose upper parameters do
 * not grow with x, so the series stays short and never overflows for large x.
 */
function aliveExpectation(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t === 0) return 0;
  const { a } = params;
  if (Math.abs(a - 1) < A_NEAR_ONE) {
    return (
      0.5 *
      (aliveExpectation({ ...params, a: 1 + A_OFFSET }, t, x, T) +
        aliveExpectation({ ...params, a: 1 - A_OFFSET }, t, x, T))
    );
  }
  const { r, alpha, b } = params;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const g = Math.exp((a - 1) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  return (c / (a - 1)) * (1 - g);
}

function checkTime(t: number, what: string): void {
  if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`${what}: t = ${t}: must be a finite number ≥ 0`);
}

function checkOne(x: number, tx: number, T: number, what: string): void {
  const problem = checkCustomer(x, tx, T, 0);
  if (problem) throw new RangeError(`${what}: ${problem.replace('[0]', '')}`);
}

/**
 * P(alive | x, t_x, T) of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 11):
 * 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)); exactly 1 when x = 0.
 */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  checkOne(x, tx, T, 'probabilityAlive');
  return aliveFromLogOdds(logOddsDead(params, x, tx, T));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t time units (Fader, Hardie & Lee 2005, eq. 10):
 * P(alive) · (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))].
 */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  checkTime(t, 'expectedPurchases');
  checkOne(x, tx, T, 'expectedPurchases');
  return aliveFromLogOdds(logOddsDead(params, x, tx, T)) * aliveExpectation(params, t, x, T);
}

/**
 * E[X(t)]: expected purchases of a new customer in (0, t] (Fader, Hardie & Lee 2005, eq. 9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchasesByTime(params: BgNbdParams, t: number): number {
  checkTime(t, 'expectedPurchasesByTime');
  return aliveExpectation(params, t, 0, 0);
}

function checkColumns(frequency: NumericColumn, recency: NumericColumn, T: NumericColumn, what: string): void {
  if (recency.length !== frequency.length || T.length !== frequency.length) {
    throw new RangeError(
      `${what}: frequency, recency and T must have equal lengths (got ${frequency.length}, ${recency.length}, ${T.length})`,
    );
  }
  for (let i = 0; i < frequency.length; i++) {
    const problem = checkCustomer(frequency[i], recency[i], T[i], i);
    if (problem) throw new RangeError(`${what}: ${problem}`);
  }
}

/** `probabilityAlive` for a population (equal-length columns); throws naming the first invalid customer. */
export function probabilityAliveMany(
  params: BgNbdParams,
  frequency: NumericColumn,
  recency: NumericColumn,
  T: NumericColumn,
): Float64Array {
  checkColumns(frequency, recency, T, 'probabilityAliveMany');
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) out[i] = aliveFromLogOdds(logOddsDead(params, frequency[i], recency[i], T[i]));
  return out;
}

/** `expectedPurchases` for a population over the same horizon t. */
export function expectedPurchasesMany(
  params: BgNbdParams,
  t: number,
  frequency: NumericColumn,
  recency: NumericColumn,
  T: NumericColumn,
): Float64Array {
  checkTime(t, 'expectedPurchasesMany');
  checkColumns(frequency, recency, T, 'expectedPurchasesMany');
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = frequency[i];
    out[i] = aliveFromLogOdds(logOddsDead(params, x, recency[i], T[i])) * aliveExpectation(params, t, x, T[i]);
  }
  return out;
}

/**
 * Internal (validated inputs): P(alive) and the alive-conditional expectation, for the CLV and population code.
 */
export const unchecked = {
  probabilityAlive: (params: BgNbdParams, x: number, tx: number, T: number) =>
    aliveFromLogOdds(logOddsDead(params, x, tx, T)),
  aliveExpectation,
};
