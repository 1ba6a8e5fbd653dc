import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import * as aq from 'arquero';
import '../../src/components/lifecycle-funnel/index.js';
import '../../src/components/data/index.js';
import type { CrmLifecycleFunnel } from '../../src/components/lifecycle-funnel/index.js';
import type { CrmExportDetail, CrmSelectDetail } from '../../src/components/events.js';
import type { CrmTables } from '../../src/data/types.js';
import { Formatter } from '../../src/i18n/format.js';
import { customersInStage, lifecycleFunnel, type StageDefinition } from '../../src/metrics/lifecycle/index.js';
import { layoutFunnel, wrapText } from '../../src/charts/funnel-chart.js';
import { FunnelConsumer, sampleFunnelTables, ordersOnly, tinyDeclared } from './lifecycle-funnel-fixtures.js';

const q = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const marks = (el: Element) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('g.mark')];
const en = new Formatter('en');

async function drawn(el: CrmLifecycleFunnel): Promise<void> {
  await waitUntil(() => q(el, 'svg.funnel-chart') && marks(el).length > 0, 'funnel not drawn', { timeout: 5000 });
  await el.updateComplete;
}

async function place(tables: CrmTables, attrs = '', width = 1100): Promise<CrmLifecycleFunnel> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  wrap.innerHTML = `<crm-lifecycle-funnel ${attrs.includes('lang=') ? '' : 'lang="en"'} ${attrs}></crm-lifecycle-funnel>`;
  const el = wrap.firstElementChild as CrmLifecycleFunnel;
  el.tables = tables;
  await el.updateComplete;
  return el;
}

async function mount(tables: CrmTables, attrs = '', width = 1100): Promise<CrmLifecycleFunnel> {
  const el = await place(tables, attrs, width);
  await drawn(el);
  return el;
}

async function exported(el: CrmLifecycleFunnel, format: 'csv' | 'svg'): Promise<CrmExportDetail> {
  const event = oneEvent(el, 'crm-export');
  el.addEventListener('crm-export', (e) => e.preventDefault(), { once: true });
  void el.exportAs(format);
  return ((await event) as CustomEvent<CrmExportDetail>).detail;
}

