/** `crm-lens`: importing the package registers every tag (safely, even when loaded twice). */
export * from './data/index.js';
export * from './metrics/index.js';
export * from './i18n/index.js';
export * from './styles/tokens.js';
export * from './styles/theme-controller.js';
export * from './components/events.js';
export * from './components/base/index.js';
export * from './charts/index.js';
export { defineElement } from './components/define.js';
