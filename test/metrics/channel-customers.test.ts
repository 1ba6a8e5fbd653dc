import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import type { CrmTables } from '../../src/data/types.js';
import { channelCustomerIds, channelMix } from '../../src/metrics/index.js';
import { D, channel, orderColumns } from './channel-fixture.js';

// The fixture of channel.test.ts (channel-fixture.ts): A store/ecommerce/social, B store (+ a store refund, a
// cancelled phone order), C ecommerce ×2, E no channel, F phone + store.
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
