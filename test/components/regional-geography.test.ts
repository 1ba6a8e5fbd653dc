import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/regional-comparison/index.js';
import type { CrmRegionalComparison } from '../../src/components/regional-comparison/index.js';
import { isoToDay } from '../../src/data/days.js';
import { normalizeFeed } from '../../src/data/normalize/normalize-feed.js';
import type { CrmTables } from '../../src/data/types.js';
import { placeOrders } from './place-orders.js';

type El = CrmRegionalComparison;
const AS_OF = '2024-12-31';
const end = isoToDay(AS_OF);
const q = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector(s) as T | null;
const text = (e: Element | null) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** `n` orders of 100 for each place, from `n` customers, in the current period. */
function feed(column: string, places: [string, number][]): CrmTables {
  return placeOrders(column, places.flatMap(([place, n]) => Array.from({ length: n }, (_, k) => ({ place, id: `${place}-${k}`, day: end - 1 - k }))));
}

// Shaped like a UK online-retail export: mostly the UK, some of Europe, and places no map has.
const ukRetail = () =>
  feed('country', [['United Kingdom', 60], ['Germany', 12], ['France', 10], ['EIRE', 8], ['Spain', 4], ['Channel Islands', 3], ['Unspecified', 2]]);

async function mount(tables: CrmTables, attrs: Record<string, string>, lang = 'en'): Promise<El> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: 640px" lang=${lang}></div>`);
  const el = document.createElement('crm-regional-comparison') as El;
  el.setAttribute('as-of', AS_OF);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.tables = tables;
  wrap.append(el);
  await waitUntil(() => q(el, '.chart, [part~="empty"], [part~="error"]'), 'nothing rendered', { timeout: 10000 });
  return el;
}

