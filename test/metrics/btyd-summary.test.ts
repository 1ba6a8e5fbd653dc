import { expect } from '@open-wc/testing';
import { lifetimeSummary, predictCustomers, probabilityAlive, expectedPurchases, type BgNbdParams } from '../../src/metrics/index.js';
import { day, ordersTable } from './tables.js';
import { cdnowOrders, cdnowWithSpend } from './btyd-fixtures.js';

// Hand-made rows; every expected value below is worked out by hand in the comments.
const orders = ordersTable([
  { id: 'a', date: '2024-01-01', amount: 100 },
  { id: 'a', date: '2024-01-01', amount: 50 }, // same day: merges with the row above (day spend 150)
  { id: 'a', date: '2024-01-08', amount: -30 }, // refund on a day without purchase: nets against 01-01
  { id: 'a', date: '2024-01-15', amount: 40 },
  { id: 'a', date: '2024-01-29', amount: 60 },
  { id: 'a', date: '2024-01-29', amount: -10 }, // same-day refund: 01-29 spend 50
  { id: 'a', date: '2024-02-05', amount: -20 }, // nets against 01-29: spend 30
  { id: 'b', date: '2024-02-10', amount: 25 },
  { id: 'c', date: '2024-02-01', amount: -15 }, // only a refund: no purchase day, left out
  { id: 'd', date: '2024-01-05', amount: 10, status: 'completed' },
  { id: 'd', date: '2024-01-20', amount: 200, status: 'cancelled' }, // cancelled: ignored
  { id: 'd', date: '2024-03-05', amount: 30 }, // after asOf: ignored
]);

describe('lifetimeSummary', () => {
  it('counts purchase days, merges same-day rows and nets refunds (days)', () => {
    const s = lifetimeSummary(orders, { asOf: '2024-03-01' });
    expect(s.customerIds).to.deep.equal(['a', 'b', 'd']);
    expect(s.refundOnlyCustomers).to.equal(1);
    // a: purchase days 01-01, 01-15, 01-29 → x = 2, t_x = 28, T = 60 (to 03-01),
    //    monetary = (40 + 30) / 2 = 35, total = (150 − 30) + 40 + 30 = 190.
    // b: one day 02-10 → x = 0, T = 20 (2024 is a leap year). d: 01-05 only → T = 56.
    expect(Array.from(s.frequency)).to.deep.equal([2, 0, 0]);
    expect(Array.from(s.recency)).to.deep.equal([28, 0, 0]);
    expect(Array.from(s.T)).to.deep.equal([60, 20, 56]);
    expect(Array.from(s.monetary)).to.deep.equal([35, 0, 0]);
    expect(Array.from(s.totalSpend)).to.deep.equal([190, 25, 10]);
    expect(s.asOf).to.equal(day('2024-03-01'));
  });

  it('gives durations in weeks with unit "week" and accepts the tables object', () => {
    const s = lifetimeSummary({ orders }, { asOf: '2024-03-01', unit: 'week' });
    expect(Array.from(s.recency)).to.deep.equal([4, 0, 0]);
    expect(Array.from(s.T)).to.deep.equal([60 / 7, 20 / 7, 8]);
    expect(s.unit).to.equal('week');
    expect(lifetimeSummary({ orders }, { asOf: '2024-03-01', unit: 'week' })).to.equal(s); // memoized
  });

  it('applies the common filter and the default asOf (day after the latest order)', () => {
    const s = lifetimeSummary(orders, { filter: { customerIds: ['a'] } });
    expect(s.customerIds).to.deep.equal(['a']);
    expect(s.T[0]).to.equal(day('2024-03-06') - day('2024-01-01'));
    expect(() => lifetimeSummary(orders, { unit: 'month' as 'day' })).to.throw(RangeError, /unit/);
  });

  it('reproduces the published CDNOW summary for all 2,357 customers with asOf 1997-09-30', async () => {
    // Hardie's 39-week calibration period is 1997-01-01 … 1997-09-30 inclusive; a customer first seen on
    // 1997-01-01 has T = 38.86 weeks = 272 days = 1997-09-30 − 1997-01-01, so T is measured to asOf =
    // 1997-09-30 with purchases on that day counted (the crm-lens rule: an order ON asOf counts).
    const s = lifetimeSummary(await cdnowOrders(), { asOf: '1997-09-30', unit: 'week' });
    const ref = await cdnowWithSpend();
    expect(s.customerIds.length).to.equal(2357);
    let mismatches = 0;
    s.customerIds.forEach((id, i) => {
      const k = Number(id) - 1; // the reference file is ordered by ID 1…2357
      const ok =
        s.frequency[i] === ref.frequency[k] &&
        Math.abs(s.recency[i] - ref.recency[k]) <= 0.005 + 1e-9 &&
        Math.abs(s.T[i] - ref.T[k]) <= 0.005 + 1e-9 &&
        Math.abs(s.monetary[i] - ref.monetary[k]) <= 0.005 + 1e-9;
      if (!ok) mismatches++;
    });
    expect(mismatches).to.equal(0);
  });
});

