import type { MetricOptions } from './options.js';

/**
 * The common options of a metric's options object (asOf, filter, rfm, stageMembership), for `prepareOrders`:
 * metrics with settings of their own pass only these on, so the shared base sees the options it knows.
 */
export function baseOptions(options: MetricOptions): MetricOptions {
  const { asOf, filter, rfm, stageMembership } = options;
  return { asOf, filter, rfm, stageMembership };
}
