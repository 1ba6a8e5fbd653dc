import { expect } from '@open-wc/testing';
import { normalizeFeed, decodeFeedBody, guessMapping, tablesToArrow, tablesFromArrow, type CrmTables } from '../../src/data/index.js';
import { prepareOrders, rfm } from '../../src/metrics/index.js';
import { isoToDay } from '../../src/data/days.js';

/** The two hand-checked export fixtures (test/fixtures/exports); every figure below is counted by hand. */
async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/exports/${name}`, import.meta.url));
  return res.text();
}

const NOW = Date.UTC(2026, 0, 1);

/** Customers, orders and net spend as the metrics see them (the prepared base, no filter). */
function figures(tables: CrmTables) {
  const base = prepareOrders(tables);
  let orders = 0;
  let revenue = 0;
  for (let s = 0; s < base.customerCount; s++) {
    orders += base.orders[s];
    revenue += base.revenue[s];
  }
  return { customers: base.customerCount, orders, revenue: Math.round(revenue * 100) / 100 };
}

describe('real exports: a UK invoice-line retail export', () => {
  // 13 lines: one exact duplicate (536365 / 71053), one without CustomerID, three C-prefixed credit notes with
  // negative quantities, M/D/YY H:MM dates (12/13/10 settles month-first), no amount column.
  it('loads without a mapping, deriving amount and reading the dates month-first', async () => {
    const { tables, report } = normalizeFeed({ csv: await fixture('uk-invoice-lines.csv') }, { feed: 'uk.csv', now: NOW });
    const r = report.tables.orders!;
    expect(r).to.include({ rowsIn: 13, rowsAccepted: 11, rowsRejected: 2 });
    expect(r.rejections.map((g) => [g.reason, g.count, g.examples[0]!.row])).to.deep.equal([
      ['missing-customer-id', 1, 8],
      ['duplicate-line', 1, 2],
    ]);
    expect(r.derived).to.deep.equal([{ field: 'amount', from: ['quantity', 'unit_price'] }]);
    expect(r.dateFormats).to.deep.equal([{ field: 'order_date', order: 'mdy', how: 'detected', row: 6, value: '12/13/10 10:00' }]);
    // Country is a canonical field (orders and customers) since any geography.
    expect(r.extraFields).to.deep.equal(['StockCode', 'Description']);
    expect(tables.orders.array('country')[0]).to.equal('United Kingdom');
    const o = tables.orders;
    // 6 × 2.55 = 15.30 (not 15.299999999999999), dates 2010-12-01 and 2011-01-05.
    expect((o.column('amount') as unknown as Float64Array)[0]).to.equal(15.3);
    const days = o.column('order_date') as unknown as Int32Array;
    expect([days[0], days[10]]).to.deep.equal([isoToDay('2010-12-01'), isoToDay('2011-01-05')]);
    expect(report.warnings.some((w) => w.includes('InvoiceNo → order_id'))).to.equal(true);
  });

  it('treats C-invoices as credit notes: they net against spend, never count as orders or customers', async () => {
    const { tables, report } = normalizeFeed({ csv: await fixture('uk-invoice-lines.csv') }, { now: NOW });
    const r = report.tables.orders!;
    expect(r.orderKinds).to.deep.include({ purchase: 8, credit: 3, cancelled: 0, creditPattern: { pattern: 'C', how: 'detected' } });
    expect(r.orderKinds!.creditExamples.map((e) => e.values.InvoiceNo)).to.deep.equal(['C536379', 'C536383', 'C536391']);
    // Purchase invoices 536365 536366 536367 536381 536385 536392; customers 17850 13047 14527 12583;
    // 15311 has only a credit note. Net = 373.37 of purchases − 51.95 of credits = 321.42.
    expect(r.summary).to.deep.equal({ orders: 6, customers: 4, revenue: 321.42, creditOnlyCustomers: 1, creditOnlyExamples: ['15311'] });
    // The metrics agree; 15311's −4.65 is not a customer's spend: 17850 26.94 + 13047 219.08 + 14527 −22.55 + 12583 102.60.
    expect(figures(tables)).to.deep.equal({ customers: 4, orders: 6, revenue: 326.07 });
    const m = rfm(tables, {});
    const byId = Object.fromEntries(m.columns.customer_id.map((id, i) => [id, [m.frequency[i], Math.round(m.monetary[i] * 100) / 100]]));
    expect(byId).to.deep.equal({ '17850': [2, 26.94], '13047': [2, 219.08], '14527': [1, -22.55], '12583': [1, 102.6] });
  });

  it('keeps the kinds through the Arrow cache form', async () => {
    const { tables } = normalizeFeed({ csv: await fixture('uk-invoice-lines.csv') }, { now: NOW });
    const back = tablesFromArrow(tablesToArrow(tables));
    expect(Array.from(back.orders.column('order_kind') as unknown as Uint8Array)).to.deep.equal(Array.from(tables.orders.column('order_kind') as unknown as Uint8Array));
    expect(figures(back)).to.deep.equal(figures(tables));
  });

  it('keeps duplicates when asked, and reads a credit-note pattern given as an option', async () => {
    const csv = await fixture('uk-invoice-lines.csv');
    const kept = normalizeFeed({ csv }, { now: NOW, duplicates: 'keep' }).report.tables.orders!;
    expect(kept.rowsAccepted).to.equal(12);
    expect(kept.duplicateLines).to.deep.equal({ count: 1, dropped: false });
    const none = normalizeFeed({ csv }, { now: NOW, creditNotes: 'none' }).report.tables.orders!;
    expect(none.orderKinds!.credit).to.equal(3); // negative amounts are credits anyway
    expect(none.orderKinds!.creditPattern).to.equal(undefined);
    const regex = normalizeFeed({ csv }, { now: NOW, creditNotes: '/^C\\d{6}$/' }).report.tables.orders!;
    expect(regex.orderKinds!.creditPattern).to.deep.equal({ pattern: '/^C\\d{6}$/', how: 'option' });
    expect(() => normalizeFeed({ csv }, { creditNotes: '/(/' })).to.throw(/credit-notes/);
  });
});

describe('real exports: a marketplace export of orders + payments + customers joined into one file', () => {
  // 11 lines: order e481… paid in three parts (18.12 + 2.00 + 18.59), one canceled and one unavailable order,
  // one order without a payment row (no payment_value), one exact duplicate line (136c…). customer_id is per
  // order; customer_unique_id is the person (7c39… placed two orders under two customer_ids).
  it('guesses every column that has a field, the person id over the per-order one', async () => {
    const text = await fixture('marketplace-orders-payments-customers.csv');
    const header = text.split('\n')[0]!.split(',');
    expect(guessMapping(header, 'orders')).to.deep.equal({
      order_id: 'order_id',
      customer_id: '',
      order_status: 'status',
      order_purchase_timestamp: 'order_date',
      payment_type: 'payment_method',
      payment_value: 'amount',
      customer_unique_id: 'customer_id',
      customer_state: 'province',
    });
  });

  it('counts distinct purchase orders and customers after cancellations, and the net revenue', async () => {
    const { tables, report } = normalizeFeed({ csv: await fixture('marketplace-orders-payments-customers.csv') }, { now: NOW });
    const r = report.tables.orders!;
    expect(r).to.include({ rowsIn: 11, rowsAccepted: 9, rowsRejected: 2 });
    expect(r.rejections.map((g) => [g.reason, g.field, g.count])).to.deep.equal([
      ['missing-amount', 'amount', 1],
      ['duplicate-line', 'order_id', 1],
    ]);
    expect(r.renamedColumns).to.deep.equal([{ from: 'customer_id', to: 'customer_id_original', reason: 'displaced' }]);
    expect(r.orderKinds).to.deep.include({ purchase: 7, credit: 0, cancelled: 2 });
    // Orders e481 (38.71), 53cd (141.46), 4777 (179.12), ad21 (72.20), 136c (259.83) = 691.32; customers
    // 7c39, af07, 3a65, 932a; 80bb only has an unavailable order.
    expect(r.summary).to.deep.equal({ orders: 5, customers: 4, revenue: 691.32, creditOnlyCustomers: 1, creditOnlyExamples: ['80bb27c7c16e8f973207a5086ab329e2'] });
    expect(figures(tables)).to.deep.equal({ customers: 4, orders: 5, revenue: 691.32 });
    const zip = tables.orders.column('customer_zip_code_prefix') as unknown as string[];
    expect(zip[0]).to.equal('03149'); // an extra column keeps its text as written
  });
});

describe('bad input is rejected or read correctly, and always reported', () => {
  const base = { order_date: '2024-03-05', amount: 1 };

  it('rejects placeholder and boolean customer ids', () => {
    const ids = ['NULL', 'None', 'N/A', 'undefined', '-', true, false, 'C1', 'n/a', 'Nora'];
    const { tables, report } = normalizeFeed(ids.map((customer_id) => ({ ...base, customer_id })));
    const r = report.tables.orders!;
    expect(r.rowsRejected).to.equal(8);
    expect(r.rejections.map((g) => [g.reason, g.count])).to.deep.equal([['placeholder-customer-id', 8]]);
    expect(tables.orders.column('customer_id') as unknown as string[]).to.deep.equal(['C1', 'Nora']);
  });

  it('rejects sentinel dates and keeps the default as-of sane', () => {
    const dates = ['9999-12-31', '0001-01-01', '1899-12-31', '2024-03-05', '2026-01-02', '2026-01-03'];
    const { tables, report } = normalizeFeed(dates.map((order_date) => ({ customer_id: 'C', amount: 1, order_date })), { now: NOW });
    const r = report.tables.orders!;
    // now = 2026-01-01: the day after (01-02) is kept, 01-03 is a sentinel.
    expect(r.rejections.map((g) => [g.reason, g.count, g.examples.map((e) => e.row)])).to.deep.equal([['date-out-of-range', 4, [0, 1, 2, 5]]]);
    expect(Array.from(tables.orders.column('order_date') as unknown as Int32Array)).to.deep.equal([isoToDay('2024-03-05'), isoToDay('2026-01-02')]);
  });

  it('reads decimal commas per column in a semicolon file, and says so', () => {
    const csv = 'customer_id;order_date;amount;quantity\nC1;2024-03-05;2,100;1\nC2;2024-03-05;120,50;2\nC3;2024-03-05;1.234,5;3';
    const { tables, report } = normalizeFeed({ csv });
    expect(Array.from(tables.orders.column('amount') as unknown as Float64Array)).to.deep.equal([2.1, 120.5, 1234.5]);
    expect(report.tables.orders!.numberFormats).to.deep.equal([{ field: 'amount', decimal: ',', how: 'detected', row: 1, value: '120,50' }]);
    // Only "2,100"-style values: a semicolon file reads a decimal comma, a comma-separated one a thousands separator.
    expect(Array.from(normalizeFeed({ csv: 'customer_id;order_date;amount\nC1;2024-03-05;2,100' }).tables.orders.column('amount') as unknown as Float64Array)).to.deep.equal([2.1]);
    expect(Array.from(normalizeFeed({ csv: 'customer_id,order_date,amount\nC1,2024-03-05,"2,100"' }).tables.orders.column('amount') as unknown as Float64Array)).to.deep.equal([2100]);
  });

  it('reads day-first columns and Excel serials, and reports an ambiguous column', () => {
    const dmy = normalizeFeed([{ customer_id: 'a', amount: 1, order_date: '31/12/2024' }, { customer_id: 'a', amount: 1, order_date: '05/01/2025' }], { now: NOW });
    expect(Array.from(dmy.tables.orders.column('order_date') as unknown as Int32Array)).to.deep.equal([isoToDay('2024-12-31'), isoToDay('2025-01-05')]);
    expect(dmy.report.tables.orders!.dateFormats![0]).to.deep.include({ order: 'dmy', how: 'detected', row: 0 });
    const ambiguous = normalizeFeed([{ customer_id: 'a', amount: 1, order_date: '03/05/2024' }], { now: NOW });
    expect(ambiguous.report.tables.orders!.dateFormats![0]).to.deep.include({ order: 'mdy', how: 'default' });
    expect(ambiguous.report.warnings.join(' ')).to.contain('read month-first, the default');
    const option = normalizeFeed([{ customer_id: 'a', amount: 1, order_date: '03/05/2024' }], { now: NOW, dateFormat: 'dmy' });
    expect((option.tables.orders.column('order_date') as unknown as Int32Array)[0]).to.equal(isoToDay('2024-05-03'));
    // Excel serial 45356 is 2024-03-05 (45292 is 2024-01-01, + 31 + 29 + 4); as a number or as text.
    const serial = normalizeFeed([{ customer_id: 'a', amount: 1, order_date: 45356 }, { customer_id: 'a', amount: 1, order_date: '45356.75' }], { now: NOW });
    expect(Array.from(serial.tables.orders.column('order_date') as unknown as Int32Array)).to.deep.equal([isoToDay('2024-03-05'), isoToDay('2024-03-05')]);
  });

  it('leaves NPS outside 0–10 empty and counts it', () => {
    const { tables, report } = normalizeFeed({
      orders: [{ customer_id: 'a', ...base }],
      interactions: [11, -1, 7, '9'].map((nps) => ({ customer_id: 'a', date: '2024-03-05', nps })),
    });
    expect(Array.from(tables.interactions!.column('nps') as unknown as Float64Array)).to.deep.equal([NaN, NaN, 7, 9]);
    expect(report.tables.interactions!.invalidValues.map((g) => [g.field, g.reason, g.count])).to.deep.equal([['nps', 'out-of-range', 2]]);
  });

  it('keeps a __proto__ column under a safe name, in CSV and in JSON', () => {
    for (const input of [{ csv: 'customer_id,order_date,amount,__proto__\nC,2024-03-05,1,x' }, JSON.parse('[{"customer_id":"C","order_date":"2024-03-05","amount":1,"__proto__":"x"}]')]) {
      const { tables, report } = normalizeFeed(input);
      expect(tables.orders.columnNames()).to.include('_proto_');
      expect((tables.orders.column('_proto_') as unknown as string[])[0]).to.equal('x');
      expect(report.tables.orders!.renamedColumns).to.deep.equal([{ from: '__proto__', to: '_proto_', reason: 'unsafe' }]);
      expect(Object.getPrototypeOf(tables.orders.objects()[0])).to.equal(Object.prototype);
    }
  });

  it('warns when customer ids differ across tables only in how a number is written ("0001" vs 1)', () => {
    const { report } = normalizeFeed({ orders: [{ customer_id: '0001', ...base }], customers: [{ customer_id: 1 }, { customer_id: '0001' }, { customer_id: 2 }] });
    expect(report.notices!.filter((n) => n.code === 'id-spelling')).to.deep.equal([
      { code: 'id-spelling', table: 'customers', params: { count: 1, examples: '"1" / "0001"' } },
    ]);
  });

  it('recognises a reversed fields mapping', () => {
    const { tables, report } = normalizeFeed([{ cust: 'C', when: '2024-03-05', amount: 1 }], { mapping: { orders: { customer_id: 'cust', order_date: 'when' } } });
    expect(tables.orders.column('customer_id') as unknown as string[]).to.deep.equal(['C']);
    expect(report.tables.orders!.reversedMappings).to.deep.equal(['customer_id → cust', 'order_date → when']);
  });

  it('names every missing column at once', () => {
    expect(() => normalizeFeed([{ foo: 1, bar: 2 }])).to.throw('expected the columns "customer_id", "order_date", "amount" in table "orders"');
  });

  it('loads a header-only CSV and an all-rejected feed as empty tables the cache can store', () => {
    for (const csv of ['customer_id,order_date,amount\n', 'customer_id,order_date,amount\nC,12/31/2024 25:00,1\n']) {
      const { tables, report } = normalizeFeed({ csv });
      expect(tables.orders.numRows()).to.equal(0);
      expect(report.tables.orders!.summary!.orders).to.equal(0);
      expect(tablesFromArrow(tablesToArrow(tables)).orders.numRows()).to.equal(0);
    }
  });
});

describe('encodings and files that are not what they say', () => {
  const csv = 'customer_id\torder_date\tamount\n客户A\t2024-03-05\t12.5\n';
  const utf16 = (le: boolean) => {
    const out = new Uint8Array(2 + csv.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < csv.length; i++) {
      const c = csv.charCodeAt(i);
      out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };

  it('reads UTF-16 LE and BE text with a byte order mark (Excel "Unicode text")', () => {
    for (const le of [true, false]) {
      const input = decodeFeedBody(utf16(le), { feed: 'unicode.txt', url: 'unicode.txt' });
      const { tables } = normalizeFeed(input);
      expect(tables.orders.column('customer_id') as unknown as string[]).to.deep.equal(['客户A']);
    }
  });

  it('names an Excel workbook as one, whatever its name says', () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]);
    for (const url of ['orders.xlsx', 'orders.csv', 'download']) {
      expect(() => decodeFeedBody(zip, { feed: url, url })).to.throw(/Excel workbook/);
    }
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => decodeFeedBody(xls, { feed: 'old', url: 'old' })).to.throw(/old Excel workbook/);
  });

  it('gives the line, column and an excerpt of a JSON syntax error', () => {
    const text = '[\n  {"customer_id": "a", "amount": NaN}\n]';
    expect(() => decodeFeedBody(text, { feed: 'f.json', format: 'json' })).to.throw(/line 2, column 34, near "/);
    expect(() => decodeFeedBody('{"orders": [', { feed: 'g.json', format: 'json' })).to.throw(/stops after 12 characters/);
  });
});
