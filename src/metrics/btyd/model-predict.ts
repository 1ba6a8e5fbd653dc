import { checkCustomer } from './bgnbd-data.js';
import type { NumericColumn } from './customer-arrays.js';
import { aliveFromLogOdds, type BtydModel } from './models.js';

function checkTime(t: number, what: string): void {
  if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`${what}: t = ${t}: must be a finite number ≥ 0`);
}

function checkOne(x: number, tx: number, T: number, what: string): void {
  const problem = checkCustomer(x, tx, T, 0);
  if (problem) throw new RangeError(`${what}: ${problem.replace('[0]', '')}`);
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

/** The prediction functions every model offers, with the same names and arguments. */
export interface PredictionApi<P> {
  /** P(alive | x, t_x, T). */
  probabilityAlive(params: P, x: number, tx: number, T: number): number;
  /** `probabilityAlive` for a population (equal-length columns); throws naming the first invalid customer. */
  probabilityAliveMany(params: P, frequency: NumericColumn, recency: NumericColumn, T: NumericColumn): Float64Array;
  /** E[Y(t) | x, t_x, T]: expected purchases in the next t time units (P(alive) × the alive expectation). */
  expectedPurchases(params: P, t: number, x: number, tx: number, T: number): number;
  /** `expectedPurchases` for a population over the same horizon t. */
  expectedPurchasesMany(params: P, t: number, frequency: NumericColumn, recency: NumericColumn, T: NumericColumn): Float64Array;
  /** E[X(t)]: expected purchases of a new customer in (0, t]. */
  expectedPurchasesByTime(params: P, t: number): number;
}

/**
 * The checked prediction functions of a model (inputs validated, errors prefixed with `prefix` and the
 * function name): one implementation shared by BG/NBD, MBG/NBD and Pareto/NBD.
 */
export function predictionApi<P>(model: BtydModel<P>, prefix = ''): PredictionApi<P> {
  const name = (fn: string) => `${prefix}${fn}`;
  return {
    probabilityAlive(params, x, tx, T) {
      checkOne(x, tx, T, name('probabilityAlive'));
      return aliveFromLogOdds(model.logOddsDead(params, x, tx, T));
    },
    probabilityAliveMany(params, frequency, recency, T) {
      checkColumns(frequency, recency, T, name('probabilityAliveMany'));
      const out = new Float64Array(frequency.length);
      for (let i = 0; i < out.length; i++) out[i] = aliveFromLogOdds(model.logOddsDead(params, frequency[i], recency[i], T[i]));
      return out;
    },
    expectedPurchases(params, t, x, tx, T) {
      checkTime(t, name('expectedPurchases'));
      checkOne(x, tx, T, name('expectedPurchases'));
      return aliveFromLogOdds(model.logOddsDead(params, x, tx, T)) * model.aliveExpectation(params, t, x, T);
    },
    expectedPurchasesMany(params, t, frequency, recency, T) {
      checkTime(t, name('expectedPurchasesMany'));
      checkColumns(frequency, recency, T, name('expectedPurchasesMany'));
      const out = new Float64Array(frequency.length);
      for (let i = 0; i < out.length; i++) {
        const x = frequency[i];
        const alive = aliveFromLogOdds(model.logOddsDead(params, x, recency[i], T[i]));
        out[i] = alive === 0 ? 0 : alive * model.aliveExpectation(params, t, x, T[i]);
      }
      return out;
    },
    expectedPurchasesByTime(params, t) {
      checkTime(t, name('expectedPurchasesByTime'));
      return model.expectedByTime(params, t);
    },
  };
}
