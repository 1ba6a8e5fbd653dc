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
export function checkCustomer(x: number, tx: number, T: number, index: number, allowZeroT = false): string | null {
  if (!(Number.isInteger(x) && x >= 0)) return `frequency[${index}] = ${x}: must be a whole number ≥ 0`;
  if (!(Number.isFinite(T) && (T > 0 || (allowZeroT && T === 0)))) {
    return `T[${index}] = ${T}: must be a finite number > 0`;
  }
  if (!(Number.isFinite(tx) && tx >= 0 && tx <= T)) return `recency[${index}] = ${tx}: must be between 0 and T (${T})`;
  if (x === 0 && tx !== 0) return `recency[${index}] = ${tx}: must be 0 when frequency is 0`;
  return null;
}

/** Checks every customer's (x, t_x, T); throws a RangeError prefixed with `what` naming the first bad index. */
export function checkCustomers(frequency: NumericColumn, recency: NumericColumn, T: NumericColumn, what: string, allowZeroT = false): void {
  for (let i = 0; i < frequency.length; i++) {
    const problem = checkCustomer(frequency[i], recency[i], T[i], i, allowZeroT);
    if (problem) throw new RangeError(`${what}: ${problem}`);
  }
}

/**
 * Customers grouped into distinct (x, t_x, T) triples with counts: the likelihood only depends on the triple,
 * so fitting costs per distinct triple, not per customer. Each triple also points at its distinct x, t_x and
 * T values (`xLevel` → `xValues`, …) so that log-gamma and log terms are computed once per distinct value.
 */
export interface TripleData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  xLevel: Int32Array;
  xValues: Float64Array;
  txLevel: Int32Array;
  txValues: Float64Array;
  TLevel: Int32Array;
  TValues: Float64Array;
  customers: number;
  /** For each input customer, the index of its triple. */
  tripleOf: Int32Array;
  /** Sum of x over all customers. */
  totalRepeats: number;
  maxT: number;
}

/**
 * Validates the inputs (naming the first bad index) and groups identical triples. `allowZeroT` admits
 * customers first seen at the end of observation (T = 0), which predictions can handle but a fit cannot use.
 */
export function groupTriples(input: FrequencyRecencyT | ColumnTable, what = 'fitBgNbd', allowZeroT = false): TripleData {
  const { frequency, recency, T } = readColumns(input, ['frequency', 'recency', 'T'], what);
  const n = frequency.length;
  checkCustomers(frequency, recency, T, what, allowZeroT);
  let totalRepeats = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    totalRepeats += frequency[i];
    if (T[i] > maxT) maxT = T[i];
  }
  const xLevels = levels(frequency);
  const txLevels = levels(recency);
  const TLevels = levels(T);
  // Triples keyed by their three level codes; grouped by sorting the keys (no per-customer map lookups).
  const span1 = txLevels.values.length;
  const span2 = TLevels.values.length;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = (xLevels.level[i] * span1 + txLevels.level[i]) * span2 + TLevels.level[i];
  const { first: firstCustomer, counts, groupOf: tripleOf } = groupByKey(key);
  const pickLevel = (l: Int32Array) => Int32Array.from(firstCustomer, (i) => l[i]);
  return {
    x: Float64Array.from(firstCustomer, (i) => frequency[i]),
    tx: Float64Array.from(firstCustomer, (i) => recency[i]),
    T: Float64Array.from(firstCustomer, (i) => T[i]),
    weight: Float64Array.from(counts),
    xLevel: pickLevel(xLevels.level),
    xValues: xLevels.values,
    txLevel: pickLevel(txLevels.level),
    txValues: txLevels.values,
    TLevel: pickLevel(TLevels.level),
    TValues: TLevels.values,
    customers: n,
    tripleOf,
    totalRepeats,
    maxT,
  };
}

