// <crm-channel-mix forecast="N">: the forecast drawn after the last full period (dashed line, interval band,
// legend entry, note), its columns in the tooltip, the table view and the CSV, and the switch.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/channel-mix/index.js';
import type { CrmChannelMix } from '../../src/components/channel-mix/index.js';
import type { CrmExportDetail } from '../../src/components/events.js';
import type { CrmTables } from '../../src/data/types.js';
import { Formatter } from '../../src/i18n/format.js';
import { forecast } from '../../src/metrics/forecast/forecast.js';
import { ordersTable, type OrderRow } from '../metrics/tables.js';
import { parseCsv } from './customer-360-helpers.js';

/** 30 months (Jan 2022 … Jun 2024) of store and phone sales with a summer peak. */
function monthly(months = 30): CrmTables {
  const rows: OrderRow[] = [];
  for (let m = 0; m < months; m++) {
    const y = 2022 + Math.floor(m / 12);
    const mm = String((m % 12) + 1).padStart(2, '0');
    const peak = [5, 6, 7].includes(m % 12) ? 300 : 0;
    rows.push({ id: `a${m % 5}`, date: `${y}-${mm}-03`, amount: 1000 + 20 * m + peak, channel: 'store', order: `s${m}` });
    rows.push({ id: `b${m % 4}`, date: `${y}-${mm}-28`, amount: 500, channel: 'phone', order: `p${m}` });
  }
  return { orders: ordersTable(rows) };
}

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, s: string) => root(el).querySelector(s) as T | null;
const qa = <T extends Element = HTMLElement>(el: Element, s: string) => [...root(el).querySelectorAll<T>(s)];

async function mount(tables: CrmTables, attrs = '', lang = 'en'): Promise<CrmChannelMix> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
  wrap.innerHTML = `<crm-channel-mix lang="${lang}" as-of="2024-06-30" ${attrs}></crm-channel-mix>`;
  const el = wrap.firstElementChild as CrmChannelMix;
  el.tables = tables;
  await waitUntil(() => (q(el, '.mix') || q(el, '.chart [part~="error"]')) && q(el, '.body')?.getAttribute('aria-busy') === 'false', 'chart', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

async function csv(el: CrmChannelMix): Promise<string[][]> {
  const got = new Promise<CrmExportDetail>((resolve) => el.addEventListener('crm-export', (e) => (e.preventDefault(), resolve(e.detail)), { once: true }));
  await el.exportAs('csv');
  return parseCsv(await (await got).blob.text());
}

describe('<crm-channel-mix forecast>', () => {
  const tables = monthly();
  const fc = forecast(tables, { asOf: '2024-06-30', by: 'channel', horizon: 3 });

  it('draws the total forecast after the last full month, with its interval, legend and note', async () => {
    const el = await mount(tables, 'forecast="3"');
    expect(qa(el, '.forecast-line')).to.have.length(2); // the line and its legend swatch
    expect(qa(el, '.forecast-point')).to.have.length(3);
    expect(q(el, 'path.forecast-band')).to.not.equal(null);
    expect(q(el, '.forecast-legend')!.textContent).to.contain('Forecast (95% interval)');
    expect(q(el, '.forecast-label')!.textContent).to.equal('Forecast');
    // 30 data months + 3 forecast columns, each focusable with its own label.
    const periods = qa(el, '.period');
    expect(periods).to.have.length(33);
    const f = new Formatter('en');
    expect(periods[30]!.getAttribute('aria-label')).to.equal(
      `Jul 2024 (forecast): Total: ${f.compactCurrency(fc.total.mean[0])} (95%: ${f.compactCurrency(fc.total.lower[0])}–${f.compactCurrency(fc.total.upper[0])}); ` +
        `Store: ${f.compactCurrency(fc.series[0]!.mean[0])}; Phone: ${f.compactCurrency(fc.series[1]!.mean[0])}`,
    );
    const note = q(el, '.forecast-note')!.textContent!;
    expect(fc.total.model.kind).to.equal('holt-winters');
    expect(note).to.contain(`Holt-Winters with ${fc.total.model.seasonal} seasonality`).and.contain('after Jun 2024');
  });

  it('the table view and the CSV carry each period’s forecast and interval, per channel and in total', async () => {
    const el = await mount(tables, 'forecast="2"');
    const two = forecast(tables, { asOf: '2024-06-30', by: 'channel', horizon: 2 });
    const rows = await csv(el);
    expect(rows[0]!.slice(7)).to.deep.equal([
      'Forecast Jul 2024', 'Forecast Jul 2024, 95% low', 'Forecast Jul 2024, 95% high',
      'Forecast Aug 2024', 'Forecast Aug 2024, 95% low', 'Forecast Aug 2024, 95% high',
    ]);
    const store = rows.find((r) => r[0] === 'Store')!;
    expect(Number(store[7])).to.be.closeTo(two.series[0]!.mean[0]!, 1e-6);
    expect(Number(store[8])).to.be.closeTo(two.series[0]!.lower[0]!, 1e-6);
    const total = rows.find((r) => r[0] === 'Total (all channels)')!;
    expect(Number(total[7])).to.be.closeTo(two.total.mean[0]!, 1e-6);
    expect(Number(total[12])).to.be.closeTo(two.total.upper[1]!, 1e-6);
    el.tableView = true;
    await waitUntil(() => q(el, 'table'));
    expect([...q(el, 'thead tr')!.children].map((c) => c.textContent!.trim()).slice(7, 10)).to.deep.equal([
      'Forecast Jul 2024',
      'Forecast Jul 2024, 95% low',
      'Forecast Jul 2024, 95% high',
    ]);
  });

  it('works as a property too', async () => {
    const el = await mount(tables);
    el.forecast = 2;
    await waitUntil(() => qa(el, '.forecast-point').length === 2, 'two forecast points');
    expect(qa(el, '.period')).to.have.length(32);
  });

  it('is off by default and with forecast="0"; a bad value is named', async () => {
    const off = await mount(tables);
    expect(q(off, '.forecast')).to.equal(null);
    expect(qa(off, '.period')).to.have.length(30);
    const zero = await mount(tables, 'forecast="0"');
    expect(q(zero, '.forecast-note')).to.equal(null);
    const bad = await mount(tables, 'forecast="soon"');
    expect(q(bad, '[part~="error"]')!.textContent).to.contain('forecast="soon"');
  });

  it('under two years of history: the trend-only fallback, said in both locales', async () => {
    const short = monthly(14);
    const el = await mount(short, 'forecast="3" as-of="2023-02-28"');
    expect(q(el, '.forecast-note')!.textContent).to.contain('Holt’s linear trend, no seasonality: under two years of history');
    const zh = await mount(short, 'forecast="3" as-of="2023-02-28"', 'zh-CN');
    expect(q(zh, '.forecast-note')!.textContent).to.contain('Holt线性趋势，无季节性：历史不足两年');
  });

  it('percent mode draws the forecast channel shares as lighter bars', async () => {
    const el = await mount(tables, 'forecast="3" trend="percent"');
    expect(qa(el, '.forecast-bar')).to.have.length(3 * 2);
  });

  it('is accessible', async () => {
    const el = await mount(tables, 'forecast="3"');
    await expect(el).to.be.accessible();
  });
});
