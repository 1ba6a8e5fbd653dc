/**
 * Simulated BG/NBD populations (integer days) for benchmarks and recovery checks: purchase rates
 * λ ~ Gamma(r, α), dropout p ~ Beta(a, b) after each purchase, first purchase uniform over `acquisitionDays`,
 * observed until `observationDays`. Seeded (mulberry32) so runs repeat.
 */
export function simulateBgNbd(
  customers: number,
  params: { r: number; alpha: number; a: number; b: number },
  seed = 1,
  acquisitionDays = 365,
  observationDays = 730,
) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia–Tsang gamma sampler (shape boosted below 1).
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(params.r) / params.alpha;
    const ga = gamma(params.a);
    const p = ga / (ga + gamma(params.b));
    const first = Math.floor(uniform() * acquisitionDays);
    const age = observationDays - first;
    let t = 0;
    let lastDay = 0;
    const days = new Set<number>([0]);
    for (;;) {
      if (uniform() < p && t > 0) break; // dropout happens after a purchase
      t += -Math.log(1 - uniform()) / lambda;
      if (!(t < age)) break;
      const d = Math.floor(t);
      days.add(d);
      lastDay = Math.max(lastDay, d);
    }
    frequency[i] = days.size - 1;
    recency[i] = days.size > 1 ? lastDay : 0;
    T[i] = age;
  }
  return { frequency, recency, T };
}
