/**
 * Holt-Winters exponential smoothing as R's `stats::HoltWinters` defines it (R Core Team; Holt 1957, Winters
 * 1960), so its results can be checked against R's published ones (test/metrics/forecast-reference.test.ts):
 *
 * - seasonal (period f ≥ 2, at least 2 f values): start values from a classical decomposition of the first
 *   two seasons (centred moving average; seasonal figure = mean per position, centred; level and trend =
 *   intercept and slope of a straight line through the moving average); filtering from value f + 1;
 * - non-seasonal with trend (Holt): level = x₂, trend = x₂ − x₁, filtering from value 3;
 * - level only (simple exponential smoothing): level = x₁, filtering from value 2.
 *
 * Smoothing parameters not given are chosen in [0, 1] to minimize the sum of squared one-step errors (SSE)
 * from R's start (α 0.3, β 0.1, γ 0.1). Prediction intervals follow R's `predict.HoltWinters`: the variance
 * of the h-step error is var(residuals) · (1 + Σⱼ₌₁ʰ⁻¹ ψⱼ²), ψⱼ = α(1 + jβ) + [j mod f = 0] γ(1 − α); for
 * multiplicative seasonality each term is scaled by the ratio of the seasonal factors (see docs/metrics.md).
 */
import { minimizeBox } from './minimize-box.js';
import { normalQuantile } from './normal-quantile.js';

export type Seasonality = 'additive' | 'multiplicative';
export type SmoothingKind = 'holt-winters' | 'holt' | 'ses';

export interface HoltWintersOptions {
  /** The model: seasonal Holt-Winters, Holt's linear trend, or simple exponential smoothing. */
  kind: SmoothingKind;
  /** Season length (values per season), ≥ 2 for `holt-winters`. */
  period?: number;
  /** Seasonality of `holt-winters`. Default additive. */
  seasonal?: Seasonality;
  /** Fixed smoothing parameters; the others are estimated. */
  alpha?: number;
  beta?: number;
  gamma?: number;
}

export interface HoltWintersFit {
  kind: SmoothingKind;
  seasonal: Seasonality | null;
  /** 1 without seasonality. */
  period: number;
  alpha: number;
  /** 0 when the model has no trend / seasonality. */
  beta: number;
  gamma: number;
  /** Sum of squared one-step errors over the fitted values. */
  sse: number;
  /** Final level `a`, trend `b` and seasonal factors `s1 … sf` (R's `coefficients`). */
  a: number;
  b: number;
  s: Float64Array;
  /** 0-based index of the first fitted value (R's `start.time` − 1). */
  start: number;
  /** One-step fitted values for x[start …]. */
  fitted: Float64Array;
  /** x − fitted. */
  residuals: Float64Array;
  /** Sample variance of the residuals (n − 1 denominator, as R's `var`). */
  residualVariance: number;
}

export interface HoltWintersPrediction {
  mean: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Coverage of the interval, e.g. 0.95. */
  level: number;
  /** Standard deviation of the h-step error. */
  sd: Float64Array;
}

interface Filtered {
  sse: number;
  level: Float64Array;
  trend: Float64Array;
  season: Float64Array;
}

/** The smoothing recursion (R's C_HoltWinters): one pass, SSE of the one-step forecasts. */
function filter(
  x: ArrayLike<number>,
  alpha: number,
  beta: number,
  gamma: number,
  start: number,
  mult: boolean,
  f: number,
  trendOn: boolean,
  seasonOn: boolean,
  a0: number,
  b0: number,
  s0: ArrayLike<number>,
): Filtered {
  const n = x.length;
  const len = n - start;
  const level = new Float64Array(len + 1);
  const trend = new Float64Array(len + 1);
  const season = new Float64Array(seasonOn ? len + f : 0);
  level[0] = a0;
  if (trendOn) trend[0] = b0;
  if (seasonOn) for (let i = 0; i < f; i++) season[i] = s0[i]!;
  let sse = 0;
  for (let i = start; i < n; i++) {
    const i0 = i - start + 1;
    const s0i = i0 + f - 1;
    let xhat = level[i0 - 1]! + (trendOn ? trend[i0 - 1]! : 0);
    const stmp = seasonOn ? season[s0i - f]! : mult ? 1 : 0;
    xhat = mult ? xhat * stmp : xhat + stmp;
    const res = x[i]! - xhat;
    sse += res * res;
    level[i0] = alpha * (mult ? x[i]! / stmp : x[i]! - stmp) + (1 - alpha) * (level[i0 - 1]! + trend[i0 - 1]!);
    if (trendOn) trend[i0] = beta * (level[i0]! - level[i0 - 1]!) + (1 - beta) * trend[i0 - 1]!;
    if (seasonOn) season[s0i] = gamma * (mult ? x[i]! / level[i0]! : x[i]! - level[i0]!) + (1 - gamma) * stmp;
  }
  return { sse, level, trend, season };
}

