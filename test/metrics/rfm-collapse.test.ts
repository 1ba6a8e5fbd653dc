import { expect } from '@open-wc/testing';
import { distinctValueBreaks, rfm, rfmSegmentSummary, type RfmResult } from '../../src/metrics/rfm/index.js';
import { ordersTable } from './tables.js';
import { ONE_TIME_AS_OF, oneTimeBuyerRows, skewedFrequencyRows } from './one-time-buyers.js';

const perScore = (scores: Uint8Array, count: number) => Array.from({ length: count }, (_, s) => scores.filter((x) => x === s + 1).length);
const segmentCounts = (r: RfmResult) =>
  Object.fromEntries(rfmSegmentSummary(r).filter((s) => s.customers > 0).map((s) => [s.id, s.customers]));

describe('rfm on skewed data: collapsed quantile bins (97 % one-time buyers)', () => {
  const tables = { orders: ordersTable(oneTimeBuyerRows()) };

  it('quantile stays R-exact: breaks 1+1 four times, so F2–F4 are empty and F5 holds every repeat buyer', () => {
    const r = rfm(tables, { asOf: ONE_TIME_AS_OF });
    // type-7 quantiles of 97 ones, 2, 2, 3 at 0.2 … 0.8 are all 1 → breaks 2, 2, 2, 2.
    expect(r.thresholds.frequency.lower).to.deep.equal([1, 2, 2, 2, 2]);
    expect(r.thresholds.frequency.upper).to.deep.equal([2, 2, 2, 2, 4]);
    expect(perScore(r.f, 5)).to.deep.equal([97, 0, 0, 0, 3]);
    expect(r.checks.frequency).to.deep.equal({ distinct: 3, emptyScores: [2, 3, 4], fallback: false });
    // Recency 1 … 100 days and monetary 100 … 1: breaks 21.8, 41.6, 61.4, 81.2 → 21/20/20/20/19 customers.
    expect(perScore(r.r, 5)).to.deep.equal([19, 20, 20, 20, 21]);
    expect(r.checks.recency).to.deep.equal({ distinct: 100, emptyScores: [], fallback: false });
    expect(r.checks.monetary.emptyScores).to.deep.equal([]);
    // By hand (R rfm preset, first match): k = 1–3 R5 F5 M5 champions; k 4–21 R5 F1 new; k 22–59 R4/R3 F1
    // M≥3 promising; k 60–81 R3/R2 F1 M≤2 about to sleep; k 82–100 R1 lost.
    expect(segmentCounts(r)).to.deep.equal({ champions: 3, promising: 38, 'new-customers': 18, 'about-to-sleep': 22, lost: 19 });
  });

  it('auto keeps the quantile bins that hold customers and gives frequency one bin per distinct value', () => {
    const r = rfm(tables, { asOf: ONE_TIME_AS_OF, rfm: { method: 'auto' } });
    expect(r.bins).to.deep.equal({ recency: 5, frequency: 3, monetary: 5 });
    expect(r.thresholds.frequency).to.deep.equal({ lower: [1, 2, 3], upper: [2, 3, 4] });
    expect(perScore(r.f, 3)).to.deep.equal([97, 2, 1]);
    expect(r.checks.frequency).to.deep.equal({ distinct: 3, emptyScores: [], fallback: true });
    expect(r.checks.recency.fallback).to.equal(false);
    const quantile = rfm(tables, { asOf: ONE_TIME_AS_OF });
    expect(Array.from(r.r)).to.deep.equal(Array.from(quantile.r));
    expect(Array.from(r.m)).to.deep.equal(Array.from(quantile.m));
    // F on 3 bins maps to the preset scale as 1, 3, 5: the 3-order c001 stays a champion, the two 2-order
    // customers (R5 F3 M5 on that scale) become potential loyalists.
    expect(segmentCounts(r)).to.deep.equal({
      champions: 1,
      'potential-loyalist': 2,
      promising: 38,
      'new-customers': 18,
      'about-to-sleep': 22,
      lost: 19,
    });
  });

  it('auto with more distinct values than bins: near-equal bins that never split a value', () => {
    const skewed = { orders: ordersTable(skewedFrequencyRows()) };
    const r = rfm(skewed, { asOf: ONE_TIME_AS_OF, rfm: { method: 'auto' } });
    // Groups 1 (194), 2 (2), 3, 4, 5, 9 (1 each): 194 ≥ 200/5 closes F1; 2 for a fair share of 6/4; then
    // 3 (share 4/3), 4 (share 3/2: adding 5 would be as far), and 5–9 together.
    expect(r.thresholds.frequency).to.deep.equal({ lower: [1, 2, 3, 4, 5], upper: [2, 3, 4, 5, 10] });
    expect(perScore(r.f, 5)).to.deep.equal([194, 2, 1, 1, 2]);
    const q = rfm(skewed, { asOf: ONE_TIME_AS_OF });
    expect(perScore(q.f, 5)).to.deep.equal([194, 0, 0, 0, 6]);
    expect(q.checks.frequency).to.deep.equal({ distinct: 6, emptyScores: [2, 3, 4], fallback: false });
    // Explicit thresholds (frequency-bins="2,3,4,6") are used as given.
    const x = rfm(skewed, { asOf: ONE_TIME_AS_OF, rfm: { frequencyBins: [2, 3, 4, 6] } });
    expect(perScore(x.f, 5)).to.deep.equal([194, 2, 1, 2, 1]);
    expect(x.checks.frequency.emptyScores).to.deep.equal([]);
  });

  it('auto equals quantile exactly where no bin collapses; distinctValueBreaks edge cases', () => {
    const spread = { orders: ordersTable(Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, date: '2023-06-01', amount: i + 1 }))) };
    const a = rfm(spread, { asOf: ONE_TIME_AS_OF, rfm: { method: 'auto' } });
    const q = rfm(spread, { asOf: ONE_TIME_AS_OF });
    expect(a.thresholds.monetary).to.deep.equal(q.thresholds.monetary);
    expect(a.checks.monetary.fallback).to.equal(false);
    // One value only: nothing to tell apart, quantile kept (and reported).
    expect(a.checks.recency).to.deep.equal({ distinct: 1, emptyScores: [1, 2, 3, 4], fallback: false });
    expect(distinctValueBreaks([1, 1, 2, 5], 5)).to.deep.equal([2, 5]);
    expect(distinctValueBreaks([1, 2, 3, 4, 5, 6], 3)).to.deep.equal([3, 5]);
  });

  it('an unknown method is a RangeError listing the three', () => {
    expect(() => rfm(tables, { asOf: ONE_TIME_AS_OF, rfm: { method: 'tiles' as never } })).to.throw(RangeError, /'quantile', 'ntile', 'auto'/);
  });
});
