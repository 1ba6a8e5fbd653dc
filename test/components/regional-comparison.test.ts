import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import * as aq from 'arquero';
import '../../src/components/data/index.js';
import '../../src/components/regional-comparison/index.js';
import type { CrmRegionalComparison } from '../../src/components/regional-comparison/index.js';
import type { CrmExportDetail, CrmSelectDetail } from '../../src/components/events.js';
import type { CrmTables } from '../../src/data/types.js';
import { isoToDay } from '../../src/data/days.js';
import { normalizeFeed } from '../../src/data/normalize/normalize-feed.js';
import { Formatter } from '../../src/i18n/format.js';
import { regionalComparison, regionalGroupCustomers, type RegionalGroup } from '../../src/metrics/regional/index.js';
import { generateSample } from '../../src/sample/index.js';

type El = CrmRegionalComparison;

// Sample fixture: 300 customers / 3,000 orders, seed 7 (default period: the 365 days up to the last order).
let sample: CrmTables | undefined;
const sampleTables = () => (sample ??= normalizeFeed(generateSample({ seed: 7, orders: 3000, customers: 300 }) as never).tables);

const D = isoToDay('2024-01-01');
// Hand-made (days from 2024-01-01), period 2024-01-01…01-30, comparison 2023-12-02…12-31 (the 30 days before):
//   East: A +10 100 and A −20 40 → revenue 100 vs 40 → +150 %
//   West: C +12 80 only in the period → growth n/a (no comparison) — never +100 %
//   North: F −10 90 only in the comparison period → listed last with 0, growth n/a — never −100 %
const handTables = (): CrmTables => ({
  orders: aq.table({
    order_id: ['1', '2', '3', '4'],
    customer_id: ['A', 'A', 'C', 'F'],
    order_date: Int32Array.from([10, -20, 12, -10], (o) => D + o),
    amount: Float64Array.from([100, 40, 80, 90]),
    region: ['East', 'East', 'West', 'North'],
  }),
});

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as T | null;
const marks = (el: Element) => [...el.shadowRoot!.querySelectorAll<SVGElement>('.mark')];
const labels = (el: Element) => marks(el).map((m) => m.getAttribute('aria-label'));
const rendered = (el: Element, n = 1) => waitUntil(() => marks(el).length >= n, 'chart did not render', { timeout: 8000 });
const key = (e: Element, k: string) => e.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));

async function exported(el: El, format: 'csv' | 'svg'): Promise<string> {
  const event = oneEvent(el, 'crm-export');
  el.addEventListener('crm-export', (e) => e.preventDefault(), { once: true });
  void el.exportAs(format);
  const detail = ((await event) as CustomEvent<CrmExportDetail>).detail;
  const text = await detail.blob.text();
  return text.replace(/^\uFEFF/, '');
}

/** CSV text → rows of fields (no quoted commas in these fixtures' numbers; labels are plain). */
const csvRows = (text: string) => text.trim().split('\r\n').map((line) => line.split(','));
const num = (s: string) => (s === '' ? null : Number(s));

