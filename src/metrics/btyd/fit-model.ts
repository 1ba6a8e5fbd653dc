import type { ColumnTable } from 'arquero';
import { groupTriples, type FrequencyRecencyT, type TripleData } from './bgnbd-data.js';
import { inBounds, minimizeBfgs, type Objective } from './bfgs.js';

/** What every BTYD fit reports besides its parameters. */
export interface FitReport {
  /** Total log-likelihood at the estimate, in the time unit of the input. */
  logLikelihood: number;
  /** BFGS iterations summed over all starts. */
  iterations: number;
  /** True when the best start met the gradient tolerance with parameters inside (1e-6, 1e6). */
  converged: boolean;
  /** Customers the fit used. */
  customers: number;
  /**
   * True when a parameter left (1e-6, 1e6): the likelihood's optimum lies at a limit of the model (e.g. r, α → ∞:
   * every customer buys at the same rate). The predictions are then the limit's, still meaningful; `converged`
   * is false.
   */
  atBoundary: boolean;
}

/** How one model is fitted: its parameter names, which of them are in time units, starts and objective. */
export interface FitSpec<P> {
  /** Name for error messages (`fitBgNbd`, …). */
  what: string;
  names: readonly (keyof P & string)[];
  /** Indices of the parameters measured in the time unit (scale parameters α, β): they scale with time. */
  timeScaled: readonly number[];
  /** Starting points in scaled time (max T = 10), in `names` order; the best optimum over them is kept. */
  starts: readonly (readonly number[])[];
  objective: (data: TripleData) => Objective;
  customerLogLikelihood: (params: P, x: number, tx: number, T: number) => number;
  /** Converged when the largest gradient component (mean log-likelihood per customer) is below this. */
  gradientTolerance: number;
}

/**
 * Maximum likelihood for a four-parameter BTYD model from per-customer frequency (x), recency (t_x) and age (T),
 * given as equal-length arrays (typed or plain) or an Arquero table with those columns — the one fitting
 * procedure behind BG/NBD, MBG/NBD and Pareto/NBD.
 *
 * BFGS on log-parameters, restarted from the next starting point when a run does not converge; customers with
 * identical (x, t_x, T) are weighted together, and time is rescaled internally (max T = 10) so the starts suit
 * any unit. Throws a RangeError naming the first invalid customer (x not a whole number ≥ 0, T ≤ 0, t_x outside
 * [0, T], t_x ≠ 0 when x = 0) and when there is no customer.
 */
export function fitModel<P>(spec: FitSpec<P>, input: FrequencyRecencyT | ColumnTable): P & FitReport {
  const data = groupTriples(input, spec.what);
  if (data.customers === 0) throw new RangeError(`${spec.what}: no customers to fit`);
  const scale = 10 / data.maxT;
  const scaled: TripleData = {
    ...data,
    tx: data.tx.map((v) => v * scale),
    T: data.T.map((v) => v * scale),
    txValues: data.txValues.map((v) => v * scale),
    TValues: data.TValues.map((v) => v * scale),
  };
  const objective = spec.objective(scaled);
  // Starts are tried in turn until one converges inside the bounds (restarts cost time on large samples).
  let best: { theta: Float64Array; value: number; converged: boolean } | null = null;
  let iterations = 0;
  for (const start of spec.starts) {
    const result = minimizeBfgs(objective, start.map(Math.log), { gradientTolerance: spec.gradientTolerance });
    iterations += result.iterations;
    if (Number.isFinite(result.value) && (best === null || result.value < best.value)) best = result;
    if (best && best.converged && inBounds(best.theta)) break;
  }
  if (best === null) throw new Error(`${spec.what}: the likelihood could not be evaluated at any starting point`);
  const values = Array.from(best.theta, Math.exp);
  for (const i of spec.timeScaled) values[i] /= scale;
  const params = Object.fromEntries(spec.names.map((name, i) => [name, values[i]])) as P;
  let logLikelihood = 0;
  for (let i = 0; i < data.x.length; i++) {
    logLikelihood += data.weight[i] * spec.customerLogLikelihood(params, data.x[i], data.tx[i], data.T[i]);
  }
  const inside = inBounds(best.theta);
  return { ...params, logLikelihood, iterations, converged: best.converged && inside, customers: data.customers, atBoundary: !inside };
}
