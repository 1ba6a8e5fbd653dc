import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import * as aq from 'arquero';
import '../../src/components/data/index.js';
import '../../src/components/channel-mix/index.js';
import type { CrmChannelMix } from '../../src/components/channel-mix/index.js';
import type { CrmExportDetail, CrmSelectDetail } from '../../src/components/events.js';
import { normalizeFeed } from '../../src/data/normalize/index.js';
import type { CrmTables } from '../../src/data/types.js';
import { Formatter } from '../../src/i18n/format.js';
import { channelMix, channelCustomerIds } from '../../src/metrics/channel/index.js';
import { generateSample } from '../../src/sample/index.js';
import { orderColumns, tables as tinyTables } from '../metrics/channel-fixture.js';

let sampleCache: CrmTables | undefined;
/** 300 customers / ~3,000 orders, seed 7: four channels over three years. */
const sample = () => (sampleCache ??= normalizeFeed(generateSample({ seed: 7, customers: 300, orders: 3000 })).tables);

const root = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, s: string) => root(el).querySelector(s) as T | null;
const qa = <T extends Element = HTMLElement>(el: Element, s: string) => [...root(el).querySelectorAll<T>(s)];
const legendRows = (el: Element) => qa<SVGGElement>(el, '.legend-row');
const texts = (el: Element, s: string) => qa(el, s).map((t) => t.textContent!.trim());
const drawn = (el: Element) => waitUntil(() => q(el, '.mix'), 'the chart did not render', { timeout: 5000 });

async function mount(attrs: { tables?: CrmTables; width?: number; lang?: string } = {}, extra = '') {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${attrs.width ?? 700}px"></div>`);
  wrap.innerHTML = `<crm-channel-mix lang="${attrs.lang ?? 'en'}" ${extra}></crm-channel-mix>`;
  const el = wrap.firstElementChild as CrmChannelMix;
  el.tables = attrs.tables ?? sample();
  return el;
}

async function exported(el: CrmChannelMix, format: 'csv' | 'svg'): Promise<string> {
  const got = new Promise<CrmExportDetail>((resolve) =>
    el.addEventListener('crm-export', (e) => (e.preventDefault(), resolve(e.detail)), { once: true }),
  );
  await el.exportAs(format);
  return (await got).blob.text();
}

