export * from './channel-mix.js';
export * from './periods.js';
export * from './channel-customers.js';
