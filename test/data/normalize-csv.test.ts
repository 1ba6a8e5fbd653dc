import { expect } from '@open-wc/testing';
import { normalizeFeed } from '../../src/data/index.js';
import { feedError } from './feed-error.js';

const MAR_5 = 19787; // 2024-03-05, see normalize-coerce.test.ts

describe('normalizeFeed CSV', () => {
  it('reads quotes, commas, doubled quotes and line breaks inside quotes, CRLF and a BOM', () => {
    const csv =
      '\ufeffcustomer_id,order_date,amount,note\r\n' +
      '"C1",2024-03-05,"1,234.50","said ""hi"", then left"\r\n' +
      'C2,2024/03/05,7,"two\r\nlines"\r\n' +
      '\r\n' +
      'C3,20240305,8,\r\n';
    const { tables, report } = normalizeFeed({ csv }, { feed: 'o.csv' });
    expect(report.format).to.equal('csv');
    expect(tables.orders.objects()).to.deep.equal([
      { customer_id: 'C1', order_date: MAR_5, amount: 1234.5, note: 'said "hi", then left', order_kind: 0 },
      { customer_id: 'C2', order_date: MAR_5, amount: 7, note: 'two\r\nlines', order_kind: 0 },
      { customer_id: 'C3', order_date: MAR_5, amount: 8, note: null, order_kind: 0 },
    ]);
  });

  it('sniffs semicolons and tabs; takes an explicit delimiter', () => {
    const semi = normalizeFeed({ csv: 'customer_id;order_date;amount\nC1;2024-03-05;3' }).tables.orders;
    expect(semi.objects()).to.deep.equal([{ customer_id: 'C1', order_date: MAR_5, amount: 3, order_kind: 0 }]);
    const tab = normalizeFeed({ csv: 'customer_id\torder_date\tamount\nC1\t2024-03-05\t3' }).tables.orders;
    expect(tab.numRows()).to.equal(1);
    const pipe = normalizeFeed({ csv: 'customer_id|order_date|amount\nC1|2024-03-05|"1,5"', delimiter: '|' });
    // "1,5" can only be a decimal comma: the column is read so, and the report says why.
    expect(Array.from(pipe.tables.orders.column('amount') as unknown as Float64Array)).to.deep.equal([1.5]);
    expect(pipe.report.tables.orders!.numberFormats).to.deep.equal([{ field: 'amount', decimal: ',', how: 'detected', row: 0, value: '1,5' }]);
  });

  it('treats short lines as missing values and refuses lines with extra values', () => {
    const { report } = normalizeFeed({ csv: 'customer_id,order_date,amount,channel\nC1,2024-03-05\nC2,2024-03-05,4,,\n' });
    expect(report.tables.orders!.rejections.map((g) => [g.reason, g.count])).to.deep.equal([['missing-amount', 1]]);
    const err = feedError(() =>
      normalizeFeed({ csv: 'customer_id,order_date,amount\nC1,2024-03-05,1\nC2,2024-03-05,4,oops\n' }, { feed: 'x.csv' }),
    );
    expect(err.kind).to.equal('csv');
    expect(err.message).to.equal(
      'Feed "x.csv": expected CSV text (a header line, then one line per row), found 4 fields on line 3 where the header has 3.',
    );
  });

  it('names the line of an unclosed quote and of a duplicate header', () => {
    const err = (csv: string) => feedError(() => normalizeFeed({ csv }));
    expect(err('customer_id,order_date,amount\nC1,2024-03-05,1\n"C2,2024-03-05,1\n').found).to.equal(
      'a quoted field opened on line 3 and never closed',
    );
    expect(err('a,b,a\n1,2,3').found).to.equal('the column name "a" twice in the header (columns 1 and 3)');
    expect(err('customer_id,order_date,amount\n"C1"x,2024-03-05,1').kind).to.equal('csv');
  });

  it('reads the R rfm package orders (4,906 rows, 995 customers, revenue 464,158)', async () => {
    // Reference: test/fixtures/reference/README.md; the sum is that of the revenue column of the file.
    const csv = await (await fetch('/test/fixtures/reference/input_rfm_data_orders.csv')).text();
    const { tables, report } = normalizeFeed({ csv }, { feed: 'rfm', mapping: { orders: { revenue: 'amount' } } });
    const o = tables.orders;
    expect(o.numRows()).to.equal(4906);
    expect(new Set(o.column('customer_id') as unknown as string[]).size).to.equal(995);
    let sum = 0;
    for (const v of o.column('amount') as unknown as Float64Array) sum += v;
    expect(sum).to.equal(464158);
    expect(report.tables.orders!.rowsRejected).to.equal(0);
    expect(report.tables.orders!.extraFields).to.deep.equal(['first_name', 'last_name', 'email']);
    // First data line: "Brion Stark",2004-12-20,32 → 2004-12-20 is day 12772 (2004-01-01 = 34 * 365 + 8 leap days = 12418; + 335 days to 1 Dec + 19).
    expect(o.objects({ limit: 1 })[0]).to.deep.include({ customer_id: 'Brion Stark', order_date: 12772, amount: 32 });
  });
});
