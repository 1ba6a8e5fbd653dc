// Market-basket measures on a small basket worked out by hand, over customers and over orders, and the
// per-customer next-categories ranking (association offers, service categories for a vehicle due).
import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { categoryAssociations, nextCategories } from '../../src/metrics/associations/index.js';
import { ordersTable, day, type OrderRow } from './tables.js';

// Customers and what they bought (each line one order):
//   C1: {tyres, brakes}                     C4: {brakes}, {filters}
//   C2: {tyres}, {brakes, filters}          C5: {filters}
//   C3: {tyres}  (+ a cancelled lighting)   C6: {tyres, brakes}  (+ a refund row of filters)
const rows: OrderRow[] = [
  { id: 'C1', date: '2024-01-02', amount: 400, order: 'o1', category: 'tyres' },
  { id: 'C1', date: '2024-01-02', amount: 150, order: 'o1', category: 'brakes' },
  { id: 'C2', date: '2024-01-05', amount: 380, order: 'o2', category: 'tyres' },
  { id: 'C2', date: '2024-02-05', amount: 120, order: 'o3', category: 'brakes' },
  { id: 'C2', date: '2024-02-05', amount: 40, order: 'o3', category: 'filters' },
  { id: 'C3', date: '2024-01-09', amount: 420, order: 'o4', category: 'tyres' },
  { id: 'C3', date: '2024-03-01', amount: 90, order: 'o5', category: 'lighting', status: 'cancelled' },
  { id: 'C4', date: '2024-01-11', amount: 130, order: 'o6', category: 'brakes' },
  { id: 'C4', date: '2024-02-11', amount: 35, order: 'o7', category: 'filters' },
  { id: 'C5', date: '2024-01-15', amount: 30, order: 'o8', category: 'filters' },
  { id: 'C6', date: '2024-01-20', amount: 410, order: 'o9', category: 'tyres' },
  { id: 'C6', date: '2024-01-20', amount: 140, order: 'o9', category: 'brakes' },
  { id: 'C6', date: '2024-01-25', amount: -20, order: 'o10', category: 'filters' },
];
const tables = { orders: ordersTable(rows) };
const exact = { minSupport: 0, minCount: 1 };
const rule = (r: ReturnType<typeof categoryAssociations>, a: string, b: string) =>
  r.rules.find((x) => x.antecedent === a && x.consequent === b);

