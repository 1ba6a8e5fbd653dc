// The built kit in a host page served with a strict Content-Security-Policy (test/server/csp-pages.mjs: no
// 'unsafe-inline' styles, no eval): both builds, small feeds (parsed on the main thread) and large ones (the
// feed worker), every widget with every option, tooltips, selection, table view and exports. Any
// `securitypolicyviolation` fails the test, and the marks must be painted as without a policy (token colours,
// font sizes, bar widths — what a blocked style attribute loses).
import { expect } from '@open-wc/testing';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type Frame = { win: Window & typeof globalThis & { cspViolations: Violation[] }; doc: Document; iframe: HTMLIFrameElement };
type Widget = HTMLElement & { updateComplete: Promise<boolean>; exportAs(format: string): Promise<void> };

const TAGS = ['crm-rfm-matrix', 'crm-lifecycle-funnel', 'crm-regional-comparison', 'crm-channel-mix', 'crm-customer-360'] as const;
const GEO = '/demo/china-provinces.geojson';

/** Every widget option, one attribute set at a time (each must render without an error or a violation). */
const OPTIONS: Record<(typeof TAGS)[number], Record<string, string>[]> = {
  'crm-rfm-matrix': [
    { segments: 'rf-grid' },
    { 'color-by': 'monetary' },
    { bins: '3' },
    { method: 'ntile' },
    { 'recency-bins': '30, 90, 365', 'frequency-bins': '2', 'monetary-bins': '4' },
    { 'list-size': '5' },
  ],
  'crm-lifecycle-funnel': [{ mode: 'observed' }, { mode: 'declared' }, { align: 'left' }],
  'crm-regional-comparison': [
    { 'group-by': 'province' },
    { 'group-by': 'city_tier' },
    { 'group-by': 'type' },
    ...['orders', 'customers', 'aov', 'revenue-per-customer', 'repeat-rate', 'growth'].map((metric) => ({ metric })),
    { 'compare-from': '2026-01-01', 'compare-to': '2026-06-30' },
    { view: 'map', 'group-by': 'province', 'geo-src': GEO, 'geo-attribution': 'Map: test' },
  ],
  'crm-channel-mix': [{ measure: 'orders' }, { interval: 'week' }, { trend: 'percent' }, { forecast: '3' }],
  'crm-customer-360': [{ pinned: '' }],
};
/** Options every widget has. */
const COMMON: Record<string, string>[] = [
  { theme: 'dark' },
  { locale: 'zh-CN' },
  { currency: 'EUR' },
  { heading: 'Custom <b>title</b>' },
  { 'as-of': '2026-06-30' },
  { 'date-from': '2025-01-01', 'date-to': '2026-06-30' },
  { channels: 'store, ecommerce' },
  { 'table-view': '' },
];

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

async function openFrame(build: 'bundle' | 'es'): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.style.setProperty('width', '1100px');
  iframe.style.setProperty('height', '800px');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `/csp/page.html?build=${build}`;
  document.body.append(iframe);
  frames.push(iframe);
  await loaded;
  const win = iframe.contentWindow as Frame['win'];
  await until(() => !!win.customElements.get('crm-customer-360'), `${build}: the kit did not load`, 20_000);
  return { win, doc: iframe.contentDocument!, iframe };
}

async function until(ok: () => boolean, message: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!ok()) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const root = (el: Element) => el.shadowRoot!;
const drawn = (el: Element) => {
  const r = el.shadowRoot;
  return !!r && !r.querySelector('[part~="loading"]') && !!r.querySelector('[part~="chart"], [part~="table"], .panel, [part~="error"], [part~="empty"]');
};

/** Waits until the widget has drawn its result again, and fails on an error state. */
async function settled(el: Widget, what: string): Promise<void> {
  await el.updateComplete;
  await until(() => drawn(el), `${what}: not drawn`);
  await el.updateComplete;
  // Strings, not elements, in assertions: chai would walk a DOM node of the frame's realm as a plain object.
  const error = root(el).querySelector('[part~="error"]');
  expect(error?.textContent?.replace(/\s+/g, ' ').trim() ?? null, `${what}: error state`).to.equal(null);
}

function expectNoViolations(frame: Frame, when: string): void {
  const seen = frame.win.cspViolations.map((v) => `${v.directive} ${v.blocked} “${v.sample}” at ${v.source}`);
  expect(seen, `CSP violations ${when}`).to.deep.equal([]);
}

