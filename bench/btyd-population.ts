// Synthetic customer bases for the BTYD benchmark: purchase days drawn from a Pareto/NBD process (seeded), as
// orders rows, so fits, the holdout check and `auto` run on realistic per-customer arrays at any size.
import * as aq from 'arquero';

/** Mulberry32: small, seeded, good enough for benchmark data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, rate) by Marsaglia & Tsang (shape < 1 boosted). */
function gamma(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(u, shape + 1, rate) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal.
      x = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

export interface PopulationShape {
  customers: number;
  /** Purchase rate λ ~ Gamma(r, α) per day; dropout rate μ ~ Gamma(s, β) per day. */
  r: number;
  alpha: number;
  s: number;
  beta: number;
  /** Days of history; first purchases are spread evenly over it. */
  days: number;
  seed: number;
}

/** An orders table (customer_id, order_date as epoch days from 2023-01-01, amount) and its one-time-buyer share. */
export function syntheticOrders(shape: PopulationShape): { orders: aq.ColumnTable; oneTimeShare: number; asOf: number } {
  const u = random(shape.seed);
  const start = Date.UTC(2023, 0, 1) / 864e5;
  const ids: string[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  let once = 0;
  for (let c = 0; c < shape.customers; c++) {
    const first = Math.floor(u() * shape.days);
    const lambda = gamma(u, shape.r, shape.alpha);
    const death = first - Math.log(1 - u()) / gamma(u, shape.s, shape.beta);
    const id = `c${c}`;
    let n = 0;
    for (let t = first; t < shape.days && t < death; t += Math.max(1, Math.ceil(-Math.log(1 - u()) / lambda))) {
      ids.push(id);
      days.push(start + t);
      amounts.push(20 + Math.floor(u() * 200));
      n++;
    }
    if (n === 1) once++;
  }
  const orders = aq.table({ customer_id: ids, order_date: Int32Array.from(days), amount: Float64Array.from(amounts) });
  return { orders, oneTimeShare: once / shape.customers, asOf: start + shape.days };
}
