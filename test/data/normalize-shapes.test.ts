import { expect } from '@open-wc/testing';
import { normalizeFeed } from '../../src/data/index.js';
import { feedError } from './feed-error.js';

const MAR_5 = 19787; // 2024-03-05, see normalize-coerce.test.ts

describe('normalizeFeed input shapes', () => {
  it('reads an array of records as orders, with the column conventions', () => {
    const { tables, report } = normalizeFeed(
      [
        { order_id: 'A1', customer_id: ' C1 ', order_date: '2024-03-05', amount: '10.5', channel: 'store', status: 'Returned', quantity: 2, vin: 'LSV123' },
        { order_id: 'A2', customer_id: 'C1', order_date: '2024-03-06', amount: 4, channel: ' store', status: '', quantity: null, vin: 7 },
      ],
      { feed: 'orders.json' },
    );
    const o = tables.orders;
    expect(o.columnNames()).to.deep.equal(['order_id', 'customer_id', 'order_date', 'amount', 'channel', 'quantity', 'status', 'vin', 'order_kind']);
    expect(o.column('order_date')).to.be.instanceOf(Int32Array);
    expect(Array.from(o.column('order_date') as unknown as Int32Array)).to.deep.equal([MAR_5, MAR_5 + 1]);
    expect(o.column('amount')).to.be.instanceOf(Float64Array);
    expect(Array.from(o.column('amount') as unknown as Float64Array)).to.deep.equal([10.5, 4]);
    expect(Array.from(o.column('quantity') as unknown as Float64Array)).to.deep.equal([2, NaN]);
    const customers = o.column('customer_id') as unknown as string[];
    expect(customers).to.deep.equal(['C1', 'C1']);
    expect(o.column('channel') as unknown as string[]).to.deep.equal(['store', 'store']);
    expect(o.column('status') as unknown as string[]).to.deep.equal(['returned', null]);
    expect(o.column('vin') as unknown as string[]).to.deep.equal(['LSV123', '7']);
    // absent optional fields are absent, not null columns
    expect(o.columnNames()).not.to.include('region');
    expect(report.format).to.equal('json');
    expect(report.tables.orders).to.include({ rowsIn: 2, rowsAccepted: 2, rowsRejected: 0 });
    expect(report.tables.orders!.fields).to.deep.equal(['order_id', 'customer_id', 'order_date', 'amount', 'channel', 'quantity', 'status']);
    expect(report.tables.orders!.extraFields).to.deep.equal(['vin']);
  });

  it('reads a bundle of orders, customers (column JSON) and interactions; shares customer id strings', () => {
    const { tables, report } = normalizeFeed({
      orders: [{ customer_id: 'C1', order_date: '2024-03-05', amount: 5 }],
      customers: { customer_id: ['C1', 'C2'], signup_date: ['2024-03-01', null], type: ['garage', 'fleet'] },
      interactions: [{ customer_id: 'C2', date: 20240305, kind: 'quote', nps: '9' }],
      meta: { generated: 'today' },
    });
    expect(tables.orders.numRows()).to.equal(1);
    const c = tables.customers!;
    expect(c.column('signup_date')).to.be.instanceOf(Float64Array);
    expect(Array.from(c.column('signup_date') as unknown as Float64Array)).to.deep.equal([MAR_5 - 4, NaN]);
    expect(tables.interactions!.column('date')).to.be.instanceOf(Int32Array);
    expect(Array.from(tables.interactions!.column('nps') as unknown as Float64Array)).to.deep.equal([9]);
    expect((tables.orders.column('customer_id') as unknown as string[])[0]).to.equal((c.column('customer_id') as unknown as string[])[0]);
    expect(report.warnings).to.deep.equal(['Bundle key "meta" ignored: not a table (orders, customers, interactions, vehicles).']);
    expect(Object.keys(report.tables)).to.deep.equal(['orders', 'customers', 'interactions']);
  });

  it('reads Arquero column JSON, also in the older { schema, data } form', () => {
    const cols = { customer_id: ['C1', 'C2'], order_date: ['2024-03-05', '2024-03-05'], amount: [1, 2] };
    for (const input of [cols, { schema: { fields: [{ name: 'customer_id' }] }, data: cols }]) {
      const { tables } = normalizeFeed(input);
      expect(tables.orders.numRows()).to.equal(2);
      expect(Array.from(tables.orders.column('amount') as unknown as Float64Array)).to.deep.equal([1, 2]);
    }
  });

  it('puts a plain array in the table named by the table option', () => {
    const { tables, report } = normalizeFeed([{ customer_id: 'C1', name: '张三汽修' }], { table: 'customers' });
    expect(tables.customers!.column('name') as unknown as string[]).to.deep.equal(['张三汽修']);
    expect(tables.orders.numRows()).to.equal(0);
    expect(tables.orders.columnNames()).to.deep.equal(['customer_id', 'order_date', 'amount', 'order_kind']);
    expect(Object.keys(report.tables)).to.deep.equal(['customers']);
  });

  it('accepts an empty array as an orders table without rows', () => {
    const { tables, report } = normalizeFeed([]);
    expect(tables.orders.numRows()).to.equal(0);
    expect(tables.orders.column('order_date')).to.be.instanceOf(Int32Array);
    expect(report.tables.orders!.rowsIn).to.equal(0);
  });
});

