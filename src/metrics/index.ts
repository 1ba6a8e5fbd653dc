/** `crm-lens/metrics`: pure metric functions over the normalized Arquero tables (no DOM, no network). */
export type * from './filter-types.js';
export * from './lifecycle/index.js';
export * from './regional/index.js';
export * from './channel/index.js';
