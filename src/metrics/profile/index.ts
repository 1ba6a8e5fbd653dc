/** Customer profile: per-customer summary columns and the one-customer profile card. */
export * from './summary.js';
export * from './profile.js';
export { percentileRank } from './percentile.js';
export type { ValueTally } from './value-tally.js';
