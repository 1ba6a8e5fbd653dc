import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/customer-360/index.js';
import '../../src/components/data/index.js';
import type { CrmCustomer360 } from '../../src/components/customer-360/index.js';
import type { CrmData } from '../../src/components/data/index.js';
import type { CrmSelectDetail } from '../../src/components/events.js';
import { kpis, q, qa, ready, text, tinyTables } from './customer-360-helpers.js';

const input = (el: Element) => q<HTMLInputElement>(el, 'input[role="combobox"]')!;
const options = (el: Element) => qa(el, '[role="option"]');
const optionNames = (el: Element) => options(el).map((o) => text(o.querySelector('.option-name')));

/** A crm-customer-select as another widget fires it. */
function selectCustomer(from: Element, id: string | null): void {
  const detail: CrmSelectDetail = {
    selection: id ? { kind: 'customer', field: 'customerIds', value: id, label: id } : null,
    filter: id ? { customerIds: [id] } : {},
    customerIds: id ? [id] : [],
  };
  from.dispatchEvent(new CustomEvent('crm-customer-select', { detail, bubbles: true, composed: true }));
}

describe('crm-customer-360: picker', () => {
  it('filters by name or id as you type, moves with arrows and chooses with Enter', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" as-of="2024-05-01" .tables=${tinyTables()}></crm-customer-360>`);
    await ready(el, 'picker');
    expect(text(q(el, '.note'))).to.equal('Choose a customer to see their profile.');
    const box = input(el);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(q(el, `#${box.getAttribute('aria-controls')}`)!.getAttribute('role')).to.equal('listbox');
    box.focus();
    await el.updateComplete;
    // Open on focus: buyers by revenue (a 400, b 40), then the prospect.
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(optionNames(el)).to.deep.equal(['Auto A 华汽', 'Bo Repair', 'Prospect Motors']);
    await sendKeys({ type: 'r' });
    await el.updateComplete;
    // "r" starts no id or name; it is inside "Bo Repair" and "Prospect Motors" (directory order).
    expect(optionNames(el)).to.deep.equal(['Bo Repair', 'Prospect Motors']);
    expect(text(q(el, '.picker-status'))).to.equal('2 customers match.');
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(el)[0].id); // typing activates the best match
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(el)[1].id);
    expect(options(el).map((o) => o.getAttribute('aria-selected'))).to.deep.equal(['false', 'true']);
    await sendKeys({ press: 'ArrowDown' }); // stays on the last
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(el)[0].id);
    const fired = oneEvent(el, 'crm-customer-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await fired;
    expect(detail.selection).to.deep.equal({ kind: 'customer', field: 'customerIds', value: 'b', label: 'Bo Repair (b)' });
    expect(detail.customerIds).to.deep.equal(['b']);
    expect(detail.filter).to.deep.equal({ customerIds: ['b'] });
    expect(el.customerId).to.equal('b');
    await ready(el);
    expect(text(q(el, '.name'))).to.equal('Bo Repair');
    expect(kpis(el)['Lifetime revenue']).to.equal('CN¥40');
  });

  it('finds by id, closes with Escape without clearing the selection, and says when nothing matches', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" .tables=${tinyTables()}></crm-customer-360>`);
    await ready(el, 'picker');
    input(el).focus();
    await sendKeys({ type: 'P' });
    await el.updateComplete;
    expect(optionNames(el)).to.deep.equal(['Prospect Motors', 'Bo Repair']); // id "p" first, then "Repair"
    let reachedHost = 0;
    el.addEventListener('keydown', (e) => e.key === 'Escape' && reachedHost++);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('P');
    expect(reachedHost).to.equal(0); // handled by the combobox, not the widget's "clear selection"
    await sendKeys({ press: 'Escape' }); // second Escape clears the text
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    await sendKeys({ type: 'xyz' });
    await el.updateComplete;
    expect(text(q(el, '.picker-status'))).to.equal('No customer matches “xyz”.');
    expect(q(el, '[role="listbox"]')!.hidden).to.equal(true);
  });

  it('changes the customer from the card, by click', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="zh-CN" customer-id="a" .tables=${tinyTables()}></crm-customer-360>`);
    await ready(el);
    const change = q<HTMLButtonElement>(el, '.change')!;
    expect(text(change)).to.equal('切换客户');
    change.click();
    await waitUntil(() => el.shadowRoot!.activeElement === input(el), 'focus did not move to the search box');
    expect(options(el).find((o) => o.getAttribute('aria-current') === 'true')!.textContent).to.contain('Auto A');
    expect(text(options(el)[0].querySelector('.option-meta'))).to.equal('a · ¥400 · 4单');
    await expect(el).to.be.accessible();
    options(el)[1].click();
    await ready(el);
    expect(el.customerId).to.equal('b');
    expect(q(el, '.picker')).to.equal(null);
  });
});

describe('crm-customer-360: linked to other widgets', () => {
  it('follows crm-customer-select from its <crm-data>, not from another one, and not when pinned', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <crm-data id="one" .tables=${tinyTables()}>
        <span id="other-widget"></span>
        <crm-customer-360 id="follower" lang="en" as-of="2024-05-01" customer-id="a"></crm-customer-360>
        <crm-customer-360 id="pinned" lang="en" as-of="2024-05-01" customer-id="a" pinned></crm-customer-360>
      </crm-data>
      <crm-data id="two" .tables=${tinyTables()}>
        <crm-customer-360 id="elsewhere" lang="en" as-of="2024-05-01" customer-id="a"></crm-customer-360>
      </crm-data>
    </div>`);
    const [follower, pinned, elsewhere] = ['#follower', '#pinned', '#elsewhere'].map((s) => root.querySelector(s) as CrmCustomer360);
    await Promise.all([ready(follower), ready(pinned), ready(elsewhere)]);
    selectCustomer(root.querySelector('#other-widget')!, 'b');
    await follower.updateComplete;
    expect([follower.customerId, pinned.customerId, elsewhere.customerId]).to.deep.equal(['b', 'a', 'a']);
    await waitUntil(() => text(q(follower, '.name')) === 'Bo Repair', 'follower did not show b');
    // A cleared selection keeps the customer shown.
    selectCustomer(root.querySelector('#other-widget')!, null);
    await follower.updateComplete;
    expect(follower.customerId).to.equal('b');
  });

  it('shares a pick with the linked filter and the other card, and ignores the filter itself', async () => {
    const data = await fixture<CrmData>(html`<crm-data .tables=${tinyTables()}>
      <crm-customer-360 id="left" lang="en" as-of="2024-05-01" customer-id="a"></crm-customer-360>
      <crm-customer-360 id="right" lang="en" as-of="2024-05-01" customer-id="a"></crm-customer-360>
    </crm-data>`);
    const [left, right] = ['#left', '#right'].map((s) => data.querySelector(s) as CrmCustomer360);
    await Promise.all([ready(left), ready(right)]);
    // Another widget filters to phone orders: a has none, but the lifetime card still shows all 4 orders.
    data.state.setFilter({ channels: ['phone'] });
    await left.updateComplete;
    await ready(left);
    expect(kpis(left)['Orders']).to.equal('4');
    q<HTMLButtonElement>(left, '.change')!.click();
    await left.updateComplete;
    const prospect = options(left).find((o) => o.textContent!.includes('Prospect'))!;
    prospect.click();
    await ready(left);
    expect(data.state.filter).to.deep.equal({ channels: ['phone'], customerIds: ['p'] });
    expect(right.customerId).to.equal('p');
    await waitUntil(() => text(q(right, '.name')) === 'Prospect Motors', 'the other card did not follow');
    // The picking card shows its selection chip; clearing it keeps the customer shown.
    const chip = q<HTMLButtonElement>(left, '[part~="selection"]')!;
    expect(text(chip)).to.contain('Customer: Prospect Motors (p)');
    chip.click();
    await left.updateComplete;
    expect(data.state.filter).to.deep.equal({ channels: ['phone'] });
    expect(left.customerId).to.equal('p');
  });
});
