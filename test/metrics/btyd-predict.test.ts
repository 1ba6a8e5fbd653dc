import { expect } from '@open-wc/testing';
import {
  customerLifetimeValue,
  customerLifetimeValueMany,
  expectedAverageValue,
  expectedPurchases,
  expectedPurchasesByTime,
  expectedPurchasesMany,
  fitBgNbd,
  hyp2f1,
  probabilityAlive,
  probabilityAliveMany,
} from '../../src/metrics/index.js';
import { groupPairs } from '../../src/metrics/btyd/bgnbd-data.js';
import { cdnowSummary } from './btyd-fixtures.js';

// Published (rounded) CDNOW estimates, Fader, Hardie & Lee (2005).
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
// Full-precision maximum-likelihood estimates on the CDNOW summary, used for the mpmath reference values.
const mle = { r: 0.24259290552323182, alpha: 4.413531581363075, a: 0.7928861227576127, b: 2.425753340783604 };

describe('hyp2f1', () => {
  it('matches closed forms, including z near 1 and z < 0', () => {
    // 2F1(1,1;2;z) = −ln(1−z)/z (c − a − b = 0: the integer case of the 1 − z formula).
    for (const z of [0.3, 0.8, 0.95, 0.999, -0.5, -5]) {
      expect(hyp2f1(1, 1, 2, z)).to.be.closeTo(-Math.log(1 - z) / z, 1e-8 * Math.abs(Math.log(1 - z) / z));
    }
    // 2F1(a,b;b;z) = (1−z)^(−a).
    for (const z of [0.5, 0.9, 0.9999]) expect(hyp2f1(0.7, 2.3, 2.3, z)).to.be.closeTo(Math.pow(1 - z, -0.7), 1e-9 * Math.pow(1 - z, -0.7));
    // 2F1(1/2,1/2;3/2;z²) = asin(z)/z.
    for (const z of [0.5, 0.95, 0.9999]) expect(hyp2f1(0.5, 0.5, 1.5, z * z)).to.be.closeTo(Math.asin(z) / z, 1e-12);
    expect(() => hyp2f1(1, 1, 2, 1)).to.throw(RangeError, /z must be < 1/);
  });
});

describe('BG/NBD predictions', () => {
  it('E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226 for CDNOW customer 1 (Fader, Hardie & Lee 2005)', async () => {
    const fit = fitBgNbd(await cdnowSummary());
    expect(expectedPurchases(fit, 39, 2, 30.43, 38.86)).to.be.closeTo(1.226, 0.0005);
    // Reference: mpmath 1.3 (30 digits) with the full-precision estimates gives 1.2259104547614715.
    expect(expectedPurchases(mle, 39, 2, 30.43, 38.86)).to.be.closeTo(1.2259104547614715, 1e-12);
  });

  it('E[X(t)] matches Hardie\'s spreadsheet values quoted in the lifetimes tests', async () => {
    const fit = fitBgNbd(await cdnowSummary());
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const sheet = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(expectedPurchasesByTime(fit, t)).to.be.closeTo(sheet[i], 0.0005));
    // At t = 78 (z = 0.95) the exact value is 1.85797 (mpmath 1.3, 30 digits), 4e-4 above the sheet:
    expect(expectedPurchasesByTime(mle, 78)).to.be.closeTo(1.857971774005112, 1e-12);
    expect(expectedPurchasesByTime(mle, 32)).to.be.closeTo(1.04373722114856, 1e-12);
    expect(expectedPurchasesByTime(fit, 0)).to.equal(0);
  });

  it('P(alive): hand-computed value, exactly 1 without repeats, vectorized form equal', () => {
    // 1 / (1 + 0.793/(2.426+1) · ((4.414+38.86)/(4.414+30.43))^(0.243+2)) = 1 / (1 + 0.3763136448) = 0.7265785701
    expect(probabilityAlive(published, 2, 30.43, 38.86)).to.be.closeTo(0.7265785700807, 1e-12);
    expect(probabilityAlive(published, 0, 0, 1)).to.equal(1);
    // Same recency, longer silence → less likely alive.
    expect(probabilityAlive(published, 2, 30.43, 60)).to.be.below(probabilityAlive(published, 2, 30.43, 38.86));
    const many = probabilityAliveMany(published, [2, 0], [30.43, 0], [38.86, 10]);
    expect(Array.from(many)).to.deep.equal([probabilityAlive(published, 2, 30.43, 38.86), 1]);
    expect(expectedPurchasesMany(published, 39, [2], [30.43], [38.86])[0]).to.equal(expectedPurchases(published, 39, 2, 30.43, 38.86));
  });

  it('is finite for x = 300 with T in days and continuous through a = 1', () => {
    const days = { ...published, alpha: published.alpha * 7 };
    // mpmath 1.3 (30 digits): P(alive) = 0.0021568698707352, E[Y(90)] = 0.0732600798096922.
    expect(probabilityAlive(days, 300, 700, 730)).to.be.closeTo(0.0021568698707352, 1e-13);
    expect(expectedPurchases(days, 90, 300, 700, 730)).to.be.closeTo(0.0732600798096922, 1e-12);
    // Long dead heavy buyer: P(alive) ≈ 1.2e-153, no NaN.
    expect(probabilityAlive(days, 300, 200, 730)).to.be.closeTo(0, 1e-150);
    expect(expectedPurchases(days, 3650, 300, 200, 730)).to.be.at.least(0);
    for (const t of [1, 90, 365, 3650]) {
      for (const x of [0, 1, 5, 300]) {
        const v = expectedPurchases(days, t, x, x === 0 ? 0 : 0.5, 1);
        expect(Number.isFinite(v), `t=${t} x=${x}`).to.equal(true);
      }
    }
    // a = 1 is a removable singularity of (a+b+x−1)/(a−1)·[…]: mpmath at a = 1 + 1e-15 gives 1.10213678604.
    expect(expectedPurchases({ ...published, a: 1 }, 39, 2, 30.43, 38.86)).to.be.closeTo(1.10213678604, 1e-8);
    expect(expectedPurchases({ ...mle, a: 1 }, 39, 2, 30.43, 38.86)).to.be.closeTo(1.101967386851, 1e-8);
  });

  it('rejects invalid customers and horizons', () => {
    expect(() => probabilityAlive(published, 1, 5, 4)).to.throw(RangeError, /recency = 5: must be between 0 and T/);
    expect(() => expectedPurchases(published, -1, 1, 1, 4)).to.throw(RangeError, /t = -1/);
    expect(() => probabilityAliveMany(published, [1, 2], [1, 1], [2])).to.throw(RangeError, /equal lengths/);
    expect(() => expectedPurchasesMany(published, 5, [1, 2.5], [1, 1], [2, 2])).to.throw(RangeError, /frequency\[1\] = 2.5/);
  });
});

