import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { isoToDay as day } from '../../src/data/days.js';
import {
  churnLevel,
  customerDirectory,
  customerProfile,
  customerSummary,
  searchCustomers,
  suggestActions,
  type CustomerProfile,
  type ProfilePredictions,
} from '../../src/metrics/profile/index.js';
import { ordersTable } from './tables.js';
import type { ActionContext } from '../../src/metrics/profile/actions.js';
import type { CustomerVehicles, VehicleStatus } from '../../src/metrics/vehicles/customer-vehicles.js';
import type { ServiceStatus } from '../../src/metrics/vehicles/service-due.js';
import type { NextCategory } from '../../src/metrics/associations/next-categories.js';

const AS_OF = day('2024-05-01');

/** A found customer with neutral figures; each test sets what its rule looks at. */
function profile(over: Partial<CustomerProfile> & { segment?: string; m?: number; churn?: number } = {}): CustomerProfile {
  const { segment = 'others', m = 3, churn, ...rest } = over;
  const predictions: ProfilePredictions | null =
    churn === undefined
      ? null
      : {
          available: true,
          pAlive: 1 - churn,
          churnRisk: churn,
          expectedOrders: 1,
          horizonDays: 90,
          clv: 100,
          months: 12,
          percentiles: { churnRisk: 50, expectedOrders: 50, clv: 50 },
          highest: { churnRisk: false, expectedOrders: false, clv: false },
          lowest: { churnRisk: false, expectedOrders: false, clv: false },
          model: 'mbgnbd',
          modelRule: 'requested',
          check: { available: false, reason: 'short-history', message: '', have: 0, need: 56, asOf: AS_OF, unit: 'day', calibrationEnd: AS_OF, holdoutDays: 0 },
          typicalRepeatGapDays: 30,
          overdue: false,
          notes: [],
        };
  return {
    customerId: 'x',
    asOf: AS_OF,
    found: true,
    record: null,
    firstOrder: AS_OF - 400,
    lastOrder: AS_OF - 20,
    orders: 5,
    revenue: 500,
    aov: 100,
    recencyDays: 20,
    tenureDays: 400,
    medianGapDays: 60,
    channels: [],
    favouriteChannel: null,
    topCategories: [{ value: 'brakes', orders: 3, revenue: 300 }],
    discountedShare: NaN,
    interactions: 0,
    lastContact: NaN,
    latestNps: NaN,
    monthly: { month: [], monthIndex: new Int32Array(0), revenue: new Float64Array(0), orders: new Int32Array(0) },
    timeline: [],
    rfm: { r: 3, f: 3, m, score: 333, segment: { id: segment, labels: { en: segment, 'zh-CN': segment } }, recencyDays: 20, frequency: 5, monetary: 500 },
    lifecycle: null,
    predictions,
    ...rest,
  };
}

const ids = (p: CustomerProfile, context?: ActionContext) => suggestActions(p, {}, context).map((a) => a.id);

/** A vehicle for the action context: `status` and the days / km left are what the rules read. */
function vehicle(id: string, status: ServiceStatus, daysLeft: number, kmLeft = NaN): VehicleStatus {
  return {
    vehicleId: id, make: 'BYD', model: 'Han', year: 2021, ageYears: 3, rows: 1, visits: 0, orders: 0, revenue: 0,
    firstVisit: NaN, lastVisit: NaN, visitsPerYear: NaN, kmPerYear: 12000, lastServiceSource: 'vehicles',
    service: { status, daysLeft, kmLeft, interval: { km: 10000, months: 12 }, dueDay: AS_OF + daysLeft } as VehicleStatus['service'],
  };
}
const fleetOf = (list: VehicleStatus[]): CustomerVehicles => ({
  customerId: 'x', asOf: AS_OF, available: true, vehicles: list, dueSoon: list.filter((v) => v.service.daysLeft <= 30).length,
  overdue: list.filter((v) => v.service.status === 'overdue').length, dueSoonDays: 30, interval: { km: 10000, months: 12 }, defaultKmPerYear: 12000,
});
const offer = (category: string, given: string, confidence: number, lift: number): NextCategory => ({
  category, source: 'association', score: lift, vehicles: [],
  rule: { antecedent: given, consequent: category, count: 10, support: 0.1, confidence, lift, consequentSupport: confidence / lift, antecedentCount: 20 },
});
const service = (category: string): NextCategory => ({ category, source: 'service', score: NaN, rule: null, vehicles: [] });
const visit = (d: number, kind: string, nps = NaN) => ({ day: d, channel: null, kind, nps, note: null });

