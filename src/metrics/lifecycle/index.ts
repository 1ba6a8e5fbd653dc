export * from './stages.js';
export type { LifecycleMode, LifecycleConfig, LifecycleOptions } from './options.js';
export * from './funnel.js';
export { customersInStage, stageMembership, lifecycleStageMembership } from './membership.js';
