import { expect, fixture, html } from '@open-wc/testing';
import { decodeFeed, decodeFeedBody, FeedError, normalizeFeed, WorkbookSheet, type CrmTables, type LoadReport } from '../../src/data/index.js';
import { FeedLoader } from '../../src/data/load-feed.js';
import { FeedCache } from '../../src/data/cache.js';
import { errorText } from '../../src/data/messages/data-messages.js';
import { isoToDay } from '../../src/data/days.js';
import { writeXlsx, type XlsxCell } from '../fixtures/xlsx-writer.js';
import { serial, WORKBOOK } from '../fixtures/uk-invoice-workbook.js';
import { zipSync, strToU8 } from 'fflate';
import '../../src/components/data/index.js';
import type { CrmData } from '../../src/components/data/index.js';
import { feedError } from './feed-error.js';

const NOW = Date.UTC(2026, 0, 1);

async function load(bytes: Uint8Array, sheet?: string) {
  const input = await decodeFeed(bytes, { feed: 'uk.xlsx', url: 'uk.xlsx', sheet });
  return normalizeFeed(input, { feed: 'uk.xlsx', now: NOW });
}

async function rejected(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('expected a FeedError, the promise resolved');
}

const days = (t: CrmTables) => Array.from(t.orders.column('order_date') as unknown as Int32Array);