describe('suggestActions', () => {
  it('gives champions VIP service', () => {
    expect(ids(profile({ segment: 'champions' }))).to.deep.equal(['vip-service']);
  });

  it('offers a win-back to at-risk and can\'t-lose-them customers', () => {
    expect(ids(profile({ segment: 'at-risk' }))).to.deep.equal(['win-back']);
    expect(ids(profile({ segment: 'cant-lose-them' }))).to.deep.equal(['win-back']);
  });

  it('offers a win-back to a high spender with high churn risk, whatever the segment', () => {
    const [action] = suggestActions(profile({ churn: 0.75, m: 5 }));
    expect(action.id).to.equal('win-back');
    expect(action.params).to.deep.equal({ churn: 0.75, m: 5 });
    // At the threshold (0.6) it fires; just below, or with a low M score, it does not.
    expect(ids(profile({ churn: 0.6, m: 4 }))).to.deep.equal(['win-back']);
    expect(ids(profile({ churn: 0.59, m: 5 }))).to.deep.equal([]);
    expect(ids(profile({ churn: 0.9, m: 3 }))).to.deep.equal([]);
  });

  it('calls after a complaint within 30 days, first of all actions', () => {
    const p = profile({ segment: 'champions', timeline: [visit(AS_OF - 30, 'Complaint')] });
    const actions = suggestActions(p);
    expect(actions.map((a) => a.id)).to.deep.equal(['care-call', 'vip-service']);
    expect(actions[0].params).to.deep.equal({ date: AS_OF - 30 });
    expect(actions[0].reason['zh-CN']).to.equal('{date}有投诉。');
    // 31 days ago is too old.
    expect(ids(profile({ timeline: [visit(AS_OF - 31, 'complaint')] }))).to.deep.equal([]);
  });

  it('calls a detractor: latest NPS ≤ 6 within 90 days', () => {
    const [a] = suggestActions(profile({ timeline: [visit(AS_OF - 5, 'visit'), visit(AS_OF - 10, 'review', 6)] }));
    expect(a.id).to.equal('care-call');
    expect(a.params).to.deep.equal({ nps: 6, date: AS_OF - 10 });
    // A later promoter score replaces an older detractor score; 7 is not a detractor; 91 days is too old.
    expect(ids(profile({ timeline: [visit(AS_OF - 2, 'review', 9), visit(AS_OF - 10, 'review', 2)] }))).to.deep.equal([]);
    expect(ids(profile({ timeline: [visit(AS_OF - 2, 'review', 7)] }))).to.deep.equal([]);
    expect(ids(profile({ timeline: [visit(AS_OF - 91, 'review', 0)] }))).to.deep.equal([]);
  });

  it('cross-sells the top category to loyal customers', () => {
    const [a] = suggestActions(profile({ segment: 'loyal-customers' }));
    expect(a.id).to.equal('cross-sell');
    expect(a.params).to.deep.equal({ segment: 'loyal-customers', category: 'brakes' });
    expect(a.text.en).to.equal('Cross-sell parts that go with {category}.');
    expect(ids(profile({ segment: 'loyal-customers', topCategories: [] }))).to.deep.equal([]);
  });

  it('onboards new customers (segment, or a single order at most 60 days old)', () => {
    expect(ids(profile({ segment: 'new-customers' }))).to.deep.equal(['onboarding']);
    const [a] = suggestActions(profile({ orders: 1, tenureDays: 60 }));
    expect([a.id, a.params.days]).to.deep.equal(['onboarding', 60]);
    expect(ids(profile({ orders: 1, tenureDays: 61 }))).to.deep.equal([]);
  });

  it('reactivates hibernating and lost customers, unless a win-back already covers them', () => {
    const [a] = suggestActions(profile({ segment: 'hibernating', recencyDays: 300 }));
    expect([a.id, a.params.days]).to.deep.equal(['reactivation', 300]);
    expect(ids(profile({ segment: 'lost' }))).to.deep.equal(['reactivation']);
    expect(ids(profile({ segment: 'lost', churn: 0.95, m: 5 }))).to.deep.equal(['win-back']);
  });

  it('nurtures customers who need attention, and converts prospects', () => {
    expect(ids(profile({ segment: 'about-to-sleep' }))).to.deep.equal(['nurture']);
    expect(ids(profile({ found: false, rfm: null, orders: 0 }))).to.deep.equal(['first-order']);
  });

  it('runs on a real profile (hand-made tables)', () => {
    // Customer a: complaint on 2024-04-20, 11 days before asOf → care call; the profile is computed.
    const orders = ordersTable([
      { id: 'a', date: '2024-01-05', amount: 100, category: 'brakes' },
      { id: 'b', date: '2024-03-01', amount: 40, category: 'oil' },
    ]);
    const interactions = aq.table({
      customer_id: ['a'],
      date: Int32Array.from([day('2024-04-20')]),
      kind: ['complaint'],
    });
    const p = customerProfile({ orders, interactions }, 'a', { asOf: '2024-05-01', predictions: false });
    expect(suggestActions(p)[0]).to.include({ id: 'care-call' });
    expect(suggestActions(p)[0].params).to.deep.equal({ date: day('2024-04-20') });
  });
});

