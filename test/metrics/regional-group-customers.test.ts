import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';
import { regionalGroupCustomers } from '../../src/metrics/index.js';

const D = isoToDay('2024-01-01');

// Hand-made (day offsets from 2024-01-01); the period is +0…+29, the comparison period −30…−1:
//   A +10 East, A −20 East · B +15 no region (B's record: West) · B +22 East CANCELLED · C +12 West, C +25 West
//   E +18 no region, no record · F −10 North (comparison period only) · G +28 South
const tables = (): CrmTables => ({
  orders: aq.table({
    order_id: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    customer_id: ['A', 'A', 'B', 'B', 'C', 'C', 'E', 'F', 'G'],
    order_date: Int32Array.from([10, -20, 15, 22, 12, 25, 18, -10, 28], (o) => D + o),
    amount: Float64Array.from([100, 40, 200, 70, 80, 30, 60, 90, 150]),
    region: ['East', 'East', null, 'East', 'West', 'West', null, 'North', 'South'],
    province: ['浙江', '浙江', null, '上海', '四川', '重庆', null, '北京', '广东'],
    status: [null, null, null, 'cancelled', null, null, null, null, null],
  }),
  customers: aq.table({ customer_id: ['A', 'B', 'C', 'F'], region: ['East', 'West', 'West', 'North'], type: ['workshop', 'retail', 'workshop', 'retail'] }),
});

describe('regionalGroupCustomers', () => {
  const filter = { dateRange: { start: D, end: D + 29 } };

  it('lists customers with kept orders in the group and period (customer-record fallback, cancelled rows out)', () => {
    const t = tables();
    expect(regionalGroupCustomers(t, { filter }, 'West')).to.deep.equal(['B', 'C']);
    expect(regionalGroupCustomers(t, { filter }, 'East')).to.deep.equal(['A']); // B's East order is cancelled
    expect(regionalGroupCustomers(t, { filter }, null)).to.deep.equal(['E']); // the "(unknown)" group
    expect(regionalGroupCustomers(t, { filter }, 'North')).to.deep.equal([]); // only in the comparison period
    expect(regionalGroupCustomers(t, { filter }, 'Nowhere')).to.deep.equal([]);
  });

  it('follows groupBy (a customers column, an orders column)', () => {
    const t = tables();
    expect(regionalGroupCustomers(t, { filter, groupBy: 'type' }, 'workshop')).to.deep.equal(['A', 'C']);
    expect(regionalGroupCustomers(t, { filter, groupBy: 'province' }, '四川')).to.deep.equal(['C']);
    expect(regionalGroupCustomers(t, { filter, groupBy: 'type' }, null)).to.deep.equal(['E', 'G']);
  });

  it('applies the rest of the filter and an explicit comparison period does not change the group', () => {
    const t = tables();
    expect(regionalGroupCustomers(t, { filter: { ...filter, customerIds: ['C'] } }, 'West')).to.deep.equal(['C']);
    expect(regionalGroupCustomers(t, { filter, compare: { start: D - 100, end: D - 50 } }, 'West')).to.deep.equal(['B', 'C']);
  });
});
