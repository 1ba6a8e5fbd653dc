import { hyp2f1, lgamma, logAddExp } from './special.js';
import type { TripleData } from './bgnbd-data.js';

/** Pareto/NBD parameters: purchase rates λ ~ Gamma(r, α); dropout rates μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * ln 2F1(a, b; a+1; z) for 0 ≤ z < 1, the only hypergeometric the Pareto/NBD likelihood needs. Euler's
 * transformation (Abramowitz & Stegun 15.3.3) turns it into (1−z)^(1−b) · 2F1(1, a+1−b; a+1; z), whose series
 * has positive terms shrinking at least like z^k (a+1−b < a+1), so it neither cancels nor overflows when b
 * = r + x is large; the power is taken in logs.
 */
export function logHyp2f1Shifted(a: number, b: number, z: number): number {
  if (z === 0) return 0;
  return (1 - b) * Math.log1p(-z) + Math.log(hyp2f1(1, a + 1 - b, a + 1, z));
}

/**
 * ln of one half of A0 (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions", eq. 22–23), at time y (t_x or T). The case split keeps the 2F1 argument in [0, 1):
 *   α ≥ β: ln 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+y)) − (r+s+x) ln(α+y)
 *   α < β: ln 2F1(r+s+x, r+x; r+s+x+1; (β−α)/(β+y)) − (r+s+x) ln(β+y)
 * so that A0 = e^u(t_x) − e^u(T).
 */
export function logA0Part(params: ParetoNbdParams, x: number, y: number): number {
  const { r, alpha, s, beta } = params;
  const rsx = r + s + x;
  if (alpha >= beta) return logHyp2f1Shifted(rsx, s + 1, (alpha - beta) / (alpha + y)) - rsx * Math.log(alpha + y);
  return logHyp2f1Shifted(rsx, r + x, (beta - alpha) / (beta + y)) - rsx * Math.log(beta + y);
}

/** ln A0 from its two parts: ln(e^u(t_x) − e^u(T)), −Infinity when t_x = T (A0 = 0). */
function logA0(uTx: number, uT: number): number {
  const d = uT - uTx;
  return d >= 0 ? -Infinity : uTx + Math.log(-Math.expm1(d));
}

/**
 * The two competing explanations of a customer's silence since t_x, in logs: still alive at T (`alive`) and
 * dropped out somewhere in (t_x, T] (`dead`). Their sum, plus the terms of x alone, is the log-likelihood; their
 * difference is the log-odds of P(alive).
 *   alive = −(r+x) ln(α+T) − s ln(β+T)
 *   dead  = ln s − ln(r+s+x) + ln A0
 */
export function pnbdTerms(params: ParetoNbdParams, x: number, uTx: number, uT: number, T: number): { alive: number; dead: number } {
  const { r, alpha, s, beta } = params;
  return {
    alive: -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T),
    dead: Math.log(s) - Math.log(r + s + x) + logA0(uTx, uT),
  };
}

/**
 * Log-likelihood of one customer (Fader & Hardie 2005 note, eq. 22; Schmittlein, Morrison & Colombo 1987):
 *   ln L = lnΓ(r+x) − lnΓ(r) + r ln α + s ln β + ln(e^alive + e^dead).
 */
export function paretoNbdCustomerLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const { alive, dead } = pnbdTerms(params, x, logA0Part(params, x, tx), logA0Part(params, x, T), T);
  return lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta) + logAddExp(alive, dead);
}

/** Step of the central differences in log-parameters: truncation error ~h², rounding error ~1e-16/h. */
const GRADIENT_STEP = 1e-5;

/**
 * Mean negative Pareto/NBD log-likelihood over grouped customers as a function of θ = (ln r, ln α, ln s, ln β).
 * The A0 parts depend on (x, t_x) and on (x, T) alone, so each is computed once per distinct pair (the costly
 * 2F1s), and per customer triple only logs and exps remain. The derivatives of 2F1 in its parameters have no
 * cheap closed form: the gradient is by central differences (8 more evaluations), accurate to about 1e-10.
 */