describe('<crm-channel-mix>: numbers', () => {
  it('shows each channel share and revenue as channelMix computes them on the sample', async () => {
    const el = await mount();
    await drawn(el);
    const mix = channelMix(sample());
    const f = new Formatter('en');
    expect(mix.channels.map((c) => c.key)).to.have.members(['store', 'ecommerce', 'social', 'phone']);
    const names: Record<string, string> = { store: 'Store', ecommerce: 'E-commerce', social: 'Social', phone: 'Phone' };
    expect(texts(el, '.legend-row .legend-label')).to.deep.equal(mix.channels.map((c) => names[c.key!]));
    expect(texts(el, '.legend-share')).to.deep.equal(mix.channels.map((c) => f.percent(c.revenueShare)));
    expect(texts(el, '.legend-value')).to.deep.equal(mix.channels.map((c) => f.compactCurrency(c.revenue)));
    // Trend: one area per channel and one focusable column per month.
    expect(qa(el, '.stack path.fill')).to.have.length(4);
    expect(qa(el, '.period')).to.have.length(mix.periods.length);
    // Channel-count bars: the detail lines are the metric's buckets.
    expect(texts(el, '.count-detail')).to.deep.equal(
      mix.channelCount.map((b) => `${f.integer(b.customers)} customers (${f.percent(b.customerShare)}) · ${f.number(b.averageOrders, 1)} orders each`),
    );
  });

  it('table view and CSV hold the metric rows (hand-computed on the tiny fixture)', async () => {
    const el = await mount({ tables: tinyTables() });
    await drawn(el);
    // store 260 / 3 orders (B's refund nets but is no order) / 3 customers; ecommerce 150/3/2; phone 60/1/1;
    // no channel 40/1/1; social 30/1/1: 9 orders.
    const csv = (await exported(el, 'csv')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv).to.deep.equal([
      'Channel,Revenue,Revenue share,Orders,Order share,Average order value,Customers',
      `Store,260,${260 / 540},3,${3 / 9},${260 / 3},3`,
      `E-commerce,150,${150 / 540},3,${3 / 9},50,2`,
      `Phone,60,${60 / 540},1,${1 / 9},60,1`,
      `(unknown),40,${40 / 540},1,${1 / 9},40,1`,
      `Social,30,${30 / 540},1,${1 / 9},30,1`,
    ]);
    el.tableView = true;
    await waitUntil(() => q(el, 'table'));
    const first = qa(el, 'tbody tr')[0];
    expect([...first.children].map((c) => c.textContent!.trim())).to.deep.equal(['Store', 'CN¥260.00', '48.1%', '3', '33.3%', 'CN¥86.67', '3']);
  });

  it('summarizes the leading channel and the omni-channel answer, with their counts on this thin fixture (support rule)', async () => {
    const el = await mount({ tables: tinyTables() });
    await drawn(el);
    // Store 260/540 = 48%; January: store 260 of 410 = 63% → down. E has no channel (no bucket); 1 channel:
    // B (store), C (ecommerce) → 1 channel: avg (150 + 100)/2 = 125; A (3 channels) 180; F (2) 70.
    // Widest bucket with customers is 3: 180 / 125 = 1.44 → "1.4×".
    // Every figure here rests on fewer than 30 orders / 10 customers (the support rule): the claims are stated
    // with their counts (A, the only 3-channel customer, has 3 orders), and the month comparison is left out.
    expect(q(el, '[part~="chart"] p.visually-hidden')!.textContent).to.equal(
      'Store brings 48% of revenue (only 3 orders, 3 customers); customers using 3 channels spend 1.4× as much as single-channel customers (only 3 orders, 1 customer).',
    );
    expect(q(el, '[part~="channel-counts"] .note')!.textContent!.trim()).to.match(/Yes: customers using 3 channels spend 1.4×.+ Based on only 3 orders and 1 customer\.$/);
  });

  it('measure="orders" shows order shares and an orders trend', async () => {
    const el = await mount({ tables: tinyTables() }, 'measure="orders"');
    await drawn(el);
    expect(texts(el, '.legend-share')).to.deep.equal(['33.3%', '33.3%', '11.1%', '11.1%', '11.1%']);
    expect(texts(el, '.legend-value')).to.deep.equal(['3', '3', '1', '1', '1']);
    expect(q(el, '#trend-title')!.textContent).to.equal('Orders by channel per month');
    expect(q(el, '#share-title')!.textContent).to.equal('Share of orders');
  });

  it('interval="week" draws one column per ISO week with the week in its label', async () => {
    const el = await mount({ tables: tinyTables() }, 'interval="week"');
    await drawn(el);
    const weeks = channelMix(tinyTables(), { interval: 'week' }).periods;
    expect(weeks[0].label).to.equal('2024-W01');
    const columns = qa(el, '.period');
    expect(columns).to.have.length(weeks.length);
    // Week 1 (1–7 Jan): A store 100, A ecommerce 50, F phone 60, F store 10 → store 110 of 220 = 50%.
    expect(columns[0].getAttribute('aria-label')).to.match(/^2024-W01 \(Jan 1, 2024\): Store: CN¥110 \(50%\); E-commerce: CN¥50 \(22\.7%\)/);
  });

  it('trend="percent" draws 100 % bars per period; "area" draws stacked areas', async () => {
    const el = await mount({ tables: tinyTables() }, 'trend="percent"');
    await drawn(el);
    expect(qa(el, '.stack path')).to.have.length(0);
    expect(qa(el, '.stack rect.fill')).to.have.length(5 * 2); // 5 channels × 2 months
    expect(texts(el, '.y-axis text').at(-1)).to.equal('100%');
    expect(q(el, '#trend-title')!.textContent).to.contain('(share of each period)');
    // January bars fill the plot: the stacked heights sum to the plot height.
    const heights = qa<SVGRectElement>(el, '.stack rect.fill').filter((_, i) => i % 2 === 0).map((r) => Number(r.getAttribute('height')));
    const ticks = qa(el, '.grid line').map((l) => Number(l.getAttribute('y1')));
    expect(heights.reduce((a, b) => a + b, 0)).to.be.closeTo(Math.max(...ticks) - Math.min(...ticks), 0.01);
    el.trend = 'area';
    await waitUntil(() => qa(el, '.stack path.fill').length === 5);
    el.setAttribute('trend', 'bars');
    await waitUntil(() => q(el, '[part~="error"]'));
    expect(q(el, '[part~="error"]')!.textContent).to.contain('trend="bars" is not a trend style');
  });
});