describe('<crm-regional-comparison>: any geography', () => {
  it('group-by="country" view="map": the built-in world map, matched by name and code, the rest named', async () => {
    const el = await mount(ukRetail(), { 'group-by': 'country', view: 'map' });
    await waitUntil(() => q(el, 'svg.choropleth'), 'no map', { timeout: 10000 });
    const areas = [...el.shadowRoot!.querySelectorAll('svg.choropleth path')];
    expect(areas).to.have.length(176);
    const withData = areas.filter((p) => !p.classList.contains('no-data')).map((p) => p.getAttribute('data-name')).sort();
    expect(withData).to.deep.equal(['France', 'Germany', 'Ireland', 'Spain', 'United Kingdom']);
    expect(areas.find((p) => p.getAttribute('data-name') === 'Ireland')!.getAttribute('aria-label')).to.equal('Ireland: CN¥800');
    expect(text(q(el, '[part~="notice"]'))).to.equal('Not on the map (2 places, 5.1% of revenue): Channel Islands, Unspecified.');
    expect(text(q(el, '[part~="attribution"]'))).to.equal('Map: Natural Earth (public domain) via world-atlas (ISC)');
  });

  it('speaks Chinese: country names, the note, the attribution', async () => {
    const el = await mount(ukRetail(), { 'group-by': 'country', view: 'map' }, 'zh-CN');
    await waitUntil(() => q(el, 'svg.choropleth'), 'no map', { timeout: 10000 });
    const uk = el.shadowRoot!.querySelector('path[data-name="United Kingdom"]')!;
    expect(uk.getAttribute('aria-label')).to.equal('英国：¥6,000');
    expect(text(q(el, '[part~="notice"]'))).to.equal('不在地图上（2 个地点，占销售额 5.1%）：Channel Islands、Unspecified。');
    expect(text(q(el, '[part~="attribution"]'))).to.equal('地图：Natural Earth（公有领域），经 world-atlas（ISC）');
    el.view = 'bars';
    await waitUntil(() => q(el, 'svg.bar-chart'));
    expect([...el.shadowRoot!.querySelectorAll('.bar-label')].map((t) => t.textContent!.trim()).slice(0, 4)).to.deep.equal(['英国', '德国', '法国', '爱尔兰']);
  });

  it("a host's GeoJSON with geo-src + geo-key (Brazilian states by sigla)", async () => {
    const tables = feed('province', [['SP', 40], ['RJ', 14], ['MG', 12], ['BA', 5]]);
    const el = await mount(tables, { 'group-by': 'province', view: 'map', 'geo-src': '/test/fixtures/geo/brazil-states-4.geojson' });
    // Keyed by `name` (São Paulo…), the sigla values match nothing: bars, naming them.
    await waitUntil(() => q(el, 'svg.bar-chart'), 'no bars', { timeout: 10000 });
    expect(text(q(el, '[part~="notice"]'))).to.equal('None of these places is on the map (SP, RJ, MG, BA), so they are shown as bars.');
    el.geoKey = 'sigla'; // as a property
    await waitUntil(() => q(el, 'svg.choropleth'), 'no map', { timeout: 10000 });
    const labels = [...el.shadowRoot!.querySelectorAll('svg.choropleth path')].map((p) => p.getAttribute('aria-label'));
    expect(labels).to.deep.equal(['SP: CN¥4,000', 'RJ: CN¥1,400', 'MG: CN¥1,200', 'PR: no data']);
    expect(text(q(el, '[part~="notice"]'))).to.equal('Not on the map (7% of revenue): BA.');
    // Not a China map: no ECharts line unless the host gives one.
    expect(q(el, '[part~="attribution"]') === null).to.equal(true);
    el.setAttribute('geo-key', 'nome');
    await waitUntil(() => q(el, '[part~="error"]'), 'no error for a missing key', { timeout: 10000 });
    expect(text(q(el, '[part~="error"]'))).to.contain('feature 0 has no geometry or no properties.nome (its properties: sigla, name)');
  });

  it('when no place is on the map: bars with the note, never an empty map; the text alternative names the missing', async () => {
    const none = await mount(feed('country', [['Atlantis', 30], ['Unspecified', 5]]), { 'group-by': 'country', view: 'map' });
    await waitUntil(() => q(none, 'svg.bar-chart'), 'no bars', { timeout: 10000 });
    expect(q(none, 'svg.choropleth') === null).to.equal(true);
    expect(text(q(none, '[part~="notice"]'))).to.equal('None of these places is on the map (Atlantis, Unspecified), so they are shown as bars.');
    // The leader is off the map: the map still shows France, and every sentence says Channel Islands is missing.
    const off = await mount(feed('country', [['Channel Islands', 30], ['France', 10]]), { 'group-by': 'country', view: 'map' });
    await waitUntil(() => q(off, 'svg.choropleth'), 'no map', { timeout: 10000 });
    expect(text(q(off, '[part~="notice"]'))).to.equal('Not on the map (75% of revenue): Channel Islands.');
    expect(text(q(off, '.chart > p.visually-hidden'))).to.match(/^Channel Islands leads with 75% of revenue.+ Not on the map \(75% of revenue\): Channel Islands\.$/);
  });

  it('a grouping column the feed lacks is an empty state naming the columns it has, with one click to use one', async () => {
    const tables = normalizeFeed({
      orders: [
        { customer_id: 'a', order_date: '2024-12-01', amount: 10, country: 'Brazil', channel: 'online' },
        { customer_id: 'b', order_date: '2024-12-02', amount: 20, country: 'Portugal', channel: 'store' },
      ],
    } as never).tables;
    const el = await mount(tables, { 'group-by': 'province' });
    const empty = q(el, '[part~="empty"]')!;
    expect(text(empty)).to.contain('This feed has no "province" column to group by.');
    expect(text(empty)).to.contain('Choose one it has (channel, country) below, or set group-by to one of them:');
    expect(q(el, '[part~="error"]') === null, 'not an error').to.equal(true);
    expect(text(empty)).not.to.contain('Retry');
    const country = [...empty.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'country')!;
    country.click();
    await waitUntil(() => q(el, 'svg.bar-chart'), 'no bars after choosing', { timeout: 10000 });
    expect(el.groupBy).to.equal('country');
    const zh = await mount(tables, { 'group-by': 'province' }, 'zh-CN');
    expect(text(q(zh, '[part~="empty"]'))).to.contain('此数据源没有可分组的“province”列。');
  });
});
