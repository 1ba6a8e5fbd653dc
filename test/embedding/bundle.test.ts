// The self-contained bundle (dist/crm-lens.bundle.js, built by `npm test` first) as a page without a build step
// uses it — including the integrator's classic accident: two copies of the script on one page.
import { expect, fixture, html } from '@open-wc/testing';

const TAGS = [
  'crm-data',
  'crm-customer-360',
  'crm-rfm-matrix',
  'crm-lifecycle-funnel',
  'crm-regional-comparison',
  'crm-channel-mix',
];

type Bundle = Record<string, unknown> & {
  normalizeFeed(input: unknown, options?: object): { tables: unknown };
  rfm(tables: unknown, options?: object): { size: number };
};

// Two URLs are two module instances: exactly what two <script type="module"> copies of the file give.
const load = (copy: number) => import(/* @vite-ignore */ `/dist/crm-lens.bundle.js?copy=${copy}`) as Promise<Bundle>;

describe('dist/crm-lens.bundle.js', () => {
  it('registers every tag, and a second copy on the same page is harmless', async () => {
    const first = await load(1);
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.exist;
    const second = await load(2);
    expect(second.CrmRfmMatrix).to.not.equal(first.CrmRfmMatrix); // really a second copy
    expect(customElements.get('crm-rfm-matrix')).to.equal(first.CrmRfmMatrix); // the first definition wins
    expect(customElements.get('crm-data')).to.equal(first.CrmData);
  });

  it('a widget from one copy reads data provided by the other copy (the data context is shared by key)', async () => {
    const first = await load(1);
    const second = await load(2);
    // 3 customers, hand-made: A buys twice, B and C once.
    const records = [
      { customer_id: 'A', order_date: '2024-01-05', amount: 100, channel: 'store' },
      { customer_id: 'A', order_date: '2024-02-05', amount: 50, channel: 'ecommerce' },
      { customer_id: 'B', order_date: '2024-01-20', amount: 80, channel: 'store' },
      { customer_id: 'C', order_date: '2024-03-01', amount: 20, channel: 'phone' },
    ];
    const { tables } = second.normalizeFeed(records, { feed: 'inline' });
    expect(first.rfm(tables, {}).size).to.equal(3);
    const provider = await fixture<HTMLElement & { tables: unknown }>(html`
      <crm-data style="display:block;width:600px"><crm-channel-mix lang="en"></crm-channel-mix></crm-data>
    `);
    provider.tables = tables;
    const widget = provider.querySelector('crm-channel-mix') as HTMLElement & { updateComplete: Promise<boolean> };
    let text = '';
    for (let i = 0; i < 50 && !text.includes('Store'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      await widget.updateComplete;
      text = widget.shadowRoot?.textContent ?? '';
    }
    // Store: 100 + 80 = 180 of 250 = 72.0 %.
    expect(text).to.contain('Store');
    expect(text).to.contain('72');
  });

  it('draws the world map from its sibling file dist/world-countries.js (not inside the bundle)', async () => {
    const first = await load(1);
    const records = [
      { customer_id: 'A', order_date: '2024-01-05', amount: 100, country: 'Brazil' },
      { customer_id: 'B', order_date: '2024-01-20', amount: 80, country: 'GB' },
    ];
    const { tables } = first.normalizeFeed(records, { feed: 'inline' });
    const el = await fixture<HTMLElement & { tables: unknown; shadowRoot: ShadowRoot }>(
      html`<crm-regional-comparison lang="en" style="display:block;width:600px" group-by="country" view="map"></crm-regional-comparison>`,
    );
    el.tables = tables;
    let areas = 0;
    for (let i = 0; i < 100 && areas === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      areas = el.shadowRoot.querySelectorAll('svg.choropleth path:not(.no-data)').length;
    }
    // Brazil and the United Kingdom (spelled GB) have data.
    expect(areas).to.equal(2);
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.some((u) => u.endsWith('/dist/world-countries.js'))).to.equal(true);
  });
});