/** Equal keys grouped: the first index of each group (groups in ascending key order), sizes, and each index's group. */
function groupByKey(key: Float64Array): { first: number[]; counts: number[]; groupOf: Int32Array } {
  const n = key.length;
  let max = -1;
  for (let i = 0; i < n; i++) if (key[i] > max) max = key[i];
  if (max < 8 * n + 1024) return groupDenseKeys(key, max + 1);
  const order = sortedOrder(key);
  const groupOf = new Int32Array(n);
  const first: number[] = [];
  const counts: number[] = [];
  let previous = NaN;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    if (key[i] !== previous) {
      previous = key[i];
      first.push(i);
      counts.push(0);
    }
    groupOf[i] = counts.length - 1;
    counts[counts.length - 1]++;
  }
  return { first, counts, groupOf };
}

/** `groupByKey` for whole-number keys below `span` (small enough to index): counts instead of a sort. */
function groupDenseKeys(key: Float64Array, span: number): { first: number[]; counts: number[]; groupOf: Int32Array } {
  const n = key.length;
  const firstOfKey = new Int32Array(span).fill(-1);
  const countOfKey = new Int32Array(span);
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (firstOfKey[k] < 0) firstOfKey[k] = i;
    countOfKey[k]++;
  }
  const groupOfKey = firstOfKey; // reused: key → group, in ascending key order
  const first: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < span; k++) {
    if (firstOfKey[k] < 0) continue;
    first.push(firstOfKey[k]);
    counts.push(countOfKey[k]);
    groupOfKey[k] = first.length - 1;
  }
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) groupOf[i] = groupOfKey[key[i]];
  return { first, counts, groupOf };
}

/** Customers grouped into distinct (x, T) pairs (no validation): what alive-conditional expectations depend on. */
export interface PairData {
  x: Float64Array;
  T: Float64Array;
  /** For each input customer, the index of its pair. */
  pairOf: Int32Array;
}

/** Groups customers by (x, T), for the per-customer predictions whose costly part ignores t_x. */
export function groupPairs(frequency: NumericColumn, T: NumericColumn): PairData {
  const xLevels = levels(frequency);
  const TLevels = levels(T);
  const span = TLevels.values.length;
  const key = new Float64Array(frequency.length);
  for (let i = 0; i < key.length; i++) key[i] = xLevels.level[i] * span + TLevels.level[i];
  const { first, groupOf } = groupByKey(key);
  return { x: Float64Array.from(first, (i) => frequency[i]), T: Float64Array.from(first, (i) => T[i]), pairOf: groupOf };
}

/**
 * Distinct values of a numeric column (ascending) and each entry's index among them. Values are collected
 * through a map (per-customer columns repeat few values: whole days, counts), so only the distinct values
 * are sorted.
 */
function levels(column: NumericColumn): { values: Float64Array; level: Int32Array } {
  const n = column.length;
  const idOf = new Map<number, number>();
  const seenOrder: number[] = [];
  const firstSeen = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = column[i];
    let id = idOf.get(v);
    if (id === undefined) {
      id = seenOrder.length;
      seenOrder.push(v);
      idOf.set(v, id);
    }
    firstSeen[i] = id;
  }
  const values = Float64Array.from(seenOrder).sort();
  const rank = new Int32Array(values.length);
  for (let k = 0; k < values.length; k++) rank[idOf.get(values[k])!] = k;
  const level = new Int32Array(n);
  for (let i = 0; i < n; i++) level[i] = rank[firstSeen[i]];
  return { values, level };
}

/**
 * Indices 0..n−1 ordered by key (ties by index). Packs key·n + index into one double when that stays exact, so
 * the native numeric sort does the work; otherwise sorts with a comparator.
 */
function sortedOrder(key: Float64Array): Int32Array {
  const n = key.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (key[i] > max) max = key[i];
  if ((max + 1) * n < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = key[i] * n + i;
    packed.sort();
    return Int32Array.from(packed, (v) => v % n);
  }
  return new Int32Array(n).map((_, i) => i).sort((i, j) => key[i] - key[j] || i - j);
}
