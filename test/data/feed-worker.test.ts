import { expect } from '@open-wc/testing';
import { parseInWorker } from '../../src/data/feed-worker-client.js';
import { parseFeedBody } from '../../src/data/parse-feed-body.js';
import { FeedLoader } from '../../src/data/load-feed.js';
import { cacheKey, FeedCache, openIdbBackend } from '../../src/data/cache.js';
import { FeedError } from '../../src/data/errors.js';
import { tablesFromTransfer, tablesToTransfer } from '../../src/data/transfer-tables.js';
import { isoToDay } from '../../src/data/days.js';
import type { FetchedFeed } from '../../src/data/fetch-feed.js';
import type { CrmTables, FeedRequest, NormalizedFeed } from '../../src/data/types.js';
import { failure, uniqueId } from './feed-server.js';

/** A bundle with a bit of everything: rejected rows, an invalid optional value, an extra column, two tables. */
const BUNDLE = {
  orders: [
    { order_id: 'A1', customer_id: 'C1', order_date: '2024-01-05', amount: 100, channel: ' store ', status: 'Completed', note: 'x' },
    { order_id: 'A2', customer_id: 'C2', order_date: '2024-01-06', amount: '250.5', channel: 'app', status: null, note: { a: 1 } },
    { order_id: 'A3', customer_id: '', order_date: '2024-01-07', amount: 5 }, // rejected: missing customer id
    { order_id: 'A4', customer_id: 'C1', order_date: 'soon', amount: 7 }, // rejected: invalid date
    { order_id: 'A5', customer_id: 'C1', order_date: '2024-02-10', amount: 49.5, discount: 'lots' }, // invalid optional
  ],
  customers: [
    { customer_id: 'C1', name: '张三汽配', signup_date: '2023-12-01' },
    { customer_id: 'C2', name: 'Li Auto Parts' },
  ],
};

function fetched(body: string, contentType = 'application/json'): FetchedFeed {
  return { notModified: false, body: new TextEncoder().encode(body), contentType, url: `${location.origin}/feed.json` };
}

/** Every column of every table as plain arrays (typed arrays keep their type in the comparison). */
function dump(tables: CrmTables): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, t] of Object.entries(tables)) {
    if (!t) continue;
    out[name] = Object.fromEntries(t.columnNames().map((c: string) => [c, t.column(c) as unknown]));
  }
  return out;
}

async function inWorker(body: string, request: FeedRequest, signal?: AbortSignal): Promise<NormalizedFeed> {
  const parsed = await parseInWorker(fetched(body), request, signal);
  expect(parsed, 'a worker should start here').to.not.equal(undefined);
  return parsed!.feed;
}

