/** Customer profile: per-customer summary columns and the one-customer profile card. */
export * from './summary.js';
export * from './profile.js';
export { percentileRank } from './percentile.js';
export type { ValueTally } from './value-tally.js';
export { currentLifecycleStage } from './lifecycle-stage.js';
export * from './actions.js';
export * from './directory.js';
