import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { columnCodes } from '../../src/metrics/columns.js';
import { resolveAsOf } from '../../src/metrics/options.js';
import { customerIdOf, customerIndex, ordersCodesOfEntries, prepareOrders, slotOfId } from '../../src/metrics/prepare.js';
import { day, ordersTable } from './tables.js';

// Hand-made data: every expected value below is counted by hand from these rows.
const orders = ordersTable([
  { id: 'b', date: '2024-01-10', amount: 100, order: 'o1', channel: 'store', region: 'East', category: 'brakes' },
  { id: 'b', date: '2024-01-10', amount: 50, order: 'o1', channel: 'store', region: 'East', category: 'oil' }, // same order, 2nd line
  { id: 'a', date: '2024-02-01', amount: 80, order: 'o2', channel: 'ecommerce', region: null, category: 'oil' }, // region from customer
  { id: 'b', date: '2024-03-05', amount: -30, order: 'o1', channel: 'store', region: 'East', category: 'brakes' }, // refund of o1
  { id: 'a', date: '2024-01-15', amount: 20, order: null, channel: 'phone', region: 'West', category: 'tyres' }, // no order id
  { id: 'c', date: '2024-03-01', amount: 999, order: 'o3', channel: 'store', region: 'East', status: 'cancelled' },
  { id: 'c', date: '2024-02-20', amount: 10, order: 'o4', channel: 'social', region: 'North', status: 'completed' },
  { id: 'a', date: '2024-03-10', amount: 40, order: 'o5', channel: 'ecommerce', region: 'East', status: 'returned' },
]);
const customers = aq.table({
  customer_id: ['a', 'b', 'c', 'z'],
  type: ['workshop', 'retail', 'workshop', 'retail'],
  region: ['North', 'East', 'North', 'South'],
});
const tables = { orders, customers };

describe('resolveAsOf', () => {
  it('defaults to the day after the latest order (cancelled rows included: they are in the data)', () => {
    expect(resolveAsOf(tables)).to.equal(day('2024-03-11'));
  });
  it('accepts epoch days and ISO dates and rejects anything else clearly', () => {
    expect(resolveAsOf(tables, { asOf: '2024-03-01' })).to.equal(day('2024-03-01'));
    expect(resolveAsOf(tables, { asOf: 19000 })).to.equal(19000);
    expect(() => resolveAsOf(tables, { asOf: '2024-02-30' })).to.throw(RangeError, /asOf.*2024-02-30/);
    expect(() => resolveAsOf(tables, { asOf: 1.5 })).to.throw(RangeError, /asOf/);
  });
});

