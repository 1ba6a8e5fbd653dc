import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';
import {
  customersInStage,
  lifecycleFunnel,
  lifecycleStageMembership,
  type LifecycleStageResult,
  type StageDefinition,
} from '../../src/metrics/index.js';
import { prepareOrders } from '../../src/metrics/prepare.js';

// Day 0 of the story is 2024-01-01; every date below is written as an offset from it.
const D = isoToDay('2024-01-01');
const days = (...offsets: number[]) => Int32Array.from(offsets, (o) => D + o);

// Orders (hand-made):
//   A: o1 d0 100, o2 d10 50                 → purchases on d0 and d10
//   B: o3 d5 80, r3 d5 −80 (refund row)     → one purchase (d5); the refund is not a purchase; revenue 0
//   C: o4 d20 40 cancelled                  → excluded: C has no kept order
//   D: o5 d30 60 + o5 d30 20 (two lines)    → one purchase (d30)
//   E: o6 d2 10, o7 d40 30, o8 d50 30       → purchases d2, d40, d50
// Latest order d50 → default asOf d51.
const orders = () =>
  aq.table({
    order_id: ['o1', 'o2', 'o3', 'r3', 'o4', 'o5', 'o5', 'o6', 'o7', 'o8'],
    customer_id: ['A', 'A', 'B', 'B', 'C', 'D', 'D', 'E', 'E', 'E'],
    order_date: days(0, 10, 5, 5, 20, 30, 30, 2, 40, 50),
    amount: Float64Array.from([100, 50, 80, -80, 40, 60, 20, 10, 30, 30]),
    status: ['completed', null, 'completed', 'returned', 'cancelled', null, null, null, null, null],
  });

// Customers: A (signup d−10), B (no signup date), C (d−20), F (prospect, d−5), G (prospect, no date).
const customers = (stages?: (string | null)[]) =>
  aq.table({
    customer_id: ['A', 'B', 'C', 'F', 'G'],
    signup_date: Float64Array.from([D - 10, NaN, D - 20, D - 5, NaN]),
    type: ['workshop', 'retail', 'retail', 'workshop', 'retail'],
    ...(stages ? { lifecycle_stage: stages } : {}),
  });

// Interactions:
//   A: inquiry d−5, service d12, referral d15
//   B: visit d1, service d3 (BEFORE its first purchase d5: not "use"), survey with NPS 10 on d30
//   C: complaint d21 (never purchased)      E: review d45      F: inquiry d−2      H: campaign d1 (no record)
const interactions = () =>
  aq.table({
    customer_id: ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'E', 'F', 'H'],
    date: days(-5, 12, 15, 1, 3, 30, 21, 45, -2, 1),
    kind: ['inquiry', 'Service', 'referral', 'visit', 'service', 'survey', 'complaint', 'review', 'inquiry', 'campaign'],
    nps: Float64Array.from([NaN, NaN, NaN, NaN, NaN, 10, NaN, NaN, NaN, NaN]),
  });

const full = (): CrmTables => ({ orders: orders(), customers: customers(), interactions: interactions() });

type Bar = Pick<LifecycleStageResult, 'id' | 'customers' | 'reached' | 'dropOff' | 'medianDaysFromPrevious'>;
const bars = (stages: LifecycleStageResult[]): Bar[] =>
  stages.map(({ id, customers, reached, dropOff, medianDaysFromPrevious }) => ({ id, customers, reached, dropOff, medianDaysFromPrevious }));

