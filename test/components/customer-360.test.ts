import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/customer-360/index.js';
import '../../src/components/data/index.js';
import type { CrmCustomer360 } from '../../src/components/customer-360/index.js';
import { Formatter } from '../../src/i18n/format.js';
import { isoToDay as day } from '../../src/data/days.js';
import { customerDirectory, customerProfile, customerSummary, type ProfilePredictions } from '../../src/metrics/profile/index.js';
import { ordersTable } from '../metrics/tables.js';
import { exported, kpis, parseCsv, q, qa, ready, sampleTables, text, tinyTables } from './customer-360-helpers.js';

const en = new Formatter('en', 'CNY');
const zh = new Formatter('zh-CN', 'CNY');

describe('crm-customer-360: numbers', () => {
  // The sample's top customer by revenue (the picker's first entry), with predictions.
  const tables = sampleTables();
  const id = customerDirectory(tables, customerSummary(tables)).ids[0];
  const p = customerProfile(tables, id);
  const pr = p.predictions as ProfilePredictions;

  it('shows the figures customerProfile computes for the same tables', async () => {
    expect(pr.available).to.equal(true);
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" customer-id=${id} .tables=${tables}></crm-customer-360>`);
    await ready(el);
    expect(text(q(el, '.name'))).to.equal(p.record!.name);
    expect(kpis(el)).to.deep.equal({
      'Lifetime revenue': en.compactCurrency(p.revenue),
      Orders: en.integer(p.orders),
      'Average order value': en.currency(p.aov),
      'First order': en.day(p.firstOrder),
      'Last order': en.day(p.lastOrder),
      'Days since last order': en.integer(p.recencyDays),
    });
    const scores = qa(el, '.score').map((s) => s.getAttribute('aria-label'));
    expect(scores).to.deep.equal([
      `Recency score ${p.rfm!.r} of 5: ${p.rfm!.recencyDays} ${p.rfm!.recencyDays === 1 ? 'day' : 'days'} ago`,
      `Frequency score ${p.rfm!.f} of 5: ${p.rfm!.frequency} orders`,
      `Monetary score ${p.rfm!.m} of 5: ${en.compactCurrency(p.rfm!.monetary)}`,
    ]);
    expect(text(q(el, '.rfm .facts'))).to.contain(p.rfm!.segment.labels.en).and.contain(p.lifecycle!.labels.en);
    const outlook = text(q(el, '.outlook'));
    expect(outlook).to.contain(`Churn risk ${en.percent(pr.churnRisk, 0)}`);
    // The highest churn risk of the sample reads "The highest", never "Higher than 100 %".
    expect(pr.highest.churnRisk).to.equal(true);
    expect(outlook).to.contain(`${en.percent(pr.churnRisk, 0)} high risk The highest of all customers`);
    expect(outlook).to.contain(`Higher than ${en.percent(Math.floor(pr.percentiles.expectedOrders) / 100, 0)} of customers`);
    expect(outlook).to.contain(`Model: ${pr.model === 'bgnbd' ? 'BG/NBD' : pr.model === 'mbgnbd' ? 'MBG/NBD' : 'Pareto/NBD'} (most accurate in the model check)`);
    expect(outlook).to.contain(`Expected orders, next 90 days ${en.number(pr.expectedOrders, 1)}`);
    expect(outlook).to.contain(`12-month value (CLV) ${en.compactCurrency(pr.clv)}`);
    // Channels: share of orders; categories: share of revenue.
    const shares = qa(el, '.share').map((s) => s.getAttribute('aria-label'));
    expect(shares.slice(0, p.channels.length)).to.deep.equal(
      p.channels.map((c) => `${c.value === 'ecommerce' ? 'E-commerce' : c.value[0].toUpperCase() + c.value.slice(1)}: ${en.percent(c.orders / p.orders, 0)} (${c.orders} ${c.orders === 1 ? 'order' : 'orders'})`),
    );
    expect(shares).to.have.length(p.channels.length + p.topCategories.length);
    // Timeline: newest first, the first six.
    expect(qa(el, '.event-date').map((t) => t.getAttribute('datetime'))).to.have.length(Math.min(6, p.timeline.length));
    expect(text(q(el, '.event-date'))).to.equal(en.day(p.timeline[0].day));
  });

  it('exports the figures as CSV rows equal to the profile, and the spend chart as SVG', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" customer-id=${id} .tables=${tables}></crm-customer-360>`);
    await ready(el);
    const csv = parseCsv(await (await exported(el, 'csv')).blob.text());
    expect(csv[0]).to.deep.equal(['Field', 'Value']);
    const row = (field: string) => csv.find((r) => r[0] === field)?.[1];
    expect(row('Customer ID')).to.equal(id);
    expect(Number(row('Lifetime revenue'))).to.equal(p.revenue);
    expect(Number(row('Orders'))).to.equal(p.orders);
    expect(Number(row('Average order value'))).to.equal(p.aov);
    expect(row('Last order')).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(day(row('Last order')!)).to.equal(p.lastOrder);
    expect(Number(row('Churn risk'))).to.equal(pr.churnRisk);
    expect(Number(row('12-month value (CLV)'))).to.equal(pr.clv);
    expect(row('Segment')).to.equal(p.rfm!.segment.id);

    const svg = await (await exported(el, 'svg')).blob.text();
    const drawn = q(el, '.spend .spark-line')!.getAttribute('d')!;
    expect(drawn.length).to.be.greaterThan(20);
    expect(svg).to.contain(`d="${drawn}"`);
    expect(svg).to.contain(p.record!.name as string); // caption: who
    expect(svg).to.contain(en.month(p.monthly.monthIndex[0])); // and from when
    expect(svg).to.contain('<circle');
    const png = await exported(el, 'png');
    expect(png.blob.type).to.equal('image/png');
    expect(png.blob.size).to.be.greaterThan(500);
  });

  it('shows the KPI rows in "view as table"', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" table-view customer-id=${id} .tables=${tables}></crm-customer-360>`);
    await waitUntil(() => q(el, 'table'), 'no table');
    const cells = qa(el, 'tbody tr').map((tr) => [text(tr.children[0]), text(tr.children[1])]);
    expect(cells).to.deep.include(['Lifetime revenue', en.currency(p.revenue)]);
    expect(cells).to.deep.include(['Segment', p.rfm!.segment.labels.en]);
    await expect(el).to.be.accessible();
  });
});