export function paretoNbdObjective(data: TripleData) {
  const { xValues, txValues, TValues } = data;
  const txPairs = pairLevels(data.xLevel, data.txLevel, txValues.length);
  const TPairs = pairLevels(data.xLevel, data.TLevel, TValues.length);
  const uTx = new Float64Array(txPairs.x.length);
  const uT = new Float64Array(TPairs.x.length);
  const xWeight = new Float64Array(xValues.length);
  for (let i = 0; i < data.x.length; i++) xWeight[data.xLevel[i]] += data.weight[i];
  const total = data.customers;

  const logAT = new Float64Array(TValues.length);
  const logBT = new Float64Array(TValues.length);
  const logRSX = new Float64Array(xValues.length);
  const value = (theta: ArrayLike<number>): number => {
    const params: ParetoNbdParams = { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) };
    const { r, alpha, s, beta } = params;
    if (![r, alpha, s, beta].every((v) => Number.isFinite(v) && v > 0)) return Infinity;
    let ll = total * (-lgamma(r) + r * Math.log(alpha) + s * Math.log(beta));
    for (let k = 0; k < xValues.length; k++) {
      ll += xWeight[k] * lgamma(r + xValues[k]);
      logRSX[k] = Math.log(r + s + xValues[k]);
    }
    for (let k = 0; k < TValues.length; k++) {
      logAT[k] = Math.log(alpha + TValues[k]);
      logBT[k] = Math.log(beta + TValues[k]);
    }
    for (let k = 0; k < uTx.length; k++) uTx[k] = logA0Part(params, xValues[txPairs.x[k]], txValues[txPairs.y[k]]);
    for (let k = 0; k < uT.length; k++) uT[k] = logA0Part(params, xValues[TPairs.x[k]], TValues[TPairs.y[k]]);
    // Per triple, the terms of pnbdTerms from the per-level logs (no objects, no repeated logs).
    const logS = Math.log(s);
    const { x: xs, weight, xLevel, TLevel } = data;
    for (let i = 0; i < xs.length; i++) {
      const tl = TLevel[i];
      const alive = -(r + xs[i]) * logAT[tl] - s * logBT[tl];
      const dead = logS - logRSX[xLevel[i]] + logA0(uTx[txPairs.pairOf[i]], uT[TPairs.pairOf[i]]);
      ll += weight[i] * logAddExp(alive, dead);
    }
    return Number.isFinite(ll) ? -ll / total : Infinity;
  };

  const probe = new Float64Array(4);
  return (theta: Float64Array, grad: Float64Array): number => {
    const f = value(theta);
    if (!Number.isFinite(f)) return Infinity;
    for (let j = 0; j < 4; j++) {
      probe.set(theta);
      probe[j] = theta[j] + GRADIENT_STEP;
      const up = value(probe);
      probe[j] = theta[j] - GRADIENT_STEP;
      const down = value(probe);
      if (!Number.isFinite(up) || !Number.isFinite(down)) return Infinity;
      grad[j] = (up - down) / (2 * GRADIENT_STEP);
    }
    return f;
  };
}

/** Distinct (x level, y level) pairs among the triples, and each triple's pair. */
function pairLevels(xLevel: Int32Array, yLevel: Int32Array, ySpan: number): { x: Int32Array; y: Int32Array; pairOf: Int32Array } {
  const idOf = new Map<number, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const pairOf = new Int32Array(xLevel.length);
  for (let i = 0; i < xLevel.length; i++) {
    const key = xLevel[i] * ySpan + yLevel[i];
    let id = idOf.get(key);
    if (id === undefined) {
      id = xs.length;
      idOf.set(key, id);
      xs.push(xLevel[i]);
      ys.push(yLevel[i]);
    }
    pairOf[i] = id;
  }
  return { x: Int32Array.from(xs), y: Int32Array.from(ys), pairOf };
}
