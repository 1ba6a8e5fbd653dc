import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';
import { regionalComparison, type RegionalGroup } from '../../src/metrics/index.js';

const D = isoToDay('2024-01-01');

// Orders (day offsets from 2024-01-01):
//   1 A +10 100 East    2 A +20 50 East     3 B +15 200 (no region; B's record says West)
//   4 C +12 80 West     5 C +25 −30 West (refund row: a credit, never an order)     6 E +18 60 (no region, no record)
//   7 A −20 40 East     8 F −10 90 North    9 B +22 70 East CANCELLED       10 G +28 150 South
//   11 C −5 30 West
// Latest order +28 → default asOf +29.
const tables = (): CrmTables => ({
  orders: aq.table({
    order_id: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'],
    customer_id: ['A', 'A', 'B', 'C', 'C', 'E', 'A', 'F', 'B', 'G', 'C'],
    order_date: Int32Array.from([10, 20, 15, 12, 25, 18, -20, -10, 22, 28, -5], (o) => D + o),
    amount: Float64Array.from([100, 50, 200, 80, -30, 60, 40, 90, 70, 150, 30]),
    region: ['East', 'East', null, 'West', 'West', null, 'East', 'North', 'East', 'South', 'West'],
    status: [null, null, null, null, 'returned', null, null, null, 'cancelled', null, null],
  }),
  customers: aq.table({
    customer_id: ['A', 'B', 'C', 'F'],
    region: ['East', 'West', 'West', 'North'],
    type: ['workshop', 'retail', 'workshop', 'retail'],
  }),
});

const pick = (g: RegionalGroup) => [g.label, g.rank, g.revenue, g.orders, g.customers, g.repeatCustomers];

describe('regionalComparison', () => {
  // The filter's range +0…+29 (30 days) against the 30 days before it (−30…−1).
  const filter = { dateRange: { start: D, end: D + 29 } };

  it('ranks groups with the customer-region fallback and an explicit (unknown) group', () => {
    const r = regionalComparison(tables(), { filter });
    expect(r.groupBy).to.equal('region');
    expect(r.period).to.deep.equal({ start: D, end: D + 29 });
    expect(r.previousPeriod).to.deep.equal({ start: D - 30, end: D - 1 });
    // West: B 200 (fallback) + C 80 − 30 = 250; 2 orders (the refund nets but is no order); no repeater.
    // East: A 150 over 2 orders. South: G 150 — ties East at 150, both rank 2 (East first by label).
    // (unknown): E 60. North: only in the comparison period → listed last, unranked.
    expect(r.groups.map(pick)).to.deep.equal([
      ['West', 1, 250, 2, 2, 0],
      ['East', 2, 150, 2, 1, 1],
      ['South', 2, 150, 1, 1, 0],
      ['(unknown)', 4, 60, 1, 1, 0],
      ['North', null, 0, 0, 0, 0],
    ]);
    const [west, east, south, unknown, north] = r.groups;
    expect(unknown.key).to.equal(null);
    expect(west.share).to.equal(250 / 610);
    expect(west.aov).to.equal(125);
    expect(west.revenuePerCustomer).to.equal(125);
    expect(west.repeatRate).to.equal(0);
    expect(east.repeatRate).to.equal(1);
    // Growth vs the previous 30 days: East 40 → 150, West 30 → 250 (C's order on −5).
    expect(east.previous).to.deep.equal({ revenue: 40, orders: 1, customers: 1, aov: 40, revenuePerCustomer: 40, repeatCustomers: 0, repeatRate: 0 });
    expect(east.growth).to.deep.equal({ revenue: 150 / 40 - 1, orders: 1, customers: 0, aov: 75 / 40 - 1, revenuePerCustomer: 150 / 40 - 1 });
    expect(west.growth.revenue).to.be.closeTo(220 / 30, 1e-12);
    expect(west.growth.customers).to.equal(1);
    // No data in one period → growth null, not ±100 %.
    expect(south.previous).to.equal(null);
    expect(south.growth).to.deep.equal({ revenue: null, orders: null, customers: null, aov: null, revenuePerCustomer: null });
    expect(north.share).to.equal(null);
    expect(north.previous?.revenue).to.equal(90);
    expect(north.growth.revenue).to.equal(null);
    // Totals count each customer once: A B C E G; only A has 2 orders. Previous: A 40, F 90, C 30.
    expect(r.total.revenue).to.equal(610);
    expect(r.total.orders).to.equal(6);
    expect(r.total.customers).to.equal(5);
    expect(r.total.repeatRate).to.equal(1 / 5);
    expect(r.total.previous?.revenue).to.equal(160);
    expect(r.total.growth.revenue).to.equal(610 / 160 - 1);
  });

  it('groups by customer type through the customers table, ties sharing a rank', () => {
    const r = regionalComparison(tables(), { filter, groupBy: 'type' });
    // workshop: A 150 + C 50 = 200 (3 orders, A repeats); retail: B 200; (unknown): E 60 + G 150 = 210.
    expect(r.groups.map(pick)).to.deep.equal([
      ['(unknown)', 1, 210, 2, 2, 0],
      ['retail', 2, 200, 1, 1, 0],
      ['workshop', 2, 200, 3, 2, 1],
    ]);
  });

  it('compares with a given range', () => {
    // −20…−6 holds A's 40 (East) and F's 90 (North); C's −5 order is outside, so West has no comparison.
    const r = regionalComparison(tables(), { filter, compare: { start: D - 20, end: D - 6 } });
    const west = r.groups.find((g) => g.key === 'West')!;
    expect(west.previous).to.equal(null);
    expect(west.growth.revenue).to.equal(null);
    expect(r.groups.find((g) => g.key === 'East')!.growth.revenue).to.equal(150 / 40 - 1);
    expect(() => regionalComparison(tables(), { compare: { start: D, end: D - 1 } })).to.throw(RangeError, /compare/);
  });

  it('defaults to the last 365 days up to asOf, against the 365 before', () => {
    const r = regionalComparison(tables());
    // asOf +29: period −335…+29 holds every kept order; the year before is empty → no growth anywhere.
    expect(r.asOf).to.equal(D + 29);
    expect(r.period).to.deep.equal({ start: D - 335, end: D + 29 });
    expect(r.previousPeriod).to.deep.equal({ start: D - 700, end: D - 336 });
    expect(r.total.revenue).to.equal(610 + 160);
    expect(r.total.previous).to.equal(null);
    expect(r.groups.every((g) => g.growth.revenue === null)).to.equal(true);
  });

  it('applies the rest of the common filter through the shared base', () => {
    // Only workshop customers A and C: East 150 and West 50 in the period.
    const r = regionalComparison(tables(), { filter: { ...filter, customerTypes: ['workshop'] } });
    expect(r.groups.map((g) => [g.label, g.revenue])).to.deep.equal([
      ['East', 150],
      ['West', 50],
    ]);
  });

  it('returns no groups, zero totals and null ratios when nothing is left', () => {
    const r = regionalComparison(tables(), { filter: { ...filter, customerIds: ['nobody'] } });
    expect(r.groups).to.deep.equal([]);
    expect(r.total).to.deep.include({ revenue: 0, orders: 0, customers: 0, aov: null, repeatRate: null, previous: null });
  });

  it('names a group-by column that does not exist', () => {
    expect(() => regionalComparison(tables(), { groupBy: 'city_tier' })).to.throw(/group by 'city_tier': no such column/);
  });
});
