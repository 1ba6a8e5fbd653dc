import { expect } from '@open-wc/testing';
import { fastestSupported, supported, supportedInBoth, SUPPORT_MINIMUM } from '../../src/metrics/support.js';

describe('support rule (src/metrics/support.ts)', () => {
  it('needs 30 orders and 10 customers, in both periods for a change', () => {
    expect(SUPPORT_MINIMUM).to.deep.equal({ orders: 30, customers: 10 });
    expect(supported({ orders: 30, customers: 10 })).to.equal(true);
    expect(supported({ orders: 29, customers: 50 })).to.equal(false);
    expect(supported({ orders: 300, customers: 9 })).to.equal(false);
    expect(supported(null)).to.equal(false);
    expect(supportedInBoth({ orders: 40, customers: 12 }, { orders: 28, customers: 12 })).to.equal(false);
    expect(supportedInBoth({ orders: 40, customers: 12 }, { orders: 30, customers: 10 })).to.equal(true);
  });

  it('ranks growth only among supported items and says when a faster, thinner one was left out', () => {
    const items = [
      { id: 'SP', g: 0.1, now: { orders: 44, customers: 12 }, before: { orders: 40, customers: 12 } },
      { id: 'RR', g: 3.52, now: { orders: 28, customers: 8 }, before: { orders: 3, customers: 3 } },
      { id: 'MG', g: null, now: { orders: 50, customers: 20 }, before: null },
    ];
    const pick = fastestSupported(items, (i) => i.g, (i) => ({ current: i.now, previous: i.before }));
    expect(pick).to.deep.equal({ item: items[0], change: 0.1, skippedFaster: true });
    const none = fastestSupported(items.slice(1), (i) => i.g, (i) => ({ current: i.now, previous: i.before }));
    expect(none).to.deep.equal({ item: null, skippedAny: true });
  });
});
