/** Helpers for the test feed server (test/server/feeds.mjs): unique ids, its control endpoints, errors. */
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/data/errors.js';

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
  /** Slow bodies the client went away from before the end. */
  closedEarly: number;
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

/** The FeedError a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}
