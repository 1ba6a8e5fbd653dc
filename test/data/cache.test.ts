import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { CACHE_DB_VERSION, CACHE_FORMAT, FeedCache, openIdbBackend, type CacheBackend } from '../../src/data/cache.js';
import { FeedLoader } from '../../src/data/load-feed.js';
import { dictionaryOf } from '../../src/data/column-dictionary.js';
import { tablesFromStored } from '../../src/data/stored-tables.js';
import { FeedError } from '../../src/data/errors.js';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables, LoadReport } from '../../src/data/types.js';
import { feedCounts, uniqueId } from './feed-server.js';

const REPORT = { format: 'json', tables: {}, warnings: [] } as unknown as LoadReport;
const where = { src: 'https://example.test/feed.json', scope: '' };

/** Orders and customers with the awkward values: Chinese text, blanks, nulls, NaN amounts, repeated ids. */
function awkwardTables(): CrmTables {
  return {
    orders: aq.table({
      order_id: ['SO1', 'SO2', 'SO3', 'SO4', 'SO5'],
      customer_id: ['C2', 'C1', 'C2', 'C3', 'C1'],
      order_date: Int32Array.from(['2024-01-31', '2024-02-29', '2024-03-01', '1999-12-31', '2024-03-01'].map((d) => isoToDay(d)!)),
      amount: Float64Array.from([100.25, -20, NaN, 0.1 + 0.2, 1e-9]),
      channel: ['门店', null, '', 'online', '门店'],
      order_kind: Uint8Array.from([0, 0, 1, 2, 0]),
    }),
    customers: aq.table({
      customer_id: ['C1', 'C2', 'C9'],
      name: ['张三', null, 'Ann "A" O\'Neil'],
      signup_date: Float64Array.from([isoToDay('2020-05-01')!, NaN, isoToDay('2023-01-01')!]),
    }),
  };
}

const cacheOver = (dbName: string) => new FeedCache({ openBackend: (onLost) => openIdbBackend({ dbName, onLost }) });