describe('prepareOrders', () => {
  it('groups kept rows by customer then day and aggregates per customer', () => {
    const p = prepareOrders(tables);
    // Cancelled (c's o3) and returned (a's o5) rows are left out; b's refund is a credit row that nets.
    // Customers in order of first appearance: b, a, c.
    expect(p.rowCount).to.equal(6);
    expect([0, 1, 2].map((s) => customerIdOf(p, s))).to.deep.equal(['b', 'a', 'c']);
    expect(Array.from(p.start)).to.deep.equal([0, 3, 5, 6]);
    expect(Array.from(p.row)).to.deep.equal([0, 1, 3, 4, 2, 6]);
    expect(Array.from(p.purchase)).to.deep.equal([1, 1, 0, 1, 1, 1]);
    expect(Array.from(p.day.subarray(3, 5))).to.deep.equal([day('2024-01-15'), day('2024-02-01')]);
    // b: o1 (two lines; the refund is no order) = 1 order, revenue 100 + 50 − 30, one purchase day 01-10.
    // a: null order id (own order) + o2 = 2 orders, 20 + 80.  c: o4 only.
    expect(Array.from(p.orders)).to.deep.equal([1, 2, 1]);
    expect(Array.from(p.rows)).to.deep.equal([2, 2, 1]);
    expect(Array.from(p.revenue)).to.deep.equal([120, 100, 10]);
    expect(Array.from(p.purchaseDays)).to.deep.equal([1, 2, 1]);
    expect(Array.from(p.firstDay)).to.deep.equal([day('2024-01-10'), day('2024-01-15'), day('2024-02-20')]);
    expect(Array.from(p.lastDay)).to.deep.equal([day('2024-01-10'), day('2024-02-01'), day('2024-02-20')]);
    expect(slotOfId(p, 'c')).to.equal(2);
    expect(slotOfId(p, 'nobody')).to.equal(-1);
  });

  it('keys each order by the position of its first row; rows without an order id are their own order', () => {
    const p = prepareOrders(tables);
    // b: rows 0, 1 and the refund 3 are all o1 → key 0.  a: null id, o2 → own positions 3, 4.  c: o4 → 5.
    expect(Array.from(p.orderKey)).to.deep.equal([0, 0, 0, 3, 4, 5]);
  });

  it('matches order ids within a customer the same way for small and large customers', () => {
    // 40 rows (beyond the pairwise limit): ids cycle through 7 values, every 5th row has none → 7 + 8 orders.
    const rows = Array.from({ length: 40 }, (_, i) => ({
      id: 'big',
      date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      amount: 1,
      order: i % 5 === 4 ? null : `o${i % 7}`,
    }));
    const small = rows.slice(0, 10); // o0 o1 o2 o3 – o5 o6 o0 o1 –: 6 ids + 2 without → 8 orders
    const big = prepareOrders({ orders: ordersTable(rows) });
    expect(big.orders[0]).to.equal(7 + 8);
    expect(prepareOrders({ orders: ordersTable(small) }).orders[0]).to.equal(8);
    // Same id → same key, which is the position of that id's first row (by day, then row).
    const { orderKey, row } = big;
    for (let j = 0; j < 40; j++) {
      const id = rows[row[j]].order;
      const first = id === null ? j : Array.from(row).findIndex((r) => rows[r].order === id);
      expect(orderKey[j], `position ${j}`).to.equal(first);
    }
  });

  it('compares order ids by their string form and treats empty ids as missing (as columnCodes does)', () => {
    const t = aq.table({
      customer_id: ['a', 'a', 'a', 'a', 'a'],
      order_date: Int32Array.from([1, 1, 2, 3, 3]),
      amount: Float64Array.from([1, 2, 3, 4, 5]),
      order_id: [7, '7', '', '', 'x'],
    });
    // 7 and '7' are one order; the two empty ids are two orders of their own; 'x' one more → 4.
    const p = prepareOrders({ orders: t });
    expect(p.orders[0]).to.equal(4);
    expect(Array.from(p.orderKey)).to.deep.equal([0, 0, 2, 3, 4]);
  });

  it('maps another table\'s customer-id dictionary onto the orders customer codes once (cached)', () => {
    // Orders codes by first appearance: b 0, a 1, c 2. Customers dictionary: a, b, c, z (z never ordered).
    const dict = columnCodes(customers, 'customer_id')!;
    const codes = ordersCodesOfEntries(customerIndex(orders), dict);
    expect(Array.from(codes)).to.deep.equal([1, 0, 2, -1]);
    expect(ordersCodesOfEntries(customerIndex(orders), dict)).to.equal(codes);
  });

  it('ignores orders after asOf and keeps an order on asOf', () => {
    const p = prepareOrders(tables, { asOf: '2024-03-05' });
    // Dropped: a 03-10, c 03-01 is cancelled anyway; b's refund on 03-05 stays.
    expect(p.rowCount).to.equal(6);
    expect(p.revenue[slotOfId(p, 'b')]).to.equal(120);
    expect(p.revenue[slotOfId(p, 'a')]).to.equal(100);
  });

  it('memoizes on the normalized filter', () => {
    const p1 = prepareOrders(tables, { filter: { channels: ['store', 'phone'] } });
    const p2 = prepareOrders(tables, { filter: { channels: ['phone', 'store', 'store'], regions: [] } });
    expect(p2).to.equal(p1);
    expect(prepareOrders(tables, { filter: { channels: ['store'] } })).to.not.equal(p1);
  });

  it('applies order-level filters: date range, channel, category', () => {
    const p = prepareOrders(tables, { filter: { dateRange: { start: day('2024-01-15'), end: day('2024-03-01') } } });
    expect(Array.from(p.row)).to.deep.equal([4, 2, 6]);
    const ch = prepareOrders(tables, { filter: { channels: ['ecommerce'] } });
    expect(Array.from(ch.row)).to.deep.equal([2]); // row 7 is returned: no order
    const cat = prepareOrders(tables, { filter: { categories: ['oil'] } });
    expect(Array.from(cat.row)).to.deep.equal([1, 2]);
  });

  it("filters regions by the order's region, falling back to the customer's", () => {
    // Row 2 has no region: customer a's region North is used. Row 6 is North on the order itself.
    const p = prepareOrders(tables, { filter: { regions: ['North'] } });
    expect(Array.from(p.row)).to.deep.equal([2, 6]);
    // Without a customers table the region-less row cannot match.
    expect(Array.from(prepareOrders({ orders }, { filter: { regions: ['North'] } }).row)).to.deep.equal([6]);
  });

  it('applies customer-level filters: types (customers table) and ids', () => {
    const p = prepareOrders(tables, { filter: { customerTypes: ['workshop'] } });
    expect(Array.from(p.customerCode).map((c) => p.index.ids[c])).to.deep.equal(['a', 'c']);
    const ids = prepareOrders(tables, { filter: { customerIds: ['c', 'b'] } });
    expect(ids.customerCount).to.equal(2);
    expect(ids.rowCount).to.equal(4);
  });

  it('filters by lifecycle stage through the supplied hook, and says so when it is missing', () => {
    expect(() => prepareOrders(tables, { filter: { stages: ['active'] } })).to.throw(/stageMembership/);
    const members = (_base: unknown, stages: readonly string[]) => new Set(stages.includes('vip') ? ['a'] : []);
    const p = prepareOrders(tables, { filter: { stages: ['vip'] }, stageMembership: members });
    expect(p.customerCount).to.equal(1);
    expect(customerIdOf(p, 0)).to.equal('a');
  });

  it('rejects bad filters with the field named', () => {
    expect(() => prepareOrders(tables, { filter: { dateRange: { start: NaN } } })).to.throw(RangeError, /dateRange.start/);
    expect(() => prepareOrders(tables, { filter: { channels: 'store' as unknown as string[] } })).to.throw(/filter.channels/);
  });

  it('reads filtered Arquero tables as their rows', () => {
    const view = orders.filter(aq.escape((d: { amount: number }) => d.amount > 0));
    const p = prepareOrders({ orders: view });
    expect(p.rowCount).to.equal(5); // 7 rows > 0, minus the cancelled and the returned one
  });
});

