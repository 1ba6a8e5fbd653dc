// The five widgets as one product: zh-CN with a selection passes axe, every mark's accessible name starts with
// its visible text, and the keyboard focus ring stands out in the dark theme (against the page and the mark).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CrmWidget } from '../../src/components/base/crm-widget.js';
import { contrastRatio } from '../../src/charts/contrast.js';
import { sampleTables } from './rfm-matrix-fixtures.js';

const TAGS = ['crm-rfm-matrix', 'crm-lifecycle-funnel', 'crm-regional-comparison', 'crm-channel-mix', 'crm-customer-360'] as const;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const marks = (el: Element) => [...el.shadowRoot!.querySelectorAll<SVGElement | HTMLElement>('.mark')];

async function mount(tag: string, theme = 'light'): Promise<CrmWidget<unknown>> {
  const tables = sampleTables();
  const el = await fixture<CrmWidget<unknown>>(
    tag === 'crm-customer-360'
      ? html`<crm-customer-360 lang="zh-CN" theme=${theme} .tables=${tables} customer-id=${tables.orders.array('customer_id')[0] as string}></crm-customer-360>`
      : html`<div lang="zh-CN" theme=${theme}>${htmlFor(tag, tables)}</div>`,
  );
  const widget = (el.matches(tag) ? el : el.querySelector(tag)!) as CrmWidget<unknown>;
  await waitUntil(() => widget.shadowRoot!.querySelector('[part~="chart"], .panel'), `${tag} did not render`, { timeout: 8000 });
  await widget.updateComplete;
  return widget;
}

function htmlFor(tag: string, tables: unknown) {
  switch (tag) {
    case 'crm-rfm-matrix': return html`<crm-rfm-matrix .tables=${tables}></crm-rfm-matrix>`;
    case 'crm-lifecycle-funnel': return html`<crm-lifecycle-funnel .tables=${tables}></crm-lifecycle-funnel>`;
    case 'crm-regional-comparison': return html`<crm-regional-comparison .tables=${tables}></crm-regional-comparison>`;
    default: return html`<crm-channel-mix .tables=${tables}></crm-channel-mix>`;
  }
}

describe('all widgets together', () => {
  it('a tooltip of a top-row mark stays inside the widget body (flips below, shifts sideways)', async () => {
    const el = await mount('crm-rfm-matrix');
    const mark = marks(el)[0]; // top-left cell: no room above, none on the left
    mark.focus();
    await el.updateComplete;
    await el.updateComplete;
    const tip = el.shadowRoot!.querySelector('[part~="tooltip"]')!.getBoundingClientRect();
    const body = el.shadowRoot!.querySelector('[part~="body"]')!.getBoundingClientRect();
    expect(tip.top).to.be.at.least(body.top);
    expect(tip.left).to.be.at.least(body.left - 0.5);
    expect(tip.top).to.be.at.least(mark.getBoundingClientRect().bottom); // below the mark, not over it
  });

  for (const theme of ['light', 'dark']) {
    it(`${theme}: text on every sequential step reaches 4.5:1 with the text or the background colour`, async () => {
      const el = await fixture<HTMLElement>(html`<crm-rfm-matrix theme=${theme}></crm-rfm-matrix>`);
      const style = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!);
      const [text, bg] = ['--crm-color-text', '--crm-color-bg'].map((v) => style.getPropertyValue(v));
      for (let k = 1; k <= 7; k++) {
        const step = style.getPropertyValue(`--crm-seq-${k}`);
        expect(Math.max(contrastRatio(step, text), contrastRatio(step, bg)), `${theme} seq-${k} ${step}`).to.be.at.least(4.5);
      }
    });
  }

  for (const tag of TAGS) {
    it(`${tag}: zh-CN with a selection passes axe; mark names start with their visible text`, async () => {
      const el = await mount(tag);
      for (const m of marks(el)) {
        const visible = [...m.querySelectorAll('text')].map((t) => norm(t.textContent)).filter(Boolean);
        const name = norm(m.getAttribute('aria-label'));
        if (!visible.length) continue;
        expect(name, `${tag} mark`).to.satisfy((n: string) => n.startsWith(visible[0]), `“${name}” starts with “${visible[0]}”`);
      }
      const first = marks(el).find((m) => m.getAttribute('aria-disabled') !== 'true');
      if (tag !== 'crm-customer-360') {
        expect(first, `${tag} has marks`).to.exist;
        first!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        await el.updateComplete;
        await waitUntil(() => el.shadowRoot!.querySelector('[part~="selection"]'), `${tag}: no selection`);
        await el.updateComplete;
        const chip = el.shadowRoot!.querySelector('[part~="selection"]')!;
        expect(norm(chip.getAttribute('aria-label'))).to.satisfy((n: string) => n.startsWith('清除选择：' + norm(chip.querySelector('span')!.textContent)));
      }
      await expect(el).to.be.accessible();
    });

    if (tag === 'crm-customer-360') continue;
    it(`${tag}: the focus ring stands out in the dark theme`, async () => {
      const el = await mount(tag, 'dark');
      const mark = marks(el)[0];
      mark.focus();
      await el.updateComplete;
      const ring = mark.querySelector('.focus-ring');
      const bg = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
      const stroke = ring ? getComputedStyle(ring).stroke : getComputedStyle(mark).outlineColor;
      expect(contrastRatio(stroke, bg), `${tag} ring ${stroke} on ${bg}`).to.be.at.least(3);
      const filled = mark.querySelector<SVGElement>('.cell-fill');
      if (filled && ring) {
        // A ring drawn over a filled cell sits on a halo of the background colour (two-colour indicator).
        const halo = mark.querySelector('.focus-halo');
        expect(halo, `${tag} ring halo`).to.exist;
        expect(contrastRatio(stroke, getComputedStyle(halo!).stroke), `${tag} ring on its halo`).to.be.at.least(3);
        expect(parseFloat(getComputedStyle(halo!).strokeWidth)).to.be.greaterThan(parseFloat(getComputedStyle(ring).strokeWidth));
      }
    });
  }
});
