import type { ColumnTable } from 'arquero';
import { minimizeBfgs } from './bfgs.js';
import { readColumns, type NumericColumn } from './customer-arrays.js';
import { digamma, lgamma } from './special.js';

/**
 * Gamma-gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a customer's
 * transaction values are Gamma(p, ν), and ν ~ Gamma(q, γ) across customers.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  /** Repeat buyers used (frequency > 0); customers without repeat purchases are ignored by the model. */
  customers: number;
  /** Customers ignored because frequency was 0. */
  ignored: number;
  converged: boolean;
}

export interface FrequencyMonetary {
  /** Repeat purchases x. */
  frequency: NumericColumn;
  /** Mean spend per repeat purchase (m̄, > 0 for repeat buyers). */
  monetary: NumericColumn;
}

const STARTS: readonly (readonly number[])[] = [
  [1, 1, 1],
  [5, 3, 2],
  [2, 5, 10],
];

/**
 * Maximum-likelihood gamma-gamma fit on repeat buyers (frequency > 0); customers with frequency 0 carry no
 * spend information in this model and are ignored (counted in `ignored`). Log-likelihood per repeat buyer:
 *   lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄).
 * BFGS on log-parameters with the analytic gradient; spend is rescaled internally to mean 1.
 * Throws a RangeError naming the first invalid customer (x not a whole number ≥ 0; m̄ not finite and > 0 for
 * a repeat buyer) or when there are no repeat buyers.
 */
export function fitGammaGamma(input: FrequencyMonetary | ColumnTable): GammaGammaFit {
  const { frequency, monetary } = readColumns(input, ['frequency', 'monetary'], 'fitGammaGamma');
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`fitGammaGamma: frequency[${i}] = ${x}: must be a whole number ≥ 0`);
    if (x === 0) continue;
    const m = monetary[i];
    if (!(Number.isFinite(m) && m > 0)) {
      throw new RangeError(`fitGammaGamma: monetary[${i}] = ${m}: must be a finite number > 0 for a repeat buyer`);
    }
    xs.push(x);
    ms.push(m);
  }
  if (xs.length === 0) throw new RangeError('fitGammaGamma: no repeat buyers (frequency > 0) to fit');
  const meanSpend = ms.reduce((s, m) => s + m, 0) / ms.length;
  const x = Float64Array.from(xs);
  const scaled = Float64Array.from(ms, (m) => m / meanSpend);
  const objective = gammaGammaObjective(x, scaled);
  let best: ReturnType<typeof minimizeBfgs> | null = null;
  for (const start of STARTS) {
    const result = minimizeBfgs(objective, start.map(Math.log), { gradientTolerance: 1e-9 });
    if (Number.isFinite(result.value) && (best === null || result.value < best.value)) best = result;
  }
  if (best === null) throw new Error('fitGammaGamma: the likelihood could not be evaluated at any starting point');
  const [p, q, gammaScaled] = Array.from(best.theta, Math.exp);
  const params = { p, q, gamma: gammaScaled * meanSpend };
  return {
    ...params,
    logLikelihood: gammaGammaLogLikelihood(params, x, Float64Array.from(ms)),
    customers: xs.length,
    ignored: frequency.length - xs.length,
    converged: best.converged && [p, q, gammaScaled].every((v) => v > 1e-6 && v < 1e6),
  };
}

function gammaGammaLogLikelihood(params: GammaGammaParams, x: Float64Array, m: Float64Array): number {
  const { p, q, gamma } = params;
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    ll +=
      lgamma(px + q) - lgamma(px) - lgamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(m[i]) +
      px * Math.log(x[i]) - (px + q) * Math.log(gamma + m[i] * x[i]);
  }
  return ll;
}

/** Mean negative log-likelihood in θ = (ln p, ln q, ln γ) with its gradient. */
function gammaGammaObjective(x: Float64Array, m: Float64Array) {
  const n = x.length;
  const logM = Float64Array.from(m, Math.log);
  const logX = Float64Array.from(x, Math.log);
  return (theta: Float64Array, grad: Float64Array): number => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const gamma = Math.exp(theta[2]);
    if (![p, q, gamma].every((v) => Number.isFinite(v) && v > 0)) return Infinity;
    const logGamma = Math.log(gamma);
    const lgQ = lgamma(q);
    const psiQ = digamma(q);
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const px = p * xi;
      const denom = gamma + m[i] * xi;
      const logDenom = Math.log(denom);
      const psiPxQ = digamma(px + q);
      ll += lgamma(px + q) - lgamma(px) - lgQ + q * logGamma + (px - 1) * logM[i] + px * logX[i] - (px + q) * logDenom;
      gp += xi * (psiPxQ - digamma(px) + logM[i] + logX[i] - logDenom);
      gq += psiPxQ - psiQ + logGamma - logDenom;
      gg += q / gamma - (px + q) / denom;
    }
    if (!Number.isFinite(ll)) return Infinity;
    grad[0] = (-p * gp) / n;
    grad[1] = (-q * gq) / n;
    grad[2] = (-gamma * gg) / n;
    return -ll / n;
  };
}

/**
 * E[M | p, q, γ, m̄, x]: expected mean transaction value of a customer with x repeat purchases averaging m̄
 * (Fader & Hardie 2013, eq. 5): p(γ + x m̄) / (px + q − 1). With x = 0 it is the population mean pγ/(q − 1).
 * Needs q > 1 (otherwise the population mean spend is infinite): throws a RangeError.
 */
export function expectedAverageValue(params: GammaGammaParams, x: number, monetary: number): number {
  if (!(params.q > 1)) throw new RangeError(`expectedAverageValue: q = ${params.q}: must be > 1 for a finite mean spend`);
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`expectedAverageValue: x = ${x}: must be a whole number ≥ 0`);
  if (x > 0 && !(Number.isFinite(monetary) && monetary > 0)) {
    throw new RangeError(`expectedAverageValue: monetary = ${monetary}: must be a finite number > 0 when x > 0`);
  }
  return uncheckedAverageValue(params, x, monetary);
}

/** `expectedAverageValue` without checks, for validated population code. */
export function uncheckedAverageValue(params: GammaGammaParams, x: number, monetary: number): number {
  const { p, q, gamma } = params;
  return x > 0 ? (p * (gamma + x * monetary)) / (p * x + q - 1) : (p * gamma) / (q - 1);
}

/** `expectedAverageValue` for a population (equal-length columns). */
export function expectedAverageValueMany(
  params: GammaGammaParams,
  frequency: NumericColumn,
  monetary: NumericColumn,
): Float64Array {
  if (monetary.length !== frequency.length) {
    throw new RangeError(`expectedAverageValueMany: frequency has ${frequency.length} values but monetary has ${monetary.length}`);
  }
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    try {
      out[i] = expectedAverageValue(params, frequency[i], monetary[i]);
    } catch (e) {
      throw new RangeError(`${(e as Error).message} (customer ${i})`);
    }
  }
  return out;
}