describe('feed worker', () => {
  it('gives the same tables and report as parsing on the main thread', async () => {
    const request = { src: 'bundle.json', mapping: { orders: { note: 'remark' } } };
    const body = JSON.stringify(BUNDLE);
    const main = await parseFeedBody(fetched(body), request);
    const worker = await inWorker(body, request);
    expect(worker.report).to.deep.equal(main.report);
    expect(dump(worker.tables)).to.deep.equal(dump(main.tables));
    // Spot checks by hand: 3 of 5 orders kept; the status is lower-cased, blank status stays null.
    expect(worker.tables.orders.numRows()).to.equal(3);
    expect(worker.tables.orders.array('status')).to.deep.equal(['completed', null, null]);
    expect(worker.tables.orders.array('channel')).to.deep.equal(['store', 'app', null]);
    expect(worker.tables.orders.array('remark')).to.deep.equal(['x', '{"a":1}', null]);
    expect(Array.from(worker.tables.orders.array('order_date') as Int32Array)).to.deep.equal(
      ['2024-01-05', '2024-01-06', '2024-02-10'].map(isoToDay),
    );
    expect(worker.tables.orders.column('order_date')).to.be.instanceOf(Int32Array);
    expect(worker.report.tables.orders!.rowsRejected).to.equal(2);
    expect(worker.report.tables.orders!.invalidValues.map((g) => g.field)).to.deep.equal(['discount']);
    expect(Number.isNaN((worker.tables.customers!.array('signup_date') as Float64Array)[1])).to.equal(true);
  });

  it('keeps the FeedError kind, fields and message (hint included) across the worker boundary', async () => {
    const request = { src: 'broken.json' };
    for (const body of ['{"orders": [1, 2', '[{"who": "C1", "order_date": "2024-01-05", "amount": 1}]', '<!doctype html><title>Login</title>']) {
      let expected: FeedError | undefined;
      try {
        await parseFeedBody(fetched(body), request);
      } catch (e) {
        expected = e as FeedError;
      }
      const error = await failure(inWorker(body, request));
      expect(error.kind).to.equal(expected!.kind);
      expect(error.message).to.equal(expected!.message);
      expect(error.expected).to.equal(expected!.expected);
      expect(error.found).to.equal(expected!.found);
    }
  });

  it('passes on other errors by name and message (an unknown time zone is a RangeError)', async () => {
    const request = { src: 'tz.json', timeZone: 'Mars/Olympus_Mons' };
    try {
      await inWorker(JSON.stringify(BUNDLE), request);
      expect.fail('should have thrown');
    } catch (e) {
      expect(e).to.be.instanceOf(RangeError);
      expect((e as Error).message).to.include('Mars/Olympus_Mons');
    }
  });

  it('aborts: rejects with FeedError "aborted" and stops the worker', async () => {
    const controller = new AbortController();
    const body = JSON.stringify(BUNDLE);
    const pending = inWorker(body, { src: 'a.json' }, controller.signal);
    controller.abort();
    expect((await failure(pending)).kind).to.equal('aborted');
    const before = new AbortController();
    before.abort();
    expect((await failure(inWorker(body, { src: 'a.json' }, before.signal))).kind).to.equal('aborted');
  });

  it('leaves the body to the main thread when no worker starts', async () => {
    const f = fetched(JSON.stringify(BUNDLE));
    expect(await parseInWorker(f, { src: 'x.json' }, undefined, () => undefined)).to.equal(undefined);
    const throwing = () => {
      throw new DOMException('no workers from here', 'SecurityError');
    };
    expect(await parseInWorker(f, { src: 'x.json' }, undefined, throwing)).to.equal(undefined);
    // A worker whose script fails fails before "ready": the body is not handed over (still readable).
    const missing = () => new Worker('data:text/javascript,throw new Error("broken")', { type: 'module' });
    expect(await parseInWorker(f, { src: 'x.json' }, undefined, missing)).to.equal(undefined);
    expect(f.body.byteLength).to.be.greaterThan(0);
    expect((await parseFeedBody(f, { src: 'x.json' })).tables.orders.numRows()).to.equal(3);
  });

  it('stores the Arrow bytes the worker made: a new page reads the same tables from IndexedDB', async () => {
    const dbName = uniqueId('worker-db');
    const src = `/feeds/bundle/${uniqueId('worker')}.json`;
    const cache = () => new FeedCache({ openBackend: (onLost) => openIdbBackend({ dbName, onLost }) });
    const first = cache();
    const cold = await new FeedLoader({ cache: first, worker: true }).load({ src });
    expect(cold.cache.fromCache).to.equal(false);
    await first.flush();
    expect(first.problemOf(cacheKey({ src }))).to.equal(undefined);
    const warm = await new FeedLoader({ cache: cache(), worker: true }).load({ src });
    expect(warm.cache.fromCache).to.equal(true);
    expect(dump(warm.tables)).to.deep.equal(dump(cold.tables));
    expect(warm.report).to.deep.equal(cold.report);
    // The test server's bundle (test/server/feeds.mjs): 3 orders summing 400, customers C1 and C2.
    expect(Array.from(cold.tables.orders.array('amount') as Float64Array)).to.deep.equal([100, 250.5, 49.5]);
    expect(cold.tables.customers!.array('customer_id')).to.deep.equal(['C1', 'C2']);
  });

  it('transfer form: strings come back as equal values, nulls as nulls, numbers untouched', async () => {
    const main = await parseFeedBody(fetched(JSON.stringify(BUNDLE)), { src: 'b.json' });
    const { value, transfer } = tablesToTransfer(main.tables);
    // Distinct strings of every string column, shared by both tables: C1 and C2 appear once.
    expect(value.strings.filter((s) => s === 'C1')).to.have.length(1);
    expect(transfer.length).to.equal(main.tables.orders.numCols() + main.tables.customers!.numCols());
    expect(dump(tablesFromTransfer(value))).to.deep.equal(dump(main.tables));
  });
});
