/** Objective for the minimizer: returns f(θ) and writes ∇f(θ) into grad (Infinity when θ is not admissible). */
export type Objective = (theta: Float64Array, grad: Float64Array) => number;

export interface MinimizeResult {
  theta: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

export interface MinimizeOptions {
  maxIterations?: number;
  /** Converged when the largest gradient component is below this. */
  gradientTolerance?: number;
  /** Largest step in any coordinate per iteration (keeps log-parameters from jumping to overflow). */
  maxStep?: number;
}

/** Smallest line-search move (largest coordinate) worth evaluating: far below any reported precision. */
const MIN_MOVE = 1e-10;

/**
 * BFGS quasi-Newton minimization with a backtracking (Armijo) line search. Small problems only (dense
 * inverse-Hessian): the BTYD models have 3–4 parameters.
 */
export function minimizeBfgs(f: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-8;
  const maxStep = options.maxStep ?? 2;
  const n = start.length;
  let theta = Float64Array.from(start);
  let grad = new Float64Array(n);
  let value = f(theta, grad);
  if (!Number.isFinite(value)) return { theta, value, iterations: 0, converged: false };
  const H = identity(n);
  const dir = new Float64Array(n);
  const next = new Float64Array(n);
  const nextGrad = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let iterations = 0;
  let stalls = 0;
  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(grad) < gtol) return { theta, value, iterations, converged: true };
    // Direction −H g; fall back to steepest descent if it is not a descent direction.
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= H[i * n + j] * grad[j];
      dir[i] = d;
      slope += d * grad[i];
    }
    if (!(slope < 0)) {
      resetIdentity(H, n);
      for (let i = 0; i < n; i++) dir[i] = -grad[i];
      slope = -dot(grad, grad);
    }
    const largest = maxAbs(dir);
    let step = largest > maxStep ? maxStep / largest : 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) next[i] = theta[i] + step * dir[i];
      nextValue = f(next, nextGrad);
      if (Number.isFinite(nextValue) && nextValue <= value + 1e-4 * step * slope) break;
      // At the optimum the objective's rounding noise defeats the Armijo test: stop halving once the move
      // is too small to matter instead of spending dozens of evaluations on it.
      if (step * largest < MIN_MOVE) break;
      step *= 0.5;
    }
    if (!(Number.isFinite(nextValue) && nextValue <= value)) {
      // No progress along this direction: restart from steepest descent once, then stop.
      if (++stalls > 1) break;
      resetIdentity(H, n);
      continue;
    }
    const improvement = value - nextValue;
    for (let i = 0; i < n; i++) {
      s[i] = next[i] - theta[i];
      y[i] = nextGrad[i] - grad[i];
    }
    [theta, grad] = [Float64Array.from(next), Float64Array.from(nextGrad)];
    value = nextValue;
    updateInverseHessian(H, s, y, n, iterations === 0);
    if (improvement <= 1e-16 * Math.max(1, Math.abs(value))) {
      if (++stalls > 2) break;
    } else stalls = 0;
  }
  return { theta, value, iterations, converged: maxAbs(grad) < Math.sqrt(gtol) };
}

/** Standard BFGS update of the inverse Hessian; skipped when the curvature condition fails. */
function updateInverseHessian(H: Float64Array, s: Float64Array, y: Float64Array, n: number, first: boolean): void {
  const sy = dot(s, y);
  if (!(sy > 1e-300)) return;
  if (first) {
    // Scale the initial identity to the curvature seen (Nocedal & Wright 6.20).
    const scale = sy / dot(y, y);
    resetIdentity(H, n, scale);
  }
  const rho = 1 / sy;
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
    Hy[i] = v;
  }
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] += rho * ((1 + rho * yHy) * s[i] * s[j] - Hy[i] * s[j] - s[i] * Hy[j]);
    }
  }
}

function identity(n: number): Float64Array {
  const H = new Float64Array(n * n);
  resetIdentity(H, n);
  return H;
}

function resetIdentity(H: Float64Array, n: number, scale = 1): void {
  H.fill(0);
  for (let i = 0; i < n; i++) H[i * n + i] = scale;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Log-parameters whose values all lie in (1e-6, 1e6), away from the degenerate edges of the BTYD models. */
export function inBounds(theta: ArrayLike<number>): boolean {
  for (let i = 0; i < theta.length; i++) {
    const v = Math.exp(theta[i]);
    if (!(v > 1e-6 && v < 1e6)) return false;
  }
  return true;
}
