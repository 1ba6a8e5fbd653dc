import { expect } from '@open-wc/testing';
import { prepareOrders } from '../../src/metrics/prepare.js';
import { rowPeriods } from '../../src/metrics/row-periods.js';
import { day, ordersTable } from './tables.js';

describe('rowPeriods', () => {
  // Rows by hand across a year end: months 2023-12 (index 2023·12 + 11 = 24287) and 2024-01 (24288).
  const orders = ordersTable([
    { id: 'a', date: '2024-01-01', amount: 5 }, // a Monday
    { id: 'b', date: '2023-12-31', amount: 7 }, // a Sunday
    { id: 'a', date: '2023-12-25', amount: 1 }, // a Monday
  ]);
  const base = prepareOrders({ orders });

  it('gives each kept row its month index (customer order: a 12-25, a 01-01, b 12-31)', () => {
    expect(Array.from(base.day)).to.deep.equal([day('2023-12-25'), day('2024-01-01'), day('2023-12-31')]);
    expect(Array.from(rowPeriods(base, 'month'))).to.deep.equal([24287, 24288, 24287]);
  });

  it('gives each kept row its Monday-week index and caches per base and interval', () => {
    // Week n starts on epoch day 7n − 3: 2023-12-25 is day 19716 → week 2817; the Sunday after is still 2817.
    const weeks = rowPeriods(base, 'week');
    expect(Array.from(weeks)).to.deep.equal([2817, 2818, 2817]);
    expect(rowPeriods(base, 'week')).to.equal(weeks);
    expect(rowPeriods(base, 'month')).to.not.equal(weeks);
  });
});
