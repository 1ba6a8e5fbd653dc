/** Helpers for the test feed server (test/server/feeds.mjs): unique ids and its control endpoints. */
let counter = 0;

/** A feed id no other test uses (keeps request counters, versions and cache keys apart). */
export function uniqueId(name: string): string {
  counter += 1;
  return `${name}-${Date.now().toString(36)}-${counter}`;
}

export interface FeedCounts {
  requests: number;
  ok: number;
  notModified: number;
}

export async function feedCounts(id: string): Promise<FeedCounts> {
  return (await fetch(`/feeds/count/${id}`)).json();
}

/** Next version of the feed: one more order (C3, 100). */
export async function bumpFeed(id: string): Promise<void> {
  await fetch(`/feeds/bump/${id}`);
}

/** Makes every data request for the id fail at the socket (server down), or work again. */
export async function setFeedDown(id: string, down: boolean): Promise<void> {
  await fetch(`/feeds/down/${id}?on=${down ? 1 : 0}`);
}
