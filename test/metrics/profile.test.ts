import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { isoToDay as day } from '../../src/data/days.js';
import { predictCustomers } from '../../src/metrics/btyd/index.js';
import { customerProfile, customerSummary, percentileRank, type ProfilePredictions } from '../../src/metrics/profile/index.js';
import { RFM_CSV_PATH, rfmOrdersFromCsv } from './rfm-reference.js';
import { ordersTable } from './tables.js';

// Hand-made data; the expected values are worked out in the comments.
const orders = ordersTable([
  { id: 'a', date: '2024-01-05', amount: 100, order: 'o1', channel: 'store', category: 'brakes', discount: 10 },
  { id: 'a', date: '2024-01-05', amount: 20, order: 'o1', channel: 'store', category: 'oil', discount: 0 },
  { id: 'a', date: '2024-02-10', amount: 50, order: 'o2', channel: 'ecommerce', category: 'oil' },
  { id: 'a', date: '2024-02-20', amount: 30, order: 'o3', channel: 'ecommerce', category: 'brakes', discount: 5 },
  { id: 'a', date: '2024-04-01', amount: 200, order: 'o4', channel: 'store', category: 'tyres', discount: 0 },
  { id: 'b', date: '2024-03-01', amount: 40, order: 'o5', channel: 'phone', category: 'oil', discount: 0 },
]);
const customers = aq.table({ customer_id: ['a', 'b', 'p'], name: ['Auto A', 'Bo', 'Prospect'] });
const interactions = aq.table({
  customer_id: ['a', 'a', 'a', 'a', 'p'],
  date: Int32Array.from(['2024-01-01', '2024-03-15', '2024-04-20', '2024-06-01', '2024-02-02'].map(day)),
  kind: ['visit', 'service', 'complaint', 'visit', 'inquiry'],
  nps: Float64Array.from([NaN, 9, NaN, 3, NaN]),
});
const tables = { orders, customers, interactions };
const asOf = '2024-05-01';

describe('customerSummary', () => {
  it('computes the per-customer figures', () => {
    const s = customerSummary(tables, { asOf });
    expect(s.customer_id).to.deep.equal(['a', 'b']);
    // a: o1 (2 lines), o2, o3, o4 = 4 orders, 400 revenue.
    expect(Array.from(s.orders)).to.deep.equal([4, 1]);
    expect(Array.from(s.aov)).to.deep.equal([100, 40]);
    // a: last 04-01 → 30 days to 05-01; first 01-05 → 117 days (2024 is a leap year).
    expect(Array.from(s.recency_days)).to.deep.equal([30, 61]);
    expect(Array.from(s.tenure_days)).to.deep.equal([117, 61]);
    // a: purchase days 01-05, 02-10, 02-20, 04-01 → gaps 36, 10, 41 → median 36; b: one day → NaN.
    expect(s.median_gap_days[0]).to.equal(36);
    expect(s.median_gap_days[1]).to.be.NaN;
    // a: store 2 orders / 320, ecommerce 2 orders / 80 → tie on orders, store wins on revenue.
    expect(Array.from(s.channel_count)).to.deep.equal([2, 1]);
    expect(s.favourite_channel).to.deep.equal(['store', 'phone']);
    // a: tyres 200 > brakes 130 > oil 70.
    expect(s.top_category).to.deep.equal(['tyres', 'oil']);
    // a: o1 and o3 discounted of 4 orders.
    expect(Array.from(s.discounted_share)).to.deep.equal([0.5, 0]);
    // a: 3 interactions up to asOf (06-01 is later), latest 04-20, latest NPS 9 (03-15).
    expect(Array.from(s.interactions)).to.deep.equal([3, 0]);
    expect(s.last_contact[0]).to.equal(day('2024-04-20'));
    expect(s.latest_nps[0]).to.equal(9);
    expect(s.latest_nps[1]).to.be.NaN;
  });

  it('marks the discount share unknown when the feed has no discount column', () => {
    const plain = ordersTable([{ id: 'x', date: '2024-01-01', amount: 5 }]);
    expect(customerSummary({ orders: plain }).discounted_share[0]).to.be.NaN;
  });
});

