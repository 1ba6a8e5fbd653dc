// Synthetic customer bases for the BTYD benchmark: purchase days drawn from a Pareto/NBD process (seeded), as
// orders rows, so fits, the holdout check and `auto` run on realistic per-customer arrays at any size.
import * as aq from 'arquero';
import { Random } from '../src/sample/random.js';

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
  const rng = new Random(shape.seed);
  const u = () => rng.next();
  const start = Date.UTC(2023, 0, 1) / 864e5;
  const ids: string[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  let once = 0;
  for (let c = 0; c < shape.customers; c++) {
    const first = Math.floor(u() * shape.days);
    const lambda = rng.gamma(shape.r, 1 / shape.alpha); // rate α → scale 1/α
    const death = first - Math.log(1 - u()) / rng.gamma(shape.s, 1 / shape.beta);
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