describe('predictCustomers', () => {
  it('fits CDNOW from raw orders and predicts per customer in summary order', async () => {
    const tables = { orders: await cdnowOrders() };
    const options = { asOf: '1997-09-30', unit: 'week' as const, horizonDays: 273, churnModel: 'bgnbd' as const };
    const result = predictCustomers(tables, options);
    if (!result.available) throw new Error(result.message);
    expect(result.model).to.equal('bgnbd');
    expect(result.modelChoice).to.deep.equal({ requested: 'bgnbd', model: 'bgnbd', rule: 'requested', check: null });
    const bgnbd = result.fit as BgNbdParams;
    expect(Number(bgnbd.r.toFixed(3))).to.equal(0.243);
    expect(Number(bgnbd.alpha.toFixed(3))).to.equal(4.414);
    expect(Number(result.gammaGamma!.gamma.toFixed(2))).to.equal(15.44);
    expect(result.clvValueMethod).to.equal('gamma-gamma');
    const i = result.customerIds.indexOf('1');
    const { frequency, recency, T } = result.summary;
    expect(result.pAlive[i]).to.equal(probabilityAlive(bgnbd, frequency[i], recency[i], T[i]));
    expect(result.churnRisk[i]).to.equal(1 - result.pAlive[i]);
    // 273 days = 39 weeks: the paper's customer 1 forecast, 1.226.
    expect(result.expectedOrders[i]).to.be.closeTo(1.226, 0.001);
    expect(result.expectedOrders[i]).to.equal(expectedPurchases(bgnbd, 39, frequency[i], recency[i], T[i]));
    for (const col of [result.pAlive, result.churnRisk, result.expectedOrders, result.clv]) {
      expect(col.length).to.equal(2357);
      expect(col.every((v) => Number.isFinite(v) && v >= 0)).to.equal(true);
    }
    expect(predictCustomers(tables, { ...options })).to.equal(result); // memoized per tables + options
  });

  it('says why when there is too little to fit', () => {
    const few = ordersTable([
      { id: 'a', date: '2024-01-01', amount: 10 },
      { id: 'a', date: '2024-01-05', amount: 10 },
      { id: 'b', date: '2024-01-03', amount: 10 },
    ]);
    const r1 = predictCustomers(few);
    expect(r1.available).to.equal(false);
    if (!r1.available) expect(r1.reason).to.equal('too-few-customers');
    const once = ordersTable(Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')}`, amount: 10 })));
    const r2 = predictCustomers(once);
    expect(r2.available).to.equal(false);
    if (!r2.available) expect([r2.reason, r2.have, r2.need]).to.deep.equal(['too-few-repeat-buyers', 0, 5]);
  });

  it('falls back to observed mean spend when too few repeat buyers for gamma-gamma, never NaN', () => {
    const rows = [];
    for (let i = 0; i < 20; i++) rows.push({ id: `c${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')}`, amount: 10 + i });
    for (let i = 0; i < 5; i++) rows.push({ id: `c${i}`, date: `2024-02-${String(i + 1).padStart(2, '0')}`, amount: 30 });
    const result = predictCustomers(ordersTable(rows), { asOf: '2024-03-01', churnModel: 'bgnbd' });
    if (!result.available) throw new Error(result.message);
    expect(result.gammaGamma).to.equal(null);
    expect(result.clvValueMethod).to.equal('observed-mean');
    expect(result.notes.join(' ')).to.match(/only 5 repeat buyer/);
    for (const col of [result.pAlive, result.expectedOrders, result.clv]) expect(col.every(Number.isFinite)).to.equal(true);
    // c0: days 01-01 (10) and 02-01 (30) → observed mean spend 20 per purchase day.
    const i = result.customerIds.indexOf('c0');
    expect(result.clv[i] / 20).to.be.greaterThan(0);
  });
});