describe('columnCodes', () => {
  it('codes a categorical column once, missing values as −1', () => {
    const c = columnCodes(orders, 'region')!;
    expect(c.values).to.deep.equal(['East', 'West', 'North']);
    expect(Array.from(c.codes)).to.deep.equal([0, 0, -1, 0, 1, 0, 2, 0]);
    expect(columnCodes(orders, 'region')).to.equal(c);
    expect(columnCodes(orders, 'no_such_column')).to.equal(undefined);
  });
});

describe('prepareOrders: the cancellation policy', () => {
  // order_kind as the normalizer writes it: 0 purchase, 1 credit, 2 cancelled.
  const t = aq.table({
    customer_id: ['p', 'p', 'p', 'q', 'q', 'r'],
    order_date: Int32Array.from([10, 12, 14, 11, 13, 15]),
    amount: Float64Array.from([50, 20, -20, -5, 30, 40]),
    order_id: ['o1', 'C9', 'C10', 'C11', 'o2', 'o3'],
    order_kind: Uint8Array.from([0, 1, 1, 1, 2, 2]),
  });

  it('nets credits against spend, never counts them as orders, and makes no customer of them', () => {
    const p = prepareOrders({ orders: t });
    // p: one purchase (50) and two credits (a credit note with a positive amount, 20, nets as given: +20 − 20).
    // q: a credit and a cancellation only → not a customer. r: cancelled only → not a customer.
    expect(p.customerCount).to.equal(1);
    expect(customerIdOf(p, 0)).to.equal('p');
    expect(p.creditOnlyCustomers).to.equal(1);
    expect(Array.from(p.orders)).to.deep.equal([1]);
    expect(Array.from(p.rows)).to.deep.equal([1]);
    expect(Array.from(p.revenue)).to.deep.equal([50]);
    expect(Array.from(p.lastDay)).to.deep.equal([10]);
    expect(Array.from(p.orderKey)).to.deep.equal([0, 0, 0]);
  });

  it('derives the kinds from status and the amount sign for tables built without order_kind', () => {
    const plain = ordersTable([
      { id: 'x', date: '2024-01-01', amount: 10, status: 'Canceled' },
      { id: 'x', date: '2024-01-02', amount: 30, status: 'refunded' },
      { id: 'x', date: '2024-01-03', amount: 25 },
      { id: 'x', date: '2024-01-04', amount: -5, status: 'returned' },
    ]);
    const p = prepareOrders({ orders: plain });
    expect(p.rowCount).to.equal(2);
    expect(Array.from(p.purchase)).to.deep.equal([1, 0]);
    expect(p.revenue[0]).to.equal(20);
    expect(p.orders[0]).to.equal(1);
  });
});
