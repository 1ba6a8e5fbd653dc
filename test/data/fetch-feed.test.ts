import { expect } from '@open-wc/testing';
import { fetchFeed, type FetchedFeed } from '../../src/data/fetch-feed.js';
import { FeedError } from '../../src/data/errors.js';
import type { LoadProgress } from '../../src/data/types.js';
import { feedCounts, setFeedDown, uniqueId, failure } from './feed-server.js';

const text = (f: FetchedFeed) => new TextDecoder().decode(f.body);


describe('fetchFeed', () => {
  it('reads the whole body with its validators and content type', async () => {
    const result = (await fetchFeed(`/feeds/orders/${uniqueId('plain')}.json`)) as FetchedFeed;
    expect(result.notModified).to.equal(false);
    const rows = JSON.parse(text(result)) as { amount: number }[];
    // version 1 of the test feed: 3 orders summing to 400 (100 + 250.5 + 49.5)
    expect(rows.length).to.equal(3);
    expect(rows.reduce((s, r) => s + r.amount, 0)).to.equal(400);
    expect(result.etag).to.equal('"orders-v1"');
    expect(result.lastModified).to.equal('Mon, 01 Jan 2024 00:01:00 GMT');
    expect(result.contentType).to.equal('application/json; charset=utf-8');
  });

  it('sends If-None-Match and reports 304', async () => {
    const id = uniqueId('etag');
    const result = await fetchFeed(`/feeds/orders/${id}.json`, { etag: '"orders-v1"' });
    expect(result).to.deep.equal({ notModified: true, etag: '"orders-v1"', lastModified: 'Mon, 01 Jan 2024 00:01:00 GMT' });
    expect(await feedCounts(id)).to.deep.equal({ requests: 1, ok: 0, notModified: 1, closedEarly: 0 });
  });

  it('sends If-Modified-Since when the server gives no ETag', async () => {
    const id = uniqueId('ims');
    const result = await fetchFeed(`/feeds/orders/${id}.json?etag=0`, {
      lastModified: 'Mon, 01 Jan 2024 00:01:00 GMT',
    });
    expect(result.notModified).to.equal(true);
    const older = await fetchFeed(`/feeds/orders/${id}.json?etag=0`, { lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
    expect(older.notModified).to.equal(false);
  });

  it('reports download progress up to Content-Length', async () => {
    const seen: LoadProgress[] = [];
    const result = (await fetchFeed(`/feeds/slow/${uniqueId('slow')}.json?chunks=4&delay=20`, {
      onProgress: (p) => seen.push(p),
    })) as FetchedFeed;
    const size = result.body.length;
    // the 3 version-1 orders as JSON, split into 4 chunks by the server
    expect(size).to.equal(JSON.stringify(JSON.parse(text(result))).length);
    expect(seen[0]).to.deep.equal({ loaded: 0, total: size });
    expect(seen.at(-1)).to.deep.equal({ loaded: size, total: size });
    expect(seen.length).to.be.at.least(3); // 0, some partial, complete
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.loaded).to.be.greaterThan(seen[i - 1]!.loaded);
  });

  it('aborts mid-download with an aborted FeedError', async () => {
    const controller = new AbortController();
    const error = await failure(
      fetchFeed(`/feeds/slow/${uniqueId('abort')}.json?chunks=20&delay=100`, {
        signal: controller.signal,
        onProgress: (p) => p.loaded > 0 && controller.abort(),
      }),
    );
    expect(error.kind).to.equal('aborted');
    expect(error.message).to.equal(`Feed "${error.feed}": expected the load to finish, found it was aborted.`);
  });

  it('turns HTTP 500 with an HTML page into an http error quoting the page text', async () => {
    const url = `/feeds/error/${uniqueId('500')}`;
    const error = await failure(fetchFeed(url));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect(error.message).to.equal(
      `Feed "${url}": expected HTTP 200 with the feed, found HTTP 500 Internal Server Error: ` +
        '"500 Internal Server Error Internal Server Error upstream timed out".',
    );
  });

  it('reports a server that is down as a network error', async () => {
    const id = uniqueId('down');
    await setFeedDown(id, true);
    const error = await failure(fetchFeed(`/feeds/orders/${id}.json`));
    expect(error.kind).to.equal('network');
    expect(error.expected).to.equal('a response from the server');
    expect(error.message).to.contain('no response (Failed to fetch)');
  });

  it('reports a body shorter than its Content-Length as truncated', async () => {
    const error = await failure(fetchFeed(`/feeds/truncated/${uniqueId('trunc')}.json`));
    expect(error.kind).to.equal('truncated');
    // the server declares 500 bytes more than the 3-order JSON and sends half of that JSON
    const full = JSON.stringify([
      { customer_id: 'C1', order_date: '2024-01-05', amount: 100 },
      { customer_id: 'C2', order_date: '2024-01-06', amount: 250.5 },
      { customer_id: 'C1', order_date: '2024-02-10', amount: 49.5 },
    ]).length;
    expect(error.expected).to.equal(`${full + 500} bytes (Content-Length)`);
    expect(error.found).to.match(new RegExp(`^${Math.floor(full / 2)} bytes: `));
  });
});
