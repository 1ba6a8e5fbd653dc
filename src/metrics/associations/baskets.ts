/**
 * Category baskets as bitsets: one row of 32-bit words per basket (a customer, or an order), bit c set when
 * the basket bought category c. Built from the kept rows of a prepared base with a positive amount (a refund
 * row is not a purchase), once per base and basket kind, and shared by `categoryAssociations` and
 * `nextCategories`. No per-row objects: one pass over the base's typed arrays.
 */
import { columnCodes } from '../columns.js';
import type { PreparedOrders } from '../prepare.js';

export type BasketKind = 'customer' | 'order';

export interface CategoryBaskets {
  kind: BasketKind;
  /** Category index → value, in order of first appearance among the kept rows. */
  categories: string[];
  /** Words per basket: ceil(categories / 32). */
  words: number;
  /** Baskets with at least one category. */
  count: number;
  /** basket × words bits. */
  bits: Uint32Array;
  /** Customer slot → basket (customer kind: the customer's own; order kind: −1), −1 when it bought no category. */
  basketOfSlot: Int32Array;
  /** Customer slot → its categories' bits (the union of its orders), slot × words. */
  slotBits: Uint32Array;
}

const cache = new WeakMap<PreparedOrders, Map<BasketKind, CategoryBaskets>>();

/** The baskets of a base (cached per base and kind). Empty when the orders table has no `category`. */
export function categoryBaskets(base: PreparedOrders, kind: BasketKind): CategoryBaskets {
  let perBase = cache.get(base);
  if (!perBase) cache.set(base, (perBase = new Map()));
  let hit = perBase.get(kind);
  if (!hit) perBase.set(kind, (hit = build(base, kind)));
  return hit;
}

function build(base: PreparedOrders, kind: BasketKind): CategoryBaskets {
  const dict = columnCodes(base.tables.orders, 'category');
  const S = base.customerCount;
  if (!dict) return { kind, categories: [], words: 0, count: 0, bits: new Uint32Array(0), basketOfSlot: new Int32Array(S).fill(-1), slotBits: new Uint32Array(0) };
  // Compact category index per dictionary entry, in first-appearance order over kept rows.
  const indexOf = new Int32Array(dict.values.length).fill(-1);
  const categories: string[] = [];
  const cat = new Int32Array(base.rowCount);
  for (let j = 0; j < base.rowCount; j++) {
    const d = dict.codes[base.row[j]!]!;
    if (d < 0 || !(base.amount[j]! > 0)) {
      cat[j] = -1;
      continue;
    }
    if (indexOf[d] < 0) indexOf[d] = categories.push(dict.values[d]!) - 1;
    cat[j] = indexOf[d]!;
  }
  const W = Math.ceil(categories.length / 32);
  const slotBits = new Uint32Array(S * W);
  const basketOfSlot = new Int32Array(S).fill(-1);
  if (kind === 'customer') {
    let count = 0;
    for (let s = 0; s < S; s++) {
      let any = false;
      for (let j = base.start[s]!; j < base.start[s + 1]!; j++) {
        const c = cat[j]!;
        if (c < 0) continue;
        slotBits[s * W + (c >>> 5)]! |= 1 << (c & 31);
        any = true;
      }
      if (any) basketOfSlot[s] = count++;
    }
    // Baskets = the customers that bought a category, in slot order.
    const bits = new Uint32Array(count * W);
    for (let s = 0; s < S; s++) {
      const b = basketOfSlot[s]!;
      if (b >= 0) bits.set(slotBits.subarray(s * W, s * W + W), b * W);
    }
    return { kind, categories, words: W, count, bits, basketOfSlot, slotBits };
  }
  // Orders: a basket per order key that has a category row; keys are kept-row positions (< rowCount).
  const basketOfKey = new Int32Array(base.rowCount).fill(-1);
  let count = 0;
  for (let j = 0; j < base.rowCount; j++) {
    const c = cat[j]!;
    if (c < 0) continue;
    const key = base.orderKey[j]!;
    if (basketOfKey[key] < 0) basketOfKey[key] = count++;
  }
  const bits = new Uint32Array(count * W);
  for (let s = 0; s < S; s++) {
    for (let j = base.start[s]!; j < base.start[s + 1]!; j++) {
      const c = cat[j]!;
      if (c < 0) continue;
      const bit = 1 << (c & 31);
      bits[basketOfKey[base.orderKey[j]!]! * W + (c >>> 5)]! |= bit;
      slotBits[s * W + (c >>> 5)]! |= bit;
    }
  }
  return { kind, categories, words: W, count, bits, basketOfSlot, slotBits };
}

/** Indices of the set bits of one basket row (`bits` at `offset`, `words` long), into `out`; returns how many. */
export function setBits(bits: Uint32Array, offset: number, words: number, out: Int32Array): number {
  let k = 0;
  for (let w = 0; w < words; w++) {
    let x = bits[offset + w]!;
    while (x !== 0) {
      const low = x & -x;
      out[k++] = (w << 5) + 31 - Math.clz32(low);
      x ^= low;
    }
  }
  return k;
}