describe('churnLevel', () => {
  it('cuts at 30 % and 60 %', () => {
    expect([0, 0.29, 0.3, 0.59, 0.6, 1].map(churnLevel)).to.deep.equal(['low', 'low', 'medium', 'medium', 'high', 'high']);
    expect(churnLevel(NaN)).to.equal(null);
  });
});

describe('customerDirectory and searchCustomers', () => {
  const orders = ordersTable([
    { id: 'C-2', date: '2024-01-05', amount: 50 },
    { id: 'C-1', date: '2024-01-06', amount: 300 },
    { id: 'C-10', date: '2024-01-07', amount: 100 },
  ]);
  const customers = aq.table({
    customer_id: ['C-1', 'C-2', 'C-10', 'P-9', 'C-1'],
    name: ['Hua Auto 华汽', 'Li Repair', null, 'Prospect Motors', 'second row ignored'],
  });
  const tables = { orders, customers };
  const dir = customerDirectory(tables, customerSummary(tables));

  it('lists buyers by revenue, then prospects, with names', () => {
    expect(dir.ids).to.deep.equal(['C-1', 'C-10', 'C-2', 'P-9']);
    expect(dir.names).to.deep.equal(['Hua Auto 华汽', null, 'Li Repair', 'Prospect Motors']);
    expect(Array.from(dir.revenue)).to.deep.equal([300, 100, 50, 0]);
    expect(customerDirectory(tables, customerSummary(tables))).to.equal(dir); // memoized
  });

  it('finds by id or name: exact id, then prefixes, then substrings', () => {
    const names = (q: string, limit?: number) => searchCustomers(dir, q, limit).indices.map((i) => dir.ids[i]);
    expect(names('c-1')).to.deep.equal(['C-1', 'C-10']);
    expect(names('C-10')).to.deep.equal(['C-10']);
    expect(names('li')).to.deep.equal(['C-2']);
    expect(names('华汽')).to.deep.equal(['C-1']);
    expect(names('motors')).to.deep.equal(['P-9']);
    expect(names('repair')).to.deep.equal(['C-2']);
    expect(names('')).to.deep.equal(['C-1', 'C-10', 'C-2', 'P-9']);
    // "c" starts the three C- ids and is inside "prospect": 4 matches, the first two prefixes returned.
    expect(searchCustomers(dir, 'c', 2)).to.deep.equal({ indices: [0, 1], total: 4 });
    expect(names('zzz')).to.deep.equal([]);
  });
});