/** `<crm-data src>` with the five widgets; resolves with the load event once the customer card has a customer. */
async function mount(frame: Frame, src: string) {
  const { doc } = frame;
  const data = doc.createElement('crm-data') as HTMLElement & { state: { tables?: { orders: { array(c: string): ArrayLike<string> } } } };
  data.setAttribute('src', src);
  const widgets = {} as Record<(typeof TAGS)[number], Widget>;
  for (const tag of TAGS) {
    widgets[tag] = doc.createElement(tag) as Widget;
    data.append(widgets[tag]);
  }
  const loaded = new Promise<CustomEvent>((resolve, reject) => {
    data.addEventListener('crm-data-load', (e) => resolve(e as CustomEvent), { once: true });
    data.addEventListener('crm-data-error', (e) => reject((e as CustomEvent).detail.error), { once: true });
    setTimeout(() => reject(new Error(`${src}: no crm-data-load within 60 s`)), 60_000);
  });
  doc.body.append(data);
  const load = await loaded;
  // The customer with the most orders: a full card (channels, categories, spend, churn meter).
  const counts = new Map<string, number>();
  for (const id of Array.from(data.state.tables!.orders.array('customer_id'))) counts.set(id, (counts.get(id) ?? 0) + 1);
  widgets['crm-customer-360'].setAttribute('customer-id', [...counts].sort((a, b) => b[1] - a[1])[0][0]);
  return { data, widgets, load: load.detail };
}