describe('Excel workbooks (.xlsx)', () => {
  it('loads the first sheet of a UK invoice-line workbook with the figures of the same CSV export', async () => {
    const { tables, report } = await load(WORKBOOK());
    expect(report.format).to.equal('xlsx');
    expect(report.sheet).to.deep.equal({ name: 'Orders', sheets: ['Orders', '2011 & later'] });
    expect(report.notices).to.deep.include({ code: 'workbook-sheet-read', params: { sheet: 'Orders', others: '2011 & later' } });
    expect(report.warnings).to.include(
      'Read the sheet "Orders" of the workbook; its other sheets (2011 & later) were not read. Choose another with the sheet option.',
    );
    const r = report.tables.orders!;
    // 13 data lines (the blank rows are not rows): the duplicate and the line without CustomerID rejected.
    expect(r).to.include({ rowsIn: 13, rowsAccepted: 11, rowsRejected: 2 });
    expect(r.rejections.map((g) => [g.reason, g.count])).to.deep.equal([
      ['missing-customer-id', 1],
      ['duplicate-line', 1],
    ]);
    expect(r.derived).to.deep.equal([{ field: 'amount', from: ['quantity', 'unit_price'] }]);
    expect(r.orderKinds).to.deep.include({ purchase: 8, credit: 3, cancelled: 0, creditPattern: { pattern: 'C', how: 'detected' } });
    expect(r.summary).to.deep.equal({ orders: 6, customers: 4, revenue: 321.42, creditOnlyCustomers: 1, creditOnlyExamples: ['15311'] });
    // Date cells are the calendar day they show (no time-zone shift, no M/D/Y guess needed); numbers stay numbers.
    expect(r.dateFormats ?? []).to.deep.equal([]);
    const d = days(tables);
    expect([d[0], d[5], d[10]]).to.deep.equal([isoToDay('2010-12-01'), isoToDay('2010-12-13'), isoToDay('2011-01-05')]);
    expect((tables.orders.column('amount') as unknown as Float64Array)[0]).to.equal(15.3);
    expect(Array.from(tables.orders.array('order_id')).slice(0, 2)).to.deep.equal(['536365', '536365']);
    expect(r.extraFields).to.deep.equal(['StockCode', 'Description', 'Country']);
    // An extra column of a date cell keeps the wall-clock text, not an instant.
    expect(Array.from(tables.orders.array('Description'))[0]).to.equal('WHITE HANGING HEART T-LIGHT HOLDER');
  });

  it('reads a chosen sheet by name or by position; serial numbers in a date column are Excel days', async () => {
    for (const sheet of ['2011 & later', '2']) {
      const { tables, report } = await load(WORKBOOK(), sheet);
      expect(report.sheet!.name).to.equal('2011 & later');
      expect(report.tables.orders).to.include({ rowsIn: 2, rowsAccepted: 2 });
      expect(days(tables)).to.deep.equal([isoToDay('2011-02-01'), isoToDay('2011-02-03')]);
      expect(Array.from(tables.orders.column('amount') as unknown as Float64Array)).to.deep.equal([10.5, 20]);
    }
  });

  it('names the sheets a workbook has when the chosen one is not there, in both locales', async () => {
    const error = await rejected(load(WORKBOOK(), 'Sheet9'));
    expect(error.code).to.equal('workbook-sheet');
    expect(error.message).to.equal(
      'Feed "uk.xlsx": expected a sheet of the workbook ("Orders", "2011 & later"), found sheet "Sheet9", which it does not have.',
    );
    expect(errorText(error, 'zh-CN')).to.equal('数据源“uk.xlsx”：工作簿中没有工作表“Sheet9”（现有：Orders、2011 & later）。');
    expect((await rejected(load(WORKBOOK(), '3'))).code).to.equal('workbook-sheet');
  });

  it('a sheet without values, and a header naming a column twice, are errors that say so', async () => {
    const empty = writeXlsx([{ name: 'Leer', rows: [[], [null, '  ']] }]);
    const e1 = await rejected(load(empty));
    expect(e1.code).to.equal('workbook-empty');
    expect(errorText(e1, 'zh-CN')).to.equal('数据源“uk.xlsx”：Excel 工作簿的工作表“Leer”是空的。');
    const twice = writeXlsx([{ name: 'S', rows: [['customer_id', 'amount', 'amount'], ['C1', 1, 2]] }]);
    const e2 = await rejected(load(twice));
    expect(e2.found).to.equal('the column name "amount" twice in the header row of the sheet "S" (columns 2 and 3)');
    expect(errorText(e2, 'zh-CN')).to.equal('数据源“uk.xlsx”：表头中列名“amount”出现了两次（第 2 列和第 3 列）。');
  });

  it('inline strings, booleans, blank header cells and values right of the header are all kept', async () => {
    const bytes = writeXlsx(
      [{ name: 'S', rows: [['customer_id', 'order_date', 'amount', ''], ['C1', '2024-03-05', 12, true, 'beyond']] }],
      { inline: true },
    );
    const { tables, report } = await load(bytes);
    expect(report.tables.orders!.extraFields).to.deep.equal(['column_4', 'column_5']);
    expect(Array.from(tables.orders.array('column_4'))).to.deep.equal(['true']);
    expect(Array.from(tables.orders.array('column_5'))).to.deep.equal(['beyond']);
    expect(report.notices).to.deep.include({ code: 'workbook-only-sheet', params: { sheet: 'S' } });
  });

  it('old .xls, OpenDocument and ZIP files that are no workbook are named, with how to convert them', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const e1 = await rejected(decodeFeed(xls, { feed: 'old.xls', url: 'old.xls' }));
    expect([e1.kind, e1.code]).to.deep.equal(['workbook', 'workbook-legacy']);
    expect(e1.message).to.equal(
      'Feed "old.xls": expected an Excel workbook (.xlsx), CSV or JSON, found an old Excel workbook (.xls). Open it in Excel, WPS or LibreOffice and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".',
    );
    expect(errorText(e1, 'zh-CN')).to.equal(
      '数据源“old.xls”是 crm-lens 无法读取的旧版 Excel（.xls）或其他电子表格文件：请用 Excel、WPS 或 LibreOffice 打开，另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”。',
    );
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }, { level: 0 });
    expect((await rejected(decodeFeed(ods, { feed: 'download', url: 'download' }))).code).to.equal('workbook-legacy');
    const zip = zipSync({ 'orders.csv': strToU8('customer_id\nC1\n') });
    const e3 = await rejected(decodeFeed(zip, { feed: 'orders.zip', url: 'orders.zip' }));
    expect([e3.code, e3.params.reason]).to.deep.equal(['workbook-unreadable', 'not-workbook']);
    expect(errorText(e3, 'zh-CN')).to.equal('数据源“orders.zip”：无法读取 Excel 工作簿（是 ZIP 压缩包，但不是 Excel 工作簿）。');
    const broken = WORKBOOK().slice(0, 300);
    expect((await rejected(decodeFeed(broken, { feed: 'b.xlsx', url: 'b.xlsx' }))).code).to.equal('workbook-unreadable');
  });

  it('a workbook whatever its name or content type says; decodeFeedBody (synchronous) points to decodeFeed', async () => {
    for (const [url, contentType] of [['orders.csv', 'text/csv'], ['export', 'application/vnd.ms-excel'], ['x.json', null]] as const) {
      const input = await decodeFeed(WORKBOOK(), { feed: url, url, contentType });
      expect(input).to.be.instanceOf(WorkbookSheet);
    }
    // A CSV file a Windows browser labels application/vnd.ms-excel is still CSV.
    expect(await decodeFeed(strToU8('customer_id\nC1\n'), { feed: 'a.csv', url: 'a.csv', contentType: 'application/vnd.ms-excel' })).to.deep.equal({
      csv: 'customer_id\nC1\n',
    });
    const e = feedError(() => decodeFeedBody(WORKBOOK(), { feed: 'w.xlsx', url: 'w.xlsx' }));
    expect(e.code).to.equal('workbook-async');
  });
});

