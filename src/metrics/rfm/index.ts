/** RFM: scores, segments, summaries (see docs/metrics.md (rfm)). */
export * from './rfm.js';
export { quantileType7, rfmQuantileBreaks, scoreRfm, segmentFilterMask, segmentSlotTest } from './score.js';
export type { RfmInputRows, RfmScores, RfmThresholds } from './score.js';
export { MAX_BINS, MIN_BINS, RFM_METHODS, resolveBins } from './settings.js';
export { distinctValueBreaks } from './collapse.js';
export type { RfmBinCheck } from './collapse.js';
export type { RfmBins, RfmMethod, RfmSettings, ResolvedBins } from './settings.js';