function openRaw(dbName: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(dbName, version);
    r.onupgradeneeded = () => upgrade?.(r.result);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

describe('FeedCache: the stored form (column buffers)', () => {
  it('round trip through IndexedDB is exact: strings, blanks, nulls, days, amounts, kinds, dictionary order', async () => {
    const dbName = uniqueId('cache-rt');
    const tables = awkwardTables();
    const writer = cacheOver(dbName);
    expect(await writer.write('k', where, { tables, report: REPORT, fetchedAt: 1 })).to.equal(undefined);
    await writer.close();

    const reader = cacheOver(dbName); // a new page: nothing in memory
    const { feed, problem } = await reader.read('k');
    expect(problem).to.equal(undefined);
    const back = feed!.tables;
    for (const name of ['orders', 'customers'] as const) {
      const before = tables[name]!;
      const after = back[name]!;
      expect(after.columnNames()).to.deep.equal(before.columnNames());
      for (const col of before.columnNames()) {
        const a = after.column(col) as unknown as ArrayLike<unknown>;
        const b = before.column(col) as unknown as ArrayLike<unknown>;
        expect(a.constructor, `${name}.${col} type`).to.equal(b.constructor);
        // Object.is: NaN stays NaN, 0.1 + 0.2 stays 0.30000000000000004, '' stays '' and null stays null.
        expect(Array.from(a).every((v, i) => Object.is(v, b[i])), `${name}.${col}`).to.equal(true);
      }
    }
    // Each string column comes back with its dictionary: values in order of first appearance, blank and null
    // as missing (−1), so metrics group by codes without hashing a string per row.
    const channel = dictionaryOf(back.orders.column('channel') as object)!;
    expect(channel.values).to.deep.equal(['门店', 'online']);
    expect(Array.from(channel.codes)).to.deep.equal([0, -1, -1, 1, 0]);
    const ids = dictionaryOf(back.orders.column('customer_id') as object)!;
    expect(ids.values).to.deep.equal(['C2', 'C1', 'C3']);
    expect(Array.from(ids.codes)).to.deep.equal([0, 1, 0, 2, 1]);
    // Orders and customers ids share one key space: the join needs no hashing either.
    const customerIds = dictionaryOf(back.customers!.column('customer_id') as object)!;
    expect(customerIds.keys!.space).to.equal(ids.keys!.space);
    expect(customerIds.keys!.of[0]).to.equal(ids.keys!.of[1]); // C1
    await reader.close();
  });

  it('an entry of another form (the Arrow entries of cache version 1) is a miss, not a problem, and is removed', async () => {
    const dbName = uniqueId('cache-old');
    const cache = cacheOver(dbName);
    await cache.write('k', where, { tables: awkwardTables(), report: REPORT, fetchedAt: 1 });
    await cache.close();
    const db = await openRaw(dbName);
    const store = () => db.transaction('feeds', 'readwrite').objectStore('feeds');
    const entry = (await request(store().get('k'))) as Record<string, unknown>;
    expect(entry.format).to.equal(CACHE_FORMAT);
    const { format: _format, ...old } = entry;
    await request(store().put({ ...old, tables: { orders: new Uint8Array([65, 82, 82, 79, 87, 49]) } }));
    db.close();

    const again = cacheOver(dbName);
    expect(await again.read('k')).to.deep.equal({});
    await again.close();
    const after = await openRaw(dbName);
    expect(await request(after.transaction('feeds').objectStore('feeds').count())).to.equal(0);
    after.close();
  });

  it('opening a version-1 database upgrades it and clears its entries', async () => {
    const dbName = uniqueId('cache-v1');
    const v1 = await openRaw(dbName, 1, (db) => {
      const store = db.createObjectStore('feeds', { keyPath: 'key' });
      store.createIndex('src', 'src');
      store.createIndex('scope', 'scope');
    });
    const tx = v1.transaction('feeds', 'readwrite');
    tx.objectStore('feeds').put({ key: 'k', src: where.src, scope: '', fetchedAt: 1, report: REPORT, tables: { orders: new Uint8Array(8) } });
    await new Promise((done) => (tx.oncomplete = done));
    v1.close(); // closed before the cache opens version 2 (an open version 1 would block the upgrade)
    const cache = cacheOver(dbName);
    const read = await cache.read('k');
    expect(read, read.problem).to.deep.equal({});
    await cache.close();
    const db = await openRaw(dbName);
    expect(db.version).to.equal(CACHE_DB_VERSION);
    expect(await request(db.transaction('feeds').objectStore('feeds').count())).to.equal(0);
    db.close();
  });

  it('a stored form that does not hold together is refused, naming the table and what is wrong', () => {
    const cache = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).to.be.instanceOf(FeedError);
        return (e as FeedError).message;
      }
      throw new Error('no error');
    };
    const orders = [
      { name: 'order_id', kind: 'string', codes: Int32Array.from([1, 2]) },
      { name: 'customer_id', kind: 'string', codes: Int32Array.from([3, 3]) },
      { name: 'order_date', kind: 'int32', values: Int32Array.from([1, 2]) },
      { name: 'amount', kind: 'float64', values: Float64Array.from([1, 2]) },
    ];
    const strings = ['SO1', 'SO2', 'C1'];
    expect(tablesFromStored({ strings, tables: { orders } } as never).orders.numRows()).to.equal(2);
    expect(cache(() => tablesFromStored({ strings: strings.slice(0, 2), tables: { orders } } as never))).to.contain('column "customer_id" coded past its dictionary');
    expect(cache(() => tablesFromStored({ strings, tables: { orders: orders.filter((c) => c.name !== 'customer_id') } } as never))).to.contain('no "customer_id" column');
    const short = [...orders.slice(0, 3), { name: 'amount', kind: 'float64', values: Float64Array.from([1]) }];
    expect(cache(() => tablesFromStored({ strings, tables: { orders: short } } as never))).to.contain('column "amount" with 1 rows, not 2');
    expect(cache(() => tablesFromStored({ strings, tables: { customers: [] } } as never))).to.contain('a cached "orders" table');
  });

  it('IndexedDB failing on read: the feed comes from the network, with a notice saying why', async () => {
    const dbName = uniqueId('cache-fail');
    const id = uniqueId('readfail');
    const src = `/feeds/orders/${id}.json`;
    const first = cacheOver(dbName);
    await new FeedLoader({ cache: first }).load({ src });
    await first.close();
    const failing = (onLost: (r: string) => void): Promise<CacheBackend> =>
      openIdbBackend({ dbName, onLost }).then((backend) => ({
        ...backend,
        get: () => Promise.reject(new DOMException('The disk is unreadable.', 'UnknownError')),
      }));
    const result = await new FeedLoader({ cache: new FeedCache({ openBackend: failing }) }).load({ src });
    expect(result.cache.fromCache).to.equal(false);
    expect(result.cache.cacheProblem).to.equal('reading the cache failed (UnknownError: The disk is unreadable.); the feed is fetched again');
    expect(Array.from(result.tables.orders.array('amount') as Float64Array).reduce((a, b) => a + b, 0)).to.equal(400);
    expect((await feedCounts(id)).requests).to.equal(2);
  });
});
