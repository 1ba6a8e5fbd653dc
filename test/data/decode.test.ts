import { expect } from '@open-wc/testing';
import { toArrowIPC, table } from 'arquero';
import { decodeFeedBody, detectFormat, normalizeFeed, type FeedError } from '../../src/data/index.js';
import { feedError } from './feed-error.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function decodeError(body: Uint8Array | string, options: Parameters<typeof decodeFeedBody>[1]): FeedError {
  return feedError(() => decodeFeedBody(body, options));
}

describe('detectFormat', () => {
  it('prefers the explicit format, then the content type, then the extension, then the body', () => {
    expect(detectFormat({ format: 'csv', contentType: 'application/json', url: 'a.json' })).to.equal('csv');
    expect(detectFormat({ contentType: 'text/csv; charset=utf-8', url: 'a.json' })).to.equal('csv');
    expect(detectFormat({ contentType: 'application/vnd.apache.arrow.stream' })).to.equal('arrow');
    expect(detectFormat({ contentType: 'application/vnd.api+json' })).to.equal('json');
    expect(detectFormat({ contentType: 'text/plain', url: '/feeds/orders.CSV?v=2#x' })).to.equal('csv');
    expect(detectFormat({ url: 'orders.arrows' })).to.equal('arrow');
    expect(detectFormat({ url: 'orders.feather' })).to.equal('arrow');
    expect(detectFormat({ url: '/api/orders', body: ' [{"a":1}]' })).to.equal('json');
    expect(detectFormat({ url: '/api/orders', body: utf8('customer_id,amount\n') })).to.equal('csv');
    expect(detectFormat({ url: '/api/orders', body: utf8('ARROW1\0\0') })).to.equal('arrow');
  });

  it('reads .xlsx workbooks, names the spreadsheets it does not read, refuses unknown explicit formats', () => {
    expect(detectFormat({ url: 'orders.xlsx' })).to.equal('xlsx');
    expect(detectFormat({ url: 'orders.XLSM?dl=1' })).to.equal('xlsx');
    expect(detectFormat({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).to.equal('xlsx');
    expect(detectFormat({ url: 'orders.csv', body: new Uint8Array([0x50, 0x4b, 3, 4, 0]) })).to.equal('xlsx');
    // An .xlsx URL that answers with a web page is sniffed (and then named as HTML), not read as a workbook.
    expect(detectFormat({ url: 'orders.xlsx', body: '<!doctype html>' })).to.equal('json');
    const xls = feedError(() => detectFormat({ url: 'orders.xls' }));
    expect([xls.kind, xls.code]).to.deep.equal(['workbook', 'workbook-legacy']);
    expect(xls.message).to.equal(
      'Feed "orders.xls": expected an Excel workbook (.xlsx), CSV or JSON, found a spreadsheet file (.xls). Open it in Excel, WPS or LibreOffice and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".',
    );
    expect(feedError(() => detectFormat({ url: 'a.ods', body: new Uint8Array([0x50, 0x4b, 3, 4, 0]) })).code).to.equal('workbook-legacy');
    expect(feedError(() => detectFormat({ body: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) })).found).to.equal('an old Excel workbook (.xls)');
    expect(feedError(() => detectFormat({ format: 'parquet' })).found).to.equal('the format option "parquet"');
  });
});

describe('decodeFeedBody', () => {
  it('parses JSON bytes (with a BOM) and strings', () => {
    expect(decodeFeedBody(utf8('\ufeff[{"customer_id":"C1"}]'), { feed: 'f' })).to.deep.equal([{ customer_id: 'C1' }]);
    expect(decodeFeedBody('{"orders":[]}', { feed: 'f', contentType: 'application/json' })).to.deep.equal({ orders: [] });
  });

  it('returns CSV text as { csv } and decodes GB18030 CSV from Excel', () => {
    expect(decodeFeedBody(utf8('a,b\n1,2'), { feed: 'f.csv', url: 'f.csv' })).to.deep.equal({ csv: 'a,b\n1,2' });
    // "客户" in GB18030 is C2 CD BB A7: invalid as UTF-8, so the decoder falls back.
    const gbk = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x61, 0x0a, 0x31, 0x2c, 0x32]);
    expect(decodeFeedBody(gbk, { feed: 'f.csv', format: 'csv' })).to.deep.equal({ csv: '客户,a\n1,2' });
  });

  it('passes Arrow bytes through', () => {
    const bytes = toArrowIPC(table({ customer_id: ['C1'], order_date: ['2024-03-05'], amount: [1] }));
    const input = decodeFeedBody(bytes, { feed: 'f', contentType: 'application/vnd.apache.arrow.stream' });
    expect(input).to.equal(bytes);
    expect(normalizeFeed(input).tables.orders.numRows()).to.equal(1);
  });

  it('reports an empty body', () => {
    const e = decodeError(new Uint8Array(0), { feed: 'https://x/orders.json' });
    expect(e.kind).to.equal('empty');
    expect(e.message).to.equal('Feed "https://x/orders.json": expected JSON (an array of records or an object with "orders"), found an empty body.');
    expect(decodeError(' \n\t', { feed: 'f', format: 'csv' }).found).to.equal('only white space');
  });

  it('reports an HTML page where data was expected', () => {
    const page = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const e = decodeError(utf8(page), { feed: 'https://x/orders.json', url: 'https://x/orders.json', contentType: 'text/html' });
    expect(e.kind).to.equal('html');
    expect(e.message).to.equal(
      'Feed "https://x/orders.json": expected JSON (an array of records or an object with "orders"), found an HTML page ("<!doctype html><html><head><title>502 Bad Gateway</title></h…") titled "502 Bad Gateway". The URL may point at a login page, an error page or the wrong path.',
    );
    expect(decodeError(page, { feed: 'f.csv', format: 'csv' }).kind).to.equal('html');
    expect(decodeError(utf8(page), { feed: 'f', format: 'arrow' }).kind).to.equal('html');
  });

  it('says where JSON is broken', () => {
    const e = decodeError('[\n  {"customer_id": "C1"},\n  {"customer_id" "C2"}\n]', { feed: 'f.json' });
    expect(e.kind).to.equal('invalid-json');
    // The colon is missing before "C2"; V8 stops at offset 44, the quote of "C2": line 3 starts at 27, column 18.
    expect(e.found).to.match(/^invalid JSON at line 3, column 18, near ".*"customer_id" "C2"}.*"/);
    const cut = decodeError('[{"customer_id": "C1"', { feed: 'f.json' });
    expect(cut.kind).to.equal('invalid-json');
    expect(cut.found).to.match(/^invalid JSON at the end \(the text stops after 21 characters: truncated\?\)/);
  });

  it('refuses text where Arrow bytes were expected, and Arrow bytes as JSON', () => {
    expect(decodeError('customer_id\nC1', { feed: 'f', format: 'arrow' }).kind).to.equal('arrow');
    expect(decodeError(utf8('ARROW1\0\0xxxx'), { feed: 'f', format: 'json' }).found).to.equal('Apache Arrow bytes');
  });
});