describe('normalizeFeed field mapping', () => {
  it('maps host names to canonical fields and reports unused entries', () => {
    const { tables, report } = normalizeFeed(
      [{ 客户编号: 'K001', 下单时间: '2024-03-05 10:00:00', 金额: '¥1,200.00', 渠道: '门店', 备注: '首单' }],
      { mapping: { orders: { 客户编号: 'customer_id', 下单时间: 'order_date', 金额: 'amount', 渠道: 'channel', 省份: 'province' } } },
    );
    const o = tables.orders;
    expect(o.columnNames()).to.deep.equal(['customer_id', 'order_date', 'amount', 'channel', '备注', 'order_kind']);
    expect(o.objects()[0]).to.deep.equal({ customer_id: 'K001', order_date: MAR_5, amount: 1200, channel: '门店', 备注: '首单', order_kind: 0 });
    expect(report.tables.orders!.unusedMappings).to.deep.equal(['省份']);
    expect(report.tables.orders!.extraFields).to.deep.equal(['备注']);
  });

  it('warns about a mapping for a table the feed does not have', () => {
    const { report } = normalizeFeed([{ customer_id: 'C', order_date: '2024-03-05', amount: 1 }], {
      mapping: { customers: { 名称: 'name' } },
    });
    expect(report.warnings).to.deep.equal(['The mapping for table "customers" was not used: the feed has no such table.']);
  });

  it('keeps a column whose name another column is mapped to, renamed and reported', () => {
    const { tables, report } = normalizeFeed([{ customer_id: 'C', order_date: '2024-03-05', amount: 1, revenue: 2 }], {
      mapping: { orders: { revenue: 'amount' } },
    });
    expect(tables.orders.objects()[0]).to.deep.include({ amount: 2, amount_original: '1' });
    expect(report.tables.orders!.renamedColumns).to.deep.equal([{ from: 'amount', to: 'amount_original', reason: 'displaced' }]);
    expect(report.warnings).to.include('Column "amount" (orders) is kept as "amount_original": another column is mapped to "amount".');
  });

  it('refuses two host columns mapped to one field (kind "mapping")', () => {
    const e = feedError(() =>
      normalizeFeed([{ customer_id: 'C', order_date: '2024-03-05', total: 1, revenue: 2 }], {
        feed: 'f.json',
        mapping: { orders: { total: 'amount', revenue: 'amount' } },
      }),
    );
    expect(e.kind).to.equal('mapping');
    expect(e.message).to.equal(
      'Feed "f.json": expected one column for "amount" in table "orders", found two: "total" (mapped to "amount") and "revenue" (mapped to "amount"). Map only one of them, or map the other one to a different name.',
    );
  });
});

describe('normalizeFeed whole-feed errors', () => {
  it('matches a usual export spelling of a missing required column by its name, and says so', () => {
    const { tables, report } = normalizeFeed([{ customer_id: 'C', order_date: '2024-03-05', revenue: 3 }]);
    expect(tables.orders.column('amount') as unknown as Float64Array).to.deep.equal(Float64Array.from([3]));
    expect(report.warnings).to.deep.equal(['The orders columns were matched by their names: revenue → amount.']);
  });

  it('names a missing required column, the columns found, and a column that looks like it', () => {
    const rows = [
      { customer_id: 'C', order_date: '2024-03-05', gross: '12.50' },
      { customer_id: 'D', order_date: '2024-03-06', gross: '7.25' },
    ];
    const e = feedError(() => normalizeFeed(rows, { feed: 'https://x/orders.json' }));
    expect(e.kind).to.equal('missing-column');
    expect(e.message).to.equal(
      'Feed "https://x/orders.json": expected a column "amount" in table "orders", found the columns "customer_id", "order_date", "gross". Perhaps they are named differently: map "gross" → amount (the mapping step, or the fields option).',
    );
  });

  it('checks required columns after mapping, per table', () => {
    const e = feedError(() =>
      normalizeFeed({ orders: [{ customer_id: 'C', order_date: '2024-03-05', amount: 1 }], interactions: [{ customer_id: 'C', note: 'x' }] }),
    );
    expect(e.kind).to.equal('missing-column');
    expect(e.message).to.equal(
      'Feed "inline data": expected a column "date" in table "interactions", found the columns "customer_id", "note". If they are named differently, map them to these names (the mapping step, or the fields option).',
    );
  });

  it('says what it found for a wrong top-level shape', () => {
    const cases: [unknown, string][] = [
      [42, 'found a number (42)'],
      ['orders', 'found a string ("orders")'],
      [null, 'found null'],
      [{ data: [{ customer_id: 'C' }] }, 'found an object with key "data". If the records are the array under "data", serve that array itself or put it under "orders".'],
      [{ rows: 3, page: 1 }, 'found an object with keys "rows", "page".'],
      [{ data: [] }, 'found an object with key "data". If the records are the array under "data"'],
      [[1, 2, 3], 'found an array of 3 items whose first item is a number (1).'],
    ];
    for (const [input, found] of cases) {
      const e = feedError(() => normalizeFeed(input, { feed: 'f' }));
      expect(e.kind, found).to.equal('wrong-shape');
      expect(e.message, found).to.contain(found);
    }
  });

  it('requires orders in a bundle', () => {
    const e = feedError(() => normalizeFeed({ customers: [{ customer_id: 'C' }] }, { feed: 'b.json' }));
    expect(e.kind).to.equal('wrong-shape');
    expect(e.message).to.equal(
      'Feed "b.json": expected a bundle with an "orders" table ("customers", "interactions", "vehicles" are optional), found an object with key "customers".',
    );
  });

  it('rejects a bundle table that is neither records nor columns, and ragged columns', () => {
    expect(feedError(() => normalizeFeed({ orders: 'none' })).message).to.contain('expected "orders" to be an array of records or column JSON');
    const ragged = feedError(() => normalizeFeed({ customer_id: ['a', 'b'], order_date: ['2024-03-05'], amount: [1, 2] }));
    expect(ragged.kind).to.equal('wrong-shape');
    expect(ragged.found).to.equal('column lengths "customer_id": 2, "order_date": 1, "amount": 2');
  });
});
