/**
 * `crm-lens/classes`: the element classes without registering any tag, for hosts that pick their own tag names
 * (`customElements.define('acme-rfm', CrmRfmMatrix)`). Importing `crm-lens` itself registers the `crm-*` tags.
 */
export { CrmData } from './components/data/crm-data.js';
export { CrmCustomer360 } from './components/customer-360/customer-360.js';
export { CrmRfmMatrix } from './components/rfm-matrix/rfm-matrix.js';
export { CrmLifecycleFunnel } from './components/lifecycle-funnel/lifecycle-funnel.js';
export { CrmRegionalComparison } from './components/regional-comparison/regional-comparison.js';
export { CrmChannelMix } from './components/channel-mix/channel-mix.js';
export { CrmWidget } from './components/base/crm-widget.js';