describe('<crm-regional-comparison>: values', () => {
  it('CSV equals regionalComparison on the sample (revenue: every figure, previous, growth, share, rank)', async () => {
    const tables = sampleTables();
    const el = await fixture<El>(html`<crm-regional-comparison lang="zh-CN" .tables=${tables}></crm-regional-comparison>`);
    await rendered(el);
    const r = regionalComparison(tables, {});
    const [header, ...rows] = csvRows(await exported(el, 'csv'));
    expect(header).to.deep.equal(['排名', '区域', '销售额', '订单数', '客户数', '客单价', '人均销售额', '复购率', '销售额占比', '销售额（对比期）', '销售额增长']);
    expect(rows.map((x) => x[1])).to.deep.equal(r.groups.map((g) => g.label)); // same order: revenue descending
    rows.forEach((x, i) => {
      const g = r.groups[i];
      const expected = [g.rank, g.revenue, g.orders, g.customers, g.aov, g.revenuePerCustomer, g.repeatRate, g.share, g.previous?.revenue ?? null, g.growth.revenue];
      const found = [x[0], ...x.slice(2)].map(num);
      found.forEach((v, k) => (expected[k] === null ? expect(v).to.equal(null) : expect(v).to.be.closeTo(expected[k]!, 1e-9)));
    });
  });

  for (const metric of ['orders', 'aov', 'repeat-rate'] as const) {
    it(`metric="${metric}": bars sorted by the metric, labels equal the metric formatted`, async () => {
      const tables = sampleTables();
      const el = await fixture<El>(html`<crm-regional-comparison lang="en" metric=${metric} .tables=${tables}></crm-regional-comparison>`);
      await rendered(el);
      const f = new Formatter('en');
      const value = (g: RegionalGroup) => (metric === 'orders' ? g.orders : metric === 'aov' ? g.aov : g.repeatRate);
      const show = (v: number | null) => (metric === 'orders' ? f.compact(v) : metric === 'aov' ? f.compactCurrency(v) : f.percent(v));
      const groups = [...regionalComparison(tables, {}).groups].sort((a, b) => (value(b) ?? -1) - (value(a) ?? -1));
      // "East China: 304 ▼ −16.3%, comparison 363": name, value as drawn, change, comparison value.
      const found = labels(el).map((l) => l!.replace(/ (?:[▲▼n]|0 pt).*$/, ''));
      expect(found).to.deep.equal(groups.map((g) => `${el.groupLabel(g.key)}: ${show(value(g))}`));
      // The table view shows the same groups in the same order with the full values.
      el.tableView = true;
      await el.updateComplete;
      const col = metric === 'orders' ? 3 : metric === 'aov' ? 5 : 7;
      const full = (v: number | null) => (metric === 'orders' ? f.integer(v) : metric === 'aov' ? f.currency(v) : f.percent(v));
      const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [tr.children[1].textContent!.trim(), tr.children[col].textContent!.trim()]);
      expect(rows).to.deep.equal(groups.map((g) => [el.groupLabel(g.key), full(value(g))]));
    });
  }

  it('growth n/a with its reason on a hand-made table; +150 % where both periods exist', async () => {
    const el = await fixture<El>(
      html`<crm-regional-comparison lang="en" as-of="2024-01-30" date-from="2024-01-01" date-to="2024-01-30" .tables=${handTables()}></crm-regional-comparison>`,
    );
    await rendered(el, 3);
    expect(labels(el)).to.deep.equal([
      'East: CN¥100 ▲ +150%, comparison CN¥40',
      'West: CN¥80 n/a (no orders in the comparison period), comparison —',
      'North: CN¥0 n/a (no orders in this period), comparison CN¥90',
    ]);
    const notes = [...el.shadowRoot!.querySelectorAll('.bar-note')].map((n) => n.textContent!.trim());
    expect(notes).to.deep.equal(['▲ +150%', 'n/a', 'n/a']);
    expect(el.shadowRoot!.textContent).to.not.contain('100%');
    const f = new Formatter('en');
    expect(q(el, '[part~="periods"]')!.textContent).to.equal(
      `${f.day(D)} – ${f.day(D + 29)} compared with ${f.day(D - 30)} – ${f.day(D - 1)}`,
    );
    el.tableView = true;
    await el.updateComplete;
    const cells = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild!.textContent!.trim());
    expect(cells).to.deep.equal(['▲ +150%', 'n/a (no orders in the comparison period)', 'n/a (no orders in this period)']);
  });

  it('compare-from / compare-to set the comparison period; a bad pair is an error naming the attributes', async () => {
    const el = await fixture<El>(
      html`<crm-regional-comparison lang="en" as-of="2024-01-30" date-from="2024-01-01" date-to="2024-01-30"
        compare-from="2023-12-20" compare-to="2023-12-31" .tables=${handTables()}></crm-regional-comparison>`,
    );
    await rendered(el, 3);
    // Only F's −10 order (2023-12-22) falls in 12-20…12-31: East now has no comparison.
    expect(labels(el)[0]).to.equal('East: CN¥100 n/a (no orders in the comparison period), comparison —');
    el.compareTo = '2023-12-01';
    await waitUntil(() => q(el, '[part~="error"]'), 'no error');
    expect(q(el, '[part~="error"]')!.textContent).to.contain('compare-from="2023-12-20" / compare-to="2023-12-01"');
  });

  it('group-by province and type: groups and the selection field follow the grouping', async () => {
    const tables = sampleTables();
    const el = await fixture<El>(html`<crm-regional-comparison lang="zh-CN" group-by="province" .tables=${tables}></crm-regional-comparison>`);
    await rendered(el);
    const provinces = regionalComparison(tables, { groupBy: 'province' }).groups;
    expect(marks(el)).to.have.length(provinces.length);
    expect(labels(el)[0]).to.match(new RegExp(`^${provinces[0].label}：`));
    let event = oneEvent(el, 'crm-region-select');
    marks(el)[0].dispatchEvent(new MouseEvent('click'));
    let detail = ((await event) as CustomEvent<CrmSelectDetail>).detail;
    expect(detail.selection).to.deep.equal({ kind: 'region', field: 'provinces', value: provinces[0].key, label: provinces[0].label });
    expect(detail.filter).to.deep.equal({ provinces: [provinces[0].key] });
    expect(detail.customerIds).to.deep.equal(regionalGroupCustomers(tables, { groupBy: 'province' }, provinces[0].key));
    expect(detail.customerIds.length).to.equal(provinces[0].customers);

    // Changing the grouping drops the selection (it names a province).
    const cleared = oneEvent(el, 'crm-region-select');
    el.groupBy = 'type';
    expect(((await cleared) as CustomEvent<CrmSelectDetail>).detail.selection).to.equal(null);
    const types = regionalComparison(tables, { groupBy: 'type' }).groups;
    await waitUntil(() => marks(el).length === types.length);
    expect(labels(el).map((l) => l!.split('：')[0])).to.deep.equal(types.map((g) => el.groupLabel(g.key)));
    expect(labels(el)[0]).to.match(/^经销商：/); // dealer, translated
    event = oneEvent(el, 'crm-region-select');
    marks(el)[0].dispatchEvent(new MouseEvent('click'));
    detail = ((await event) as CustomEvent<CrmSelectDetail>).detail;
    expect(detail.filter).to.deep.equal({ customerTypes: [types[0].key] });
  });

  it('group-by city_tier selects the group by its customers (no CrmFilter field for city tiers)', async () => {
    const tables = sampleTables();
    const el = await fixture<El>(html`<crm-regional-comparison group-by="city_tier" .tables=${tables}></crm-regional-comparison>`);
    await rendered(el);
    const tiers = regionalComparison(tables, { groupBy: 'city_tier' }).groups;
    const event = oneEvent(el, 'crm-region-select');
    marks(el)[1].dispatchEvent(new MouseEvent('click'));
    const detail = ((await event) as CustomEvent<CrmSelectDetail>).detail;
    const ids = regionalGroupCustomers(tables, { groupBy: 'city_tier' }, tiers[1].key);
    expect(ids.length).to.equal(tiers[1].customers);
    expect(detail.selection!.field).to.equal('customerIds');
    expect(detail.selection!.value).to.equal(tiers[1].key);
    expect(detail.filter).to.deep.equal({ customerIds: ids });
    expect(detail.customerIds).to.deep.equal(ids);
    // Its own chart is not filtered by its selection: every tier still drawn, the selected one marked.
    await el.updateComplete;
    expect(marks(el)).to.have.length(tiers.length);
    expect(marks(el)[1].getAttribute('aria-selected')).to.equal('true');
  });
});