describe('<crm-channel-mix>: selection, linking, keyboard', () => {
  it('selecting a legend row fires crm-channel-select with the channel and its customers; again clears', async () => {
    const el = await mount({ tables: tinyTables() });
    await drawn(el);
    const event = oneEvent(el, 'crm-channel-select');
    legendRows(el)[0].dispatchEvent(new MouseEvent('click'));
    const detail = (await event).detail as CrmSelectDetail;
    expect(detail.selection).to.include({ kind: 'channel', field: 'channels', value: 'store', label: 'Store' });
    expect([...detail.customerIds].sort()).to.deep.equal(['A', 'B', 'F']);
    expect(detail.filter).to.deep.equal({ channels: ['store'] });
    await el.updateComplete;
    expect(legendRows(el)[0].getAttribute('aria-selected')).to.equal('true');
    expect(q(el, '.share-chart')!.classList.contains('has-selection')).to.equal(true);
    const cleared = oneEvent(el, 'crm-channel-select');
    q(el, '.segment[data-key="store"]')!.dispatchEvent(new MouseEvent('click'));
    expect(((await cleared).detail as CrmSelectDetail).selection).to.equal(null);
  });

  it('the no-channel row cannot be selected (it is not a filter value)', async () => {
    const el = await mount({ tables: tinyTables() });
    await drawn(el);
    let fired = 0;
    el.addEventListener('crm-channel-select', () => fired++);
    legendRows(el)[3].dispatchEvent(new MouseEvent('click')); // (unknown)
    await el.updateComplete;
    expect(fired).to.equal(0);
  });

  it('filters linked widgets inside one <crm-data> and highlights itself', async () => {
    const data = await fixture<HTMLElement>(
      html`<crm-data .tables=${sample()}><crm-channel-mix id="a" lang="en"></crm-channel-mix><crm-channel-mix id="b" lang="en"></crm-channel-mix></crm-data>`,
    );
    const [a, b] = [data.querySelector('#a') as CrmChannelMix, data.querySelector('#b') as CrmChannelMix];
    await drawn(a);
    await drawn(b);
    const ecommerce = legendRows(a).findIndex((r) => r.querySelector('.legend-label')!.textContent === 'E-commerce');
    const event = oneEvent(a, 'crm-channel-select');
    legendRows(a)[ecommerce].dispatchEvent(new MouseEvent('click'));
    const detail = (await event).detail as CrmSelectDetail;
    expect(detail.customerIds).to.deep.equal(channelCustomerIds(sample(), {}, 'ecommerce'));
    await waitUntil(() => legendRows(b).length === 1, 'b was not filtered');
    expect(texts(b, '.legend-share')).to.deep.equal(['100%']);
    expect(legendRows(a)).to.have.length(4);
    a.clearSelection();
    await waitUntil(() => legendRows(b).length === 4);
  });

  it('keyboard: arrows move across channels, Enter selects, Esc clears; arrows move across periods with a tooltip', async () => {
    const el = await mount({ tables: tinyTables() });
    await drawn(el);
    const rows = legendRows(el);
    expect(rows.map((r) => r.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1', '-1', '-1']);
    rows[0].focus();
    rows[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(legendRows(el)[1]);
    expect(q(el, '[part~="tooltip"]')!.textContent).to.contain('E-commerce');
    const event = oneEvent(el, 'crm-channel-select');
    legendRows(el)[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(((await event).detail as CrmSelectDetail).selection!.value).to.equal('ecommerce');
    const cleared = oneEvent(el, 'crm-channel-select');
    legendRows(el)[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(((await cleared).detail as CrmSelectDetail).selection).to.equal(null);

    const periods = qa<SVGGElement>(el, '.period');
    expect(periods.map((p) => p.getAttribute('tabindex'))).to.deep.equal(['0', '-1']);
    periods[0].focus();
    await el.updateComplete;
    periods[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(qa(el, '.period')[1]);
    // February: ecommerce 100 (C), social 30 (A); the rest 0.
    const tip = q(el, '[part~="tooltip"]')!.textContent!;
    expect(tip).to.contain('Feb 2024');
    expect(tip).to.contain('E-commerce: CN¥100 (76.9%)');
    expect(tip).to.contain('Social: CN¥30 (23.1%)');
    expect(tip).to.contain('Store: CN¥0 (0%)');
  });
});

describe('<crm-channel-mix>: states, locales, theme, sizes, exports, a11y', () => {
  it('reaches the empty state under a filter, and the error state for a bad interval', async () => {
    const el = await mount({ tables: tinyTables() }, 'customer-ids="nobody"');
    await waitUntil(() => q(el, '[part~="empty"]'));
    const bad = await mount({ tables: tinyTables() }, 'interval="day"');
    await waitUntil(() => q(bad, '[part~="error"]'));
    expect(q(bad, '[part~="error"]')!.textContent).to.contain("interval: expected 'month' or 'week', found 'day'");
  });

  it('says so when the feed has no channel column', async () => {
    const el = await mount({ tables: { orders: aq.table(orderColumns) } });
    await waitUntil(() => q(el, '.note'));
    expect(q(el, '.note')!.textContent).to.contain('This feed has no channel data');
    expect(q(el, '.note')!.textContent).to.contain('9 orders, CN¥540.00');
  });

  it('zh-CN: Chinese channel names, 万 amounts, Chinese month ticks', async () => {
    const el = await mount({ lang: 'zh-CN' });
    await drawn(el);
    const mix = channelMix(sample());
    const f = new Formatter('zh-CN');
    const names: Record<string, string> = { store: '门店', ecommerce: '电商', social: '社交', phone: '电话' };
    expect(texts(el, '.legend-row .legend-label')).to.deep.equal(mix.channels.map((c) => names[c.key!]));
    expect(texts(el, '.legend-value')).to.deep.equal(mix.channels.map((c) => f.compactCurrency(c.revenue)));
    expect(texts(el, '.legend-value').every((t) => t.endsWith('万'))).to.equal(true);
    expect(texts(el, '.x-axis text').some((t) => /^\d{4}年$/.test(t))).to.equal(true);
    expect(q(el, '[part~="chart"] p.visually-hidden')!.textContent).to.match(/贡献了 \d+% 的销售额/);
    expect(q(el, '#share-title')!.textContent).to.equal('销售额占比');
  });

  it('dark theme resolves the series tokens to the dark palette', async () => {
    const el = await mount({ tables: tinyTables() }, 'theme="dark"');
    await drawn(el);
    expect(el.getAttribute('resolved-theme')).to.equal('dark');
    const store = legendRows(el)[0].querySelector('.swatch.fill')!;
    expect(getComputedStyle(store).fill).to.equal('rgb(86, 180, 233)'); // --crm-series-1 dark #56b4e9
  });

  for (const [width, layout] of [[320, 'stacked'], [1100, 'side']] as const) {
    it(`${width} px: ${layout} layout without horizontal overflow`, async () => {
      const el = await mount({ width });
      await waitUntil(() => q(el, `.mix.${layout}`), `no ${layout} layout`);
      const base = q(el, '[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const s of qa<SVGSVGElement>(el, '.mix svg')) expect(s.getBoundingClientRect().right).to.be.at.most(base.getBoundingClientRect().right);
    });
  }

  it('SVG export is one picture of the three parts with their titles', async () => {
    const el = await mount({ tables: tinyTables() });
    await drawn(el);
    const text = await exported(el, 'svg');
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svgRoot = doc.documentElement;
    expect(svgRoot.tagName).to.equal('svg');
    expect(svgRoot.querySelectorAll(':scope > svg')).to.have.length(3);
    expect([...svgRoot.querySelectorAll(':scope > text')].map((t) => t.textContent)).to.deep.equal([
      'Share of revenue',
      'Revenue by channel per month',
      'Customers by number of channels used',
    ]);
    expect(svgRoot.querySelectorAll('.segment, g[data-key]').length).to.equal(5);
    expect(text).to.contain('48.1%');
    expect(svgRoot.querySelectorAll('path[d^="M"]').length).to.be.greaterThan(5);
    expect(q(el, 'svg.composed')).to.equal(null); // the off-screen composition is removed
  });

  it('has no axe violations in chart view and table view', async () => {
    const el = await mount({ tables: tinyTables() });
    await drawn(el);
    await expect(el).to.be.accessible();
    el.tableView = true;
    await waitUntil(() => q(el, 'table'));
    await expect(el).to.be.accessible();
  });
});
