/** `<crm-regional-comparison>`: importing this module registers the tag (once, even when loaded twice). */
import { defineElement } from '../define.js';
import { CrmRegionalComparison } from './regional-comparison.js';

export { CrmRegionalComparison, DEFAULT_GEO_ATTRIBUTION, type RegionalComparisonView } from './regional-comparison.js';
export { REGIONAL_METRICS, type RegionalMetric } from './metric-choices.js';
defineElement('crm-regional-comparison', CrmRegionalComparison);

declare global {
  interface HTMLElementTagNameMap {
    'crm-regional-comparison': CrmRegionalComparison;
  }
}
