import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { fitBgNbd, fitGammaGamma, lifetimeSummary } from '../../src/metrics/index.js';
import { cdnowOrders, cdnowSummary, cdnowWithSpend } from './btyd-fixtures.js';

const round = (v: number, digits: number) => Number(v.toFixed(digits));

describe('fitBgNbd', () => {
  it('reproduces Fader, Hardie & Lee (2005) on the CDNOW summary (weeks)', async () => {
    const fit = fitBgNbd(await cdnowSummary());
    // Published: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
    expect(round(fit.r, 3)).to.equal(0.243);
    expect(round(fit.alpha, 3)).to.equal(4.414);
    expect(round(fit.a, 3)).to.equal(0.793);
    expect(round(fit.b, 3)).to.equal(2.426);
    expect(round(fit.logLikelihood, 1)).to.equal(-9582.4);
    expect(fit.converged).to.equal(true);
    expect(fit.customers).to.equal(2357);
  });

  it('gives the same r, a, b with time in days (alpha scales by 7) and accepts an Arquero table', async () => {
    const s = await cdnowSummary();
    const table = aq.table({ frequency: s.frequency, recency: s.recency.map((v) => v * 7), T: s.T.map((v) => v * 7) });
    const fit = fitBgNbd(table);
    expect(round(fit.r, 3)).to.equal(0.243);
    expect(round(fit.alpha / 7, 3)).to.equal(4.414);
    expect(round(fit.a, 3)).to.equal(0.793);
    expect(round(fit.b, 3)).to.equal(2.426);
    // Rescaling time by 7 shifts the log-likelihood by −Σx·ln 7 (densities per day instead of per week).
    const repeats = s.frequency.reduce((t, x) => t + x, 0);
    expect(fit.logLikelihood).to.be.closeTo(-9582.4256 - repeats * Math.log(7), 0.01);
  });

  it('accepts plain arrays and rejects invalid customers naming the first bad index', () => {
    const ok = { frequency: [0, 1, 2], recency: [0, 1, 2], T: [3, 3, 3] };
    expect(() => fitBgNbd({ ...ok, frequency: [0, 1.5, 2] })).to.throw(RangeError, /frequency\[1\] = 1.5/);
    expect(() => fitBgNbd({ ...ok, frequency: [0, -1, 2] })).to.throw(RangeError, /frequency\[1\]/);
    expect(() => fitBgNbd({ ...ok, recency: [0, 1, 4] })).to.throw(RangeError, /recency\[2\] = 4: must be between 0 and T/);
    expect(() => fitBgNbd({ ...ok, recency: [1, 1, 2] })).to.throw(RangeError, /recency\[0\] = 1: must be 0 when frequency is 0/);
    expect(() => fitBgNbd({ ...ok, T: [3, 0, 3] })).to.throw(RangeError, /T\[1\] = 0/);
    expect(() => fitBgNbd({ ...ok, T: [3, NaN, 3] })).to.throw(RangeError, /T\[1\] = NaN/);
    expect(() => fitBgNbd({ ...ok, T: [3, 3] })).to.throw(RangeError, /'T' has 2 values but 'frequency' has 3/);
    expect(() => fitBgNbd({ frequency: [], recency: [], T: [] })).to.throw(RangeError, /no customers/);
    expect(() => fitBgNbd(aq.table({ frequency: [1], recency: [1] }))).to.throw(TypeError, /no column 'T'/);
  });

  it('stays finite with heavy buyers and T in days (x up to 300)', () => {
    const frequency = [0, 0, 1, 3, 300, 250, 5, 0, 120, 2];
    const recency = [0, 0, 10, 200, 700, 720, 30, 0, 400, 365];
    const T = [730, 30, 400, 700, 730, 730, 720, 5, 730, 700];
    const fit = fitBgNbd({ frequency, recency, T });
    for (const v of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood]) expect(Number.isFinite(v)).to.equal(true);
  });
});

describe('fitGammaGamma', () => {
  it('reproduces Fader & Hardie p = 6.25, q = 3.74, gamma = 15.44 from the CDNOW transactions', async () => {
    // Spend per repeat purchase day computed from the raw CDNOW sample (39-week calibration period).
    const summary = lifetimeSummary(await cdnowOrders(), { asOf: '1997-09-30', unit: 'week' });
    const fit = fitGammaGamma(summary);
    expect(round(fit.p, 2)).to.equal(6.25);
    expect(round(fit.q, 2)).to.equal(3.74);
    expect(round(fit.gamma, 2)).to.equal(15.44);
    expect(fit.customers).to.equal(946);
    expect(fit.ignored).to.equal(2357 - 946);
  });

  it('fits the published summary file (zbar rounded to cents) to the same p and q', async () => {
    // The file's zbar is rounded to 2 decimals, which moves gamma to 15.4477 (checked independently with
    // scipy Nelder–Mead on the same file); p and q match the published figures.
    const s = await cdnowWithSpend();
    const fit = fitGammaGamma(s);
    expect(round(fit.p, 2)).to.equal(6.25);
    expect(round(fit.q, 2)).to.equal(3.74);
    expect(fit.gamma).to.be.closeTo(15.4477, 1e-3);
    expect(fit.logLikelihood).to.be.closeTo(-4055.9232, 1e-3);
  });

  it('rejects non-positive spend of a repeat buyer and samples without repeat buyers', () => {
    expect(() => fitGammaGamma({ frequency: [0, 2, 1], monetary: [0, 10, 0] })).to.throw(RangeError, /monetary\[2\] = 0/);
    expect(() => fitGammaGamma({ frequency: [0, 0], monetary: [0, 0] })).to.throw(RangeError, /no repeat buyers/);
    expect(() => fitGammaGamma({ frequency: [0, 2], monetary: [0] })).to.throw(RangeError, /'monetary' has 1 values/);
  });
});
