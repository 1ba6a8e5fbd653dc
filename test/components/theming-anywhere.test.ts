// Design tokens set where a product team sets them — `:root`, a container, `<crm-data>` — reach every widget
// across shadow roots (docs/theming.md), in the light and the dark theme; a value on the widget element still
// wins; per-theme page rules work; a page that sets nothing gets the kit's defaults; exports carry the themed
// colours. Checked on the computed paint of real marks in each widget.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CrmWidget } from '../../src/components/base/crm-widget.js';
import { DARK_TOKENS, LIGHT_TOKENS } from '../../src/styles/tokens.js';
import { sampleTables } from './rfm-matrix-fixtures.js';

const ACCENT = 'rgb(194, 65, 12)'; // a brand orange
const SERIES = 'rgb(10, 120, 60)';
const SEQ_TOP = 'rgb(90, 20, 110)';
const OWN = 'rgb(200, 0, 100)';

const TAGS = ['crm-rfm-matrix', 'crm-lifecycle-funnel', 'crm-regional-comparison', 'crm-channel-mix', 'crm-customer-360'] as const;

/** The mark of each widget painted with `--crm-series-1` (or, for the RFM grid, the top sequential step). */
const MARKS: Record<(typeof TAGS)[number], { selector: string; paint: 'fill' | 'stroke' | 'backgroundColor'; token: string }> = {
  'crm-rfm-matrix': { selector: '.cell-fill[fill="var(--crm-seq-7)"]', paint: 'fill', token: 'crm-seq-7' },
  'crm-lifecycle-funnel': { selector: '.funnel-chart .bar', paint: 'fill', token: 'crm-series-1' },
  'crm-regional-comparison': { selector: '.bar-chart .bar', paint: 'fill', token: 'crm-series-1' },
  'crm-channel-mix': { selector: '.share-bar .segment[data-key="store"] .fill', paint: 'fill', token: 'crm-series-1' },
  'crm-customer-360': { selector: '.spark-line', paint: 'stroke', token: 'crm-series-1' },
};