describe('Excel workbooks through the loader and <crm-data>', () => {
  /** A cache without a store (every load here goes to the network). */
  const memoryCache = () => new FeedCache({ openBackend: () => Promise.reject(new Error('no store in this test')) });
  const served = (bytes: Uint8Array, type = 'application/octet-stream') =>
    (async () => new Response(bytes.slice(), { headers: { 'content-type': type } })) as unknown as typeof fetch;

  /** A workbook whose sheet XML is over fflate's 512 KB limit for inflating in this thread (4,000 rows). */
  const large = () => {
    const rows: XlsxCell[][] = [['order_id', 'customer_id', 'order_date', 'amount', 'note']];
    for (let i = 0; i < 4000; i++) rows.push([`O${i}`, `C${i % 97}`, { serial: serial(2024, 1, 1) + (i % 300), format: 14 }, (i % 50) + 0.5, `line ${i} of a long export`]);
    return writeXlsx([{ name: 'Big', rows }]);
  };

  for (const worker of [true, false]) {
    it(`loads a workbook ${worker ? 'in the feed worker' : 'on the main thread'}, the sheet option included`, async () => {
      const loader = new FeedLoader({ cache: memoryCache(), fetch: served(WORKBOOK()), worker });
      const first = await loader.load({ src: `/w-${worker}.xlsx` });
      expect(first.report.parsedIn).to.equal(worker ? 'worker' : 'main-thread');
      expect(first.report.sheet!.name).to.equal('Orders');
      expect(first.report.tables.orders!.summary!.orders).to.equal(6);
      const second = await loader.load({ src: `/w-${worker}.xlsx`, sheet: '2011 & later' });
      expect(second.report.sheet!.name).to.equal('2011 & later');
      expect(second.tables.orders.numRows()).to.equal(2);
      const big = await new FeedLoader({ cache: memoryCache(), fetch: served(large()), worker }).load({ src: '/big.xlsx' });
      expect(big.tables.orders.numRows()).to.equal(4000);
      expect(days(big.tables)[3999]).to.equal(isoToDay('2024-01-01') + (3999 % 300));
    });
  }

  it('a small workbook goes to the feed worker by default (its XML is many times its size)', async () => {
    const loader = new FeedLoader({ cache: memoryCache(), fetch: served(WORKBOOK()) });
    expect((await loader.load({ src: '/small.xlsx' })).report.parsedIn).to.equal('worker');
  });

  it('<crm-data sheet> as attribute and property', async () => {
    const url = URL.createObjectURL(new Blob([WORKBOOK().slice()]));
    const el = await fixture<CrmData>(html`<crm-data src=${url} sheet="2"></crm-data>`);
    const report = await new Promise<LoadReport>((resolve, reject) => {
      el.addEventListener('crm-data-load', (e) => resolve((e as CustomEvent).detail.report), { once: true });
      el.addEventListener('crm-data-error', (e) => reject((e as CustomEvent).detail.error), { once: true });
    });
    expect(report.sheet!.name).to.equal('2011 & later');
    const next = new Promise<LoadReport>((resolve) => el.addEventListener('crm-data-load', (e) => resolve((e as CustomEvent).detail.report), { once: true }));
    el.sheet = 'Orders';
    expect((await next).tables.orders!.rowsIn).to.equal(13);
    URL.revokeObjectURL(url);
  });
});