describe('suggestActions with vehicles and next categories', () => {
  it('reminds of each due vehicle after a care call, offering the service categories', () => {
    const vehicles = fleetOf([vehicle('粤B12345', 'due-soon', 19, 680), vehicle('粤B99999', 'ok', 200)]);
    const next = { customerId: 'x', basket: 'customer' as const, bought: [], categories: [service('lubricants'), service('filters')] };
    const actions = suggestActions(profile({ segment: 'champions' }), {}, { vehicles, next });
    expect(actions.map((a) => a.id)).to.deep.equal(['service-reminder', 'vip-service']);
    expect(actions[0]!.params).to.deep.equal({
      categories: 'lubricants|filters', vehicle: '粤B12345', vehicleName: 'BYD Han', daysLeft: 19, kmLeft: 680, intervalKm: 10000, intervalMonths: 12,
    });
    // Without service categories in the data, the reminder offers nothing.
    const bare = suggestActions(profile(), {}, { vehicles, next: { ...next, categories: [] } });
    expect(bare[0]!.text.en).to.equal('Send a service reminder for {vehicle}.');
  });

  it('plans a fleet service instead when 3 or more vehicles are due', () => {
    const vehicles = fleetOf([vehicle('A', 'overdue', -10), vehicle('B', 'due-soon', 5), vehicle('C', 'due-soon', 25), vehicle('D', 'ok', 90)]);
    const actions = suggestActions(profile(), {}, { vehicles, next: null });
    expect(actions.map((a) => a.id)).to.deep.equal(['fleet-service']);
    expect(actions[0]!.params).to.include({ count: 3, overdue: 1, days: 30, vehicle: 'A', daysLeft: -10 });
  });

  it('offers the top association categories with their evidence, in place of the generic cross-sell', () => {
    const next = {
      customerId: 'x', basket: 'customer' as const, bought: ['tyres'],
      categories: [offer('brakes', 'tyres', 0.41, 2.3), offer('filters', 'tyres', 0.3, 1.4), offer('ac', 'tyres', 0.2, 1.1)],
    };
    const actions = suggestActions(profile({ segment: 'loyal-customers' }), {}, { next });
    expect(actions.map((a) => a.id)).to.deep.equal(['offer-category', 'offer-category']);
    expect(actions[0]!.params).to.deep.equal({ category: 'brakes', given: 'tyres', share: 0.41, lift: 2.3 });
    expect(actions[0]!.reason.en).to.equal('Bought by {share} of customers who bought {given}, {lift}× the base rate.');
    // Over orders the evidence reads differently; no offers → the cross-sell rule as before.
    expect(suggestActions(profile(), {}, { next: { ...next, basket: 'order' }, maxOffers: 1 })[0]!.reason.en).to.equal('In {share} of orders with {given}, {lift}× the base rate.');
    expect(ids(profile({ segment: 'loyal-customers' }), { next: { ...next, categories: [] } })).to.deep.equal(['cross-sell']);
    // A prospect gets no offers (nothing bought), but their vehicle's reminder.
    const prospect = profile({ found: false, rfm: null });
    expect(ids(prospect, { next, vehicles: fleetOf([vehicle('P', 'overdue', -3)]) })).to.deep.equal(['service-reminder', 'first-order']);
  });
});
