/**
 * `decodeFeed`: a response body → `normalizeFeed` input, for every format. Text and Arrow are decoded at once
 * (`decodeFeedBody`); an Excel workbook loads the workbook reader first, by a dynamic import, so pages that
 * never see a workbook never download it.
 */
import { decodeFeedBody, detectFormat, type DecodeOptions } from './normalize/decode.js';
import type { FeedInput } from './normalize/normalize-feed.js';

export interface DecodeFeedOptions extends DecodeOptions {
  /** The sheet of a workbook: a name, or a position from 1 (see FeedRequest.sheet). Default the first. */
  sheet?: string;
}

/** Like `decodeFeedBody`, and reads `.xlsx` workbooks too (one sheet: `WorkbookSheet`). */
export async function decodeFeed(body: Uint8Array | string, options: DecodeFeedOptions): Promise<FeedInput> {
  const format = detectFormat({ ...options, url: options.url ?? options.feed, body }, options.feed);
  if (format !== 'xlsx' || typeof body === 'string') return decodeFeedBody(body, options);
  const { readWorkbook } = await import('./workbook/read-workbook.js');
  return readWorkbook(body, { feed: options.feed, sheet: options.sheet });
}
