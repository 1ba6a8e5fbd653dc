// crm-lens/metrics runs in plain Node (no DOM): RFM on the R rfm package's reference orders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { prepareOrders, rfm, rfmSegmentSummary } from '../../src/metrics/index.js';
import { RFM_CSV_PATH, rfmOrdersFromCsv } from '../metrics/rfm-reference.js';

test('rfm runs in Node and matches R rfm 0.3.0', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const orders = rfmOrdersFromCsv(readFileSync(RFM_CSV_PATH, 'utf8'));
  const result = rfm(orders, { asOf: '2006-12-31' });
  assert.equal(result.size, 995);
  // rfm package vignette "RFM - Introduction": Agness O'Keefe 90 days, 9 orders, 843 → 555, Champions;
  // rfm_segment_summary: Champions 35 customers / 316 orders / 31646 revenue.
  const i = result.columns.customer_id.indexOf("Agness O'Keefe");
  assert.deepEqual([result.columns.recency_days[i], result.columns.frequency[i], result.columns.monetary[i]], [90, 9, 843]);
  assert.equal(result.columns.rfm_score[i], 555);
  const champions = rfmSegmentSummary(result).find((s) => s.id === 'champions')!;
  assert.deepEqual([champions.customers, champions.orders, champions.revenue], [35, 316, 31646]);
  assert.equal(prepareOrders({ orders }, { asOf: '2006-12-31' }), result.base);
});
