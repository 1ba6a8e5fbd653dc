// The forecast metric over tables: monthly / weekly sums of the shared base (filter and cancellations
// applied), the last full period, the seasonal / non-seasonal choice, per-channel series, options.
import { expect } from '@open-wc/testing';
import { forecast } from '../../src/metrics/forecast/forecast.js';
import { holtWinters, predictHoltWinters } from '../../src/metrics/forecast/holt-winters.js';
import { ordersTable, day, type OrderRow } from './tables.js';

/** 30 months, Jan 2022 … Jun 2024: store sells 100 + 10·month index + a summer bump, web a flat 50. */
function monthlyRows(): OrderRow[] {
  const rows: OrderRow[] = [];
  for (let m = 0; m < 30; m++) {
    const y = 2022 + Math.floor(m / 12);
    const mm = String((m % 12) + 1).padStart(2, '0');
    const summer = [5, 6, 7].includes(m % 12) ? 80 : 0;
    rows.push({ id: `c${m % 7}`, date: `${y}-${mm}-10`, amount: 100 + 10 * m + summer, channel: 'store', order: `s${m}` });
    rows.push({ id: `c${(m + 3) % 7}`, date: `${y}-${mm}-20`, amount: 50, channel: 'web', order: `w${m}` });
  }
  // Cancelled orders never count (the common cancellation policy).
  rows.push({ id: 'c1', date: '2023-03-15', amount: 9999, channel: 'store', order: 'x1', status: 'cancelled' });
  return rows;
}

describe('forecast', () => {
  const tables = { orders: ordersTable(monthlyRows()) };

  it('fits the full months; a trailing partial month is forecast, not fitted', () => {
    const f = forecast(tables, { asOf: '2024-06-15', horizon: 3 });
    expect(f.history.length).to.equal(29); // Jan 2022 … May 2024
    expect(f.history[28]!.iso).to.equal('2024-05');
    expect(f.partial?.iso).to.equal('2024-06');
    expect(f.periods.map((p) => p.iso)).to.deep.equal(['2024-06', '2024-07', '2024-08']);
    // Mar 2023 (month 14): store 100 + 140, web 50; the cancelled 9,999 is left out.
    expect(f.total.history[14]).to.equal(290);
    expect(f.total.history[5]).to.equal(100 + 50 + 80 + 50); // Jun 2022 with the summer bump
    expect(f.total.model.kind).to.equal('holt-winters');
  });

  it('the default asOf (the day after the last order, 21 June) leaves June partial too', () => {
    expect(forecast(tables).partial?.iso).to.equal('2024-06');
  });

  it('with asOf at the end of June every month is full; forecast = Holt-Winters on the totals', () => {
    const f = forecast(tables, { asOf: '2024-06-30', horizon: 2 });
    expect(f.partial).to.equal(null);
    expect(f.history.length).to.equal(30);
    expect(f.periods.map((p) => p.iso)).to.deep.equal(['2024-07', '2024-08']);
    const fit = holtWinters(f.total.history, { kind: 'holt-winters', period: 12, seasonal: f.total.model.seasonal! });
    const p = predictHoltWinters(fit, 2, 0.95);
    expect(f.total.mean[0]).to.be.closeTo(p.mean[0]!, 1e-9);
    expect(f.total.upper[1]).to.be.closeTo(p.upper[1]!, 1e-9);
    // auto compared both seasonalities (every month is positive) and kept the lower SSE.
    expect(f.total.model.candidates.map((c) => c.seasonal)).to.deep.equal(['additive', 'multiplicative']);
    expect(f.total.model.sse).to.equal(Math.min(...f.total.model.candidates.map((c) => c.sse)));
  });

  it('per channel, by total descending; the channels’ histories add up to the total', () => {
    const f = forecast(tables, { asOf: '2024-06-30', by: 'channel', horizon: 1 });
    expect(f.series.map((s) => s.key)).to.deep.equal(['store', 'web']);
    for (let p = 0; p < f.history.length; p++) expect(f.series[0]!.history[p]! + f.series[1]!.history[p]!).to.equal(f.total.history[p]);
    expect(f.series[1]!.history.every((v) => v === 50)).to.equal(true);
  });

  it('under two seasons: Holt’s linear trend, and says why', () => {
    const f = forecast(tables, { asOf: '2024-06-30', filter: { dateRange: { start: day('2023-07-01') } }, horizon: 2 });
    expect(f.history.length).to.equal(12);
    expect(f.total.model.kind).to.equal('holt');
    expect(f.total.model.reason).to.equal('short-history');
    expect(f.total.model.seasonal).to.equal(null);
    // A filter start inside a month leaves that month out (it is partial).
    const g = forecast(tables, { filter: { dateRange: { start: day('2023-07-15') } } });
    expect(g.history[0]!.iso).to.equal('2023-08');
  });

  it('weeks: a 52-week season needs 104 weeks, else the fallback', () => {
    const f = forecast(tables, { interval: 'week', horizon: 4 });
    expect(f.season).to.equal(52);
    expect(f.history.length).to.be.greaterThan(104);
    expect(f.total.model.kind).to.equal('holt-winters');
    expect(f.periods[0]!.label).to.match(/^2024-W\d\d$/);
  });

  it('floors forecasts and bounds at 0, and handles a series with one value', () => {
    const falling = ordersTable(
      [400, 300, 200, 100, 60].map((amount, m) => ({ id: 'a', date: `2024-0${m + 1}-05`, amount })),
    );
    const f = forecast({ orders: falling }, { horizon: 6 });
    expect(f.total.model.kind).to.equal('holt');
    expect(f.total.mean.every((v) => v >= 0)).to.equal(true);
    expect(f.total.lower.every((v) => v >= 0)).to.equal(true);
    const one = forecast({ orders: ordersTable([{ id: 'a', date: '2024-01-05', amount: 10 }]) }, { horizon: 3 });
    expect(one.total.model.kind).to.equal('none');
    expect(one.total.model.reason).to.equal('too-short');
    expect(one.total.mean).to.deep.equal([]);
  });

  it('counts orders with measure orders', () => {
    const f = forecast(tables, { asOf: '2024-06-30', measure: 'orders', horizon: 1 });
    expect(f.total.history.every((v) => v === 2)).to.equal(true);
  });

  it('refuses bad options, naming them', () => {
    expect(() => forecast(tables, { horizon: 40 })).to.throw(RangeError, /horizon/);
    expect(() => forecast(tables, { level: 95 })).to.throw(RangeError, /level/);
    expect(() => forecast(tables, { by: 'region' as never })).to.throw(RangeError, /by/);
    expect(() => forecast(tables, { seasonality: 'yes' as never })).to.throw(RangeError, /seasonality/);
  });
});