describe('<crm-lifecycle-funnel>: numbers', () => {
  it('shows the counts and rates lifecycleFunnel gives on the sample fixture', async () => {
    const tables = sampleFunnelTables();
    const expected = lifecycleFunnel(tables, {}).stages;
    const el = await mount(tables);
    const shown = marks(el);
    expect(shown).to.have.length(6);
    expected.forEach((s, i) => {
      expect(s.observable, s.id).to.equal(true);
      const text = shown[i].textContent!;
      expect(text).to.contain(s.labels.en);
      expect(text).to.contain(`${en.integer(s.customers)} · ${en.percent(s.conversionFromFirst, 0)}`);
      if (i > 0) {
        expect(text).to.contain(`↓ ${en.percent(s.conversionFromPrevious, 0)} converted`);
        expect(text).to.contain(`−${en.integer(s.dropOff)} (${en.percent(s.dropOffRate, 0)}) dropped`);
        expect(text).to.contain(`median ${en.number(s.medianDaysFromPrevious!, 1)} day`);
      }
    });
    // Table view: every cell formatted from the metric result.
    el.tableView = true;
    await el.updateComplete;
    const rows = [...q(el, 'table')!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows.map((r) => r[0])).to.deep.equal(['Awareness', 'Consideration', 'Purchase', 'Use', 'Repurchase', 'Advocacy']);
    expected.forEach((s, i) => {
      expect(rows[i].slice(1)).to.deep.equal([
        en.integer(s.customers),
        i === 0 ? '' : en.percent(s.conversionFromPrevious),
        en.percent(s.conversionFromFirst),
        i === 0 ? '' : en.integer(s.dropOff),
        i === 0 ? '' : en.percent(s.dropOffRate),
        i === 0 ? '' : en.number(s.medianDaysFromPrevious),
        'yes',
      ]);
    });
  });

  it('summarizes the finding in one sentence', async () => {
    const tables = sampleFunnelTables();
    const stages = lifecycleFunnel(tables, {}).stages;
    const el = await mount(tables);
    const summary = q(el, '[part~="chart"] p.visually-hidden')!.textContent!;
    expect(summary).to.match(new RegExp(`^Of ${en.integer(stages[0].customers).replace(',', '\\,')} customers at Awareness, `));
    expect(summary).to.contain(`${en.percent(stages[4].conversionFromFirst, 0)} reached Repurchase`);
    // The largest drop-off rate, computed here from the metric result.
    const worst = stages.slice(1).reduce((a, b) => (b.dropOffRate! > a.dropOffRate! ? b : a));
    const before = stages[stages.indexOf(worst) - 1];
    expect(summary).to.contain(`the largest drop-off is between ${before.labels.en} and ${worst.labels.en} (${en.percent(worst.dropOffRate, 0)})`);
  });

  it('orders only (hand-made): purchase and repurchase measured, the other stages marked not observable', async () => {
    // A buys d0, d10; B buys d5; C buys d2, d7, d30. Purchase 3, repurchase 2 (A, C): 2/3 converted,
    // 1 dropped; days to the 2nd purchase: A 10, C 5 → median 7.5.
    const el = await mount(ordersOnly(), '', 360);
    const shown = marks(el);
    const unobservable = shown.filter((m) => m.classList.contains('unobservable'));
    expect(unobservable.map((m) => m.dataset.stage)).to.deep.equal(['awareness', 'consideration', 'use', 'advocacy']);
    for (const m of unobservable) {
      expect(m.querySelector('rect.bar')).to.equal(null); // never a zero-width bar
      expect(m.querySelector('.funnel-unobservable-box')).to.not.equal(null);
      expect(m.textContent).to.contain('Not observable: needs');
      expect(m.getAttribute('aria-label')).to.contain('Not observable');
    }
    expect(shown[2].textContent).to.contain('3 · 100%');
    expect(shown[4].textContent).to.contain('2 · 67%');
    expect(shown[4].textContent).to.contain('↓ 67% from Purchase');
    expect(shown[4].textContent).to.contain('−1 (33%) dropped');
    expect(shown[4].getAttribute('aria-label')).to.contain('median 7.5 days');
    // The hatched box is drawn with a dashed outline (not colour alone).
    expect(getComputedStyle(unobservable[0].querySelector('.funnel-unobservable-box')!).strokeDasharray).to.not.equal('none');
    el.tableView = true;
    await el.updateComplete;
    const first = [...q(el, 'tbody tr')!.children].map((c) => c.textContent!.trim());
    expect(first[1]).to.equal('not observable');
    expect(first[7]).to.match(/^no: needs a customers table or an interactions table/);
  });

  it('declared mode: counts the lifecycle_stage column and says so', async () => {
    // Declared: A purchase, B repurchase, C awareness, D (none) → awareness 3, consideration 2, purchase 2,
    // use 1, repurchase 1, advocacy 0; one record without a stage.
    const el = await mount(tinyDeclared(), 'mode="declared"');
    expect(q(el, '[part~="note"]')!.textContent).to.contain('declared lifecycle stage of 4 customer records');
    expect(q(el, '[part~="note"]')!.textContent).to.contain('1 record has no stage.');
    const texts = marks(el).map((m) => m.querySelector('.bar-value')!.textContent);
    expect(texts).to.deep.equal(['3 · 100%', '2 · 67%', '2 · 67%', '1 · 33%', '1 · 33%', '0 · 0%']);
    el.mode = 'observed';
    await waitUntil(() => !q(el, '[part~="note"]'), 'observed mode still shows the declared note');
  });

  it('custom stages through the stageDefinitions property', async () => {
    const stages: StageDefinition[] = [
      { id: 'buyer', labels: { en: 'Buyer', 'zh-CN': '买家' }, rule: { minOrders: 1 } },
      { id: 'loyal', labels: { en: 'Loyal', 'zh-CN': '忠诚' }, rule: { minOrders: 3 } },
    ];
    const el = await mount(ordersOnly());
    el.stageDefinitions = stages;
    await waitUntil(() => marks(el).length === 2, 'custom stages not drawn');
    // Only C has 3 orders.
    expect(marks(el).map((m) => m.querySelector('.bar-value')!.textContent)).to.deep.equal(['3 · 100%', '1 · 33%']);
    expect(el.getAttribute('stages')).to.equal(null); // the base's stage filter attribute is untouched
  });
});

