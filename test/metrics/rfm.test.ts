import { expect } from '@open-wc/testing';
import { prepareOrders } from '../../src/metrics/prepare.js';
import { quantileType7, rfm, rfmCustomers, rfmGrid, rfmSegmentSummary, rfmToTable, type RfmResult } from '../../src/metrics/rfm/index.js';
import { toFivePointScale, type SegmentRule } from '../../src/metrics/segments.js';
import { RFM_CSV_PATH, rfmOrdersFromCsv } from './rfm-reference.js';
import { ordersTable, type OrderRow } from './tables.js';

const col = (r: RfmResult, name: 'r' | 'f' | 'm' | 'frequency' | 'monetary' | 'recency_days') => Array.from(r.columns[name]);

describe('rfm: R rfm 0.3.0 reference (rfm_data_orders, analysis date 2006-12-31)', () => {
  let result: RfmResult;
  before(async () => {
    const text = await (await fetch(`/${RFM_CSV_PATH}`)).text();
    result = rfm(rfmOrdersFromCsv(text), { asOf: '2006-12-31' });
  });

  it('scores every customer like rfm_table_order', () => {
    expect(result.size).to.equal(995);
    // R test-rfm-table.R: sum(transaction_count) == 4906.
    expect(col(result, 'frequency').reduce((a, b) => a + b, 0)).to.equal(4906);
    // Printed head of rfm_table_order() in the package's "RFM - Introduction" vignette (pkgdown
    // docs/articles/rfm-introduction.html): customer, recency_days, transaction_count, amount, rfm_score.
    const printed: [string, number, number, number, number][] = [
      ["Abbey O'Reilly", 205, 6, 472, 343],
      ['Add Senger', 140, 3, 340, 412],
      ['Aden Lesch', 194, 4, 405, 323],
      ['Aden Murphy', 98, 7, 596, 544],
      ['Admiral Senger', 132, 5, 448, 433],
      ["Agness O'Keefe", 90, 9, 843, 555],
      ['Aileen Barton', 84, 9, 763, 555],
      ['Ailene Hermann', 281, 8, 699, 355],
      ['Aiyanna Bruen', 246, 4, 157, 321],
      ['Akeelah Walsh', 160, 7, 779, 445],
    ];
    for (const [id, recency, count, amount, score] of printed) {
      const i = result.columns.customer_id.indexOf(id);
      expect([result.columns.recency_days[i], result.columns.frequency[i], result.columns.monetary[i], result.columns.rfm_score[i]], id).to.deep.equal([recency, count, amount, score]);
    }
  });

  it('uses R type-7 quantile breaks + 1', () => {
    // The package's own example thresholds (rfm_table_order docs) are these breaks rounded:
    // recency c(115, 181, 297, 482), frequency c(4, 5, 6, 8), monetary c(256, 382, 506, 666).
    expect(result.thresholds.frequency.lower).to.deep.equal([1, 4, 5, 6, 8]);
    expect(result.thresholds.frequency.upper).to.deep.equal([4, 5, 6, 8, 15]);
    expect(result.thresholds.recency.lower.map(Math.round)).to.deep.equal([1, 115, 181, 297, 482]);
    expect(result.thresholds.monetary.lower.map(Math.round)).to.deep.equal([12, 256, 382, 506, 666]);
  });

  it("reproduces the vignette's segments and rfm_segment_summary", () => {
    // Vignette "Segmented Customer Data" table (first 10 customers) …
    const segs = ['potential-loyalist', 'new-customers', 'loyal-customers', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions', 'potential-loyalist', 'about-to-sleep', 'potential-loyalist'];
    const ids = ["Abbey O'Reilly", 'Add Senger', 'Aden Lesch', 'Aden Murphy', 'Admiral Senger', "Agness O'Keefe", 'Aileen Barton', 'Ailene Hermann', 'Aiyanna Bruen', 'Akeelah Walsh'];
    expect(ids.map((id) => result.columns.segment[result.columns.customer_id.indexOf(id)])).to.deep.equal(segs);
    // … and its printed rfm_segment_summary(): segment, customers, orders, revenue.
    const expected: Record<string, [number, number, number]> = {
      'About To Sleep': [102, 283, 23449],
      'At Risk': [28, 216, 22227],
      "Can't Lose Them": [47, 274, 32446],
      Champions: [35, 316, 31646],
      Lost: [148, 393, 35324],
      'Loyal Customers': [170, 799, 76562],
      'Need Attention': [10, 57, 4562],
      'New Customers': [104, 329, 28837],
      'Potential Loyalist': [342, 2211, 204856],
      Promising: [9, 28, 4249],
    };
    const summary = rfmSegmentSummary(result);
    for (const row of summary.filter((s) => s.customers > 0)) {
      expect([row.customers, row.orders, row.revenue], row.labels.en).to.deep.equal(expected[row.labels.en]);
      expect(row.aov).to.equal(row.revenue / row.orders);
    }
    expect(summary.find((s) => s.id === 'others')!.customers).to.equal(0);
  });

  it("reproduces R's test-rfm-segment.R with custom rules", () => {
    // tests/testthat/test-rfm-segment.R: with these rules Champions has 158 customers, 1234 orders, 120178 revenue.
    const names = ['Champions', 'Loyal Customers', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention', 'About To Sleep', 'At Risk', "Can't Lose Them", 'Lost'];
    const lo = [4, 2, 3, 4, 3, 2, 2, 1, 1, 1];
    const hi = [5, 5, 5, 5, 4, 3, 3, 2, 1, 2];
    const flo = [4, 3, 1, 1, 1, 2, 1, 2, 4, 1];
    const fhi = [5, 5, 3, 1, 1, 3, 2, 5, 5, 2];
    const rules: SegmentRule[] = names.map((id, i) => ({ id, r: [lo[i], hi[i]], f: [flo[i], fhi[i]], m: [flo[i], fhi[i]] }));
    const custom = rfm(result.base.tables, { asOf: '2006-12-31', rfm: { segments: rules } });
    const champions = rfmSegmentSummary(custom).find((s) => s.id === 'Champions')!;
    expect([champions.customers, champions.orders, champions.revenue]).to.deep.equal([158, 1234, 120178]);
    expect(champions.labels.en).to.equal('Champions');
  });

  it('filters by segment: the other filters first, then the segment of each customer', () => {
    const base = prepareOrders(result.base.tables, { asOf: '2006-12-31', filter: { segments: ['champions'] } });
    expect(base.customerCount).to.equal(35);
    expect(Array.from(base.rows).reduce((a, b) => a + b, 0)).to.equal(316);
    expect(() => prepareOrders(result.base.tables, { filter: { segments: ['vip'] } })).to.throw(RangeError, /unknown segment 'vip'.*champions/);
  });
});

// Hand-computed cases. Five customers a–e, one order each unless said otherwise.
function people(amounts: number[], dates?: string[]): OrderRow[] {
  return amounts.map((amount, i) => ({ id: 'abcdefghij'[i], date: dates?.[i] ?? '2024-01-01', amount }));
}

describe('rfm: binning by hand', () => {
  const asOf = '2024-02-01';

  it('quantile type 7 interpolates like R', () => {
    // x = 10,20,30,40,50; p = 0.2 → index 1.8 → 10 + 0.8·10 = 18.
    expect(quantileType7([10, 20, 30, 40, 50], 0.2)).to.equal(18);
    expect(quantileType7([1, 1, 2, 3, 9], 0.8)).to.be.closeTo(4.2, 1e-12);
    expect(quantileType7([7], 0.5)).to.equal(7);
  });

  it('distinct values fill the five bins; equal recency shares the best score', () => {
    // breaks = 19, 27, 35, 43 → 10|20|30|40|50 one per bin. One order day for all → recency breaks all
    // equal to recency + 1, so every customer is in the first (most recent) bin: r = 5.
    const r = rfm(ordersTable(people([10, 20, 30, 40, 50])), { asOf });
    expect(col(r, 'm')).to.deep.equal([1, 2, 3, 4, 5]);
    expect(col(r, 'r')).to.deep.equal([5, 5, 5, 5, 5]);
    expect(col(r, 'recency_days')).to.deep.equal([31, 31, 31, 31, 31]);
  });

  it('ties share a score and leave bins empty', () => {
    // 10,10,10,10,50: breaks 11, 11, 11, 19 → bins 2–4 empty.
    const r = rfm(ordersTable(people([10, 10, 10, 10, 50])), { asOf });
    expect(col(r, 'm')).to.deep.equal([1, 1, 1, 1, 5]);
    // 19 is 0.8·10 + 0.2·50 + 1 in floating point (R computes the same 19.000000000000007).
    const round = (xs: number[]) => xs.map((x) => Math.round(x * 1e9) / 1e9);
    expect(round(r.thresholds.monetary.lower)).to.deep.equal([10, 11, 11, 11, 19]);
    expect(round(r.thresholds.monetary.upper)).to.deep.equal([11, 11, 11, 19, 51]);
  });

  it('frequency with uneven counts', () => {
    // Orders per customer 1,1,2,3,9: breaks 2, 2.6, 3.4, 5.2 → f = 1,1,2,3,5 (f = 4 empty).
    const counts = [1, 1, 2, 3, 9];
    const rows = counts.flatMap((n, i) => Array.from({ length: n }, (_, k) => ({ id: 'abcde'[i], date: `2024-01-${String(k + 1).padStart(2, '0')}`, amount: 1 })));
    const r = rfm(ordersTable(rows), { asOf });
    expect(col(r, 'frequency')).to.deep.equal(counts);
    expect(col(r, 'f')).to.deep.equal([1, 1, 2, 3, 5]);
  });

  it('one customer: best recency, lowest frequency and monetary → New Customers', () => {
    const r = rfm(ordersTable(people([99])), { asOf });
    expect([r.r[0], r.f[0], r.m[0], r.columns.rfm_score[0]]).to.deep.equal([5, 1, 1, 511]);
    expect(r.columns.segment[0]).to.equal('new-customers');
  });

  it('recency is reversed: the most recent buyer scores highest', () => {
    const dates = ['2024-01-31', '2024-01-20', '2024-01-10', '2023-12-01', '2023-06-01'];
    const r = rfm(ordersTable(people([1, 1, 1, 1, 1], dates)), { asOf });
    expect(col(r, 'recency_days')).to.deep.equal([1, 12, 22, 62, 245]);
    expect(col(r, 'r')).to.deep.equal([5, 4, 3, 2, 1]);
  });

  it('explicit thresholds are used as given (no +1), recency reversed', () => {
    const dates = ['2024-01-31', '2024-01-20', '2024-01-10', '2023-12-01', '2023-06-01'];
    const r = rfm(ordersTable(people([10, 20, 30, 40, 50], dates)), {
      asOf,
      rfm: { monetaryBins: [20, 40], recencyBins: [12, 100] },
    });
    // monetary bins [10,20) [20,40) [40,51); recency bins [1,12) [12,100) [100,246) → r 3,2,2,2,1.
    expect(col(r, 'm')).to.deep.equal([1, 2, 2, 3, 3]);
    expect(col(r, 'r')).to.deep.equal([3, 2, 2, 2, 1]);
    expect(r.bins).to.deep.equal({ recency: 3, frequency: 5, monetary: 3 });
  });

  it('bins 2 and 10', () => {
    const two = rfm(ordersTable(people([10, 20, 30, 40, 50])), { asOf, rfm: { bins: 2 } });
    expect(col(two, 'm')).to.deep.equal([1, 1, 1, 2, 2]); // break = median 30 + 1 = 31
    const ten = rfm(ordersTable(people([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), { asOf, rfm: { bins: 10 } });
    // breaks 2 + 0.9k (k = 1…9) → the top bin stays empty, an effect of R's +1.
    expect(col(ten, 'm')).to.deep.equal([1, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('ntile: equal-count groups, ties by customer order, larger groups first', () => {
    const dates = ['2024-01-27', '2024-01-31', '2024-01-29', '2024-01-29', '2024-01-23'];
    const r = rfm(ordersTable(people([10, 10, 10, 10, 50], dates)), { asOf, rfm: { method: 'ntile' } });
    expect(col(r, 'm')).to.deep.equal([1, 2, 3, 4, 5]);
    // recency days 5,1,3,3,9: oldest first → e, a, c, d, b.
    expect(col(r, 'r')).to.deep.equal([2, 5, 3, 4, 1]);
    const two = rfm(ordersTable(people([10, 20, 30, 40, 50])), { asOf, rfm: { method: 'ntile', bins: 2 } });
    expect(col(two, 'm')).to.deep.equal([1, 1, 1, 2, 2]); // dplyr::ntile(1:5, 2)
  });

  it('rejects bins outside 2–10 and bad thresholds with a RangeError naming the setting', () => {
    const t = ordersTable(people([1, 2]));
    expect(() => rfm(t, { rfm: { bins: 1 } })).to.throw(RangeError, /rfm.bins.*2 to 10/);
    expect(() => rfm(t, { rfm: { frequencyBins: 11 } })).to.throw(RangeError, /rfm.frequencyBins/);
    expect(() => rfm(t, { rfm: { monetaryBins: [] } })).to.throw(RangeError, /rfm.monetaryBins/);
    expect(() => rfm(t, { rfm: { recencyBins: [30, 10] } })).to.throw(RangeError, /ascending/);
    expect(() => rfm(t, { rfm: { method: 'kmeans' as 'ntile' } })).to.throw(RangeError, /rfm.method/);
  });

  it('nets refunds, counts distinct orders and skips cancelled orders', () => {
    const t = ordersTable([
      { id: 'a', date: '2024-01-05', amount: 100, order: 'o1' },
      { id: 'a', date: '2024-01-09', amount: -30, order: 'o1' }, // refund of o1
      { id: 'a', date: '2024-01-10', amount: 500, order: 'o2', status: 'cancelled' },
      { id: 'b', date: '2024-01-20', amount: 40, order: 'o3' },
    ]);
    const r = rfm(t, { asOf });
    expect(col(r, 'monetary')).to.deep.equal([70, 40]);
    expect(col(r, 'frequency')).to.deep.equal([1, 1]);
    // A refund is no purchase: a's recency runs from the purchase on 01-05, not from the refund on 01-09.
    expect(col(r, 'recency_days')).to.deep.equal([27, 12]);
    expect(col(rfm(t, { asOf, rfm: { frequencyBy: 'rows' } }), 'frequency')).to.deep.equal([1, 1]);
  });
});

describe('segments', () => {
  it('maps other bin counts onto the 1–5 preset scale, keeping both ends', () => {
    expect([1, 2, 3].map((s) => toFivePointScale(s, 3))).to.deep.equal([1, 3, 5]);
    expect([1, 2].map((s) => toFivePointScale(s, 2))).to.deep.equal([1, 5]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => toFivePointScale(s, 10))).to.deep.equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('the rf-grid preset covers the 5×5 recency × frequency grid', () => {
    // Customer a: most recent, most orders → champions; e: oldest, one order → hibernating.
    const rows: OrderRow[] = [];
    const plan: [string, string, number][] = [['a', '2024-01-31', 9], ['b', '2024-01-20', 1], ['c', '2024-01-10', 4], ['d', '2023-12-01', 5], ['e', '2023-06-01', 1]];
    for (const [id, date, n] of plan) for (let k = 0; k < n; k++) rows.push({ id, date, amount: 10, order: `${id}${k}` });
    const r = rfm(ordersTable(rows), { asOf: '2024-02-01', rfm: { segments: 'rf-grid' } });
    // r = 5,4,3,2,1; orders 9,1,4,5,1 → sorted 1,1,4,5,9 → breaks 2, 3.8, 5.4, 6.8 → f = 5,1,3,3,1.
    expect(col(r, 'r')).to.deep.equal([5, 4, 3, 2, 1]);
    expect(col(r, 'f')).to.deep.equal([5, 1, 3, 3, 1]);
    expect(r.columns.segment).to.deep.equal(['champions', 'promising', 'need-attention', 'at-risk', 'hibernating']);
  });

  it('custom rules: first match wins, unmatched → others', () => {
    const rules: SegmentRule[] = [
      { id: 'top', r: [4, 5] },
      { id: 'also-top', r: [5, 5] }, // never reached: 'top' matches first
    ];
    const dates = ['2024-01-31', '2024-01-20', '2024-01-10', '2023-12-01', '2023-06-01'];
    const r = rfm(ordersTable(people([1, 1, 1, 1, 1], dates)), { asOf: '2024-02-01', rfm: { segments: rules } });
    expect(r.columns.segment).to.deep.equal(['top', 'top', 'others', 'others', 'others']);
    expect(() => rfm(ordersTable(people([1])), { rfm: { segments: [{ id: 'x', r: [3, 1] }] } })).to.throw(RangeError, /x.*low ≤ high/);
  });

  it('summarizes segments with shares, lists cells and converts to a table', () => {
    const dates = ['2024-01-31', '2024-01-20', '2024-01-10', '2023-12-01', '2023-06-01'];
    const r = rfm(ordersTable(people([10, 20, 30, 40, 100], dates)), { asOf: '2024-02-01', rfm: { segments: [{ id: 'recent', r: [4, 5] }] } });
    const [recent, others] = rfmSegmentSummary(r);
    expect([recent.customers, recent.orders, recent.revenue, recent.aov]).to.deep.equal([2, 2, 30, 15]);
    expect([recent.customerShare, recent.revenueShare]).to.deep.equal([0.4, 0.15]);
    expect([others.id, others.labels['zh-CN'], others.customers]).to.deep.equal(['others', '其他', 3]);
    expect(Array.from(rfmCustomers(r, { r: 5 }))).to.deep.equal([0]);
    expect(Array.from(rfmCustomers(r, { segment: 'others', m: 5 }))).to.deep.equal([4]);
    const grid = rfmGrid(r, 'm', 'r');
    expect(grid.customers[(5 - 1) * 5 + (1 - 1)]).to.equal(1); // r5 m1 = customer a
    expect(rfmToTable(r).numRows()).to.equal(5);
  });
});