describe('<crm-regional-comparison>: interaction', () => {
  it('the metric switcher is a labelled select that sets the metric attribute and redraws', async () => {
    const el = await fixture<El>(html`<crm-regional-comparison lang="en" .tables=${sampleTables()}></crm-regional-comparison>`);
    await rendered(el);
    const select = q<HTMLSelectElement>(el, 'select[part~="metric-select"]')!;
    expect(select.closest('label')!.textContent).to.contain('Metric');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['revenue', 'orders', 'customers', 'aov', 'revenue-per-customer', 'repeat-rate', 'growth']);
    select.value = 'customers';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('metric')).to.equal('customers');
    const groups = [...regionalComparison(sampleTables(), {}).groups].sort((a, b) => b.customers - a.customers);
    const g = groups[0];
    const change = (g.customers / g.previous!.customers - 1) * 100;
    // Hand check of the label format on the leader: "<name>: <customers> ▲ +x%, comparison <previous>".
    expect(labels(el)[0]).to.equal(
      `${el.groupLabel(g.key)}: ${g.customers} ${change > 0 ? '▲ +' : '▼ −'}${new Formatter('en').percent(Math.abs(change) / 100)}, comparison ${g.previous!.customers}`,
    );
    await expect(el).to.be.accessible();
  });

  it('keyboard: arrows move between bars, Enter selects, Escape clears', async () => {
    const el = await fixture<El>(html`<crm-regional-comparison .tables=${sampleTables()}></crm-regional-comparison>`);
    await rendered(el);
    const m = marks(el);
    m[0].focus();
    key(m[0], 'ArrowDown');
    expect(el.shadowRoot!.activeElement).to.equal(m[1]);
    const selected = oneEvent(el, 'crm-region-select');
    key(m[1], 'Enter');
    expect(((await selected) as CustomEvent<CrmSelectDetail>).detail.selection!.field).to.equal('regions');
    await el.updateComplete;
    const cleared = oneEvent(el, 'crm-region-select');
    key(m[1], 'Escape');
    expect(((await cleared) as CustomEvent<CrmSelectDetail>).detail.selection).to.equal(null);
  });

  it('linked filtering: selecting a region in one widget recomputes another inside the same <crm-data>', async () => {
    const tables = sampleTables();
    const data = await fixture<HTMLElement>(
      html`<crm-data .tables=${tables}>
        <crm-regional-comparison id="a"></crm-regional-comparison>
        <crm-regional-comparison id="b" group-by="type"></crm-regional-comparison>
      </crm-data>`,
    );
    const a = data.querySelector('#a') as El;
    const b = data.querySelector('#b') as El;
    await rendered(a);
    await rendered(b);
    const region = regionalComparison(tables, {}).groups[0].key!;
    marks(a)[0].dispatchEvent(new MouseEvent('click'));
    const expected = regionalComparison(tables, { groupBy: 'type', filter: { regions: [region] } }).groups;
    await waitUntil(async () => {
      const rows = csvRows(await exported(b, 'csv')).slice(1);
      return rows.length === expected.length && rows.every((x, i) => Math.abs(Number(x[2]) - expected[i].revenue) < 1e-9);
    }, 'b did not recompute with the region filter');
  });

  it('reaches the empty state under a filter that selects nothing, with Clear filters', async () => {
    const el = await fixture<El>(html`<crm-regional-comparison regions="Atlantis" .tables=${sampleTables()}></crm-regional-comparison>`);
    await waitUntil(() => q(el, '[part~="empty"]'), 'not empty');
  });
});

