export * from './channel-mix.js';
export * from './periods.js';
