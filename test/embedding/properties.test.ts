// Frameworks set properties, not attributes (React 19, Vue and Angular all set `locale` as a property): every
// public property of every widget must work when set as a property — after the element upgraded (and then
// re-render), and before it upgraded (an element created while the tag was not defined yet). The list of
// properties comes from the custom-elements manifest (built by `npm test` first), so a property added later
// without an entry here fails the audit.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { CrmRfmMatrix } from '../../src/components/rfm-matrix/rfm-matrix.js';
import { CrmLifecycleFunnel } from '../../src/components/lifecycle-funnel/lifecycle-funnel.js';
import { CrmRegionalComparison } from '../../src/components/regional-comparison/regional-comparison.js';
import { CrmChannelMix } from '../../src/components/channel-mix/channel-mix.js';
import { CrmCustomer360 } from '../../src/components/customer-360/customer-360.js';
import { dayToIso } from '../../src/data/days.js';
import { sampleTables } from '../components/rfm-matrix-fixtures.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> } & Record<string, unknown>;
const tables = sampleTables();
const days = Array.from(tables.orders.array('order_date') as ArrayLike<number>);
const mid = dayToIso(Math.round((Math.min(...days) + Math.max(...days)) / 2));
const first = (table: 'orders' | 'customers', column: string) => String((tables[table]!.array(column) as ArrayLike<unknown>)[0]);
const customer = first('orders', 'customer_id');

/** A value per property that changes what the widget shows (its shadow DOM or its theme). */
const COMMON: Record<string, unknown> = {
  asOf: mid,
  currency: 'EUR',
  locale: 'zh-CN',
  theme: 'dark',
  heading: 'Audit heading',
  tableView: true,
  dateFrom: mid,
  dateTo: new Date(`${mid}T12:00:00`), // a Date as a property: its local calendar day
  regions: [first('customers', 'region')],
  provinces: [first('customers', 'province')],
  channels: ['store'],
  categories: [first('orders', 'category')],
  customerTypes: [first('customers', 'type')],
  segmentsFilter: ['champions', 'loyal-customers'],
  customerIds: [customer, first('orders', 'customer_id') === customer ? 'NOBODY' : customer],
  stages: ['repurchase'],
};

interface Audit {
  ctor: typeof CrmRfmMatrix | typeof CrmLifecycleFunnel | typeof CrmRegionalComparison | typeof CrmChannelMix | typeof CrmCustomer360;
  /** Set on every instance (what the widget needs to show something). */
  base?: Record<string, unknown>;
  props: Record<string, unknown>;
  /** Properties set together (one needs the other). */
  pairs?: Record<string, Record<string, unknown>>;
  /** Common properties this widget shows no difference for, with the reason. */
  quiet?: Record<string, string>;
  /** Properties whose visible effect here is an error state that names them. */
  errors?: string[];
}

const WIDGETS: Record<string, Audit> = {
  'crm-rfm-matrix': {
    ctor: CrmRfmMatrix,
    props: {
      segments: 'rf-grid',
      bins: 3,
      recencyBins: [30, 90, 365],
      frequencyBins: 2,
      monetaryBins: '4',
      method: 'ntile',
      colorBy: 'monetary',
      segmentRules: [{ id: 'audit', labels: { en: 'Audit rule', 'zh-CN': '审计' } }],
    },
  },
  'crm-lifecycle-funnel': {
    ctor: CrmLifecycleFunnel,
    // The sample has no lifecycle_stage: auto is observed already, and declared must say what it lacks.
    errors: ['mode'],
    quiet: {
      currency: 'the funnel shows counts and days, no amounts',
      stages: "a funnel shows every stage (its own selection's field does not filter it)",
      segments: 'the preset matters only with a segments filter',
    },
    props: {
      mode: 'declared',
      align: 'left',
      stageDefinitions: [{ id: 'audit', labels: { en: 'Audit stage', 'zh-CN': '审计' }, rule: { minOrders: 2 } }],
    },
  },
  'crm-regional-comparison': {
    ctor: CrmRegionalComparison,
    quiet: { segments: 'the preset matters only with a segments filter' },
    pairs: { compareFrom: { compareTo: mid }, compareTo: { compareFrom: dayToIso(Math.min(...days)) } },
    props: {
      groupBy: 'province',
      metric: 'orders',
      compareFrom: dayToIso(Math.min(...days)),
      compareTo: mid,
    },
  },
  'crm-channel-mix': {
    ctor: CrmChannelMix,
    quiet: { segments: 'the preset matters only with a segments filter' },
    props: { measure: 'orders', interval: 'week', trend: 'percent', forecast: 3 },
  },
  'crm-customer-360': {
    ctor: CrmCustomer360,
    base: { customerId: customer },
    quiet: {
      ...Object.fromEntries(
        ['segments', 'dateFrom', 'dateTo', 'regions', 'provinces', 'channels', 'categories', 'customerTypes', 'segmentsFilter', 'customerIds', 'stages'].map((k) => [
          k,
          'the card shows one whole customer; filters choose who the picker lists',
        ]),
      ),
      serviceInterval: 'it changes the service-due dates of vehicles (customer-360 vehicle tests)',
    },
    props: {
      customerId: first('orders', 'customer_id') === customer ? String((tables.orders.array('customer_id') as ArrayLike<string>)[5]) : customer,
      churnModel: 'bgnbd',
    } },
};