/** A token's colour inside a widget, as computed styles write colours (`rgb(…)`), through a probe element. */
function rgb(frame: Frame, el: Element, name: string): string {
  const probe = frame.doc.createElement('span');
  probe.style.setProperty('color', `var(--${name})`);
  root(el).querySelector('[part~="base"]')!.append(probe);
  const value = frame.win.getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** What a blocked style attribute would lose, checked on real marks. */
function expectPainted(frame: Frame, w: Record<(typeof TAGS)[number], Widget>): void {
  const style = (el: Element) => frame.win.getComputedStyle(el);
  const rfmCells = [...root(w['crm-rfm-matrix']).querySelectorAll('.cell:not(.empty) .cell-fill')];
  expect(rfmCells.length, 'RFM cells').to.be.greaterThan(0);
  const seq = Array.from({ length: 7 }, (_, k) => rgb(frame, w['crm-rfm-matrix'], `crm-seq-${k + 1}`));
  for (const cell of rfmCells) expect(seq, 'RFM cell colour is a sequential token').to.include(style(cell).fill);
  expect(style(root(w['crm-rfm-matrix']).querySelector('svg.score-grid')!).fontSize).to.equal('13px');
  for (const bar of root(w['crm-rfm-matrix']).querySelectorAll('.b-customers'))
    expect(parseFloat(style(bar).width), 'segment share bar width').to.be.greaterThan(0);

  const store = root(w['crm-channel-mix']).querySelector('.share-bar .segment[data-key="store"] .fill')!;
  expect(style(store).fill, 'store segment').to.equal(rgb(frame, w['crm-channel-mix'], 'crm-series-1'));
  const bars = [...root(w['crm-regional-comparison']).querySelectorAll('.bar-chart .bar')];
  expect(bars.length).to.be.greaterThan(0);
  for (const bar of bars) expect(style(bar).fill).to.equal(rgb(frame, w['crm-regional-comparison'], 'crm-series-1'));
  const swatch = root(w['crm-regional-comparison']).querySelector('.swatch.current')!;
  expect(style(swatch).backgroundColor).to.equal(rgb(frame, w['crm-regional-comparison'], 'crm-series-1'));
  const funnel = root(w['crm-lifecycle-funnel']).querySelector('.funnel-chart .bar')!;
  expect(style(funnel).fill).to.equal(rgb(frame, w['crm-lifecycle-funnel'], 'crm-series-1'));
  const c360 = root(w['crm-customer-360']);
  const meter = c360.querySelector('.meter > span');
  if (meter) expect(meter.getBoundingClientRect().width, 'churn meter').to.be.greaterThan(0);
  const shares = [...c360.querySelectorAll('.share-bar')];
  expect(shares.length, 'customer 360 share bars').to.be.greaterThan(0);
  expect(Math.max(...shares.map((s) => s.getBoundingClientRect().width))).to.be.greaterThan(0);
}

/** Tooltip, selection, table view and the three exports of one widget. */
async function interact(frame: Frame, el: Widget, tag: string): Promise<void> {
  const marks = [...root(el).querySelectorAll<SVGElement | HTMLElement>('.mark')];
  if (marks.length) {
    marks[0].dispatchEvent(new FocusEvent('focus'));
    marks[0].focus();
    await el.updateComplete;
    await el.updateComplete;
    const tip = root(el).querySelector<HTMLElement>('[part~="tooltip"]');
    expect(!!tip, `${tag}: tooltip`).to.equal(true);
    expect(tip!.style.getPropertyValue('left'), `${tag}: tooltip placed through the CSSOM`).to.match(/px$/);
    marks[0].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  const files: { format: string; blob: Blob }[] = [];
  el.addEventListener('crm-export', (e) => {
    e.preventDefault();
    files.push((e as CustomEvent).detail);
  });
  for (const format of ['csv', 'svg', 'png']) await el.exportAs(format);
  await until(() => files.length === 3, `${tag}: three exports`, 10_000);
  const svg = await files.find((f) => f.format === 'svg')!.blob.text();
  expect(svg, `${tag}: SVG export`).to.match(/fill="rgb\(/);
  expect(svg, `${tag}: SVG export`).to.not.match(/\sstyle=/);
  expect(files.find((f) => f.format === 'png')!.blob.size).to.be.greaterThan(100);
  const toggle = [...root(el).querySelectorAll<HTMLButtonElement>('button[aria-pressed]')][0];
  toggle.click();
  await settled(el, `${tag} table view`);
  expect(!!root(el).querySelector('[part~="table"]'), `${tag}: table view`).to.equal(true);
  toggle.click();
  await settled(el, `${tag} chart again`);
}

for (const build of ['bundle', 'es'] as const) {
  describe(`strict CSP, ${build === 'bundle' ? 'single-file bundle' : 'ES module build'}`, function () {
    this.timeout(120_000);

    it('the page really has the policy (a style attribute is reported)', async () => {
      const frame = await openFrame(build);
      frame.doc.body.setAttribute('style', 'color: red');
      await until(() => frame.win.cspViolations.length > 0, 'no violation reported: is the CSP header set?', 5000);
      expect(frame.win.cspViolations[0].directive).to.match(/^style-src/);
    });

    it('every widget, every option, tooltips, selection, table view and exports: zero violations', async () => {
      const frame = await openFrame(build);
      const { widgets } = await mount(frame, `/csp/feed/80.json?run=${build}-${Date.now()}`);
      for (const tag of TAGS) await settled(widgets[tag], tag);
      expectNoViolations(frame, 'on first render');
      expectPainted(frame, widgets);
      for (const tag of TAGS) await interact(frame, widgets[tag], tag);
      expectNoViolations(frame, 'after tooltips, selections, table view and exports');

      for (const tag of TAGS) {
        const el = widgets[tag];
        for (const options of [...OPTIONS[tag], ...COMMON]) {
          for (const [name, value] of Object.entries(options)) el.setAttribute(name, value);
          await settled(el, `${tag} ${JSON.stringify(options)}`);
          expectNoViolations(frame, `${tag} ${JSON.stringify(options)}`);
          for (const name of Object.keys(options)) el.removeAttribute(name);
        }
        await settled(el, tag);
      }
      // A whole interaction round in the other theme and locale, on the map view too.
      widgets['crm-regional-comparison'].setAttribute('view', 'map');
      widgets['crm-regional-comparison'].setAttribute('group-by', 'province');
      widgets['crm-regional-comparison'].setAttribute('geo-src', GEO);
      for (const tag of TAGS) {
        widgets[tag].setAttribute('theme', 'dark');
        widgets[tag].setAttribute('locale', 'zh-CN');
        await settled(widgets[tag], `${tag} dark zh-CN`);
        await interact(frame, widgets[tag], `${tag} dark zh-CN`);
      }
      expectNoViolations(frame, 'in the dark theme, zh-CN, map view');
    });

    it('a feed large enough for the worker is parsed in it, with zero violations', async () => {
      const frame = await openFrame(build);
      const { widgets, load } = await mount(frame, `/csp/feed/1000.json?run=${build}-${Date.now()}`);
      const { report, cache } = load;
      expect(cache.fromCache).to.equal(false);
      expect(report.parsedIn, report.warnings.join(' ')).to.equal('worker');
      for (const tag of TAGS) await settled(widgets[tag], tag);
      expectPainted(frame, widgets);
      expectNoViolations(frame, 'with the worker-parsed feed');
    });

    it('an Excel workbook loads its reader in the feed worker and is read there, with zero violations', async () => {
      const frame = await openFrame(build);
      const { widgets, load } = await mount(frame, `/csp/feed/300.xlsx?run=${build}-${Date.now()}`);
      const { report } = load;
      expect([report.format, report.parsedIn, report.sheet]).to.deep.equal(['xlsx', 'worker', { name: 'Orders', sheets: ['Orders', 'About'] }]);
      // Every order of the same feed as JSON (2,863 lines): the sheet's XML is well over the 512 KB that fflate
      // would inflate in a worker of its own made from source text.
      const json = (await (await fetch('/csp/feed/300.json')).json()) as { orders: unknown[] };
      expect(report.tables.orders.rowsIn).to.equal(json.orders.length);
      expect(report.tables.orders.rowsAccepted).to.equal(json.orders.length);
      for (const tag of TAGS) await settled(widgets[tag], tag);
      expectNoViolations(frame, 'with a workbook feed');
    });
  });
}
