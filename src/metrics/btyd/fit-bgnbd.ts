import type { ColumnTable } from 'arquero';
import { groupTriples, type FrequencyRecencyT, type TripleData } from './bgnbd-data.js';
import { bgNbdCustomerLogLikelihood, bgNbdObjective, type BgNbdParams } from './bgnbd-likelihood.js';
import { inBounds, minimizeBfgs } from './bfgs.js';

export interface BgNbdFit extends BgNbdParams {
  /** Total log-likelihood at the estimate, in the time unit of the input. */
  logLikelihood: number;
  /** BFGS iterations summed over all starts. */
  iterations: number;
  /** True when the best start met the gradient tolerance with finite parameters. */
  converged: boolean;
  /** Customers the fit used. */
  customers: number;
}

/** Starting points in scaled time (max T = 10), as (r, α, a, b); the best optimum over them is kept. */
const STARTS: readonly (readonly number[])[] = [
  [1, 1, 1, 1],
  [0.5, 5, 0.5, 2],
  [0.2, 0.5, 2, 5],
];

/** Parameters beyond these bounds mean the optimum is at infinity (a degenerate sample): not converged. */
/**
 * Maximum-likelihood BG/NBD (Fader, Hardie & Lee 2005) from per-customer frequency (x), recency (t_x) and age
 * (T), given as equal-length arrays (typed or plain) or an Arquero table with those columns.
 *
 * BFGS on log-parameters with the analytic gradient, restarted from other starting points when a run does not
 * converge; customers with identical
 * (x, t_x, T) are weighted together, and time is rescaled internally (max T = 10) so the starts suit any unit.
 * Throws a RangeError naming the first invalid customer (x not a whole number ≥ 0, T ≤ 0, t_x outside [0, T],
 * t_x ≠ 0 when x = 0) and when there is no customer.
 */
export function fitBgNbd(input: FrequencyRecencyT | ColumnTable): BgNbdFit {
  const data = groupTriples(input, 'fitBgNbd');
  if (data.customers === 0) throw new RangeError('fitBgNbd: no customers to fit');
  const scale = 10 / data.maxT;
  const scaled: TripleData = {
    ...data,
    tx: data.tx.map((v) => v * scale),
    T: data.T.map((v) => v * scale),
    txValues: data.txValues.map((v) => v * scale),
    TValues: data.TValues.map((v) => v * scale),
  };
  const objective = bgNbdObjective(scaled);
  // Starts are tried in turn until one converges inside the bounds (restarts cost time on large samples).
  let best: { theta: Float64Array; value: number; converged: boolean } | null = null;
  let iterations = 0;
  for (const start of STARTS) {
    const result = minimizeBfgs(objective, start.map(Math.log), { gradientTolerance: 1e-9 });
    iterations += result.iterations;
    if (Number.isFinite(result.value) && (best === null || result.value < best.value)) best = result;
    if (best && best.converged && inBounds(best.theta)) break;
  }
  if (best === null) throw new Error('fitBgNbd: the likelihood could not be evaluated at any starting point');
  const [r, alphaScaled, a, b] = Array.from(best.theta, Math.exp);
  const params: BgNbdParams = { r, alpha: alphaScaled / scale, a, b };
  return {
    ...params,
    logLikelihood: totalLogLikelihood(params, data),
    iterations,
    converged: best.converged && inBounds(best.theta),
    customers: data.customers,
  };
}


function totalLogLikelihood(params: BgNbdParams, data: TripleData): number {
  let ll = 0;
  for (let i = 0; i < data.x.length; i++) {
    ll += data.weight[i] * bgNbdCustomerLogLikelihood(params, data.x[i], data.tx[i], data.T[i]);
  }
  return ll;
}
