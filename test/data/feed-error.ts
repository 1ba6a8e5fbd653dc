import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/data/index.js';

/** The FeedError `fn` throws; fails the test when it throws nothing or something else. */
export function feedError(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('expected a FeedError, nothing was thrown');
}
