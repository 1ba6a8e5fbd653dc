/** Category associations (support, confidence, lift) and the per-customer next-categories ranking. */
export * from './associations.js';
export * from './next-categories.js';
export type { BasketKind } from './baskets.js';