let sheet: CSSStyleSheet | undefined;
function pageCss(text: string): void {
  sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
afterEach(() => {
  if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  sheet = undefined;
  delete document.documentElement.dataset.crmTheme;
});

async function mount(theme: 'light' | 'dark'): Promise<Record<(typeof TAGS)[number], CrmWidget<unknown>>> {
  const tables = sampleTables();
  const id = tables.orders.array('customer_id')[0] as string;
  const root = await fixture<HTMLElement>(html`<div class="brand">
    <crm-data theme=${theme} lang="en" .tables=${tables}>
      <crm-rfm-matrix></crm-rfm-matrix>
      <crm-lifecycle-funnel></crm-lifecycle-funnel>
      <crm-regional-comparison></crm-regional-comparison>
      <crm-channel-mix></crm-channel-mix>
      <crm-customer-360 customer-id=${id}></crm-customer-360>
    </crm-data>
  </div>`);
  const out = {} as Record<(typeof TAGS)[number], CrmWidget<unknown>>;
  for (const tag of TAGS) {
    const el = root.querySelector(tag) as CrmWidget<unknown>;
    await waitUntil(() => el.shadowRoot!.querySelector(MARKS[tag].selector), `${tag}: no mark ${MARKS[tag].selector}`, { timeout: 10000 });
    out[tag] = el;
  }
  return out;
}

const paintOf = (el: Element, tag: (typeof TAGS)[number]) =>
  getComputedStyle(el.shadowRoot!.querySelector(MARKS[tag].selector)!)[MARKS[tag].paint];

/** Colour text as computed styles write it. */
function rgb(color: string): string {
  const probe = document.createElement('span');
  probe.style.setProperty('color', color);
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

for (const theme of ['light', 'dark'] as const) {
  describe(`tokens from anywhere (${theme})`, () => {
    it('a page that sets nothing gets the kit defaults of the theme', async () => {
      const w = await mount(theme);
      const defaults = theme === 'light' ? LIGHT_TOKENS : DARK_TOKENS;
      for (const tag of TAGS) expect(paintOf(w[tag], tag), tag).to.equal(rgb(defaults[MARKS[tag].token]));
      const base = w['crm-rfm-matrix'].shadowRoot!.querySelector('[part~="base"]')!;
      expect(getComputedStyle(base).backgroundColor).to.equal(rgb(defaults['crm-color-bg']));
    });

    for (const [where, selector] of [
      [':root', ':root'],
      ['a container', '.brand'],
      ['<crm-data>', 'crm-data'],
    ] as const) {
      it(`tokens on ${where} reach the marks of every widget`, async () => {
        pageCss(`${selector} { --crm-series-1: ${SERIES}; --crm-seq-7: ${SEQ_TOP}; --crm-color-accent: ${ACCENT}; }`);
        const w = await mount(theme);
        for (const tag of TAGS) {
          const want = MARKS[tag].token === 'crm-seq-7' ? SEQ_TOP : SERIES;
          expect(paintOf(w[tag], tag), `${tag} (${where})`).to.equal(want);
        }
        // The chrome too: a pressed "view as table" button is outlined in the accent.
        const el = w['crm-regional-comparison'];
        const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
        expect(getComputedStyle(toggle).getPropertyValue('--crm-color-accent').trim()).to.equal(ACCENT);
      });
    }

    it('a value on the widget element wins over the ancestors', async () => {
      pageCss(`:root { --crm-series-1: ${SERIES}; } crm-channel-mix { --crm-series-1: ${OWN}; }`);
      const w = await mount(theme);
      expect(paintOf(w['crm-channel-mix'], 'crm-channel-mix')).to.equal(OWN);
      expect(paintOf(w['crm-regional-comparison'], 'crm-regional-comparison')).to.equal(SERIES);
    });

    it('a widget variable set on an ancestor reaches the widget (it defaults to a token otherwise)', async () => {
      pageCss(`.brand { --crm-lifecycle-funnel-bar-color: ${OWN}; }`);
      const w = await mount(theme);
      expect(paintOf(w['crm-lifecycle-funnel'], 'crm-lifecycle-funnel')).to.equal(OWN);
    });

    it('exports carry the themed colours', async () => {
      pageCss(`:root { --crm-series-1: ${SERIES}; }`);
      const w = await mount(theme);
      const el = w['crm-regional-comparison'];
      const blob = await new Promise<Blob>((resolve) => {
        el.addEventListener('crm-export', (e) => (e.preventDefault(), resolve((e as CustomEvent).detail.blob)), { once: true });
        void el.exportAs('svg');
      });
      expect(await blob.text()).to.contain(`fill="${SERIES}"`);
    });
  });
}

describe('per-theme page rules', () => {
  it(':root[data-crm-theme=dark] overrides the dark theme only', async () => {
    pageCss(`:root { --crm-series-1: ${SERIES}; } :root[data-crm-theme='dark'] { --crm-series-1: ${OWN}; }`);
    document.documentElement.dataset.crmTheme = 'dark';
    const tables = sampleTables();
    const el = await fixture<CrmWidget<unknown>>(html`<crm-regional-comparison .tables=${tables}></crm-regional-comparison>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.bar-chart .bar'), 'no bars', { timeout: 10000 });
    expect(el.getAttribute('resolved-theme')).to.equal('dark');
    expect(paintOf(el, 'crm-regional-comparison')).to.equal(OWN);
    document.documentElement.dataset.crmTheme = 'light';
    await el.updateComplete;
    expect(paintOf(el, 'crm-regional-comparison')).to.equal(SERIES);
  });

  it('the earlier [resolved-theme] rules on the widgets still work', async () => {
    pageCss(`[resolved-theme] { --crm-series-1: ${SERIES}; } [resolved-theme='dark'] { --crm-series-1: ${OWN}; }`);
    const w = await mount('dark');
    expect(paintOf(w['crm-channel-mix'], 'crm-channel-mix')).to.equal(OWN);
  });
});