describe('<crm-lifecycle-funnel>: selection and linking', () => {
  it('keyboard: arrows move, Enter selects the stage with customersInStage ids, Esc clears', async () => {
    const tables = sampleFunnelTables();
    const el = await mount(tables);
    const first = marks(el)[0];
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(marks(el)[1]);
    marks(el)[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    const selected = oneEvent(el, 'crm-stage-select');
    el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const detail = ((await selected) as CustomEvent<CrmSelectDetail>).detail;
    expect(detail.selection).to.deep.include({ kind: 'stage', value: 'purchase', label: 'Purchase', field: 'stages' });
    expect(detail.filter.stages).to.deep.equal(['purchase']);
    expect(detail.customerIds).to.deep.equal(customersInStage(tables, 'purchase', {}));
    expect(detail.customerIds).to.have.length(lifecycleFunnel(tables, {}).stages[2].customers!);
    await el.updateComplete;
    expect(marks(el)[2].getAttribute('aria-selected')).to.equal('true');
    const cleared = oneEvent(el, 'crm-stage-select');
    marks(el)[2].dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(((await cleared) as CustomEvent<CrmSelectDetail>).detail.selection).to.equal(null);
  });

  it('an unobservable stage cannot be selected (it has no customers of its own)', async () => {
    const el = await mount(ordersOnly());
    let fired = 0;
    el.addEventListener('crm-stage-select', () => fired++);
    marks(el)[0].dispatchEvent(new MouseEvent('click'));
    await el.updateComplete;
    expect(fired).to.equal(0);
    expect(marks(el)[0].getAttribute('aria-selected')).to.equal('false');
  });

  it('a linked widget in the same <crm-data> recomputes with the stage filter', async () => {
    const tables = sampleFunnelTables();
    const data = await fixture<HTMLElement>(html`<crm-data .tables=${tables}>
      <crm-lifecycle-funnel lang="en"></crm-lifecycle-funnel>
      <funnel-test-consumer></funnel-test-consumer>
    </crm-data>`);
    const funnel = data.querySelector('crm-lifecycle-funnel')!;
    const consumer = data.querySelector('funnel-test-consumer') as FunnelConsumer;
    await drawn(funnel);
    await waitUntil(() => consumer.shownCount() !== null, 'consumer did not render');
    const all = consumer.shownCount();
    const repurchasers = customersInStage(tables, 'repurchase', {});
    marks(funnel)[4].dispatchEvent(new MouseEvent('click'));
    await waitUntil(() => consumer.shownCount() === repurchasers.length, `consumer shows ${consumer.shownCount()}`);
    expect(repurchasers.length).to.be.lessThan(all!);
    // The funnel highlights its own selection instead of filtering itself.
    expect(marks(funnel).filter((m) => m.querySelector('rect.bar'))).to.have.length(6);
    funnel.clearSelection();
    await waitUntil(() => consumer.shownCount() === all, 'consumer not restored');
  });
});

describe('<crm-lifecycle-funnel>: locales, theme, size, states, exports, a11y', () => {
  it('zh-CN: stage labels and 万 for large counts', async () => {
    const el = await mount(sampleFunnelTables(), 'lang="zh-CN"');
    const labels = marks(el).map((m) => m.querySelector('.bar-label')!.textContent);
    expect(labels).to.deep.equal(['认知', '考虑', '购买', '使用', '复购', '推荐']);
    expect(q(el, 'h2')!.textContent).to.contain('客户生命周期漏斗');
    expect(marks(el)[1].textContent).to.match(/↓ 转化 \d+% · 流失 \d+（\d+%） · 中位 [\d.]+ 天/);
    // 12,345 buyers (hand-made): compact count in 万 in the chart, the exact count in the table.
    el.tables = { orders: aq.table({ customer_id: Array.from({ length: 12_345 }, (_, i) => `c${i}`), order_date: new Int32Array(12_345).fill(20_000), amount: new Float64Array(12_345).fill(10) }) };
    await waitUntil(() => marks(el)[2]?.textContent!.includes('1.23万 · 100%'), 'no 万 count');
    expect(marks(el)[0].textContent).to.contain('无法观测：需要客户表或互动表');
    el.tableView = true;
    await el.updateComplete;
    expect(q(el, 'tbody tr:nth-child(3)')!.textContent).to.contain('12,345');
  });

  it('dark theme colours the bars from the dark tokens', async () => {
    const el = await mount(sampleFunnelTables(), 'theme="dark"');
    expect(el.getAttribute('resolved-theme')).to.equal('dark');
    expect(getComputedStyle(q(el, 'rect.bar')!).fill).to.equal('rgb(86, 180, 233)'); // --crm-series-1 dark #56b4e9
  });

  it('narrow (320 px) stacks labels above bars without overflow; wide (1100 px) uses a label column', async () => {
    const el = await mount(sampleFunnelTables(), '', 320);
    await waitUntil(() => el.size === 'narrow');
    await el.updateComplete;
    let base = q(el, '[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    const svg = q<SVGSVGElement>(el, 'svg.funnel-chart')!;
    expect(svg.classList.contains('stacked')).to.equal(true);
    const label = marks(el)[1].querySelector('.bar-label')!.getBoundingClientRect();
    const bar = marks(el)[1].querySelector('rect.bar')!.getBoundingClientRect();
    expect(label.bottom).to.be.at.most(bar.top + 1);
    (el.parentElement as HTMLElement).style.width = '1100px';
    await waitUntil(() => el.size === 'wide');
    await el.updateComplete;
    base = q(el, '[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(q(el, 'svg.funnel-chart')!.classList.contains('stacked')).to.equal(false);
    const wideLabel = marks(el)[1].querySelector('.bar-label')!.getBoundingClientRect();
    const wideBar = marks(el)[1].querySelector('rect.bar')!.getBoundingClientRect();
    expect(wideLabel.right).to.be.at.most(wideBar.left);
  });

  it('align="left" starts every bar at the same x', async () => {
    const el = await mount(sampleFunnelTables(), 'align="left"');
    const xs = new Set([...el.shadowRoot!.querySelectorAll('rect.bar')].map((r) => r.getAttribute('x')));
    expect(xs.size).to.equal(1);
  });

  it('reaches the empty state (with Clear filters) and the error state for a bad mode', async () => {
    const el = await place(sampleFunnelTables(), 'customer-ids="nobody"');
    await waitUntil(() => q(el, '[part~="empty"]'), 'no empty state');
    expect(q(el, 'svg')).to.equal(null);
    el.removeAttribute('customer-ids');
    await drawn(el);
    el.setAttribute('date-from', '2099-01-01');
    await waitUntil(() => q(el, '[part~="empty"]'), 'no empty state for a date range after the data');
    const bad = await place(ordersOnly(), 'mode="bogus"');
    await waitUntil(() => q(bad, '[part~="error"]'), 'no error state');
    expect(q(bad, '[part~="error"]')!.textContent).to.contain('mode="bogus" is not a lifecycle mode');
  });

  it('CSV rows equal the metric result; the SVG contains the marks and the unobservable notes', async () => {
    const tables = ordersOnly();
    const expected = lifecycleFunnel(tables, {}).stages;
    const el = await mount(tables);
    const csv = (await (await exported(el, 'csv')).blob.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).to.equal(
      'Stage,Customers,Conversion from previous,Conversion from first,Drop-off,Drop-off rate,Median days from previous,Observable',
    );
    const raw = (x: number | null) => (x === null ? '' : String(x));
    expect(csv.slice(1).map((line) => line.split(',').slice(1, 7))).to.deep.equal(
      expected.map((s) => [s.customers, s.conversionFromPrevious, s.conversionFromFirst, s.dropOff, s.dropOffRate, s.medianDaysFromPrevious].map(raw)),
    );
    expect(csv[5]).to.equal('Repurchase,2,0.6666666666666666,0.6666666666666666,1,0.3333333333333333,7.5,yes');
    const svg = await (await exported(el, 'svg')).blob.text();
    expect(svg.match(/role="option"/g)).to.have.length(6);
    expect(svg).to.contain('Not observable: needs');
    expect(svg).to.not.contain('var(--');
  });

  it('has no axe violations in chart and table view', async () => {
    const el = await mount(ordersOnly());
    await expect(el).to.be.accessible();
    el.tableView = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('funnel chart layout (pure)', () => {
  it('wrapText breaks at spaces and between CJK characters, truncating the last allowed line', () => {
    // 13 px: a Latin letter ≈ 7.54 px, a space 3.9 px, a CJK character 13 px (estimateTextWidth).
    expect(wrapText('aaaa bbbb cccc', 70, 13)).to.deep.equal(['aaaa bbbb', 'cccc']);
    expect(wrapText('认知考虑购买', 40, 13)).to.deep.equal(['认知考', '虑购买']);
    expect(wrapText('aa bb cc dd', 20, 13, 2)).to.deep.equal(['aa', 'b…']);
  });

  it('bar widths are proportional to customers; an unobservable stage spans the bar area', () => {
    const layout = layoutFunnel(
      [
        { key: 'a', label: 'A', value: 200, valueText: '200' },
        { key: 'b', label: 'B', value: null, valueText: '', note: 'Not observable' },
        { key: 'c', label: 'C', value: 50, valueText: '50', stepText: 'x' },
      ],
      { width: 600 },
    );
    const [a, b, c] = layout.rows;
    expect(c.barWidth / a.barWidth).to.be.closeTo(0.25, 1e-9);
    expect(b.barWidth).to.equal(a.barWidth); // the largest bar spans the whole bar area too
    expect(c.barX + c.barWidth / 2).to.be.closeTo(a.barX + a.barWidth / 2, 1e-9); // centred
    expect(c.step).to.have.length(1);
  });
});
