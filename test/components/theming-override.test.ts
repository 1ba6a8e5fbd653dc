// The documented way for a host page to theme every widget: a rule on `[resolved-theme]` (see docs/theming.md).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/lifecycle-funnel/index.js';
import '../../src/components/channel-mix/index.js';

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('host page theming through [resolved-theme]', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = `
      [resolved-theme] { --crm-color-accent: rgb(200, 0, 0); --crm-radius-md: 13px; }
      [resolved-theme='dark'] { --crm-color-accent: rgb(0, 0, 200); }
    `;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  it('overrides the :host defaults of every widget, per theme', async () => {
    const root = await fixture(html`<div>
      <crm-lifecycle-funnel theme="light"></crm-lifecycle-funnel>
      <crm-channel-mix theme="dark"></crm-channel-mix>
    </div>`);
    const [light, dark] = [root.children[0], root.children[1]];
    await (light as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await (dark as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(light.getAttribute('resolved-theme')).to.equal('light');
    expect(dark.getAttribute('resolved-theme')).to.equal('dark');
    expect(token(light, '--crm-color-accent')).to.equal('rgb(200, 0, 0)');
    expect(token(dark, '--crm-color-accent')).to.equal('rgb(0, 0, 200)');
    expect(token(light, '--crm-radius-md')).to.equal('13px');
    expect(token(dark, '--crm-radius-md')).to.equal('13px');
  });
});