describe('crm-customer-360: a hand-made customer', () => {
  it('shows hand-computed figures, the timeline, the actions and why predictions are missing', async () => {
    const el = await fixture<CrmCustomer360>(
      html`<crm-customer-360 lang="en" as-of="2024-05-01" customer-id="a" .tables=${tinyTables()}></crm-customer-360>`,
    );
    await ready(el);
    // a: o1 (2 lines, 120), o2 50, o3 30, o4 200 → 4 orders, 400, AOV 100; last 04-01 → 30 days before 05-01.
    expect(kpis(el)).to.deep.equal({
      'Lifetime revenue': 'CN¥400',
      Orders: '4',
      'Average order value': 'CN¥100.00',
      'First order': 'Jan 5, 2024',
      'Last order': 'Apr 1, 2024',
      'Days since last order': '30',
    });
    expect(qa(el, '.contact-item').map((i) => `${text(i.querySelector('dt'))}: ${text(i.querySelector('dd'))}`)).to.deep.equal([
      'Customer ID: a',
      'Type: Repair shop',
      'Region: East China · 浙江',
      'Phone: 138 0000 1111',
      'Email: a@example.cn',
    ]);
    expect(q(el, '.contact a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:13800001111');
    // Two customers cannot fit BG/NBD: the reason, no numbers.
    expect(text(q(el, '.outlook'))).to.equal('Outlook No churn or value figures: only 2 customers have order history before the analysis day; the model needs at least 10.');
    // Interactions up to as-of, newest first (06-01 is after it).
    expect(qa(el, '.event').map((e) => text(e))).to.deep.equal([
      'Complaint Phone Apr 20, 2024 late delivery',
      'Service Phone NPS 9 Mar 15, 2024 oil change',
      'Visit Store Jan 1, 2024',
    ]);
    // Complaint 11 days before as-of → care call first, with its reason.
    expect(text(q(el, '.action'))).to.equal(
      'Make a care call: listen, fix the issue, follow up within a week. Why: Complaint on Apr 20, 2024.',
    );
    // store 2 orders of 4 = 50 %, ecommerce 50 %; tyres 200/400 = 50 %, brakes 130 → 33 %, lubricants 70 → 18 %.
    expect(qa(el, '.share').map((s) => text(s.querySelector('.share-value')))).to.deep.equal(['50%', '50%', '50%', '33%', '18%']);
    // Spend Jan–May 2024: 120, 80, 0, 200, 0 → total 400, peak 200 in April.
    expect(q(el, '.spend svg')!.getAttribute('aria-label')).to.equal(
      'Monthly spend from Jan 2024 to May 2024: total CN¥400, highest CN¥200 in Apr 2024, latest month CN¥0.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows a prospect (no orders) with its record, timeline and a first-order action', async () => {
    const el = await fixture<CrmCustomer360>(
      html`<crm-customer-360 lang="en" as-of="2024-05-01" customer-id="p" .tables=${tinyTables()}></crm-customer-360>`,
    );
    await ready(el);
    expect(text(q(el, '.name'))).to.equal('Prospect Motors');
    expect(text(q(el, '.kpis .note'))).to.equal('No orders up to May 1, 2024: a prospect.');
    expect(q(el, '.outlook')).to.equal(null);
    expect(text(q(el, '.event'))).to.equal('Inquiry Social Feb 2, 2024');
    expect(text(q(el, '.action-text'))).to.equal('Convert the prospect with a first-order offer.');
  });

  it('names an unknown id and offers the picker', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" customer-id="zz-9" .tables=${tinyTables()}></crm-customer-360>`);
    await ready(el, 'picker');
    expect(text(q(el, '[role="alert"]'))).to.equal('There is no customer with ID “zz-9” in this data.');
    expect(q(el, 'input[role="combobox"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('expands the timeline beyond six interactions', async () => {
    const t = tinyTables();
    const many = { ...t, interactions: (await import('arquero')).table({
      customer_id: Array(8).fill('a'),
      date: Int32Array.from({ length: 8 }, (_, i) => day('2024-03-01') + i),
      kind: Array(8).fill('review'),
      nps: Float64Array.from({ length: 8 }, (_, i) => i + 3),
    }) };
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" as-of="2024-05-01" customer-id="a" .tables=${many}></crm-customer-360>`);
    await ready(el);
    expect(qa(el, '.event')).to.have.length(6);
    // Newest first: NPS 10 (03-08) … ; the latest rated NPS is 10, a promoter.
    expect(text(q(el, '.nps'))).to.equal('NPS 10');
    const more = q<HTMLButtonElement>(el, '.more')!;
    expect(text(more)).to.equal('Show all (8)');
    more.click();
    await el.updateComplete;
    expect(qa(el, '.event')).to.have.length(8);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
  });
});

describe('crm-customer-360: states', () => {
  it('is empty when the data has no orders and no customers, and shows an error for a bad segment preset', async () => {
    const none = { orders: ordersTable([]) };
    const empty = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" .tables=${none}></crm-customer-360>`);
    await waitUntil(() => q(empty, '[part="empty"]'), 'no empty state');
    expect(text(q(empty, '[part="empty"]'))).to.equal('The feed has no order rows.'); // the base names why

    const bad = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" segments="nope" customer-id="a" .tables=${tinyTables()}></crm-customer-360>`);
    await waitUntil(() => q(bad, '[part="error"]'), 'no error state');
    expect(text(q(bad, '[part="error"]'))).to.contain('Could not calculate this view.').and.contain('nope');
    expect(q(bad, '[part="error"] button')).to.not.equal(null); // Retry
  });

  it('shows the no-source message without data', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en"></crm-customer-360>`);
    await waitUntil(() => q(el, '[part="empty"]'));
    expect(text(q(el, '[part="empty"]'))).to.contain('No data source');
  });
});

describe('crm-customer-360: locale, theme, size', () => {
  const tables = sampleTables();
  const id = customerDirectory(tables, customerSummary(tables)).ids[0];
  const p = customerProfile(tables, id);

  it('speaks Chinese with 万 amounts', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="zh-CN" customer-id=${id} .tables=${tables}></crm-customer-360>`);
    await ready(el);
    expect(text(q(el, '.title'))).to.equal('客户360视图');
    const k = kpis(el);
    expect(k['累计销售额']).to.equal(zh.compactCurrency(p.revenue));
    expect(k['累计销售额']).to.match(/万$/);
    expect(k['最近下单']).to.equal(zh.day(p.lastOrder));
    expect(text(q(el, '.rfm .facts'))).to.contain(p.rfm!.segment.labels['zh-CN']);
    expect(qa(el, '.panel-title').map(text)).to.include.members(['关键指标', '预测', '建议行动', '月度消费', '偏好', '近期互动']);
    const kinds = qa(el, '.event-kind').map(text);
    expect(kinds.every((k) => /^[\u4e00-\u9fff]+$/.test(k))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('takes the dark theme', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 theme="dark" customer-id=${id} .tables=${tables}></crm-customer-360>`);
    await ready(el);
    expect(el.getAttribute('resolved-theme')).to.equal('dark');
    // --crm-color-surface in dark is #1f242b; the text is #e6e9ee.
    expect(getComputedStyle(q(el, '.panel')!).backgroundColor).to.equal('rgb(31, 36, 43)');
    expect(getComputedStyle(q(el, '.name')!).color).to.equal('rgb(230, 233, 238)');
    await expect(el).to.be.accessible();
  });

  for (const [width, columns, kpiColumns] of [
    [320, 1, 2],
    [1100, 3, 3],
  ] as const) {
    it(`lays out at ${width} px: ${columns} column(s), KPIs in ${kpiColumns}, no horizontal overflow`, async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: ${width}px"><crm-customer-360 lang="zh-CN" customer-id=${id} .tables=${tables}></crm-customer-360></div>`,
      );
      const el = wrap.firstElementChild as CrmCustomer360;
      await ready(el);
      await waitUntil(() => q(el, `.c360.size-${width < 480 ? 'narrow' : 'wide'}`), 'size not applied');
      await el.updateComplete;
      const count = (sel: string) => getComputedStyle(q(el, sel)!).gridTemplateColumns.split(' ').length;
      expect(count('.grid')).to.equal(columns);
      expect(count('.kpi-grid')).to.equal(kpiColumns);
      const base = q(el, '[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const panel of qa(el, '.panel')) expect(panel.scrollWidth, panel.className).to.be.at.most(panel.clientWidth);
    });
  }
});
