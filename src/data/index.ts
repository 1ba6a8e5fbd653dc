/**
 * `crm-lens/data`: the pure part of the data layer (no DOM, no network): schema, day helpers, normalizer.
 * The browser loader, cache and `<crm-data>` are exported from the package root.
 */
export * from './schema.js';
export * from './days.js';
export type * from './types.js';
export * from './errors.js';
export { normalizeFeed, isCsvText, instantToDayIn, type CsvText, type FeedInput, type InstantToDay } from './normalize/index.js';
export { guessMapping, normalizeHeader } from './guess-mapping.js';
export { decodeFeedBody, detectFormat, type DecodeOptions, type DetectOptions } from './normalize/decode.js';
export { decodeFeed, type DecodeFeedOptions } from './decode-feed.js';
export { WorkbookSheet, type SheetCell } from './normalize/workbook-sheet.js';
export { tablesToArrow, tablesFromArrow, tableFromArrow } from './arrow-tables.js';