describe('<crm-regional-comparison>: map', () => {
  const GEO = '/test/fixtures/geo/south-china-3.geojson';

  it('draws one path per feature, keyed by province, focusable with the arrow keys; Enter selects the province', async () => {
    const tables = sampleTables();
    const el = await fixture<El>(
      html`<div style="width: 600px"><crm-regional-comparison lang="zh-CN" view="map" group-by="province" geo-src=${GEO} .tables=${tables}></crm-regional-comparison></div>`,
    ).then((w) => w.firstElementChild as El);
    await rendered(el, 3);
    const paths = [...el.shadowRoot!.querySelectorAll('svg.choropleth path')];
    expect(paths.map((p) => p.getAttribute('data-name')).sort()).to.deep.equal(['广东', '广西', '海南'].sort());
    const byKey = new Map(regionalComparison(tables, { groupBy: 'province' }).groups.map((g) => [g.key, g]));
    const f = new Formatter('zh-CN');
    for (const p of paths) {
      const name = p.getAttribute('data-name')!;
      const g = byKey.get(name);
      expect(p.getAttribute('aria-label')).to.equal(g ? `${name}：${f.currency(g.revenue, 0)}` : `${name}：无数据`);
      expect(p.getAttribute('d')!.length).to.be.greaterThan(50);
    }
    // Keyboard order: by value, largest first.
    await expect(el).to.be.accessible();
    const ordered = marks(el).sort((x, y) => Number(x.dataset.markIndex) - Number(y.dataset.markIndex));
    ordered[0].focus();
    key(ordered[0], 'ArrowRight');
    expect(el.shadowRoot!.activeElement).to.equal(ordered[1]);
    const selected = oneEvent(el, 'crm-region-select');
    key(ordered[1], 'Enter');
    const detail = ((await selected) as CustomEvent<CrmSelectDetail>).detail;
    expect(detail.filter).to.deep.equal({ provinces: [ordered[1].dataset.name] });
    expect(q(el, '[part~="attribution"]')!.textContent).to.equal('地图：Apache ECharts（Apache-2.0）');
    expect(q(el, '[part~="legend"]')).to.not.equal(null);
    const svgText = await exported(el, 'svg');
    expect(svgText.match(/<path/g)).to.have.length(3);
  });

  it('group-by region colours each province by its region and labels it so', async () => {
    const el = await fixture<El>(
      html`<crm-regional-comparison lang="zh-CN" view="map" geo-src=${GEO} geo-attribution="地图：测试" .tables=${sampleTables()}></crm-regional-comparison>`,
    );
    await rendered(el, 3);
    const south = regionalComparison(sampleTables(), {}).groups.find((g) => g.key === '华南')!;
    const f = new Formatter('zh-CN');
    expect(labels(el).sort()).to.deep.equal(
      ['广东', '广西', '海南'].map((n) => `${n}（华南）：${f.currency(south.revenue, 0)}`).sort(),
    );
    expect(q(el, '[part~="attribution"]')!.textContent).to.equal('地图：测试');
  });

  it('a GeoJSON that fails to load is an error naming the URL, with Retry', async () => {
    const el = await fixture<El>(
      html`<crm-regional-comparison lang="en" view="map" group-by="province" geo-src="/test/fixtures/geo/missing.geojson" .tables=${sampleTables()}></crm-regional-comparison>`,
    );
    await waitUntil(() => q(el, '[part~="error"]'), 'no error', { timeout: 8000 });
    expect(q(el, '[part~="error"]')!.textContent).to.contain('Could not load the map /test/fixtures/geo/missing.geojson: HTTP 404');
    expect(q(el, '[part~="error"] button')!.textContent!.trim()).to.equal('Retry');
  });

  it('map view for a grouping whose values are not on the map falls back to bars, naming them', async () => {
    const el = await fixture<El>(
      html`<crm-regional-comparison lang="en" view="map" group-by="type" geo-src=${GEO} .tables=${sampleTables()}></crm-regional-comparison>`,
    );
    await rendered(el);
    const types = regionalComparison(sampleTables(), { groupBy: 'type' }).groups.filter((g) => g.rank !== null);
    const names = types.map((g) => el.groupLabel(g.key)).join(', ');
    expect(q(el, '[part~="notice"]')!.textContent).to.equal(`None of these places is on the map (${names}), so they are shown as bars.`);
    expect(q(el, 'svg.bar-chart') !== null).to.equal(true);
    expect(q(el, 'svg.choropleth') === null).to.equal(true);
  });
});

