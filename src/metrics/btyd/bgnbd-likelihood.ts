import { digamma, lgamma, logAddExp } from './special.js';
import type { TripleData } from './bgnbd-data.js';

/** BG/NBD parameters: purchase rates λ ~ Gamma(r, α); dropout probabilities p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Log-likelihood of one customer (Fader, Hardie & Lee 2005, eq. 6), written in logs so it stays finite for
 * large x and T in days:
 *   ln L = A1 + A2 + ln(e^A3 + δ(x>0) e^A4)
 *   A1 = lnΓ(r+x) − lnΓ(r) + r ln α
 *   A2 = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x)
 */
export function bgNbdCustomerLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  return betaGeometricLogLikelihood(params, x, tx, T, 0);
}

/**
 * Log-likelihood of one customer under the MBG/NBD model (Batislam, Denizel & Filiztekin 2007; the
 * `lifetimes` ModifiedBetaGeoFitter): a customer may also drop out right after the first purchase, so the
 * "dropped out after the last purchase" term is present for x = 0 too and the beta terms shift by one:
 *   A2 = lnΓ(a+b) + lnΓ(b+x+1) − lnΓ(b) − lnΓ(a+b+x+1),  A4 = ln a − ln(b+x) − (r+x) ln(α+t_x).
 */
export function mbgNbdCustomerLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  return betaGeometricLogLikelihood(params, x, tx, T, 1);
}

/** Shift 0: BG/NBD; shift 1: MBG/NBD (the two differ only by b+x → b+x+1 and the x = 0 dropout term). */
export type BetaGeometricShift = 0 | 1;

function betaGeometricLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number, m: BetaGeometricShift): number {
  const { r, alpha, a, b } = params;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lgamma(a + b) + lgamma(b + x + m) - lgamma(b) - lgamma(a + b + x + m);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 || m === 1 ? Math.log(a) - Math.log(b + x - 1 + m) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * Mean negative log-likelihood over grouped customers as a function of log-parameters
 * θ = (ln r, ln α, ln a, ln b), with its analytic gradient written into `grad`. Terms depending on x, t_x or
 * T alone (log-gammas, digammas, logs) are computed once per distinct value; per triple only one exp and one
 * log1p remain. Returns Infinity for parameters that overflow. With `m` = 1 it is the MBG/NBD objective
 * (see `mbgNbdCustomerLogLikelihood`): the same code with the beta terms shifted by one.
 */
export function bgNbdObjective(data: TripleData, m: BetaGeometricShift = 0) {
  const { xValues, txValues, TValues } = data;
  const nx = xValues.length;
  // Customers per distinct x: the x-only terms are summed per level, not per triple.
  const xWeight = new Float64Array(nx);
  for (let i = 0; i < data.x.length; i++) xWeight[data.xLevel[i]] += data.weight[i];
  const invBX1 = new Float64Array(nx); // 1/(b+x−1+m), when the dropout term is present
  const logBX1 = new Float64Array(nx);
  const logAT = new Float64Array(TValues.length);
  const invAT = new Float64Array(TValues.length);
  const logATx = new Float64Array(txValues.length);
  const invATx = new Float64Array(txValues.length);
  const total = data.customers;
  return (theta: Float64Array, grad: Float64Array): number => {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    if (![r, alpha, a, b].every((v) => Number.isFinite(v) && v > 0)) return Infinity;
    // Terms of x alone, weighted by customers per x.
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    const logAlpha = Math.log(alpha);
    let ll = total * (-lgamma(r) + r * logAlpha + lgamma(a + b) - lgamma(b));
    let gr = total * (logAlpha - psiR);
    let gAlpha = (total * r) / alpha;
    let ga = total * psiAB;
    let gb = total * (psiAB - psiB);
    for (let k = 0; k < nx; k++) {
      const x = xValues[k];
      const w = xWeight[k];
      const psiABX = digamma(a + b + x + m);
      ll += w * (lgamma(r + x) + lgamma(b + x + m) - lgamma(a + b + x + m));
      gr += w * digamma(r + x);
      ga -= w * psiABX;
      gb += w * (digamma(b + x + m) - psiABX);
      const dropTerm = x > 0 || m === 1;
      logBX1[k] = dropTerm ? Math.log(b + x - 1 + m) : 0;
      invBX1[k] = dropTerm ? 1 / (b + x - 1 + m) : 0;
    }
    for (let k = 0; k < TValues.length; k++) {
      logAT[k] = Math.log(alpha + TValues[k]);
      invAT[k] = 1 / (alpha + TValues[k]);
    }
    for (let k = 0; k < txValues.length; k++) {
      logATx[k] = Math.log(alpha + txValues[k]);
      invATx[k] = 1 / (alpha + txValues[k]);
    }
    // Per triple: ln(e^A3 + e^A4) = max + log1p(e^(min − max)) and the weight w4 = e^A4 / (e^A3 + e^A4).
    const logA = Math.log(a);
    let sumW4 = 0;
    let sumW4InvBX1 = 0;
    const { x: xs, weight, xLevel, txLevel, TLevel } = data;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const w = weight[i];
      const rx = r + x;
      const tl = TLevel[i];
      const lT = logAT[tl];
      const a3 = -rx * lT;
      if (x === 0 && m === 0) {
        ll += w * a3;
        gr -= w * lT;
        gAlpha -= w * rx * invAT[tl];
        continue;
      }
      const level = xLevel[i];
      const xl = txLevel[i];
      const lTx = logATx[xl];
      const a4 = logA - logBX1[level] - rx * lTx;
      const e = Math.exp(-Math.abs(a4 - a3));
      const w4 = a4 > a3 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      ll += w * (Math.max(a3, a4) + Math.log1p(e));
      gr -= w * (w3 * lT + w4 * lTx);
      gAlpha -= w * rx * (w3 * invAT[tl] + w4 * invATx[xl]);
      sumW4 += w * w4;
      sumW4InvBX1 += w * w4 * invBX1[level];
    }
    ga += sumW4 / a;
    gb -= sumW4InvBX1;
    if (!Number.isFinite(ll)) return Infinity;
    // Chain rule to log-parameters; minus for the negative log-likelihood; mean for conditioning.
    grad[0] = (-r * gr) / total;
    grad[1] = (-alpha * gAlpha) / total;
    grad[2] = (-a * ga) / total;
    grad[3] = (-b * gb) / total;
    return -ll / total;
  };
}