/**
 * Properties audited elsewhere or without an effect on a rendered chart from `.tables`: the data source
 * (src, fields, format, sheet, time-zone, max-age, cache-scope, date-format, credit-notes, duplicates,
 * stall-timeout: they shape how `src` is loaded; test/data (workbook.test.ts for sheet), test/hosts), `tables` itself (every test
 * sets it), linking (`noLink`: linked-stages and crm-data tests), the map view's inputs (regional tests),
 * `listSize` (the RFM list shows after a selection) and `pinned` (follows selections of other widgets).
 */
const ELSEWHERE = new Set(['src', 'fields', 'format', 'sheet', 'timeZone', 'maxAge', 'cacheScope', 'dateFormat', 'creditNotes', 'duplicates', 'stallTimeout', 'tables', 'noLink', 'view', 'geoSrc', 'geoAttribution', 'listSize', 'pinned']);

/** What the widget shows: its shadow DOM (ids made stable) and the theme in force. */
async function fingerprint(el: Widget): Promise<string> {
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[part~="loading"]') && el.shadowRoot.querySelector('[part~="chart"], [part~="table"], .panel, [part~="empty"], [part~="error"]'), `${el.localName} did not draw`, { timeout: 10_000 });
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  // Ids made stable, Lit's comment markers dropped, class lists in order (classMap writes them differently on
  // first render and on update).
  const html = el.shadowRoot!.innerHTML.replace(/(crm-[a-z-]+?-)\d+/g, '$1#')
    .replace(/<!--[^>]*-->/g, '')
    .replace(/class="([^"]*)"/g, (_, c: string) => `class="${c.split(/\s+/).filter(Boolean).sort().join(' ')}"`);
  return `${el.getAttribute('resolved-theme')}|${html}`;
}

const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((el) => el.remove()));
function mount(el: Widget): Widget {
  el.style.setProperty('display', 'block');
  el.style.setProperty('width', '900px');
  document.body.append(el);
  mounted.push(el);
  return el;
}

let defined = 0;

describe('every public property works as a property', function () {
  this.timeout(120_000);

  it('the audit covers every public property in the manifest', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const missing: string[] = [];
    for (const mod of manifest.modules)
      for (const d of mod.declarations ?? []) {
        const audit = WIDGETS[d.tagName];
        if (!audit) continue;
        for (const m of d.members ?? [])
          if (m.kind === 'field' && !m.privacy && !m.static && !m.readonly && !(m.name in COMMON) && !(m.name in audit.props) && !(m.name in (audit.quiet ?? {})) && !ELSEWHERE.has(m.name))
            missing.push(`${d.tagName}.${m.name}`);
      }
    expect(missing, 'properties without an audit entry (add them here)').to.deep.equal([]);
  });

  for (const [tag, audit] of Object.entries(WIDGETS)) {
    it(`${tag}: each property re-renders after upgrade, and works set before upgrade`, async () => {
      const plain = () => {
        const el = document.createElement(tag) as Widget;
        Object.assign(el, { tables, ...audit.base });
        return el;
      };
      const reference = await fingerprint(mount(plain()));
      const failures: string[] = [];
      const props = Object.entries({ ...COMMON, ...audit.props }).filter(([name]) => !(name in (audit.quiet ?? {})));
      for (const [name, value] of props) {
        const set = { [name]: value, ...audit.pairs?.[name] };
        // After upgrade: set on a rendered widget; it must re-render to something else.
        const el = mount(plain());
        const before = await fingerprint(el);
        Object.assign(el, set);
        const after = await fingerprint(el);
        if (after === before || after === reference) failures.push(`${name}: no re-render after upgrade`);
        if (el.shadowRoot!.querySelector('[part~="error"]') && !audit.errors?.includes(name)) failures.push(`${name}: error ${el.shadowRoot!.querySelector('[part~="error"]')!.textContent!.trim()}`);
        // Before upgrade: the property is set on an element whose tag is defined only afterwards.
        const lateTag = `audit-${tag}-${++defined}`;
        const early = document.createElement(lateTag) as Widget;
        Object.assign(early, { tables, ...audit.base, ...set });
        mount(early);
        customElements.define(lateTag, class extends (audit.ctor as unknown as CustomElementConstructor) {});
        const late = await fingerprint(early);
        if (late !== after) failures.push(`${name}: set before upgrade, it renders differently`);
        el.remove();
        early.remove();
      }
      expect(failures, tag).to.deep.equal([]);
    });
  }
});
