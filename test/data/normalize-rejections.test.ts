import { expect } from '@open-wc/testing';
import { normalizeFeed } from '../../src/data/index.js';

describe('normalizeFeed row rejection', () => {
  const rows: unknown[] = [
    { customer_id: 'C1', order_date: '2024-03-05', amount: 10 }, // 0 kept
    { customer_id: '  ', order_date: '2024-03-05', amount: 10 }, // 1 missing-customer-id
    { order_date: '2024-03-05', amount: 10 }, // 2 missing-customer-id
    { customer_id: 'C2', amount: 10 }, // 3 missing-date
    { customer_id: 'C2', order_date: '2024-02-30', amount: 10 }, // 4 invalid-date
    { customer_id: 'C2', order_date: '2024-03-05', amount: null }, // 5 missing-amount
    { customer_id: 'C2', order_date: '2024-03-05', amount: 'ten' }, // 6 invalid-amount
    'C3,2024-03-05,10', // 7 not-a-record
    null, // 8 not-a-record
    { customer_id: '', order_date: 'bad', amount: 'bad' }, // 9 counted once, under its first fault (customer id)
    { customer_id: 'C4', order_date: '2024-03-05', amount: 7, quantity: 'two', discount: '5%', channel: { id: 1 } }, // 10 kept
  ];
  const { tables, report } = normalizeFeed(rows, { feed: 'r.json' });
  const r = report.tables.orders!;

  it('counts every row exactly once', () => {
    expect(r).to.include({ rowsIn: 11, rowsAccepted: 2, rowsRejected: 9 });
    expect(r.rejections.reduce((s, g) => s + g.count, 0)).to.equal(9);
    expect(tables.orders.numRows()).to.equal(2);
    expect(tables.orders.column('customer_id') as unknown as string[]).to.deep.equal(['C1', 'C4']);
  });

  it('groups rejections by reason with the rows as given', () => {
    const summary = r.rejections.map((g) => [g.reason, g.field, g.count, g.examples.map((e) => e.row)]);
    expect(summary).to.deep.equal([
      ['not-a-record', undefined, 2, [7, 8]],
      ['missing-customer-id', 'customer_id', 3, [1, 2, 9]],
      ['missing-date', 'order_date', 1, [3]],
      ['invalid-date', 'order_date', 1, [4]],
      ['missing-amount', 'amount', 1, [5]],
      ['invalid-amount', 'amount', 1, [6]],
    ]);
    expect(r.rejections[3]!.examples[0]!.values).to.deep.equal({ customer_id: 'C2', order_date: '2024-02-30', amount: 10 });
    expect(r.rejections[0]!.examples[0]!.values).to.deep.equal({ value: 'C3,2024-03-05,10' });
  });

  it('keeps rows whose optional values are unusable, counting those values', () => {
    expect(r.invalidValues.map((g) => [g.field, g.count, g.examples.map((e) => e.row)])).to.deep.equal([
      ['channel', 1, [10]],
      ['quantity', 1, [10]],
      ['discount', 1, [10]],
    ]);
    expect(tables.orders.objects()[1]).to.deep.include({ customer_id: 'C4', amount: 7, channel: null });
    expect(Number.isNaN((tables.orders.column('quantity') as unknown as Float64Array)[1])).to.equal(true);
  });

  it('keeps at most five examples per reason but counts them all', () => {
    const bad = Array.from({ length: 12 }, (_, i) => ({ customer_id: `C${i}`, order_date: 'never', amount: 1 }));
    const g = normalizeFeed(bad).report.tables.orders!.rejections;
    expect(g).to.have.length(1);
    expect(g[0]!.count).to.equal(12);
    expect(g[0]!.examples.map((e) => e.row)).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('reports rejections in column JSON with the row rebuilt from the columns', () => {
    const { report: rep } = normalizeFeed({ customer_id: ['C1', 'C2'], order_date: ['2024-03-05', '3/5/2024 24:00'], amount: [1, 2] });
    const g = rep.tables.orders!.rejections[0]!;
    expect(g.reason).to.equal('invalid-date');
    expect(g.examples).to.deep.equal([{ row: 1, values: { customer_id: 'C2', order_date: '3/5/2024 24:00', amount: 2 } }]);
  });
});
