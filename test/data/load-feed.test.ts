import { expect } from '@open-wc/testing';
import { FeedLoader, type FeedUpdate } from '../../src/data/load-feed.js';
import { CACHE_DB_VERSION, FeedCache, openIdbBackend, type CacheBackend } from '../../src/data/cache.js';
import { parseFeedBody } from '../../src/data/parse-feed-body.js';
import { FeedError } from '../../src/data/errors.js';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables, LoadProgress, LoadResult } from '../../src/data/types.js';
import { bumpFeed, feedCounts, setFeedDown, uniqueId, failure } from './feed-server.js';

/** A loader over a fresh IndexedDB database of its own, a settable clock, and a parse counter. */
function setup(dbName = uniqueId('db')) {
  const clock = { now: Date.UTC(2024, 5, 1) };
  const parses = { count: 0 };
  const caches: FeedCache[] = [];
  const loader = (openBackend?: (onLost: (r: string) => void) => Promise<CacheBackend>) => {
    const cache = new FeedCache({ openBackend: openBackend ?? ((onLost) => openIdbBackend({ dbName, onLost })) });
    caches.push(cache);
    return new FeedLoader({
      cache,
      now: () => clock.now,
      parse: (fetched, request) => {
        parses.count++;
        return parseFeedBody(fetched, request);
      },
    });
  };
  /** Waits for the background writes of every cache made so far (a "new page" reads what they stored). */
  const settle = async () => {
    for (const cache of caches) await cache.flush();
  };
  return { dbName, clock, parses, loader, settle };
}

const amounts = (tables: CrmTables) => Array.from(tables.orders.array('amount') as ArrayLike<number>);
const sum = (tables: CrmTables) => amounts(tables).reduce((s, a) => s + a, 0);

// Generous: on a loaded 2-core machine the server may see a dropped connection seconds late.
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met within 10 s');
}

/** Resolves with the next update given to the returned listener. */
function nextUpdate(): { onUpdate: (u: FeedUpdate) => void; update: Promise<FeedUpdate> } {
  let onUpdate!: (u: FeedUpdate) => void;
  const update = new Promise<FeedUpdate>((resolve) => (onUpdate = resolve));
  return { onUpdate, update };
}


