import type { ColumnTable } from 'arquero';
import { groupTriples, type FrequencyRecencyT } from './bgnbd-data.js';
import type { NumericColumn } from './customer-arrays.js';
import type { BgNbdParams } from './bgnbd-likelihood.js';
import { fitBgNbd, fitMbgNbd, fitParetoNbd } from './fit-bgnbd.js';
import type { FitReport } from './fit-model.js';
import { logA0Part, pnbdTerms, type ParetoNbdParams } from './pnbd-likelihood.js';
import { hyp2f1 } from './special.js';

/** The purchase/dropout models a churn figure can come from. */
export type ChurnModelName = 'bgnbd' | 'mbgnbd' | 'pnbd';
export const CHURN_MODELS: readonly ChurnModelName[] = ['bgnbd', 'mbgnbd', 'pnbd'];

/**
 * The parts of a BTYD model that differ between models; everything built on them (P(alive), expectations over
 * a population, CLV, the holdout check) is written once against this interface.
 */
export interface BtydModel<P> {
  name: ChurnModelName;
  /** Display name ("BG/NBD", "MBG/NBD", "Pareto/NBD"): the same in every locale. */
  label: string;
  fit(input: FrequencyRecencyT | ColumnTable): P & FitReport;
  /** ln(P(dropped out) / P(alive)) after (x, t_x, T); −Infinity when the model says surely alive. */
  logOddsDead(params: P, x: number, tx: number, T: number): number;
  /** Expected purchases in (T, T+t] of a customer known to be alive at T: depends on (x, T) only. */
  aliveExpectation(params: P, t: number, x: number, T: number): number;
  /** E[X(t)]: expected purchases in (0, t] of a customer just acquired. */
  expectedByTime(params: P, t: number): number;
}

/** The factor (1 − G)/(a − 1) is singular-looking at a = 1 although finite: evaluate beside it and average. */
const A_NEAR_ONE = 1e-6;
const A_OFFSET = 2e-6;

/**
 * BG/NBD (Fader, Hardie & Lee 2005, eq. 10 without P(alive)):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]. With Euler's transformation
 * the bracket's second term is ((α+T)/(α+T+t))^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z), whose upper parameters do
 * not grow with x, so the series stays short and never overflows for large x.
 */
function betaGeometricAliveExpectation(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t === 0) return 0;
  const { a } = params;
  if (Math.abs(a - 1) < A_NEAR_ONE) {
    return (
      0.5 *
      (betaGeometricAliveExpectation({ ...params, a: 1 + A_OFFSET }, t, x, T) +
        betaGeometricAliveExpectation({ ...params, a: 1 - A_OFFSET }, t, x, T))
    );
  }
  const { r, alpha, b } = params;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const g = Math.exp((a - 1) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  const exact = (c / (a - 1)) * (1 - g);
  return Number.isFinite(exact) ? exact : constantDropoutExpectation(params, t, x, T);
}

/**
 * The limit a, b → ∞ (every customer drops out with the same probability p after a purchase), where the 2F1
 * above overflows (fits on one-time-heavy bases run there): given λ ~ Gamma(r+x, α+T), purchases until dropout
 * in t number (1 − e^(−λpt))/p on average, so E = (1/p) · [1 − ((α+T)/(α+T+pt))^(r+x)], with p the posterior mean
 * a/(a+b+x). Reached only when the exact form is not finite (a + b in the thousands), where the two agree.
 */
function constantDropoutExpectation({ r, alpha, a, b }: BgNbdParams, t: number, x: number, T: number): number {
  const p = a / (a + b + x);
  return -Math.expm1((r + x) * Math.log((alpha + T) / (alpha + T + p * t))) / p;
}

export const BGNBD_MODEL: BtydModel<BgNbdParams> = {
  name: 'bgnbd',
  label: 'BG/NBD',
  fit: fitBgNbd,
  // Fader, Hardie & Lee (2005) eq. 11: ln a − ln(b+x−1) + (r+x) ln((α+T)/(α+t_x)); a customer without repeat
  // purchases is alive by the model's timing assumption (dropout only happens right after a purchase).
  logOddsDead: ({ r, alpha, a, b }, x, tx, T) =>
    x === 0 ? -Infinity : Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)),
  aliveExpectation: betaGeometricAliveExpectation,
  expectedByTime: (params, t) => betaGeometricAliveExpectation(params, t, 0, 0),
};