describe('customerProfile', () => {
  it("lists one customer's figures, series and timeline", () => {
    const p = customerProfile(tables, 'a', { asOf });
    expect(p.found).to.equal(true);
    expect(p.record).to.deep.equal({ customer_id: 'a', name: 'Auto A' });
    expect([p.orders, p.revenue, p.recencyDays, p.medianGapDays]).to.deep.equal([4, 400, 30, 36]);
    expect(p.channels).to.deep.equal([
      { value: 'store', orders: 2, revenue: 320 },
      { value: 'ecommerce', orders: 2, revenue: 80 },
    ]);
    expect(p.topCategories.map((c) => [c.value, c.orders, c.revenue])).to.deep.equal([
      ['tyres', 1, 200],
      ['brakes', 2, 130],
      ['oil', 2, 70],
    ]);
    // Every month from January to asOf's month (May), zeros included.
    expect(p.monthly.month).to.deep.equal(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    expect(Array.from(p.monthly.revenue)).to.deep.equal([120, 80, 0, 200, 0]);
    expect(Array.from(p.monthly.orders)).to.deep.equal([1, 2, 0, 1, 0]);
    expect(p.timeline.map((t) => t.kind)).to.deep.equal(['complaint', 'service', 'visit']);
    expect(p.rfm!.segment.id).to.be.a('string');
    // Two customers are far too few to fit BG/NBD: said, not faked.
    expect(p.predictions).to.include({ available: false, reason: 'too-few-customers' });
    expect(p.lifecycle).to.equal(null);
  });

  it('uses the lifecycle hook when given', () => {
    const stage = { id: 'repeat', labels: { en: 'Repeat', 'zh-CN': '复购' }, day: day('2024-02-10') };
    const p = customerProfile(tables, 'a', { asOf, lifecycleStageOf: (_t, id) => (id === 'a' ? stage : null) });
    expect(p.lifecycle).to.equal(stage);
  });

  it('profiles a customer without orders and rejects an unknown id', () => {
    const p = customerProfile(tables, 'p', { asOf });
    expect([p.found, p.orders, p.record?.name, p.interactions]).to.deep.equal([false, 0, 'Prospect', 1]);
    expect(() => customerProfile(tables, 'nobody', { asOf })).to.throw(RangeError, /nobody/);
  });

  it('predicts churn, orders and CLV with population percentiles (R rfm reference orders)', async () => {
    const text = await (await fetch(`/${RFM_CSV_PATH}`)).text();
    const ref = { orders: rfmOrdersFromCsv(text) };
    const p = customerProfile(ref, "Agness O'Keefe", { asOf: '2006-12-31' });
    // Vignette: 555, Champions.
    expect([p.rfm!.score, p.rfm!.segment.id]).to.deep.equal([555, 'champions']);
    const pred = p.predictions as ProfilePredictions;
    const all = predictCustomers(ref, { asOf: '2006-12-31', horizonDays: 90, months: 12 });
    if (!all.available) throw new Error('the model should fit 995 customers');
    const i = all.customerIds.indexOf("Agness O'Keefe");
    expect([pred.churnRisk, pred.expectedOrders, pred.clv]).to.deep.equal([all.churnRisk[i], all.expectedOrders[i], all.clv[i]]);
    expect(pred.churnRisk).to.be.closeTo(1 - pred.pAlive, 1e-12);
    const below = all.clv.filter((v) => v < all.clv[i]).length;
    const equal = all.clv.filter((v) => v === all.clv[i]).length;
    expect(pred.percentiles.clv).to.equal((100 * (below + equal / 2)) / all.clv.length);
  });
});

describe('percentileRank', () => {
  it('is the mid-rank share in percent', () => {
    const sorted = Float64Array.from([1, 2, 2, 3]);
    expect(percentileRank(sorted, 2)).to.equal(50); // 1 below + half of 2 equal, of 4
    expect(percentileRank(sorted, 3)).to.equal(87.5);
    expect(percentileRank(sorted, 0)).to.equal(0);
  });
});
