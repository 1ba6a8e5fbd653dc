// Metric options are checked: an unknown or misspelled key is an error naming it (never silently ignored).
import { expect } from '@open-wc/testing';
import { rfm, channelMix, regionalComparison, lifecycleFunnel, customerProfile, METRIC_OPTIONS } from '../../src/metrics/index.js';
import { normalizeFeed } from '../../src/data/index.js';

const { tables } = normalizeFeed(
  [
    { customer_id: 'A', order_date: '2024-01-05', amount: 100, channel: 'store', region: 'East' },
    { customer_id: 'B', order_date: '2024-02-05', amount: 50, channel: 'phone', region: 'North' },
  ],
  { feed: 'inline' },
);

describe('metric option keys', () => {
  it('rfm(orders, { bins: 3 }) names the key and where it belongs', () => {
    expect(() => rfm(tables, { bins: 3 } as never)).to.throw(TypeError, /rfm\(\): unknown option "bins"\. "bins" belongs in the rfm settings: \{ rfm: \{ bins: … \} \}/);
    expect(rfm(tables, { rfm: { bins: 3 } }).size).to.equal(2);
  });

  it('suggests the meant key for a typo, and checks nested objects', () => {
    expect(() => channelMix(tables, { meassure: 'orders' } as never)).to.throw(/unknown option "meassure"\. Did you mean "measure"\?/);
    expect(() => regionalComparison(tables, { groupby: 'region' } as never)).to.throw(/Did you mean "groupBy"/);
    expect(() => rfm(tables, { rfm: { bin: 3 } } as never)).to.throw(/unknown option "rfm\.bin"\. Did you mean "bins"\?/);
    expect(() => rfm(tables, { filter: { region: ['East'] } } as never)).to.throw(/unknown option "filter\.region"\. Did you mean "regions"\?/);
    expect(() => rfm(tables, { filter: { dateRange: { from: 1 } } } as never)).to.throw(/unknown option "filter\.dateRange\.from"/);
    expect(() => rfm(tables, { regions: ['East'] } as never)).to.throw(/belongs in the filter settings/);
  });

  it('accepts every registered key (and metrics pass extended options on to the metrics they build on)', () => {
    expect(lifecycleFunnel(tables, { mode: 'observed', asOf: '2024-03-01' }).stages.length).to.be.greaterThan(0);
    expect(customerProfile(tables, 'A', { predictions: true, horizonDays: 30, asOf: '2024-03-01' }).customerId).to.equal('A');
    expect(METRIC_OPTIONS.rfm).to.deep.equal(['asOf', 'filter', 'rfm', 'stageMembership']);
  });
});