describe('loadFeed', () => {
  it('loads from the network, then from IndexedDB without a request', async () => {
    const { loader, settle } = setup();
    const id = uniqueId('hit');
    const src = `/feeds/orders/${id}.json`;
    const first = await loader().load({ src });
    // version 1: 3 orders, 100 + 250.5 + 49.5 = 400
    expect(first.tables.orders.numRows()).to.equal(3);
    expect(sum(first.tables)).to.equal(400);
    expect(first.report.format).to.equal('json');
    expect(first.cache).to.deep.equal({ fromCache: false, stale: false, fetchedAt: Date.UTC(2024, 5, 1) });

    await settle();
    const second = await loader().load({ src }); // a new page: empty memory, same database
    expect(second.cache).to.deep.equal({ fromCache: true, stale: false, fetchedAt: Date.UTC(2024, 5, 1) });
    expect(amounts(second.tables)).to.deep.equal([100, 250.5, 49.5]);
    expect(second.tables.orders.get('order_date', 0)).to.equal(isoToDay('2024-01-05'));
    expect(second.report).to.deep.equal(first.report);
    expect(await feedCounts(id)).to.deep.equal({ requests: 1, ok: 1, notModified: 0, closedEarly: 0 });
  });

  it('serves a later load on the page from memory: the same tables, no request', async () => {
    const { loader } = setup();
    const id = uniqueId('memory');
    const l = loader();
    const a = await l.load({ src: `/feeds/orders/${id}.json` });
    const b = await l.load({ src: `/feeds/orders/${id}.json` });
    expect(b.tables).to.equal(a.tables);
    expect(l.peek({ src: `/feeds/orders/${id}.json` })?.tables).to.equal(a.tables);
    expect((await feedCounts(id)).requests).to.equal(1);
  });

  it('merges concurrent loads of one feed: one download, one parse', async () => {
    const { loader, parses } = setup();
    const id = uniqueId('merge');
    const l = loader();
    const [a, b, c] = await Promise.all([
      l.load({ src: `/feeds/orders/${id}.json` }),
      l.load({ src: `/feeds/orders/${id}.json` }),
      l.load({ src: new URL(`/feeds/orders/${id}.json`, location.href).href }), // same feed, absolute URL
    ]);
    expect(b.tables).to.equal(a.tables);
    expect(c.tables).to.equal(a.tables);
    expect(parses.count).to.equal(1);
    expect(await feedCounts(id)).to.deep.equal({ requests: 1, ok: 1, notModified: 0, closedEarly: 0 });
  });

  it('keeps different mappings of one feed apart', async () => {
    const { loader } = setup();
    const id = uniqueId('mapping');
    const l = loader();
    const src = `/feeds/orders/${id}.json?names=host`;
    const mapping = { orders: { cust_no: 'customer_id', order_day: 'order_date', total: 'amount' } };
    const mapped = await l.load({ src, mapping });
    expect(sum(mapped.tables)).to.equal(400);
    expect(mapped.report.tables.orders?.rowsAccepted).to.equal(3);
    const error = await failure(l.load({ src })); // unmapped host names: no customer_id column
    expect(error.kind).to.equal('missing-column');
  });

  it('revalidates a copy older than maxAge in the background: 304 keeps the tables', async () => {
    const { loader, clock, settle } = setup();
    const id = uniqueId('swr304');
    const l = loader();
    const src = `/feeds/orders/${id}.json`;
    const first = await l.load({ src, maxAge: 60 });
    clock.now += 61_000;
    const { onUpdate, update } = nextUpdate();
    const served = await l.load({ src, maxAge: 60, onUpdate });
    expect(served.tables).to.equal(first.tables); // at once, before the server answered
    expect(served.cache).to.deep.equal({ fromCache: true, stale: false, fetchedAt: first.cache.fetchedAt });
    const u = await update;
    expect(u.kind).to.equal('unchanged');
    expect(u.result.tables).to.equal(first.tables);
    expect(u.result.cache.fetchedAt).to.equal(clock.now);
    expect(await feedCounts(id)).to.deep.equal({ requests: 2, ok: 1, notModified: 1, closedEarly: 0 });
    // The refreshed fetchedAt is stored: a new page within maxAge does not ask again.
    await settle();
    const again = await loader().load({ src, maxAge: 60 });
    expect(again.cache.fetchedAt).to.equal(clock.now);
    expect((await feedCounts(id)).requests).to.equal(2);
  });

  it('within maxAge serves the cache without asking the server', async () => {
    const { loader, clock, settle } = setup();
    const id = uniqueId('fresh');
    const src = `/feeds/orders/${id}.json`;
    await loader().load({ src, maxAge: 60 });
    clock.now += 59_000;
    const { onUpdate } = nextUpdate();
    await settle();
    const served = await loader().load({ src, maxAge: 60, onUpdate });
    expect(served.cache.fromCache).to.equal(true);
    expect((await feedCounts(id)).requests).to.equal(1);
  });

  it('replaces the entry when the feed changed and tells the listener', async () => {
    const { loader, clock, settle } = setup();
    const id = uniqueId('swr200');
    const l = loader();
    const src = `/feeds/orders/${id}.json`;
    await l.load({ src, maxAge: 0 });
    await bumpFeed(id); // version 2: one more order of 100
    clock.now += 1000;
    const { onUpdate, update } = nextUpdate();
    const served = await l.load({ src, maxAge: 0, onUpdate });
    expect(served.tables.orders.numRows()).to.equal(3);
    const u = await update;
    expect(u.kind).to.equal('changed');
    expect(u.result.tables.orders.numRows()).to.equal(4);
    expect(sum(u.result.tables)).to.equal(500);
    expect(u.result.cache).to.deep.equal({ fromCache: false, stale: false, fetchedAt: clock.now });
    // Memory and IndexedDB hold version 2 now.
    expect(sum((await l.load({ src })).tables)).to.equal(500);
    await settle();
    expect(sum((await loader().load({ src })).tables)).to.equal(500);
  });

  it('offline: serves the cached copy flagged stale, with its age', async () => {
    const { loader, clock } = setup();
    const id = uniqueId('offline');
    const l = loader();
    const src = `/feeds/orders/${id}.json`;
    const first = await l.load({ src, maxAge: 300 });
    await setFeedDown(id, true);
    clock.now += 400_000;
    const { onUpdate, update } = nextUpdate();
    await l.load({ src, maxAge: 300, onUpdate });
    const u = await update;
    expect(u.kind).to.equal('stale');
    expect(u.result.tables).to.equal(first.tables);
    expect(u.result.cache.stale).to.equal(true);
    expect(clock.now - u.result.cache.fetchedAt).to.equal(400_000); // the age a widget shows
    expect((u.error as FeedError).kind).to.equal('network');

    // An explicit refresh while the server is down: the cached copy, stale.
    const refreshed = await l.load({ src, refresh: true });
    expect(refreshed.cache).to.deep.equal({ fromCache: true, stale: true, fetchedAt: first.cache.fetchedAt });
    await setFeedDown(id, false);
  });

  it('drops a corrupt entry and fetches the feed again', async () => {
    const { loader, dbName, settle } = setup();
    const id = uniqueId('corrupt');
    const src = `/feeds/orders/${id}.json`;
    await loader().load({ src });
    await settle();
    // Overwrite the stored Arrow bytes with garbage, keeping the entry's other fields.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = () => db.transaction('feeds', 'readwrite').objectStore('feeds');
    const entries = await new Promise<Record<string, unknown>[]>((resolve) => {
      const r = store().getAll();
      r.onsuccess = () => resolve(r.result);
    });
    expect(entries.length).to.equal(1);
    expect(entries[0]!.rows).to.deep.equal({ orders: 3 });
    await new Promise((resolve) => {
      const r = store().put({ ...entries[0], tables: { orders: new Uint8Array([1, 2, 3, 4]) } });
      r.onsuccess = resolve;
    });
    db.close();

    await settle();
    const result = await loader().load({ src });
    expect(result.cache.fromCache).to.equal(false);
    expect(result.cache.cacheProblem).to.match(/^the cached entry was unreadable \(.+\); it was dropped and the feed fetched again$/);
    expect(sum(result.tables)).to.equal(400);
    expect((await feedCounts(id)).ok).to.equal(2);
    // The refetched copy replaced the garbage.
    await settle();
    const after = await loader().load({ src });
    expect(after.cache.fromCache).to.equal(true);
    expect(after.cache.cacheProblem).to.equal(undefined);
  });

  it('quota exceeded: keeps working from memory and says why', async () => {
    const { loader, dbName, settle } = setup();
    const id = uniqueId('quota');
    const full = (onLost: (r: string) => void) =>
      openIdbBackend({ dbName, onLost }).then((backend) => ({
        ...backend,
        put: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
      }));
    const l = loader(full);
    const src = `/feeds/orders/${id}.json`;
    const result = await l.load({ src });
    expect(sum(result.tables)).to.equal(400);
    expect(result.cache.cacheProblem).to.equal(undefined); // stored in the background: not known yet
    await settle();
    const again = await l.load({ src });
    expect(again.tables).to.equal(result.tables);
    expect(again.cache.cacheProblem).to.match(
      /^the storage quota is exceeded: the \d+-byte cache entry was not stored; data is kept in memory for this page only$/,
    );
    expect(l.peek({ src })?.cache.cacheProblem).to.equal(again.cache.cacheProblem);
    expect((await feedCounts(id)).requests).to.equal(1);
    await settle();
    expect((await loader().load({ src })).cache.fromCache).to.equal(false); // nothing reached IndexedDB
  });

  it('IndexedDB missing: loads, keeps data in memory and says why', async () => {
    const { loader } = setup();
    const id = uniqueId('noidb');
    const l = loader((onLost) => openIdbBackend({ indexedDB: null, onLost }));
    const src = `/feeds/orders/${id}.json`;
    const result = await l.load({ src });
    expect(result.cache.cacheProblem).to.equal(
      'IndexedDB is not available in this context; data is kept in memory for this page only',
    );
    expect(sum(result.tables)).to.equal(400);
    const again = await l.load({ src });
    expect(again.tables).to.equal(result.tables);
    expect(again.cache.fromCache).to.equal(true);
    expect((await feedCounts(id)).requests).to.equal(1);
  });

  it('open blocked by another tab on an older version: works from memory', async () => {
    const { loader, dbName } = setup();
    // "Another tab" holds version 1 open and does not close on versionchange.
    const other = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(dbName, 1);
      r.onsuccess = () => resolve(r.result);
    });
    other.onversionchange = null;
    const l = loader((onLost) => openIdbBackend({ dbName, version: 2, onLost }));
    const result = await l.load({ src: `/feeds/orders/${uniqueId('blocked')}.json` });
    other.close();
    expect(result.cache.cacheProblem).to.equal(
      'IndexedDB open was blocked: another tab keeps an older version of the cache database open; data is kept in memory for this page only',
    );
    expect(sum(result.tables)).to.equal(400);
  });

  it('gives way when another tab upgrades the database, then works from memory', async () => {
    const { loader, dbName } = setup();
    const l = loader();
    await l.load({ src: `/feeds/orders/${uniqueId('vc1')}.json` });
    // "Another tab" opens a newer version: our connection must close so it is not blocked.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(dbName, CACHE_DB_VERSION + 1);
      r.onsuccess = () => resolve(r.result);
      r.onblocked = () => reject(new Error('blocked'));
    });
    other.close();
    const result = await l.load({ src: `/feeds/orders/${uniqueId('vc2')}.json` });
    expect(result.cache.cacheProblem).to.equal(
      'another tab upgraded the cache database; data is kept in memory for this page only',
    );
    expect(sum(result.tables)).to.equal(400);
  });

  it('keeps cache scopes apart and clears one feed, one scope, or all', async () => {
    const { loader, settle } = setup();
    const [a, b] = [uniqueId('clear-a'), uniqueId('clear-b')];
    const l = loader();
    const srcA = `/feeds/orders/${a}.json`;
    const srcB = `/feeds/orders/${b}.json`;
    const load = (src: string, cacheScope?: string) => l.load({ src, cacheScope });
    await load(srcA, 'tenant-1');
    await load(srcA, 'tenant-2'); // another tenant: its own download
    await load(srcB, 'tenant-1');
    expect((await feedCounts(a)).requests).to.equal(2);
    expect((await load(srcA, 'tenant-1')).cache.fromCache).to.equal(true);

    await l.cache.clear({ scope: 'tenant-2' });
    expect((await load(srcA, 'tenant-2')).cache.fromCache).to.equal(false);
    expect((await load(srcA, 'tenant-1')).cache.fromCache).to.equal(true);

    await l.cache.clear({ src: srcA }); // both scopes of feed A
    expect((await load(srcA, 'tenant-1')).cache.fromCache).to.equal(false);
    expect((await load(srcA, 'tenant-2')).cache.fromCache).to.equal(false);
    expect((await load(srcB, 'tenant-1')).cache.fromCache).to.equal(true);
    expect((await feedCounts(a)).requests).to.equal(5);

    await l.cache.clear();
    await settle();
    expect((await loader().load({ src: srcB, cacheScope: 'tenant-1' })).cache.fromCache).to.equal(false);
    expect((await feedCounts(b)).requests).to.equal(2);
  });

  it('reports progress to every consumer; aborting one does not stop the others', async () => {
    const { loader } = setup();
    const id = uniqueId('abort-one');
    const l = loader();
    const src = `/feeds/slow/${id}.json?chunks=5&delay=40`;
    const controller = new AbortController();
    const seenA: LoadProgress[] = [];
    const seenB: LoadProgress[] = [];
    const a = l.load({ src, signal: controller.signal, onProgress: (p) => {
      seenA.push(p);
      if (p.loaded > 0) controller.abort();
    } });
    const b = l.load({ src, onProgress: (p) => seenB.push(p) });
    const error = await failure(a);
    expect(error.kind).to.equal('aborted');
    const result = await b;
    expect(sum(result.tables)).to.equal(400);
    const last = seenB.at(-1)!;
    expect(last.loaded).to.equal(last.total);
    expect(seenA.length).to.be.lessThan(seenB.length);
    expect(await feedCounts(id)).to.deep.equal({ requests: 1, ok: 1, notModified: 0, closedEarly: 0 });
  });

  it('aborting every consumer stops the download; the next load starts afresh', async () => {
    const { loader } = setup();
    const id = uniqueId('abort-all');
    const l = loader();
    const src = `/feeds/slow/${id}.json?chunks=10&delay=50`;
    const controller = new AbortController();
    const a = l.load({ src, signal: controller.signal, onProgress: (p) => p.loaded > 0 && controller.abort() });
    expect((await failure(a)).kind).to.equal('aborted');
    // The server sees the connection go before the body is complete.
    await waitFor(async () => (await feedCounts(id)).closedEarly === 1);
    const result = await l.load({ src: `/feeds/slow/${id}.json?chunks=1&delay=0` });
    expect(sum(result.tables)).to.equal(400);
    expect((await feedCounts(id)).requests).to.equal(2);
  });

  it('turns server and body problems into FeedErrors naming the feed', async () => {
    const { loader } = setup();
    const l = loader();
    const e500 = await failure(l.load({ src: `/feeds/error/${uniqueId('e500')}` }));
    expect(e500.kind).to.equal('http');
    expect(e500.status).to.equal(500);
    expect(e500.found).to.contain('upstream timed out');

    const htmlSrc = `/feeds/html/${uniqueId('html')}`;
    const html = await failure(l.load({ src: htmlSrc }));
    expect(html.kind).to.equal('html');
    expect(html.message).to.match(new RegExp(`^Feed "${htmlSrc}": expected .+, found .+`));

    const emptySrc = `/feeds/empty/${uniqueId('empty')}`;
    const empty = await failure(l.load({ src: emptySrc }));
    expect(empty.kind).to.equal('empty');
    expect(empty.feed).to.equal(emptySrc);

    const truncated = await failure(l.load({ src: `/feeds/truncated/${uniqueId('trunc')}.json` }));
    expect(truncated.kind).to.equal('truncated');
  });

  it('picks CSV by Content-Type, and by `format` over a misleading Content-Type', async () => {
    const { loader } = setup();
    const l = loader();
    const csv = await l.load({ src: `/feeds/orders/${uniqueId('csv')}.csv` });
    expect(csv.report.format).to.equal('csv');
    expect(sum(csv.tables)).to.equal(400);
    const forced = await l.load({ src: `/feeds/orders/${uniqueId('csv2')}.csv?type=text/plain`, format: 'csv' });
    expect(forced.report.format).to.equal('csv');
    expect(amounts(forced.tables)).to.deep.equal([100, 250.5, 49.5]);
  });

  it('loads an Arrow IPC feed and caches it', async () => {
    const { loader, settle } = setup();
    const src = `/feeds/orders/${uniqueId('arrow')}.arrow`;
    const first = await loader().load({ src });
    expect(first.report.format).to.equal('arrow');
    expect(amounts(first.tables)).to.deep.equal([100, 250.5, 49.5]);
    expect(first.tables.orders.get('order_date', 2)).to.equal(isoToDay('2024-02-10'));
    await settle();
    expect((await loader().load({ src })).cache.fromCache).to.equal(true);
  });

  it('loads a bundle into orders and customers and caches both', async () => {
    const { loader, settle } = setup();
    const src = `/feeds/bundle/${uniqueId('bundle')}.json`;
    const first = await loader().load({ src });
    await settle();
    const cached: LoadResult = await loader().load({ src });
    expect(cached.cache.fromCache).to.equal(true);
    expect(cached.tables.customers?.numRows()).to.equal(2);
    expect(cached.tables.customers?.get('name', 0)).to.equal('张三汽配');
    expect(sum(cached.tables)).to.equal(sum(first.tables));
  });
});