describe('lifecycleFunnel — observed mode', () => {
  it('counts customers who reached each stage in order, with conversions and median days', () => {
    const r = lifecycleFunnel(full());
    expect(r.mode).to.equal('observed');
    expect(r.asOf).to.equal(D + 51);
    // Everyone is known: A B C D E (orders table), F G (customers), H (interactions).
    expect(r.customersInScope).to.equal(8);
    expect(bars(r.stages)).to.deep.equal([
      // Stage days: A −10, B 1 (record undated → interaction d1), C −20, D 30, E 2, F −5, G undated, H 1.
      { id: 'awareness', customers: 8, reached: 8, dropOff: null, medianDaysFromPrevious: null },
      // A (inquiry −5), B (visit 1), D (order 30), E (order 2), F (inquiry −2). In-order days = max(aware, own):
      // A −5, B 1, D 30, E 2, F −2; gaps 5, 0, 0, 0, 3 → median 0 (G, H, C drop).
      { id: 'consideration', customers: 5, reached: 5, dropOff: 3, medianDaysFromPrevious: 0 },
      // A 0, B 5, D 30, E 2; gaps A 0−(−5)=5, B 5−1=4, D 0, E 0 → median (0+4)/2 = 2.
      { id: 'purchase', customers: 4, reached: 4, dropOff: 1, medianDaysFromPrevious: 2 },
      // A: second purchase d10 (service d12 later) → 10; E: second purchase d40 → 40. B's service predates
      // its purchase, C never bought, D has one order of two lines. Gaps 10 and 38 → median 24.
      { id: 'use', customers: 2, reached: 2, dropOff: 2, medianDaysFromPrevious: 24 },
      // Repurchase days A 10, E 40 equal their use days → gaps 0, 0.
      { id: 'repurchase', customers: 2, reached: 2, dropOff: 0, medianDaysFromPrevious: 0 },
      // A (referral d15, gap 5) in order; B's NPS 10 counts as reached but B never got to "use".
      { id: 'advocacy', customers: 1, reached: 2, dropOff: 1, medianDaysFromPrevious: 5 },
    ]);
    const [, consideration, purchase, , , advocacy] = r.stages;
    expect(r.stages[0].conversionFromPrevious).to.equal(null);
    expect(r.stages[0].conversionFromFirst).to.equal(1);
    expect(consideration.conversionFromPrevious).to.equal(5 / 8);
    expect(consideration.dropOffRate).to.equal(3 / 8);
    expect(consideration.daysMeasured).to.equal(5);
    expect(purchase.conversionFromPrevious).to.equal(4 / 5);
    expect(purchase.conversionFromFirst).to.equal(4 / 8);
    expect(advocacy.conversionFromFirst).to.equal(1 / 8);
    expect(advocacy.dropOffRate).to.equal(1 / 2);
    expect(r.stages.every((s) => s.observable && s.reason === null)).to.equal(true);
    expect(r.stages.map((s) => s.labels['zh-CN'])).to.deep.equal(['认知', '考虑', '购买', '使用', '复购', '推荐']);
    expect(r.declared).to.equal(null);
  });

  it('lists the customers of a stage', () => {
    const t = full();
    expect(customersInStage(t, 'use')).to.deep.equal(['A', 'E']);
    expect(customersInStage(t, 'advocacy')).to.deep.equal(['A']);
    expect(customersInStage(t, 'awareness')).to.have.members(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(() => customersInStage(t, 'loyalty')).to.throw(RangeError, /'loyalty' is not defined/);
  });

  it('reports stages orders alone cannot show as unobservable, not zero', () => {
    const r = lifecycleFunnel({ orders: orders() });
    // Only buyers A B D E show; C's only order is cancelled.
    expect(r.customersInScope).to.equal(4);
    expect(r.stages.map((s) => [s.id, s.observable, s.customers])).to.deep.equal([
      ['awareness', false, null],
      ['consideration', false, null],
      ['purchase', true, 4],
      ['use', false, null],
      ['repurchase', true, 2],
      ['advocacy', false, null],
    ]);
    expect(r.stages[0].reason).to.match(/customers table or an interactions table/);
    expect(r.stages[5].reason).to.match(/kind column or interactions with an nps column/);
    // Purchase is the first observable stage; repurchase compares with it directly:
    // A 0 → 10, E 2 → 40: gaps 10 and 38, median 24; 2 of 4.
    expect(r.stages[2].conversionFromFirst).to.equal(1);
    expect(r.stages[2].conversionFromPrevious).to.equal(null);
    expect(r.stages[4].conversionFromPrevious).to.equal(0.5);
    expect(r.stages[4].medianDaysFromPrevious).to.equal(24);
    // An unobservable stage's customers are those of the bar before it.
    expect(customersInStage({ orders: orders() }, 'use')).to.deep.equal(['A', 'B', 'D', 'E']);
  });

  it('reads only events inside the filter date range', () => {
    // Window d0…d20. Orders: A d0, d10; B d5 (+refund); E d2. Interactions: A service d12, referral d15;
    // B visit d1, service d3; H campaign d1. No signup date falls in the window; undated records do not count.
    const r = lifecycleFunnel(full(), { filter: { dateRange: { start: D, end: D + 20 } } });
    expect(r.customersInScope).to.equal(4); // A B E H
    expect(r.stages.map((s) => s.customers)).to.deep.equal([4, 3, 3, 1, 1, 1]);
    // Purchase in-order days A 0, B 5, E 2 vs consideration A 0, B 1, E 2 → gaps 0, 4, 0 → median 0.
    expect(r.stages[2].medianDaysFromPrevious).to.equal(0);
  });

  it('keeps prospects only when the filter can match them', () => {
    // customerIds keeps A (buyer), F (prospect with a record) and H (interaction only).
    const r = lifecycleFunnel(full(), { filter: { customerIds: ['A', 'F', 'H'] } });
    expect(r.stages.map((s) => s.customers)).to.deep.equal([3, 2, 1, 1, 1, 1]);
    // A channel filter is about orders: nobody without a kept order in that slice counts.
    const t = full();
    const withChannel: CrmTables = { ...t, orders: orders().assign({ channel: ['store', 'store', 'web', 'web', 'store', 'store', 'store', 'web', 'web', 'web'] }) };
    const s = lifecycleFunnel(withChannel, { filter: { channels: ['store'] } });
    // Kept: A (o1, o2), D (o5). Awareness A, D; consideration A (inquiry), D (order).
    expect(s.stages.map((x) => x.customers)).to.deep.equal([2, 2, 2, 1, 1, 1]);
  });

  it('gives nulls, not NaN, when the filter leaves nobody', () => {
    const r = lifecycleFunnel(full(), { filter: { customerIds: ['nobody'] } });
    expect(r.customersInScope).to.equal(0);
    for (const s of r.stages) {
      expect(s.customers).to.equal(0);
      expect(s.conversionFromFirst).to.equal(null);
      expect(s.medianDaysFromPrevious).to.equal(null);
    }
    expect(r.stages[1].conversionFromPrevious).to.equal(null);
    expect(r.stages[1].dropOff).to.equal(0);
  });

  it('ignores filter.stages for itself, and supplies it to the other metrics', () => {
    const t = full();
    const plain = lifecycleFunnel(t);
    const selected = lifecycleFunnel(t, { filter: { stages: ['use'] }, stageMembership: lifecycleStageMembership });
    expect(bars(selected.stages)).to.deep.equal(bars(plain.stages));
    // Other metrics filter their base to the stage's customers: A and E.
    const base = prepareOrders(t, { filter: { stages: ['use'] }, stageMembership: lifecycleStageMembership });
    expect(Array.from(base.customerCode, (c) => base.index.ids[c])).to.deep.equal(['A', 'E']);
  });
});

describe('lifecycleFunnel — custom stages', () => {
  it('accepts rules and per-customer tests', () => {
    const stages: StageDefinition[] = [
      { id: 'buyer', labels: { en: 'Buyer', 'zh-CN': '买家' }, rule: { minOrders: 1 } },
      {
        id: 'big-spender',
        labels: { en: 'Big spender', 'zh-CN': '大客户' },
        // Net revenue ≥ 100, dated by the last purchase. A: 150 (last purchase d10); B 0; D 80; E 70.
        test: (c) => (c.revenue >= 100 ? (c.orderDays.at(-1) ?? true) : false),
      },
    ];
    const r = lifecycleFunnel(full(), { stages });
    expect(bars(r.stages)).to.deep.equal([
      { id: 'buyer', customers: 4, reached: 4, dropOff: null, medianDaysFromPrevious: null },
      // A: buyer on d0, big spender on d10 → 10 days.
      { id: 'big-spender', customers: 1, reached: 1, dropOff: 3, medianDaysFromPrevious: 10 },
    ]);
    expect(customersInStage(full(), 'big-spender', { stages })).to.deep.equal(['A']);
  });

  it('rejects unusable definitions with a clear error', () => {
    const label = { en: 'x', 'zh-CN': 'x' };
    expect(() => lifecycleFunnel(full(), { stages: [] })).to.throw(/at least one stage/);
    expect(() =>
      lifecycleFunnel(full(), { stages: [{ id: 'a', labels: label, rule: {} }, { id: 'a', labels: label, rule: {} }] }),
    ).to.throw(/'a' appears twice/);
    expect(() => lifecycleFunnel(full(), { stages: [{ id: 'a', labels: label }] })).to.throw(/exactly one of `rule` or `test`/);
    expect(() => lifecycleFunnel(full(), { stages: [{ id: 'a', labels: label, rule: { minOrders: 0 } }] })).to.throw(/minOrders 0/);
  });
});

describe('lifecycleFunnel — declared mode', () => {
  // A repurchase, B "Purchase" (any case), C "vip" (no such stage), F "考虑" (a Chinese label), G empty.
  const declared = (): CrmTables => ({
    orders: orders(),
    customers: customers(['repurchase', 'Purchase', 'vip', '考虑', null]),
    interactions: interactions(),
  });

  it('auto mode uses the declared column and counts customers at or beyond each stage', () => {
    const r = lifecycleFunnel(declared());
    expect(r.mode).to.equal('declared');
    expect(r.customersInScope).to.equal(5);
    // Exactly at: consideration 1 (F), purchase 1 (B), repurchase 1 (A). At or beyond, from the end:
    // advocacy 0, repurchase 1, use 1, purchase 2, consideration 3, awareness 3.
    expect(bars(r.stages)).to.deep.equal([
      { id: 'awareness', customers: 3, reached: 0, dropOff: null, medianDaysFromPrevious: null },
      { id: 'consideration', customers: 3, reached: 1, dropOff: 0, medianDaysFromPrevious: null },
      { id: 'purchase', customers: 2, reached: 1, dropOff: 1, medianDaysFromPrevious: null },
      { id: 'use', customers: 1, reached: 0, dropOff: 1, medianDaysFromPrevious: null },
      { id: 'repurchase', customers: 1, reached: 1, dropOff: 0, medianDaysFromPrevious: null },
      { id: 'advocacy', customers: 0, reached: 0, dropOff: 1, medianDaysFromPrevious: null },
    ]);
    expect(r.stages[5].dropOffRate).to.equal(1);
    expect(r.stages[2].conversionFromPrevious).to.equal(2 / 3);
    expect(r.declared).to.deep.equal({ unassigned: 1, unknownValues: [{ value: 'vip', count: 1 }] });
    expect(customersInStage(declared(), 'purchase')).to.deep.equal(['A', 'B']);
  });

  it('can be forced either way', () => {
    expect(lifecycleFunnel(declared(), { mode: 'observed' }).stages.map((s) => s.customers)).to.deep.equal([8, 5, 4, 2, 2, 1]);
    expect(() => lifecycleFunnel(full(), { mode: 'declared' })).to.throw(/lifecycle_stage column/);
    // auto without the column → observed.
    expect(lifecycleFunnel(full()).mode).to.equal('observed');
  });

  it('needs a kept order under an order-level filter', () => {
    // Workshop records: A and F. With a date range only A (orders d0, d10) has a kept order.
    const r = lifecycleFunnel(declared(), { filter: { customerTypes: ['workshop'] } });
    expect(r.customersInScope).to.equal(2);
    expect(r.stages.map((s) => s.customers)).to.deep.equal([2, 2, 1, 1, 1, 0]);
    const ranged = lifecycleFunnel(declared(), { filter: { customerTypes: ['workshop'], dateRange: { start: D, end: D + 20 } } });
    expect(ranged.customersInScope).to.equal(1);
  });
});
