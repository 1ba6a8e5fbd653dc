/** The default FeedParser: pick the format from `format` / Content-Type / URL, decode, normalize. */
import { decodeFeedBody } from './normalize/decode.js';
import { normalizeFeed } from './normalize/index.js';
import type { FetchedFeed } from './fetch-feed.js';
import type { FeedRequest, NormalizedFeed } from './types.js';

export function parseFeedBody(fetched: FetchedFeed, request: FeedRequest): NormalizedFeed {
  const feed = request.src;
  const input = decodeFeedBody(fetched.body, {
    feed,
    format: request.format,
    contentType: fetched.contentType,
    url: fetched.url,
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
