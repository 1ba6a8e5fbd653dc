/** Demand forecast: Holt-Winters exponential smoothing (R `stats::HoltWinters`) over monthly or weekly totals. */
export * from './forecast.js';
export * from './holt-winters.js';
export { normalQuantile } from './normal-quantile.js';