/**
 * The SSE alone of the same recursion, with scalars and a ring of the last f seasonal factors (no arrays per
 * call): what the optimizer evaluates hundreds of times.
 */
function sseOf(
  x: ArrayLike<number>,
  alpha: number,
  beta: number,
  gamma: number,
  start: number,
  mult: boolean,
  f: number,
  trendOn: boolean,
  seasonOn: boolean,
  a0: number,
  b0: number,
  ring: Float64Array,
  s0: ArrayLike<number>,
): number {
  let level = a0;
  let trend = trendOn ? b0 : 0;
  if (seasonOn) for (let i = 0; i < f; i++) ring[i] = s0[i]!;
  let sse = 0;
  for (let i = start, k = 0; i < x.length; i++, k = k + 1 === f ? 0 : k + 1) {
    const stmp = seasonOn ? ring[k]! : mult ? 1 : 0;
    const base = level + trend;
    const xhat = mult ? base * stmp : base + stmp;
    const res = x[i]! - xhat;
    sse += res * res;
    const next = alpha * (mult ? x[i]! / stmp : x[i]! - stmp) + (1 - alpha) * base;
    if (trendOn) trend = beta * (next - level) + (1 - beta) * trend;
    level = next;
    if (seasonOn) ring[k] = gamma * (mult ? x[i]! / level : x[i]! - level) + (1 - gamma) * stmp;
  }
  return sse;
}

/** R's `decompose` start values over the first 2 f values: level, trend and the seasonal figure. */
export function seasonalStart(x: ArrayLike<number>, f: number, mult: boolean): { a: number; b: number; s: Float64Array } {
  const wind = 2 * f;
  // Centred moving average: weights (½, 1, …, 1, ½)/f for even f, 1/f for odd f.
  const weights = f % 2 === 0 ? [0.5, ...new Array<number>(f - 1).fill(1), 0.5].map((w) => w / f) : new Array<number>(f).fill(1 / f);
  const half = Math.floor(weights.length / 2);
  const trend = new Float64Array(wind).fill(NaN);
  for (let i = half; i + weights.length - half - 1 < wind; i++) {
    let v = 0;
    for (let k = 0; k < weights.length; k++) v += weights[k]! * x[i - half + k]!;
    trend[i] = v;
  }
  const figure = new Float64Array(f);
  for (let p = 0; p < f; p++) {
    let sum = 0, count = 0;
    for (let i = p; i < wind; i += f) {
      if (trend[i] !== trend[i]) continue;
      sum += mult ? x[i]! / trend[i]! : x[i]! - trend[i]!;
      count++;
    }
    figure[p] = sum / count;
  }
  const mean = figure.reduce((s, v) => s + v, 0) / f;
  for (let p = 0; p < f; p++) figure[p] = mult ? figure[p]! / mean : figure[p]! - mean;
  // Straight line through the defined moving averages, t = 1 … m (lm(dat ~ seq_along(dat))).
  const dat = Array.from(trend).filter((v) => v === v);
  const m = dat.length;
  const tMean = (m + 1) / 2;
  const yMean = dat.reduce((s, v) => s + v, 0) / m;
  let sxy = 0, sxx = 0;
  dat.forEach((y, k) => {
    sxy += (k + 1 - tMean) * (y - yMean);
    sxx += (k + 1 - tMean) ** 2;
  });
  const b = sxy / sxx;
  return { a: yMean - b * tMean, b, s: figure };
}

