/** The default FeedParser: pick the format from `format` / Content-Type / URL / bytes, decode, normalize. */
import { decodeFeed } from './decode-feed.js';
import { normalizeFeed } from './normalize/index.js';
import type { FetchedFeed } from './fetch-feed.js';
import type { FeedRequest, NormalizedFeed } from './types.js';

/** Asynchronous because a workbook loads its reader first (see decode-feed.ts); other formats resolve at once. */
export async function parseFeedBody(fetched: FetchedFeed, request: FeedRequest): Promise<NormalizedFeed> {
  const feed = request.src;
  const input = await decodeFeed(fetched.body, {
    feed,
    format: request.format,
    contentType: fetched.contentType,
    url: fetched.url,
    sheet: request.sheet,
  });
  return normalizeFeed(input, {
    feed,
    table: request.table,
    mapping: request.mapping,
    timeZone: request.timeZone,
    dateFormat: request.dateFormat,
    creditNotes: request.creditNotes,
    duplicates: request.duplicates,
  });
}
