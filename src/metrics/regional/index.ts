export * from './regional.js';
export { UNKNOWN_GROUP_LABEL } from './group-keys.js';
export { regionalGroupCustomers } from './group-customers.js';
export { provinceRegions } from './province-regions.js';
export { emptyComparison, groupableColumns, hasGroupColumn } from './group-columns.js';