describe('gamma-gamma value and CLV', () => {
  it('expected average value: p(γ + x·m̄)/(px + q − 1), population mean for x = 0', () => {
    // 6.25 · (15.44 + 2 · 22.35) / (6.25 · 2 + 3.74 − 1) = 375.875 / 15.24 = 24.66371391
    expect(expectedAverageValue(gg, 2, 22.35)).to.be.closeTo(24.663713910761, 1e-9);
    // 6.25 · 15.44 / 2.74 = 35.21897810
    expect(expectedAverageValue(gg, 0, 0)).to.be.closeTo(35.218978102190, 1e-9);
    expect(() => expectedAverageValue({ ...gg, q: 0.9 }, 1, 5)).to.throw(RangeError, /q = 0.9/);
    expect(() => expectedAverageValue(gg, 1, -5)).to.throw(RangeError, /monetary = -5/);
  });

  it('CLV = value × discounted monthly expected purchases (12 months, 1 %/month, 4.345-week months)', () => {
    // Reference: mpmath 1.3 (30 digits) summing the same 12 discounted monthly increments:
    // customer 1 → 36.28921112559922; a customer without repeats (T = 38.86) → 8.369004358920461.
    const one = { bgnbd: published, gammaGamma: gg, unit: 'week' as const };
    expect(customerLifetimeValue({ ...one, x: 2, t_x: 30.43, T: 38.86, monetary: 22.35 })).to.be.closeTo(36.28921112559922, 1e-8);
    expect(customerLifetimeValue({ ...one, x: 0, t_x: 0, T: 38.86, monetary: 0 })).to.be.closeTo(8.369004358920461, 1e-8);
    const many = customerLifetimeValueMany({ ...one, frequency: [2, 0, 2], recency: [30.43, 0, 30.43], T: [38.86, 38.86, 38.86], monetary: [22.35, 0, 22.35] });
    expect(many[0]).to.be.closeTo(36.28921112559922, 1e-8);
    expect(many[2]).to.equal(many[0]);
    expect(customerLifetimeValue({ ...one, x: 2, t_x: 30.43, T: 38.86, monetary: 22.35, months: 0 })).to.equal(0);
    expect(() => customerLifetimeValue({ ...one, x: 2, t_x: 30.43, T: 38.86, monetary: 22.35, months: 1.5 })).to.throw(RangeError, /months = 1.5/);
  });

  it('population CLV shares the (x, T) work across recencies yet equals the one-customer values', () => {
    const one = { bgnbd: published, gammaGamma: gg, unit: 'week' as const };
    // Same x and T, different t_x: one pair, three P(alive)s.
    const recency = [30.43, 10, 38.86];
    const many = customerLifetimeValueMany({ ...one, frequency: [2, 2, 2], recency, T: [38.86, 38.86, 38.86], monetary: [22.35, 22.35, 22.35] });
    recency.forEach((t_x, i) =>
      expect(many[i]).to.equal(customerLifetimeValue({ ...one, x: 2, t_x, T: 38.86, monetary: 22.35 })),
    );
    expect(many[1]).to.be.below(many[0]); // longer silence since the last purchase → less likely alive
    expect(() => customerLifetimeValueMany({ ...one, frequency: [2], recency: [40], T: [38.86], monetary: [1] })).to.throw(RangeError, /recency\[0\] = 40/);
  });

  it('groupPairs: one entry per distinct (x, T), in ascending (x, T) order', () => {
    const pairs = groupPairs([2, 0, 2, 2, 0], [5, 5, 7, 5, 5]);
    expect(Array.from(pairs.x)).to.deep.equal([0, 2, 2]);
    expect(Array.from(pairs.T)).to.deep.equal([5, 5, 7]);
    expect(Array.from(pairs.pairOf)).to.deep.equal([1, 0, 2, 1, 0]);
  });

  it('groupPairs: same grouping when the key space is too wide to count (sorted instead)', () => {
    // 1,200 customers with distinct x and T: 1,200² level combinations, beyond the counting limit (8n + 1024).
    const n = 1200;
    const x = Float64Array.from({ length: n }, (_, i) => n - 1 - i);
    const T = Float64Array.from({ length: n }, (_, i) => 2 * (n - i));
    const pairs = groupPairs(x, T);
    expect(pairs.x.length).to.equal(n);
    expect(pairs.x[0]).to.equal(0);
    expect(pairs.T[0]).to.equal(2);
    expect(pairs.pairOf[0]).to.equal(n - 1); // the customer with the largest x comes last
    expect(Array.from(pairs.pairOf).every((k, i) => pairs.x[k] === x[i] && pairs.T[k] === T[i])).to.equal(true);
  });
});
