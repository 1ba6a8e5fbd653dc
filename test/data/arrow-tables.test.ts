import { expect } from '@open-wc/testing';
import { table, toArrowIPC } from 'arquero';
import { normalizeFeed, tablesFromArrow, tablesToArrow } from '../../src/data/index.js';
import { feedError } from './feed-error.js';

const MAR_5 = 19787; // 2024-03-05, see normalize-coerce.test.ts

describe('tablesToArrow / tablesFromArrow', () => {
  const { tables } = normalizeFeed({
    orders: [
      { order_id: 'A1', customer_id: 'C1', order_date: '2024-03-05', amount: 10.25, channel: 'store', quantity: 2, status: 'returned', vin: 'X1' },
      { order_id: 'A2', customer_id: 'C2', order_date: '2024-03-06', amount: -3, channel: null, quantity: 'n/a', vin: null },
    ],
    customers: [
      { customer_id: 'C1', signup_date: '2024-03-01', region: null },
      { customer_id: 'C2', signup_date: null, region: null },
    ],
  });
  const bytes = tablesToArrow(tables);
  const back = tablesFromArrow(bytes);

  it('writes one Arrow IPC stream per table present', () => {
    expect(Object.keys(bytes)).to.deep.equal(['orders', 'customers']);
    expect(bytes.orders).to.be.instanceOf(Uint8Array);
  });

  it('restores the column conventions and values exactly', () => {
    const o = back.orders;
    expect(o.columnNames()).to.deep.equal(tables.orders.columnNames());
    expect(o.column('order_date')).to.be.instanceOf(Int32Array);
    expect(Array.from(o.column('order_date') as unknown as Int32Array)).to.deep.equal([MAR_5, MAR_5 + 1]);
    expect(o.column('amount')).to.be.instanceOf(Float64Array);
    expect(Array.from(o.column('quantity') as unknown as Float64Array)).to.deep.equal([2, NaN]);
    expect(Array.isArray(o.column('channel'))).to.equal(true);
    expect(o.objects()).to.deep.equal(tables.orders.objects());
    const c = back.customers!;
    expect(c.column('signup_date')).to.be.instanceOf(Float64Array);
    expect(Array.from(c.column('signup_date') as unknown as Float64Array)).to.deep.equal([MAR_5 - 4, NaN]);
    expect(c.column('region') as unknown as unknown[]).to.deep.equal([null, null]);
    expect(back.interactions).to.equal(undefined);
  });

  it('interns strings across tables on the way back', () => {
    const ids = back.orders.column('customer_id') as unknown as string[];
    expect(ids).to.deep.equal(['C1', 'C2']);
    expect(ids[0]).to.equal((back.customers!.column('customer_id') as unknown as string[])[0]);
  });

  it('stores near-unique strings (order ids) as plain utf8 and repeated ones as a dictionary', () => {
    // 200 distinct order ids over 2 customers: order_id takes the plain utf8 path, customer_id the dictionary.
    const n = 200;
    const records = Array.from({ length: n }, (_, i) => ({
      order_id: `SO-${String(i).padStart(5, '0')}`,
      customer_id: i % 2 ? 'C-odd' : 'C-even',
      order_date: '2024-03-05',
      amount: i,
    }));
    const { tables } = normalizeFeed(records, { feed: 'utf8-test' });
    const back = tablesFromArrow(tablesToArrow(tables)).orders;
    const ids = back.column('order_id') as unknown as string[];
    expect(ids.length).to.equal(n);
    expect(ids[0]).to.equal('SO-00000');
    expect(ids[199]).to.equal('SO-00199');
    expect(new Set(ids).size).to.equal(n);
    const customers = back.column('customer_id') as unknown as string[];
    expect(customers[1]).to.equal('C-odd');
    expect(customers[3]).to.equal(customers[1]);
  });

  it('reports unreadable bytes and a missing orders table as cache errors', () => {
    const err = feedError;
    expect(err(() => tablesFromArrow({ orders: new Uint8Array([1, 2, 3]) })).kind).to.equal('cache');
    const noOrders = err(() => tablesFromArrow({ customers: bytes.customers! }, 'cache:x'));
    expect(noOrders.message).to.equal('Feed "cache:x": expected a cached "orders" table, found none.');
    const partial = err(() => tablesFromArrow({ orders: toArrowIPC(table({ customer_id: ['C1'] })) }));
    expect(partial.found).to.equal('no "order_date" column');
  });
});

describe('normalizeFeed with Arrow input', () => {
  it('reads host Arrow: strings, Arrow date columns as calendar days, timestamps as instants', () => {
    const host = table({
      cust: ['C1', 'C2'],
      day: [new Date(Date.UTC(2024, 2, 5)), new Date(Date.UTC(2024, 2, 6))], // all UTC midnight → Arrow Date
      paid: [12.5, 3],
      at: [new Date(Date.UTC(2024, 2, 5, 23, 30)), new Date(Date.UTC(2024, 2, 6, 1))], // Arrow Timestamp
    });
    const bytes = toArrowIPC(host);
    const { tables, report } = normalizeFeed(bytes, {
      timeZone: 'Asia/Shanghai',
      mapping: { orders: { cust: 'customer_id', day: 'order_date', paid: 'amount' } },
    });
    expect(report.format).to.equal('arrow');
    const o = tables.orders;
    // A calendar-day column stays on its day even in UTC+8.
    expect(Array.from(o.column('order_date') as unknown as Int32Array)).to.deep.equal([MAR_5, MAR_5 + 1]);
    expect(Array.from(o.column('amount') as unknown as Float64Array)).to.deep.equal([12.5, 3]);
    expect(o.column('customer_id') as unknown as string[]).to.deep.equal(['C1', 'C2']);
    // Extra timestamp column kept as a string (ISO instant), per the extra-column rule.
    expect(report.tables.orders!.extraFields).to.deep.equal(['at']);
  });

  it('raises an arrow error for bytes that are not Arrow', () => {
    const e = feedError(() => normalizeFeed(new Uint8Array([255, 255, 255, 255, 9, 9, 9, 9]), { feed: 'x.arrow' }));
    expect(e.kind).to.equal('arrow');
    expect(e.message).to.match(/^Feed "x\.arrow": expected Apache Arrow IPC data \(stream or file format\), found bytes that could not be read as Arrow/);
  });
});
