/**
 * The support rule for headline claims (docs/metrics.md, "Support rule"): a sentence that ranks groups —
 * "RR grew fastest (+352 %)", "SP leads with 39 % of revenue", "online brings 40 %, up from 25 % in Jan" —
 * states a figure only when it rests on enough orders and customers. One rule, used by every widget that
 * writes such a sentence; below the minimum the claim is left out or stated with its counts.
 */

/** What a claim rests on: orders and distinct customers (of a group in one period). */
export interface Support {
  orders: number;
  customers: number;
}

/** The minimum a figure needs to headline a claim: at least 30 orders and 10 distinct customers. */
export const SUPPORT_MINIMUM: Readonly<Support> = Object.freeze({ orders: 30, customers: 10 });

/** True when `x` has at least the minimum orders and customers (null / undefined = no support). */
export function supported(x: Support | null | undefined, minimum: Support = SUPPORT_MINIMUM): boolean {
  return !!x && x.orders >= minimum.orders && x.customers >= minimum.customers;
}

/** A change between two periods is supported when both periods are. */
export function supportedInBoth(current: Support | null | undefined, previous: Support | null | undefined, minimum: Support = SUPPORT_MINIMUM): boolean {
  return supported(current, minimum) && supported(previous, minimum);
}

/**
 * The fastest grower among `items` whose change is supported in both periods, and whether a faster one was
 * left out for lack of support (so the sentence can say "among groups with enough orders").
 */
export function fastestSupported<T>(
  items: readonly T[],
  change: (item: T) => number | null,
  support: (item: T) => { current: Support | null; previous: Support | null },
  minimum: Support = SUPPORT_MINIMUM,
): { item: T; change: number; skippedFaster: boolean } | { item: null; skippedAny: boolean } {
  let best: { item: T; change: number } | null = null;
  let bestAny = -Infinity;
  let skippedAny = false;
  for (const item of items) {
    const c = change(item);
    if (c === null || !Number.isFinite(c)) continue;
    if (c > bestAny) bestAny = c;
    const s = support(item);
    if (!supportedInBoth(s.current, s.previous, minimum)) {
      skippedAny = true;
      continue;
    }
    if (!best || c > best.change) best = { item, change: c };
  }
  if (!best) return { item: null, skippedAny };
  return { ...best, skippedFaster: bestAny > best.change };
}
