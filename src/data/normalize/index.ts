/** The normalizer: decoded feed → canonical tables and load report. */
export { normalizeFeed, isCsvText, INLINE_FEED, type CsvText, type FeedInput } from './normalize-feed.js';
export { emptyTable } from './table.js';
export { instantToDayIn, civilDay, parseDay, type InstantToDay } from './dates.js';
export { parseNumber } from './coerce.js';
export { MAX_EXAMPLES } from './table.js';
