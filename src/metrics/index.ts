/** `crm-lens/metrics`: pure metric functions over the normalized Arquero tables (no DOM, no network). */
export type * from './filter-types.js';
export * from './options.js';
export { checkOptions, METRIC_OPTIONS, NESTED_OPTIONS } from './option-keys.js';
export * from './columns.js';
export * from './prepare.js';
export * from './customer-rows.js';
export * from './segments.js';
export * from './rfm/index.js';
export * from './btyd/index.js';
export * from './lifecycle/index.js';
export * from './regional/index.js';
export * from './channel/index.js';
export * from './profile/index.js';
export * from './vehicles/index.js';
export * from './associations/index.js';
export * from './forecast/index.js';
export * from './support.js';
