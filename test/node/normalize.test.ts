// normalizeFeed, decoding and the Arrow cache form are pure: they run in plain Node (no DOM, no fetch).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  decodeFeedBody,
  FeedError,
  normalizeFeed,
  tablesFromArrow,
  tablesToArrow,
} from '../../src/data/index.js';

test('normalizeFeed runs in Node without a DOM', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const input = decodeFeedBody(
    new TextEncoder().encode('[{"customer_id":"C1","order_date":"2024-03-05T23:30:00Z","amount":"¥1,234.50"}]'),
    { feed: 'orders.json' },
  );
  const { tables, report } = normalizeFeed(input, { feed: 'orders.json', timeZone: 'Asia/Shanghai' });
  // 23:30 UTC on 2024-03-05 is 07:30 on 2024-03-06 in Shanghai: epoch day 19787 + 1.
  assert.deepEqual(tables.orders.objects(), [{ customer_id: 'C1', order_date: 19788, amount: 1234.5, order_kind: 0 }]);
  assert.equal(report.tables.orders?.rowsAccepted, 1);
});

test('the R rfm reference orders through CSV and the Arrow cache form', () => {
  const csv = readFileSync(new URL('../fixtures/reference/input_rfm_data_orders.csv', import.meta.url), 'utf8');
  const { tables } = normalizeFeed({ csv }, { mapping: { orders: { revenue: 'amount' } } });
  const back = tablesFromArrow(tablesToArrow(tables));
  const amounts = back.orders.column('amount') as unknown as Float64Array;
  assert.ok(amounts instanceof Float64Array);
  assert.equal(back.orders.numRows(), 4906);
  assert.equal(amounts.reduce((s, v) => s + v, 0), 464158);
  assert.equal(new Set(back.orders.column('customer_id') as unknown as string[]).size, 995);
});

test('errors are FeedErrors in Node too', () => {
  assert.throws(() => normalizeFeed({ data: [] }, { feed: 'f' }), (e: unknown) => e instanceof FeedError && e.kind === 'wrong-shape');
});
