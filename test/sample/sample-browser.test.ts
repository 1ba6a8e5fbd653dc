// The generator is pure: the same seed gives the same feed in the browser as anywhere else.
import { expect } from '@open-wc/testing';
import { generateSample, generateSampleColumns, sampleToJson } from '../../src/sample/index.js';

describe('sample generator in the browser', () => {
  it('is deterministic and yields the three tables', () => {
    const opts = { seed: 11, orders: 2000, customers: 200 };
    expect(sampleToJson(generateSampleColumns(opts))).to.equal(sampleToJson(generateSampleColumns(opts)));
    const b = generateSample(opts);
    expect(b.customers).to.have.length(200);
    // Calibrated to the target (see test/node/sample.test.ts): within 15 % at this small size.
    expect(b.orders.length).to.be.within(1700, 2300);
    expect(b.interactions.length).to.be.greaterThan(0);
    expect(Object.keys(b.orders[0])).to.include.members(['order_id', 'customer_id', 'order_date', 'amount']);
  });
});
