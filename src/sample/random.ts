/**
 * A small, fast, seedable pseudo-random generator (sfc32, seeded through splitmix32) with the few
 * distributions the sample generator needs. Same seed → same sequence in Node and in the browser
 * (all arithmetic is 32-bit integer math; the float helpers use only `Math.log/exp/sqrt/cos`, which V8
 * computes identically everywhere).
 */

/** splitmix32 step: spreads any 32-bit input over all bits (used for seeding and for sub-stream keys). */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** 32-bit hash of a seed given as a number or a string (FNV-1a over UTF-16 units, then mixed). */
export function hashSeed(seed: number | string): number {
  if (typeof seed === 'number') return mix32(Math.floor(seed) ^ Math.floor(seed / 4294967296));
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** Seeded random stream. `next()` is uniform on [0, 1). */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Spare normal deviate from the last Box–Muller pair. */
  private spare = NaN;

  constructor(seed: number | string) {
    const s = hashSeed(seed);
    this.a = mix32(s);
    this.b = mix32(s ^ 0x1b873593);
    this.c = mix32(s ^ 0x2545f491);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next(); // leave the correlated start of the sequence behind
  }

  /** An independent stream derived from this seed and a key (e.g. one stream per customer). */
  static derive(seed: number | string, key: number): Random {
    return new Random(mix32(hashSeed(seed) ^ mix32(key)));
  }

  next(): number {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit output.
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi] (both inclusive). */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn from cumulative weights (as built by `cumulative`). */
  pickCumulative(cum: ArrayLike<number>): number {
    const x = this.next() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Standard normal deviate (Box–Muller, pairs cached). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    const u = 1 - this.next(); // (0, 1]: log stays finite
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal deviate with the given median and log-scale standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Gamma(shape, scale) deviate (Marsaglia–Tsang; shape < 1 through the boost u^(1/shape)). */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(1 - this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v * scale;
      }
    }
  }

  /** Beta(a, b) deviate. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  /** Exponential deviate with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Poisson deviate (inversion; meant for the small means the generator uses). */
  poisson(mean: number): number {
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const l = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > l) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/** Running sums of weights, for `Random.pickCumulative`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
  return out;
}
