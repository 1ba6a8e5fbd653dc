import { readColumns, type NumericColumn } from './customer-arrays.js';
import type { ColumnTable } from 'arquero';

/** Per-customer BG/NBD sufficient statistics: repeat purchase count, time of last repeat purchase, age. */
export interface FrequencyRecencyT {
  /** Repeat purchases x (whole numbers ≥ 0). */
  frequency: NumericColumn;
  /** t_x: time from first to last purchase (0 when x = 0), in the model's time unit. */
  recency: NumericColumn;
  /** T: time from first purchase to the end of observation (> 0). */
  T: NumericColumn;
}

/**
 * Checks one customer's (x, t_x, T) and returns an error message naming the index, or null when valid.
 * Shared by the fitter and the prediction functions so they accept exactly the same inputs.
 */
export function checkCustomer(x: number, tx: number, T: number, index: number): string | null {
  if (!(Number.isInteger(x) && x >= 0)) return `frequency[${index}] = ${x}: must be a whole number ≥ 0`;
  if (!(Number.isFinite(T) && T > 0)) return `T[${index}] = ${T}: must be a finite number > 0`;
  if (!(Number.isFinite(tx) && tx >= 0 && tx <= T)) return `recency[${index}] = ${tx}: must be between 0 and T (${T})`;
  if (x === 0 && tx !== 0) return `recency[${index}] = ${tx}: must be 0 when frequency is 0`;
  return null;
}

/**
 * Customers grouped into distinct (x, t_x, T) triples with counts: the likelihood only depends on the triple,
 * so fitting costs per distinct triple, not per customer. `xLevel` indexes the distinct x values (`xValues`)
 * so gamma-function terms that depend on x alone are computed once per x.
 */
export interface TripleData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  xLevel: Int32Array;
  xValues: Float64Array;
  customers: number;
  /** For each input customer, the index of its triple. */
  tripleOf: Int32Array;
  /** Sum of x over all customers. */
  totalRepeats: number;
  maxT: number;
}

/** Validates the inputs (naming the first bad index) and groups identical triples. */
export function groupTriples(input: FrequencyRecencyT | ColumnTable, what = 'fitBgNbd'): TripleData {
  const { frequency, recency, T } = readColumns(input, ['frequency', 'recency', 'T'], what);
  const n = frequency.length;
  const slot = new Map<string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const ws: number[] = [];
  const tripleOf = new Int32Array(n);
  let totalRepeats = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    const tx = recency[i];
    const t = T[i];
    const problem = checkCustomer(x, tx, t, i);
    if (problem) throw new RangeError(`${what}: ${problem}`);
    totalRepeats += x;
    if (t > maxT) maxT = t;
    const key = `${x} ${tx} ${t}`;
    const at = slot.get(key);
    if (at === undefined) {
      tripleOf[i] = xs.length;
      slot.set(key, xs.length);
      xs.push(x);
      txs.push(tx);
      Ts.push(t);
      ws.push(1);
    } else {
      tripleOf[i] = at;
      ws[at]++;
    }
  }
  const xValueIndex = new Map<number, number>();
  const xLevel = new Int32Array(xs.length);
  for (let k = 0; k < xs.length; k++) {
    let level = xValueIndex.get(xs[k]);
    if (level === undefined) xValueIndex.set(xs[k], (level = xValueIndex.size));
    xLevel[k] = level;
  }
  return {
    x: Float64Array.from(xs),
    tx: Float64Array.from(txs),
    T: Float64Array.from(Ts),
    weight: Float64Array.from(ws),
    xLevel,
    xValues: Float64Array.from(xValueIndex.keys()),
    customers: n,
    tripleOf,
    totalRepeats,
    maxT,
  };
}
