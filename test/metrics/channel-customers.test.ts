import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';
import { channelCustomerIds, channelMix } from '../../src/metrics/index.js';

const D = isoToDay('2024-01-01');
// Same orders as channel.test.ts: A store/ecommerce/social, B store (+ a store refund, a cancelled phone order),
// C ecommerce ×2, E no channel, F phone + store.
const orderColumns = {
  order_id: ['1', '2', '3', '4', '5', '9', '6', '7', '8', '10', '11'],
  customer_id: ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'E', 'F', 'F'],
  order_date: Int32Array.from([0, 3, 40, 10, 12, 15, 35, 36, 20, 5, 6], (o) => D + o),
  amount: Float64Array.from([100, 50, 30, 200, -50, 999, 80, 20, 40, 60, 10]),
  status: [null, null, null, null, 'returned', 'cancelled', null, null, null, null, null],
};
const channel = ['store', 'ecommerce', 'social', 'store', 'store', 'phone', 'ecommerce', 'ecommerce', null, 'phone', 'store'];
const tables = (): CrmTables => ({ orders: aq.table({ ...orderColumns, channel }) });
const sorted = (ids: string[]) => [...ids].sort();

describe('channelCustomerIds', () => {
  it('lists the customers with a kept row in the channel (hand-computed)', () => {
    const t = tables();
    expect(sorted(channelCustomerIds(t, {}, 'store'))).to.deep.equal(['A', 'B', 'F']);
    expect(sorted(channelCustomerIds(t, {}, 'ecommerce'))).to.deep.equal(['A', 'C']);
    // B's phone order is cancelled: not kept.
    expect(channelCustomerIds(t, {}, 'phone')).to.deep.equal(['F']);
    expect(channelCustomerIds(t, {}, null)).to.deep.equal(['E']);
    expect(channelCustomerIds(t, {}, 'fax')).to.deep.equal([]);
  });

  it('counts as many customers as channelMix and follows the filter', () => {
    const t = tables();
    for (const c of channelMix(t).channels) expect(channelCustomerIds(t, {}, c.key)).to.have.length(c.customers);
    const february = { filter: { dateRange: { start: D + 31, end: D + 59 } } };
    // February (+31 … +59): C's ecommerce orders (+35, +36) and A's social order (+40); no store order.
    expect(channelCustomerIds(t, february, 'ecommerce')).to.deep.equal(['C']);
    expect(channelCustomerIds(t, february, 'store')).to.deep.equal([]);
    expect(channelCustomerIds(t, february, 'social')).to.deep.equal(['A']);
  });

  it('puts everyone in the null channel when the feed has no channel column', () => {
    const t: CrmTables = { orders: aq.table(orderColumns) };
    expect(sorted(channelCustomerIds(t, {}, null))).to.deep.equal(['A', 'B', 'C', 'E', 'F']);
    expect(channelCustomerIds(t, {}, 'store')).to.deep.equal([]);
  });
});
