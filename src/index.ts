/** `crm-lens`: importing the package registers every tag (safely, even when loaded twice). */
export * from './data/index.js';
export * from './metrics/index.js';
