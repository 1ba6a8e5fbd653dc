// The holdout check against the BTYD vignette / BTYDplus demo tables, and the `auto` model rule.
import { expect } from '@open-wc/testing';
import { modelCheck, predictCustomers, DEFAULT_CHURN_MODEL, type ModelCheckEntry } from '../../src/metrics/index.js';
import { cdnowOrders } from './btyd-fixtures.js';
import { ordersTable } from './tables.js';
import { syntheticOrders } from '../../bench/btyd-population.js';

// CDNOW: calibration 1997-01-01 … 1997-09-30 (39 weeks), holdout the next 39 weeks (273 days) up to 1998-06-30.
const cdnowCheck = { asOf: '1998-06-30', unit: 'week' as const, holdoutDays: 273 };

function entry(check: ReturnType<typeof modelCheck>, model: string): ModelCheckEntry {
  if (!check.available) throw new Error(check.message);
  const e = check.models.find((m) => m.model === model);
  if (!e || !e.available) throw new Error(`${model} not checked`);
  return e;
}

const mean = (sum: number, n: number) => Number((sum / n).toFixed(3));

describe('modelCheck on CDNOW', () => {
  it('reproduces the BTYD vignette\'s Pareto/NBD "freq vs conditional expected frequency" table', async () => {
    const check = modelCheck({ orders: await cdnowOrders() }, cdnowCheck);
    const pnbd = entry(check, 'pnbd');
    // BTYD vignette, pnbd.PlotFreqVsConditionalExpectedFrequency(params, T.star = 39, cal.cbs, x.star, censor = 7):
    //   bin  1411   439   214   100    62    38    29    64
    //   act 0.237 0.697 1.393 1.560 2.532 2.947 3.862 6.359
    //   exp 0.138 0.600 1.196 1.714 2.399 2.907 3.819 6.403
    expect(pnbd.rows.map((r) => r.customers)).to.deep.equal([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(pnbd.rows.map((r) => mean(r.actual, r.customers))).to.deep.equal([0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359]);
    const exp = [0.138, 0.6, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403];
    pnbd.rows.forEach((r, i) => expect(r.predicted / r.customers).to.be.closeTo(exp[i], 0.0015)); // printed to 3 decimals
    expect(pnbd.rows[7].orMore).to.equal(true);
    expect(pnbd.total.customers).to.equal(2357);
    expect(pnbd.total.actual).to.equal(1882);
  });

  it('reproduces the BTYDplus demo\'s per-x means and error summary for all three models', async () => {
    const check = modelCheck({ orders: await cdnowOrders() }, cdnowCheck);
    // BTYDplus demo/cdnow.R (ddply by x, rounded to 2 decimals), x = 0…5:
    //   PNBD 0.14 0.60 1.20 1.71 2.40 2.91; BGNBD 0.23 0.52 1.04 1.52 2.16 2.65; CBGNBD (= MBG/NBD) 0.19 0.55 1.05 1.49 2.10 2.56
    const demo: Record<string, number[]> = {
      pnbd: [0.14, 0.6, 1.2, 1.71, 2.4, 2.91],
      bgnbd: [0.23, 0.52, 1.04, 1.52, 2.16, 2.65],
      mbgnbd: [0.19, 0.55, 1.05, 1.49, 2.1, 2.56],
    };
    // Same demo: sum = (Σf − Σa)/Σa: P/NBD −0.115, BG/NBD −0.121, CBG/NBD −0.162; mape = Σ|a − f| / Σa: 0.945, 0.984, 0.958.
    const sum: Record<string, number> = { pnbd: -11.5, bgnbd: -12.1, mbgnbd: -16.2 };
    const mape: Record<string, number> = { pnbd: 94.5, bgnbd: 98.4, mbgnbd: 95.8 };
    for (const model of ['pnbd', 'bgnbd', 'mbgnbd']) {
      const e = entry(check, model);
      expect(e.rows.slice(0, 6).map((r) => Number((r.predicted / r.customers).toFixed(2))), model).to.deep.equal(demo[model]);
      expect(e.total.errorPct!, model).to.be.closeTo(sum[model], 0.05);
      expect(e.customerErrorPct, model).to.be.closeTo(mape[model], 0.05);
    }
    if (!check.available) throw new Error('unreachable');
    expect(check.best).to.equal('pnbd'); // lowest Σ|a − f| / Σa
    expect(check.calibrationEnd).to.equal(Date.UTC(1997, 8, 30) / 864e5);
    expect(check.customers).to.equal(2357);
    expect(check.repeatBuyers).to.equal(946);
  });

  it('auto: predictions use the best model of the check; a named model skips the check', async () => {
    const tables = { orders: await cdnowOrders() };
    const auto = predictCustomers(tables, { ...cdnowCheck, horizonDays: 90 });
    if (!auto.available) throw new Error(auto.message);
    expect(auto.modelChoice.rule).to.equal('holdout');
    expect(auto.model).to.equal('pnbd');
    expect(auto.modelChoice.check).to.equal(modelCheck(tables, { ...cdnowCheck, churnModel: 'auto' })); // memoized, shared
    const named = predictCustomers(tables, { ...cdnowCheck, churnModel: 'mbgnbd' });
    if (!named.available) throw new Error(named.message);
    expect(named.modelChoice).to.deep.equal({ requested: 'mbgnbd', model: 'mbgnbd', rule: 'requested', check: null });
    // The default holdout is half the history (546 days → 273), the CDNOW split above.
    const byDefault = modelCheck(tables, { unit: 'week' });
    expect(byDefault.holdoutDays).to.equal(273);
  });
});

describe('modelCheck when the data cannot support it', () => {
  it('short history: says how many days there are and how many are needed; auto falls back to MBG/NBD', () => {
    const rows = [];
    for (let i = 0; i < 30; i++) rows.push({ id: `c${i}`, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, amount: 10 });
    for (let i = 0; i < 10; i++) rows.push({ id: `c${i}`, date: '2024-02-10', amount: 10 });
    const tables = { orders: ordersTable(rows) };
    const check = modelCheck(tables, { asOf: '2024-02-20' });
    expect(check.available).to.equal(false);
    if (check.available) return;
    // First purchase 2024-01-01, asOf 2024-02-20: 50 days < 2 × 28.
    expect(check.reason).to.equal('short-history');
    expect([check.have, check.need]).to.deep.equal([50, 56]);
    const p = predictCustomers(tables, { asOf: '2024-02-20' });
    expect(p.modelChoice.rule).to.equal('default');
    expect(p.modelChoice.model).to.equal(DEFAULT_CHURN_MODEL);
    expect(DEFAULT_CHURN_MODEL).to.equal('mbgnbd');
  });

  it('too few repeat buyers before the cut-off: counts them', () => {
    const rows = [];
    for (let i = 0; i < 40; i++) rows.push({ id: `c${i}`, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, amount: 10 });
    for (let i = 0; i < 5; i++) rows.push({ id: `c${i}`, date: '2024-02-15', amount: 10 }); // 5 repeat buyers in calibration
    for (let i = 0; i < 8; i++) rows.push({ id: `c${i}`, date: '2024-05-15', amount: 10 });
    const check = modelCheck({ orders: ordersTable(rows) }, { asOf: '2024-06-30', holdoutDays: 60 });
    if (check.available) throw new Error('expected unavailable');
    expect(check.reason).to.equal('too-few-repeat-buyers');
    expect([check.have, check.need]).to.deep.equal([5, 20]);
  });

  it('never scores NaN: a calibration fit at a limit of the model still predicts (BG/NBD with a, b → ∞)', () => {
    // Seeded synthetic base (10,000 customers, about 97 % buy once): the BG/NBD calibration fit runs to a, b → ∞
    // (one dropout probability for everyone), where E[Y]'s 2F1 overflows and the constant-dropout limit is used.
    const { orders, asOf } = syntheticOrders({ customers: 10_000, r: 0.12, alpha: 600, s: 0.8, beta: 40, days: 730, seed: 3 });
    const check = modelCheck({ orders }, { asOf });
    if (!check.available) throw new Error(check.message);
    const bg = entry(check, 'bgnbd');
    expect(bg.fit.atBoundary).to.equal(true);
    for (const m of check.models) if (m.available) expect(Number.isFinite(m.customerErrorPct), m.model).to.equal(true);
    expect(check.best).to.equal('mbgnbd');
  });

  it('rejects an unknown model and a bad holdout, naming them', () => {
    const orders = ordersTable([{ id: 'a', date: '2024-01-01', amount: 1 }]);
    // @ts-expect-error — not a model name
    expect(() => modelCheck({ orders }, { churnModel: 'bg' })).to.throw(RangeError, /churnModel = "bg": must be one of auto, bgnbd, mbgnbd, pnbd/);
    expect(() => modelCheck({ orders }, { holdoutDays: 1.5 })).to.throw(RangeError, /holdoutDays = 1.5/);
    // @ts-expect-error — option key typo
    expect(() => modelCheck({ orders }, { holdout: 30 })).to.throw(TypeError, /unknown option "holdout"/);
  });
});