describe('<crm-regional-comparison>: locale, theme, size, exports, a11y', () => {
  it('zh-CN: Chinese labels and 万 numbers; en: translated region names', async () => {
    const el = await fixture<El>(html`<crm-regional-comparison lang="zh-CN" .tables=${sampleTables()}></crm-regional-comparison>`);
    await rendered(el);
    expect(q(el, '[part~="title"]')!.textContent!.trim()).to.equal('区域对比');
    expect(el.shadowRoot!.querySelector('.bar-value')!.textContent).to.match(/万/);
    expect(el.shadowRoot!.querySelector('.chart .visually-hidden')!.textContent).to.match(/领先，占销售额 \d+%；.+增长最快/);
    el.lang = 'en';
    await waitUntil(() => q(el, '[part~="title"]')!.textContent!.trim() === 'Regional comparison');
    const lead = regionalComparison(sampleTables(), {}).groups[0];
    expect(el.shadowRoot!.querySelector('.chart .visually-hidden')!.textContent).to.match(
      new RegExp(`^${el.groupLabel(lead.key)} leads with ${Math.round(lead.share! * 100)}% of revenue; .+ grew fastest \\(\\+`),
    );
    expect(el.groupLabel('华东')).to.equal('East China');
  });

  it('dark theme colours the bars with the dark tokens', async () => {
    const el = await fixture<El>(html`<crm-regional-comparison theme="dark" .tables=${sampleTables()}></crm-regional-comparison>`);
    await rendered(el);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.bar')!).fill).to.equal('rgb(86, 180, 233)'); // dark series-1 #56b4e9
    await expect(el).to.be.accessible();
  });

  for (const width of [320, 1100]) {
    for (const view of ['bars', 'map']) {
      it(`${view} at ${width} px: no horizontal overflow`, async () => {
        const wrap = await fixture<HTMLDivElement>(
          html`<div style="width: ${width}px"><crm-regional-comparison lang="zh-CN" view=${view} group-by="province" geo-src="/test/fixtures/geo/south-china-3.geojson" .tables=${sampleTables()}></crm-regional-comparison></div>`,
        );
        const el = wrap.firstElementChild as El;
        await rendered(el, 3);
        await waitUntil(() => el.size === (width === 320 ? 'narrow' : 'wide'));
        await el.updateComplete;
        const base = q(el, '[part~="base"]')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        expect(q<SVGSVGElement>(el, '.chart svg')!.getBoundingClientRect().width).to.be.at.most(base.clientWidth);
      });
    }
  }

  it('SVG export contains the bars; table view passes axe', async () => {
    const el = await fixture<El>(html`<crm-regional-comparison theme="light" .tables=${sampleTables()}></crm-regional-comparison>`);
    await rendered(el);
    const text = await exported(el, 'svg');
    expect(text.match(/role="option"/g)).to.have.length(regionalComparison(sampleTables(), {}).groups.length);
    expect(text).to.not.contain('var(--');
    await expect(el).to.be.accessible();
    el.tableView = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