/**
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007; the `lifetimes` ModifiedBetaGeoFitter): a customer may drop out
 * right after any purchase including the first, so P(alive) < 1 for x = 0 too. Its alive-conditional
 * expectation is the BG/NBD one with b → b+1: (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)].
 */
export const MBGNBD_MODEL: BtydModel<BgNbdParams> = {
  name: 'mbgnbd',
  label: 'MBG/NBD',
  fit: fitMbgNbd,
  logOddsDead: ({ r, alpha, a, b }, x, tx, T) => Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)),
  aliveExpectation: (params, t, x, T) => betaGeometricAliveExpectation({ ...params, b: params.b + 1 }, t, x, T),
  // E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))]: the alive expectation at x = 0, T = 0 times
  // the chance b/(a+b) of not dropping out at the first purchase.
  expectedByTime: (params, t) => (params.b / (params.a + params.b)) * betaGeometricAliveExpectation({ ...params, b: params.b + 1 }, t, 0, 0),
};

/**
 * Pareto/NBD alive-conditional expectation (Fader & Hardie 2005 note, eq. 27 without P(alive)):
 * (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)], written as −expm1((s−1) ln q)/(s−1) so that s = 1
 * (where it tends to −ln q) loses no precision.
 */
function paretoAliveExpectation({ r, alpha, s, beta }: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t === 0) return 0;
  const logQ = Math.log((beta + T) / (beta + T + t));
  const k = s - 1;
  const bracket = k === 0 ? -logQ : -Math.expm1(k * logQ) / k;
  return ((r + x) * (beta + T) * bracket) / (alpha + T);
}

export const PNBD_MODEL: BtydModel<ParetoNbdParams> = {
  name: 'pnbd',
  label: 'Pareto/NBD',
  fit: fitParetoNbd,
  // P(alive) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A0) (Fader & Hardie 2005 note, eq. 18).
  logOddsDead: (params, x, tx, T) => {
    const { alive, dead } = pnbdTerms(params, x, logA0Part(params, x, tx), logA0Part(params, x, T), T);
    return dead - alive;
  },
  aliveExpectation: paretoAliveExpectation,
  expectedByTime: (params, t) => paretoAliveExpectation(params, t, 0, 0),
};

/** Parameters of any of the models. */
export type ModelParams = BgNbdParams | ParetoNbdParams;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table hands each model its own params
const MODELS: Record<ChurnModelName, BtydModel<any>> = { bgnbd: BGNBD_MODEL, mbgnbd: MBGNBD_MODEL, pnbd: PNBD_MODEL };

/** The model of a name; throws naming the known ones for anything else. */
export function btydModel(name: ChurnModelName): BtydModel<ModelParams> {
  const model = MODELS[name];
  if (!model) throw new RangeError(`churn model "${String(name)}": must be one of ${CHURN_MODELS.join(', ')}`);
  return model;
}

/**
 * P(alive) of every customer (validated columns; T = 0 allowed), computed once per distinct (x, t_x, T): for
 * Pareto/NBD each costs two 2F1s, and customer bases repeat few triples.
 */
export function probabilityAliveByTriple<P>(model: BtydModel<P>, params: P, frequency: NumericColumn, recency: NumericColumn, T: NumericColumn): Float64Array {
  const triples = groupTriples({ frequency, recency, T }, 'probabilityAliveByTriple', true);
  const perTriple = new Float64Array(triples.x.length);
  for (let k = 0; k < perTriple.length; k++) perTriple[k] = aliveFromLogOdds(model.logOddsDead(params, triples.x[k], triples.tx[k], triples.T[k]));
  return Float64Array.from(triples.tripleOf, (k) => perTriple[k]);
}

/** P(alive) from the log-odds of having dropped out (exp overflow gives 1/Infinity = 0, never NaN). */
export function aliveFromLogOdds(logOdds: number): number {
  return 1 / (1 + Math.exp(logOdds));
}
