import { fixture, html, aTimeout } from '@open-wc/testing';
import '../../src/index.js';
describe('debug', () => {
  it('x', async () => {
    const el = await fixture<HTMLElement>(html`<crm-rfm-matrix lang="en" src="/feeds/orders/dbg-${Date.now()}.json"></crm-rfm-matrix>`);
    await aTimeout(3000);
    console.log(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').slice(0, 600));
  });
});
