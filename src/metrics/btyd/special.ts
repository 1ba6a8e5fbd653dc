/**
 * Special functions the BTYD models need, in plain double precision: log-gamma, digamma, log-sum-exp and the
 * Gauss hypergeometric function 2F1 on the real line z < 1.
 */

// Lanczos coefficients (g = 7, n = 9): relative error about 1e-15 for positive arguments.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log |Γ(x)| for real x (poles give Infinity). */
export function lgamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    const s = Math.sin(Math.PI * x);
    if (s === 0) return Infinity;
    return Math.log(Math.PI / Math.abs(s)) - lgamma(1 - x);
  }
  if (x > 1e7) {
    // Stirling, for arguments where the Lanczos sum gains nothing.
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + 1 / (12 * x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Sign of Γ(x) (+1 or −1; +1 at poles, where lgamma is Infinity). */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  const k = Math.floor(x);
  if (k === x) return 1;
  return k % 2 === 0 ? 1 : -1;
}

/** Digamma ψ(x) = d/dx log Γ(x) for x > 0 (recurrence up to 10, then the asymptotic series). */
export function digamma(x: number): number {
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    result +
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}

/** log(e^a + e^b) without overflow; −Infinity operands are allowed. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

const SERIES_TOLERANCE = 1e-16;
const SERIES_MAX_TERMS = 100_000;

/**
 * Power series of 2F1(a, b; c; z) for |z| < 1, summed until a term no longer changes the sum (checked over two
 * consecutive terms, since a term can vanish by accident). Throws when it does not converge.
 */
function hyp2f1Series(a: number, b: number, c: number, z: number, maxTerms = SERIES_MAX_TERMS): number {
  let term = 1;
  let sum = 1;
  let small = 0;
  for (let k = 0; k < maxTerms; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (term === 0) return sum;
    if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum)) {
      if (++small >= 2) return sum;
    } else small = 0;
  }
  if (maxTerms < SERIES_MAX_TERMS) return NaN; // caller falls back to another method
  throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}): series did not converge`);
}

/** Γ(c)Γ(d) / (Γ(e)Γ(f)) through log-gammas with signs (any argument may be negative, none a pole). */
function gammaRatio(c: number, d: number, e: number, f: number): number {
  const sign = gammaSign(c) * gammaSign(d) * gammaSign(e) * gammaSign(f);
  if (!Number.isFinite(lgamma(e)) || !Number.isFinite(lgamma(f))) return 0; // 1/Γ(pole) = 0
  return sign * Math.exp(lgamma(c) + lgamma(d) - lgamma(e) - lgamma(f));
}

/** Beyond this z the direct series may be slow: it gets a bounded number of terms, then the 1 − z formula. */
const CONNECTION_FROM = 0.75;
const SHORT_SERIES_TERMS = 400;
/** c − a − b closer than this to an integer makes the connection formula singular: shift by this much. */
const INTEGER_GUARD = 1e-6;

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1 (and c not 0, −1, −2, …).
 *
 * - z < 0: Pfaff transformation to z / (z − 1) ∈ (0, 1).
 * - 0 ≤ z ≤ 0.75: the power series with a convergence check.
 * - 0.75 < z < 1: the series if it converges within 400 terms (large c), otherwise the 1 − z connection formula (Abramowitz & Stegun 15.3.6), whose two series converge fast
 *   there. When c − a − b is (nearly) an integer that formula is singular; the function is continuous in c,
 *   so it is evaluated at c ± 1e-6 and averaged (relative error about 1e-9).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`hyp2f1: z must be < 1, got ${z}`);
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1 − z)^(−a) 2F1(a, c − b; c; z/(z − 1)).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  if (z <= CONNECTION_FROM) return hyp2f1Series(a, b, c, z);
  const quick = hyp2f1Series(a, b, c, z, SHORT_SERIES_TERMS);
  if (!Number.isNaN(quick)) return quick;
  const s = c - a - b;
  const nearest = Math.round(s);
  if (Math.abs(s - nearest) < INTEGER_GUARD) {
    return 0.5 * (hyp2f1Connection(a, b, c + INTEGER_GUARD, z) + hyp2f1Connection(a, b, c - INTEGER_GUARD, z));
  }
  return hyp2f1Connection(a, b, c, z);
}

function hyp2f1Connection(a: number, b: number, c: number, z: number): number {
  const s = c - a - b;
  const y = 1 - z;
  const first = gammaRatio(c, s, c - a, c - b) * hyp2f1Series(a, b, 1 - s, y);
  const second = gammaRatio(c, -s, a, b) * Math.pow(y, s) * hyp2f1Series(c - a, c - b, 1 + s, y);
  return first + second;
}
