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
  const { r, alpha, a, b } = params;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * Mean negative log-likelihood over grouped customers as a function of log-parameters
 * θ = (ln r, ln α, ln a, ln b), with its analytic gradient written into `grad`. Terms depending on x alone
 * (log-gammas, digammas) are computed once per distinct x. Returns Infinity for parameters that overflow.
 */
export function bgNbdObjective(data: TripleData) {
  const levels = data.xValues.length;
  const lgX = new Float64Array(levels); // lnΓ(r+x) + lnΓ(b+x) − lnΓ(a+b+x)
  const psiRX = new Float64Array(levels);
  const psiBX = new Float64Array(levels);
  const psiABX = new Float64Array(levels);
  const total = data.customers;
  return (theta: Float64Array, grad: Float64Array): number => {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    if (![r, alpha, a, b].every((v) => Number.isFinite(v) && v > 0)) return Infinity;
    for (let k = 0; k < levels; k++) {
      const x = data.xValues[k];
      lgX[k] = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
      psiRX[k] = digamma(r + x);
      psiBX[k] = digamma(b + x);
      psiABX[k] = digamma(a + b + x);
    }
    const base = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    const { x: xs, tx: txs, T: Ts, weight, xLevel } = data;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const w = weight[i];
      const level = xLevel[i];
      const rx = r + x;
      const logAT = Math.log(alpha + Ts[i]);
      const a3 = -rx * logAT;
      let w4 = 0;
      let logATx = 0;
      let mix = a3;
      if (x > 0) {
        logATx = Math.log(alpha + txs[i]);
        const a4 = logA - Math.log(b + x - 1) - rx * logATx;
        mix = logAddExp(a3, a4);
        w4 = Math.exp(a4 - mix);
      }
      const w3 = 1 - w4;
      ll += w * (base + lgX[level] + mix);
      gr += w * (psiRX[level] - psiR + logAlpha - w3 * logAT - w4 * logATx);
      gAlpha += w * (r / alpha - rx * (w3 / (alpha + Ts[i]) + w4 / (alpha + txs[i])));
      ga += w * (psiAB - psiABX[level] + w4 / a);
      gb += w * (psiAB + psiBX[level] - psiB - psiABX[level] - (x > 0 ? w4 / (b + x - 1) : 0));
    }
    if (!Number.isFinite(ll)) return Infinity;
    // Chain rule to log-parameters; minus for the negative log-likelihood; mean for conditioning.
    grad[0] = (-r * gr) / total;
    grad[1] = (-alpha * gAlpha) / total;
    grad[2] = (-a * ga) / total;
    grad[3] = (-b * gb) / total;
    return -ll / total;
  };
}
