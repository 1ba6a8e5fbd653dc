/** Chart helpers: pure layouts from result objects, Lit `svg` marks, scales and ticks on d3 submodules. */
export * from './bar-chart.js';
export * from './marks.js';
export * from './scales.js';
export * from './sparkline.js';
export * from './text.js';
export * from './ticks.js';
export * from './funnel-chart.js';
export * from './rfm-grid.js';
export * from './contrast.js';
export * from './spend-sparkline.js';
