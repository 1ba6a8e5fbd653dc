/**
 * Minimizes a smooth function of a few parameters inside a box [lower, upper]: projected BFGS (the idea of
 * L-BFGS-B, as R's `optim(method = "L-BFGS-B")` that `stats::HoltWinters` uses, for 1–3 parameters with a
 * dense inverse Hessian) with central-difference gradients and a backtracking line search along the
 * projected path. Parameters at a bound whose gradient points outward are held there.
 */

export interface BoxResult {
  x: Float64Array;
  value: number;
  iterations: number;
}

const STEP = 1e-6;
/** Stop when an iteration lowers f by less than this fraction (a tenth of R's L-BFGS-B default). */
const RELATIVE_REDUCTION = 2.2e-10;

function clamp(x: Float64Array, lower: ArrayLike<number>, upper: ArrayLike<number>): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
  return x;
}

/** Central differences (one-sided at a bound). */
function gradient(f: (x: Float64Array) => number, x: Float64Array, fx: number, lower: ArrayLike<number>, upper: ArrayLike<number>): Float64Array {
  const g = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const hi = Math.min(upper[i]!, x[i]! + STEP);
    const lo = Math.max(lower[i]!, x[i]! - STEP);
    probe[i] = hi;
    const fh = hi > x[i]! ? f(probe) : fx;
    probe[i] = lo;
    const fl = lo < x[i]! ? f(probe) : fx;
    probe[i] = x[i]!;
    g[i] = (fh - fl) / (hi - lo);
  }
  return g;
}

export function minimizeBox(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  maxIterations = 100,
): BoxResult {
  const n = start.length;
  let x = clamp(Float64Array.from(start), lower, upper);
  let fx = f(x);
  let g = gradient(f, x, fx, lower, upper);
  const H = new Float64Array(n * n);
  const reset = () => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
  };
  reset();
  let iterations = 0;
  let free = '';
  for (; iterations < maxIterations; iterations++) {
    // Held parameters: at a bound with the gradient pushing outward.
    const held = new Uint8Array(n);
    let key = '';
    for (let i = 0; i < n; i++) {
      held[i] = (x[i]! <= lower[i]! && g[i]! > 0) || (x[i]! >= upper[i]! && g[i]! < 0) ? 1 : 0;
      key += held[i];
    }
    if (key !== free) {
      reset();
      free = key;
    }
    let pg = 0;
    for (let i = 0; i < n; i++) if (!held[i]) pg = Math.max(pg, Math.abs(g[i]!));
    if (pg < 1e-8 * Math.max(1, Math.abs(fx))) break;
    const d = new Float64Array(n);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      if (held[i]) continue;
      for (let j = 0; j < n; j++) if (!held[j]) d[i] -= H[i * n + j]! * g[j]!;
      slope += d[i]! * g[i]!;
    }
    if (!(slope < 0)) {
      reset();
      for (let i = 0; i < n; i++) d[i] = held[i] ? 0 : -g[i]!;
    }
    // Backtracking along the projected path: accept a sufficient decrease (Armijo on the actual move).
    let t = 1;
    let next = x;
    let fnext = fx;
    for (let k = 0; k < 40; k++, t /= 2) {
      const trial = clamp(Float64Array.from(x, (xi, i) => xi + t * d[i]!), lower, upper);
      let move = 0;
      for (let i = 0; i < n; i++) move += g[i]! * (trial[i]! - x[i]!);
      const ft = f(trial);
      if (ft <= fx + 1e-4 * move && ft < fx) {
        next = trial;
        fnext = ft;
        break;
      }
    }
    if (next === x) break; // no decrease along the direction: converged as far as the differences tell
    const gnext = gradient(f, next, fnext, lower, upper);
    const s = Float64Array.from(next, (v, i) => v - x[i]!);
    const y = Float64Array.from(gnext, (v, i) => v - g[i]!);
    let sy = 0;
    for (let i = 0; i < n; i++) sy += s[i]! * y[i]!;
    if (sy > 1e-12) {
      // BFGS update of the inverse Hessian: H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ.
      const rho = 1 / sy;
      const Hy = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Hy[i] += H[i * n + j]! * y[j]!;
      let yHy = 0;
      for (let i = 0; i < n; i++) yHy += y[i]! * Hy[i]!;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          H[i * n + j] += (1 + rho * yHy) * rho * s[i]! * s[j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!);
    }
    const decrease = fx - fnext;
    x = next;
    fx = fnext;
    g = gnext;
    // R's L-BFGS-B default stops at a relative reduction below factr · ε = 1e7 · 2.2e-16 ≈ 2.2e-9.
    if (decrease <= RELATIVE_REDUCTION * Math.max(1, Math.abs(fx))) break;
  }
  return { x, value: fx, iterations };
}