/** Fits the model to x (see the module doc). Throws a RangeError when x is too short for the model. */
export function holtWinters(x: ArrayLike<number>, options: HoltWintersOptions): HoltWintersFit {
  const { kind } = options;
  const n = x.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i]!)) throw new RangeError(`holtWinters: value ${i} is not a number (${x[i]})`);
  const seasonOn = kind === 'holt-winters';
  const trendOn = kind !== 'ses';
  const f = seasonOn ? options.period ?? 0 : 1;
  const mult = seasonOn && options.seasonal === 'multiplicative';
  if (seasonOn && !(Number.isInteger(f) && f >= 2)) throw new RangeError(`holtWinters: period must be a whole number ≥ 2, found ${f}`);
  const minimum = seasonOn ? 2 * f + 1 : trendOn ? 3 : 2;
  if (n < minimum) throw new RangeError(`holtWinters: ${kind} needs at least ${minimum} values, found ${n}`);
  if (mult) for (let i = 0; i < n; i++) if (x[i] === 0) throw new RangeError('holtWinters: multiplicative seasonality needs non-zero values');

  let a0: number, b0: number, s0: ArrayLike<number>, start: number;
  if (seasonOn) {
    ({ a: a0, b: b0, s: s0 } = seasonalStart(x, f, mult));
    start = f;
  } else if (trendOn) {
    [a0, b0, s0, start] = [x[1]!, x[1]! - x[0]!, [], 2];
  } else {
    [a0, b0, s0, start] = [x[0]!, 0, [], 1];
  }
  const run = (alpha: number, beta: number, gamma: number) => filter(x, alpha, beta, gamma, start, mult, f, trendOn, seasonOn, a0, b0, s0);
  const ring = new Float64Array(Math.max(1, f));

  // The parameters to estimate, in R's order and from R's start values.
  const names = (['alpha', 'beta', 'gamma'] as const).filter(
    (k) => options[k] === undefined && (k === 'alpha' || (k === 'beta' ? trendOn : seasonOn)),
  );
  for (const k of ['alpha', 'beta', 'gamma'] as const) {
    const v = options[k];
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`holtWinters: ${k} must be in [0, 1], found ${v}`);
  }
  const params = { alpha: options.alpha ?? 0.3, beta: trendOn ? options.beta ?? 0.1 : 0, gamma: seasonOn ? options.gamma ?? 0.1 : 0 };
  if (names.length) {
    const at = (p: Float64Array) => {
      const q = { ...params };
      names.forEach((k, i) => (q[k] = p[i]!));
      return sseOf(x, q.alpha, q.beta, q.gamma, start, mult, f, trendOn, seasonOn, a0, b0, ring, s0);
    };
    const startValues = names.map((k) => params[k]);
    const scale = at(Float64Array.from(startValues)) || 1; // SSE of revenue series is huge: work relative to it
    const best = minimizeBox((p) => at(p) / scale, startValues, names.map(() => 0), names.map(() => 1));
    names.forEach((k, i) => (params[k] = best.x[i]!));
  }
  const final = run(params.alpha, params.beta, params.gamma);
  const len = n - start;
  const fitted = new Float64Array(len);
  for (let k = 0; k < len; k++) {
    let v = final.level[k]! + (trendOn ? final.trend[k]! : 0);
    if (seasonOn) v = mult ? v * final.season[k]! : v + final.season[k]!;
    fitted[k] = v;
  }
  const residuals = Float64Array.from(fitted, (v, k) => x[start + k]! - v);
  const mean = residuals.reduce((s, v) => s + v, 0) / len;
  const residualVariance = len > 1 ? residuals.reduce((s, v) => s + (v - mean) ** 2, 0) / (len - 1) : NaN;
  return {
    kind,
    seasonal: seasonOn ? (mult ? 'multiplicative' : 'additive') : null,
    period: f,
    alpha: params.alpha,
    beta: params.beta,
    gamma: params.gamma,
    sse: final.sse,
    a: final.level[len]!,
    b: trendOn ? final.trend[len]! : 0,
    s: seasonOn ? final.season.slice(len, len + f) : new Float64Array(0),
    start,
    fitted,
    residuals,
    residualVariance,
  };
}

/** Point forecasts 1 … h ahead with a `level` prediction interval (R's `predict.HoltWinters`). */
export function predictHoltWinters(fit: HoltWintersFit, h: number, level = 0.95): HoltWintersPrediction {
  if (!(Number.isInteger(h) && h >= 0)) throw new RangeError(`predictHoltWinters: h must be a whole number ≥ 0, found ${h}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`predictHoltWinters: level must be between 0 and 1, found ${level}`);
  const f = fit.period;
  const seasonOn = fit.kind === 'holt-winters';
  const mult = fit.seasonal === 'multiplicative';
  const z = normalQuantile((1 + level) / 2);
  const psi = (j: number) => fit.alpha * (1 + j * fit.beta) + (seasonOn && j % f === 0 ? fit.gamma * (1 - fit.alpha) : 0);
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  for (let k = 1; k <= h; k++) {
    let v = fit.a + k * fit.b;
    if (seasonOn) v = mult ? v * fit.s[(k - 1) % f]! : v + fit.s[(k - 1) % f]!;
    mean[k - 1] = v;
    let factor = 0;
    if (!mult) {
      factor = 1;
      for (let j = 1; j < k; j++) factor += psi(j) ** 2;
    } else {
      // Each past shock scaled by the ratio of the target season's factor to the factor of its own season.
      const rel = (k - 1) % f;
      for (let j = 0; j < k; j++) {
        const ratio = fit.s[rel]! / fit.s[(((rel - j) % f) + f) % f]!;
        factor += (j === 0 ? 1 : psi(j)) ** 2 * ratio ** 2;
      }
    }
    sd[k - 1] = Math.sqrt(fit.residualVariance * factor);
  }
  return {
    mean,
    lower: Float64Array.from(mean, (m, i) => m - z * sd[i]!),
    upper: Float64Array.from(mean, (m, i) => m + z * sd[i]!),
    level,
    sd,
  };
}
