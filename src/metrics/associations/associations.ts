/**
 * Category associations (market-basket analysis over part categories): for every ordered pair A → B of
 * categories bought together, support, confidence and lift, over customers (default: "customers who bought A
 * also bought B", at any time up to asOf) or over orders (same order). See docs/metrics.md (associations).
 *
 *   support(A → B)    = n(A and B) / N
 *   confidence(A → B) = n(A and B) / n(A)
 *   lift(A → B)       = confidence(A → B) / (n(B) / N)
 *
 * N = baskets with at least one category. Pairs below `minSupport` (a fraction of N) or `minCount` baskets
 * are left out. Counting is one pass over per-basket bitsets (`baskets.ts`).
 */
import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { baseOptions } from '../base-options.js';
import { categoryBaskets, setBits, type BasketKind, type CategoryBaskets } from './baskets.js';
import { checkOptions } from '../option-keys.js';

export interface AssociationOptions extends MetricOptions {
  /** What a basket is: a customer's purchases up to asOf (default) or one order. */
  basket?: BasketKind;
  /** Smallest support of a pair (fraction of baskets). Default 0.01. */
  minSupport?: number;
  /** Smallest number of baskets holding both categories. Default 5. */
  minCount?: number;
}

export interface CategorySupport {
  category: string;
  /** Baskets with the category. */
  count: number;
  /** count / N: the base rate. */
  support: number;
}

export interface AssociationRule {
  antecedent: string;
  consequent: string;
  /** Baskets with both. */
  count: number;
  support: number;
  confidence: number;
  lift: number;
  /** Base rate of the consequent: n(B) / N. */
  consequentSupport: number;
  antecedentCount: number;
}

export interface CategoryAssociations {
  basket: BasketKind;
  /** N: baskets with at least one category. */
  baskets: number;
  minSupport: number;
  minCount: number;
  /** By support, descending (ties by name). */
  categories: CategorySupport[];
  /** Both directions of every pair that passes the thresholds, by lift then confidence, descending. */
  rules: AssociationRule[];
}

export const DEFAULT_MIN_SUPPORT = 0.01;
export const DEFAULT_MIN_COUNT = 5;

/** Counts per category and per pair (C × C, symmetric) over a set of baskets. */
export interface PairCounts {
  single: Int32Array;
  pair: Int32Array;
}

const countCache = new WeakMap<CategoryBaskets, PairCounts>();

/** Single and pair counts of the baskets (cached per baskets object). */
export function pairCounts(b: CategoryBaskets): PairCounts {
  const hit = countCache.get(b);
  if (hit) return hit;
  const C = b.categories.length;
  const single = new Int32Array(C);
  const pair = new Int32Array(C * C);
  const set = new Int32Array(C);
  for (let k = 0; k < b.count; k++) {
    const m = setBits(b.bits, k * b.words, b.words, set);
    for (let i = 0; i < m; i++) {
      const a = set[i]!;
      single[a]!++;
      for (let j = i + 1; j < m; j++) pair[a * C + set[j]!]!++;
    }
  }
  // Set bits come in ascending order, so only a < c was counted: mirror it (pair[a·C + c] = n(a and c)).
  for (let a = 0; a < C; a++) for (let c = a + 1; c < C; c++) pair[c * C + a] = pair[a * C + c]!;
  const counts = { single, pair };
  countCache.set(b, counts);
  return counts;
}

export function checkAssociationOptions(options: AssociationOptions): { basket: BasketKind; minSupport: number; minCount: number } {
  const basket = options.basket ?? 'customer';
  if (basket !== 'customer' && basket !== 'order') throw new RangeError(`basket: expected 'customer' or 'order', found ${JSON.stringify(basket)}`);
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  if (!(minSupport >= 0 && minSupport <= 1)) throw new RangeError(`minSupport: expected a fraction from 0 to 1, found ${JSON.stringify(minSupport)}`);
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  if (!(Number.isInteger(minCount) && minCount >= 1)) throw new RangeError(`minCount: expected a whole number ≥ 1, found ${JSON.stringify(minCount)}`);
  return { basket, minSupport, minCount };
}

/** The rule A → B from the counts (indices into `b.categories`). */
export function ruleOf(b: CategoryBaskets, counts: PairCounts, a: number, c: number): AssociationRule {
  const N = b.count;
  const C = b.categories.length;
  const both = counts.pair[a * C + c]!;
  const confidence = both / counts.single[a]!;
  const consequentSupport = counts.single[c]! / N;
  return {
    antecedent: b.categories[a]!,
    consequent: b.categories[c]!,
    count: both,
    support: both / N,
    confidence,
    lift: confidence / consequentSupport,
    consequentSupport,
    antecedentCount: counts.single[a]!,
  };
}

/** True when the pair a, c passes the thresholds. */
export function passes(b: CategoryBaskets, counts: PairCounts, a: number, c: number, minSupport: number, minCount: number): boolean {
  const both = counts.pair[a * b.categories.length + c]!;
  return both >= minCount && both >= minSupport * b.count && both > 0;
}

/** The base (only the common metric options matter for it). */
export function basketBase(tables: CrmTables, options: MetricOptions): PreparedOrders {
  return prepareOrders(tables, baseOptions(options));
}

/** Support, confidence and lift of every category pair (see the module doc). */
export function categoryAssociations(tables: CrmTables, options: AssociationOptions = {}): CategoryAssociations {
  checkOptions('categoryAssociations', options);
  const { basket, minSupport, minCount } = checkAssociationOptions(options);
  const b = categoryBaskets(basketBase(tables, options), basket);
  const counts = pairCounts(b);
  const N = b.count;
  const C = b.categories.length;
  const categories = b.categories
    .map((category, i) => ({ category, count: counts.single[i]!, support: N ? counts.single[i]! / N : 0 }))
    .sort((x, y) => y.count - x.count || (x.category < y.category ? -1 : 1));
  const rules: AssociationRule[] = [];
  for (let a = 0; a < C; a++)
    for (let c = 0; c < C; c++) if (a !== c && passes(b, counts, a, c, minSupport, minCount)) rules.push(ruleOf(b, counts, a, c));
  rules.sort((x, y) => y.lift - x.lift || y.confidence - x.confidence || (x.antecedent + x.consequent < y.antecedent + y.consequent ? -1 : 1));
  return { basket, baskets: N, minSupport, minCount, categories, rules };
}
