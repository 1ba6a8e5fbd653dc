import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { channelMix } from '../../src/metrics/index.js';
import { D, orderColumns, customers, tables } from './channel-fixture.js';

describe('channelMix', () => {
  it('sums revenue and orders per channel with shares and AOV', () => {
    const r = channelMix(tables());
    expect(r.available).to.equal(true);
    expect(r.asOf).to.equal(D + 41);
    // store: 100 + 200 − 50 + 10 = 260 over 3 orders (A, B, F: B's refund nets but is no order); ecommerce:
    // 50 + 80 + 20 = 150 over 3; phone: F 60 (B's 999 is cancelled); (unknown): E 40; social: A 30.
    // Total 540 over 9 orders, 5 customers.
    expect(r.channels.map((c) => [c.label, c.revenue, c.orders, c.customers, c.aov])).to.deep.equal([
      ['store', 260, 3, 3, 260 / 3],
      ['ecommerce', 150, 3, 2, 50],
      ['phone', 60, 1, 1, 60],
      ['(unknown)', 40, 1, 1, 40],
      ['social', 30, 1, 1, 30],
    ]);
    expect(r.channels[3].key).to.equal(null);
    expect(r.total).to.deep.equal({ revenue: 540, orders: 9, customers: 5, aov: 60 });
    expect(r.channels[0].revenueShare).to.equal(260 / 540);
    expect(r.channels[0].orderShare).to.equal(3 / 9);
    expect(r.channels[1].revenuePerCustomer).to.equal(75);
  });

  it('gives a monthly trend per channel with every month present', () => {
    const r = channelMix(tables());
    // First order +0 (January), last +40 (9 February).
    expect(r.periods.map((p) => p.iso)).to.deep.equal(['2024-01', '2024-02']);
    expect(r.trend.map((s) => [s.label, s.values, s.orders])).to.deep.equal([
      ['store', [260, 0], [3, 0]],
      ['ecommerce', [50, 100], [1, 2]],
      ['phone', [60, 0], [1, 0]],
      ['(unknown)', [40, 0], [1, 0]],
      ['social', [0, 30], [0, 1]],
    ]);
    // A date range that starts in November shows November and December as zeros.
    const wide = channelMix(tables(), { filter: { dateRange: { start: D - 40, end: D + 60 } } });
    expect(wide.periods.map((p) => p.iso)).to.deep.equal(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(wide.trend[0].values).to.deep.equal([0, 0, 260, 0]);
  });

  it('gives a weekly trend of orders', () => {
    const r = channelMix(tables(), { interval: 'week', measure: 'orders' });
    expect(r.measure).to.equal('orders');
    // Monday weeks from 2024-01-01 (+0…+6) to 2024-02-05 (+35…+41).
    expect(r.periods.map((p) => p.label)).to.deep.equal(['2024-W01', '2024-W02', '2024-W03', '2024-W04', '2024-W05', '2024-W06']);
    expect(r.periods[5]).to.deep.include({ iso: '2024-02-05', start: D + 35, end: D + 41 });
    expect(r.trend.map((s) => [s.label, s.values])).to.deep.equal([
      ['store', [2, 1, 0, 0, 0, 0]], // +0, +6 | +10 (the refund on +12 is no order)
      ['ecommerce', [1, 0, 0, 0, 0, 2]], // +3 | +35, +36
      ['phone', [1, 0, 0, 0, 0, 0]], // +5
      ['(unknown)', [0, 0, 1, 0, 0, 0]], // +20
      ['social', [0, 0, 0, 0, 0, 1]], // +40
    ]);
    expect(r.trend[1].revenue).to.deep.equal([50, 0, 0, 0, 0, 100]);
  });

  it('groups customers by the number of channels they used', () => {
    const r = channelMix(tables());
    // A: store, ecommerce, social (3; 180 over 3 orders). B: store (150, 1 order). C: ecommerce (100, 2).
    // F: phone, store (70, 2). E has no channel and is counted apart. Four known channels → buckets 1–4.
    expect(r.customersWithoutChannel).to.equal(1);
    expect(r.channelCount.map((b) => [b.label, b.customers, b.revenue, b.orders, b.averageRevenue, b.averageOrders, b.aov])).to.deep.equal([
      ['1', 2, 250, 3, 125, 1.5, 250 / 3],
      ['2', 1, 70, 2, 70, 2, 35],
      ['3', 1, 180, 3, 180, 3, 60],
      ['4', 0, 0, 0, null, null, null],
    ]);
    expect(r.channelCount[0].customerShare).to.equal(0.5);
  });

  it('caps the channel count at 4+', () => {
    // One customer uses five channels, another one: buckets 1, 2, 3, 4+.
    const r = channelMix({
      orders: aq.table({
        customer_id: ['X', 'X', 'X', 'X', 'X', 'Y'],
        order_date: Int32Array.from([1, 2, 3, 4, 5, 6], (o) => D + o),
        amount: Float64Array.from([1, 1, 1, 1, 1, 4]),
        channel: ['a', 'b', 'c', 'd', 'e', 'a'],
      }),
    });
    expect(r.channelCount.map((b) => [b.label, b.orMore, b.customers, b.revenue])).to.deep.equal([
      ['1', false, 1, 4],
      ['2', false, 0, 0],
      ['3', false, 0, 0],
      ['4+', true, 1, 5],
    ]);
    expect(r.byCustomerType).to.equal(null); // no customers table
  });

  it('crosses channels with customer types', () => {
    const r = channelMix(tables());
    // Types in order of first appearance: A workshop, B retail, E/F without a record → (unknown).
    expect(r.byCustomerType!.types.map((t) => t.label)).to.deep.equal(['workshop', 'retail', '(unknown)']);
    expect(r.byCustomerType!.cells.map((row) => row.map((c) => [c.revenue, c.orders, c.customers]))).to.deep.equal([
      [[100, 1, 1], [150, 1, 1], [10, 1, 1]], // store: A | B 200 − 50 (one order) | F
      [[150, 3, 2], [0, 0, 0], [0, 0, 0]], // ecommerce: A 50 + C 100
      [[0, 0, 0], [0, 0, 0], [60, 1, 1]], // phone: F
      [[0, 0, 0], [0, 0, 0], [40, 1, 1]], // (unknown): E
      [[30, 1, 1], [0, 0, 0], [0, 0, 0]], // social: A
    ]);
  });

  it('reports a feed without channels as one unavailable "(unknown)" channel', () => {
    const r = channelMix({ orders: aq.table(orderColumns), customers: customers() });
    expect(r.available).to.equal(false);
    expect(r.channels.map((c) => [c.key, c.label, c.revenue, c.orders, c.revenueShare])).to.deep.equal([[null, '(unknown)', 540, 9, 1]]);
    expect(r.channelCount).to.deep.equal([]);
    expect(r.customersWithoutChannel).to.equal(5);
    expect(r.trend[0].values).to.deep.equal([540 - 30 - 100, 130]); // January 410, February C 100 + A 30
  });

  it('follows the common filter and is empty, not NaN, when nothing is left', () => {
    const stores = channelMix(tables(), { filter: { channels: ['store'] } });
    expect(stores.channels.map((c) => [c.label, c.revenue])).to.deep.equal([['store', 260]]);
    const none = channelMix(tables(), { filter: { customerIds: ['nobody'] } });
    expect(none.channels).to.deep.equal([]);
    expect(none.total).to.deep.equal({ revenue: 0, orders: 0, customers: 0, aov: null });
    expect(none.periods).to.deep.equal([]);
    expect(none.channelCount).to.deep.equal([]);
  });

  it('rejects an unknown interval or measure', () => {
    expect(() => channelMix(tables(), { interval: 'day' as 'week' })).to.throw(RangeError, /interval/);
    expect(() => channelMix(tables(), { measure: 'profit' as 'orders' })).to.throw(RangeError, /measure/);
  });
});