describe('categoryAssociations', () => {
  it('over customers: N = 6; tyres 4, brakes 4, filters 3; tyres+brakes 3, brakes+filters 2, tyres+filters 1', () => {
    const r = categoryAssociations(tables, exact);
    expect(r.basket).to.equal('customer');
    expect(r.baskets).to.equal(6);
    // The cancelled lighting order and the refund row are not purchases.
    expect(r.categories.map((c) => [c.category, c.count])).to.deep.equal([['brakes', 4], ['tyres', 4], ['filters', 3]]);
    const tb = rule(r, 'tyres', 'brakes')!;
    expect(tb.count).to.equal(3);
    expect(tb.support).to.equal(3 / 6);
    expect(tb.confidence).to.equal(3 / 4);
    expect(tb.lift).to.be.closeTo(3 / 4 / (4 / 6), 1e-12); // 1.125
    const fb = rule(r, 'filters', 'brakes')!;
    expect(fb.confidence).to.be.closeTo(2 / 3, 1e-12);
    expect(fb.lift).to.be.closeTo(2 / 3 / (4 / 6), 1e-12); // 1
    const tf = rule(r, 'tyres', 'filters')!;
    expect(tf.confidence).to.equal(1 / 4);
    expect(tf.lift).to.be.closeTo(0.25 / 0.5, 1e-12); // 0.5
    // Both directions of each of the 3 pairs, by lift.
    expect(r.rules).to.have.length(6);
    expect(r.rules[0]!.lift).to.be.closeTo(1.125, 1e-12);
  });

  it('minimum support and count leave out rare pairs', () => {
    const r = categoryAssociations(tables, { minSupport: 0.3, minCount: 1 });
    // tyres+filters (1/6 = 0.167) is below 0.3; brakes+filters (0.333) and tyres+brakes (0.5) stay.
    expect(r.rules.map((x) => `${x.antecedent}>${x.consequent}`).sort()).to.deep.equal(['brakes>filters', 'brakes>tyres', 'filters>brakes', 'tyres>brakes']);
    expect(categoryAssociations(tables, { minSupport: 0, minCount: 3 }).rules).to.have.length(2);
    // Defaults: support ≥ 1 %, at least 5 baskets — nothing in 6 customers.
    expect(categoryAssociations(tables).rules).to.deep.equal([]);
  });

  it('over orders: N = 8 orders with a purchase; tyres+brakes together in 2 (o1, o9)', () => {
    const r = categoryAssociations(tables, { ...exact, basket: 'order' });
    // o5 is cancelled and o10 a refund: o1–o4 and o6–o9 remain.
    expect(r.baskets).to.equal(8);
    const tb = rule(r, 'tyres', 'brakes')!;
    // tyres in 4 orders (o1, o2, o4, o9), brakes in 4 (o1, o3, o6, o9): confidence 2/4, lift 0.5 / (4/8) = 1.
    expect([tb.count, tb.confidence]).to.deep.equal([2, 0.5]);
    expect(tb.lift).to.be.closeTo(1, 1e-12);
    // brakes+filters in o3 only.
    expect(rule(r, 'filters', 'brakes')!.count).to.equal(1);
    expect(rule(r, 'tyres', 'filters')).to.equal(undefined);
  });

  it('follows the filter (here a date range) and refuses bad options', () => {
    const r = categoryAssociations(tables, { ...exact, filter: { dateRange: { end: day('2024-01-31') } } });
    // January only: C1 {t,b}, C2 {t}, C3 {t}, C4 {b}, C5 {f}, C6 {t,b}.
    expect(r.baskets).to.equal(6);
    expect(rule(r, 'tyres', 'brakes')!.confidence).to.equal(2 / 4);
    expect(() => categoryAssociations(tables, { basket: 'visit' as never })).to.throw(RangeError, /basket/);
    expect(() => categoryAssociations(tables, { minSupport: 2 })).to.throw(RangeError, /minSupport/);
  });
});

describe('nextCategories', () => {
  it('offers what the customer has not bought, by the lift of the best rule from what they did', () => {
    // C3 bought tyres: brakes (tyres → brakes, lift 1.125) is offered; filters (lift 0.5) is not.
    const n = nextCategories(tables, 'C3', exact);
    expect(n.bought).to.deep.equal(['tyres']);
    expect(n.categories.map((c) => [c.category, c.source])).to.deep.equal([['brakes', 'association']]);
    expect(n.categories[0]!.rule!.antecedent).to.equal('tyres');
    expect(n.categories[0]!.score).to.be.closeTo(1.125, 1e-12);
    // C5 bought filters: filters → brakes has lift exactly 1 (not above the base rate): nothing to offer.
    expect(nextCategories(tables, 'C5', exact).categories).to.deep.equal([]);
  });

  it('puts the service categories first for a vehicle due for service', () => {
    const withOil = ordersTable([...rows, { id: 'C1', date: '2024-01-02', amount: 60, order: 'o1', category: 'lubricants' }]);
    const vehicles = aq.table({
      customer_id: ['C3'],
      vehicle_id: ['粤B12345'],
      make: ['BYD'],
      model: ['Han'],
      year: Float64Array.from([2021]),
      mileage: Float64Array.from([NaN]),
      mileage_date: Float64Array.from([NaN]),
      last_service_date: Float64Array.from([day('2023-02-01')]),
      last_service_mileage: Float64Array.from([NaN]),
    });
    const n = nextCategories({ orders: withOil, vehicles }, 'C3', { ...exact, asOf: '2024-03-01' });
    // Due 1 Feb 2024 (12 months after the service): 29 days overdue. Both service categories exist in the
    // data, so both come first (whether bought before or not: they are used up), then the association offer.
    expect(n.categories.map((c) => [c.category, c.source])).to.deep.equal([
      ['lubricants', 'service'],
      ['filters', 'service'],
      ['brakes', 'association'],
    ]);
    expect(n.categories[0]!.vehicles[0]).to.include({ vehicleId: '粤B12345', status: 'overdue', daysLeft: -29 });
  });
});
