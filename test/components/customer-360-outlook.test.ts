// The outlook on a one-time-buyer-heavy base: risk grows with silence, never "low" far past the typical
// repeat gap, the model named in both locales, rank wording without "100 %", the model check table.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/customer-360/index.js';
import { customerProfile, type ProfilePredictions } from '../../src/metrics/profile/index.js';
import { rankText, riskText, shownChurnLevel } from '../../src/components/customer-360/outlook.js';
import { Formatter } from '../../src/i18n/format.js';
import type { CrmCustomer360 } from '../../src/components/customer-360/index.js';
import { ordersTable } from '../metrics/tables.js';
import { ready } from './customer-360-helpers.js';

const AS_OF = '2025-01-01';
const iso = (d: number) => new Date(Date.UTC(2023, 0, 1) + d * 864e5).toISOString().slice(0, 10);

/**
 * 600 customers over two years (2023-01-01 → 2024-12-31): 97 % buy once (first purchases spread evenly), 3 %
 * (18) buy every 30 days for a while. Typical repeat gap: 30 days (every repeat buyer's mean gap).
 */
function oneTimeHeavy(customers = 600) {
  const rows = [];
  for (let i = 0; i < customers; i++) {
    const first = Math.floor((i * 730) / customers);
    rows.push({ id: `c${i}`, date: iso(first), amount: 50 + (i % 7) * 10 });
    if (i % 33 === 0) for (let k = 1; k <= 4 && first + 30 * k < 730; k++) rows.push({ id: `c${i}`, date: iso(first + 30 * k), amount: 60 });
  }
  return { orders: ordersTable(rows) };
}

describe('crm-customer-360 outlook on one-time buyers', () => {
  const tables = oneTimeHeavy();

  it('risk grows with time since the only purchase under auto, MBG/NBD and Pareto/NBD', () => {
    for (const churnModel of ['auto', 'mbgnbd', 'pnbd'] as const) {
      // c1 … c598 (not repeat buyers: i % 33 ≠ 0) bought once, later i = later first purchase.
      const risks = ['c1', 'c100', 'c301', 'c500', 'c598'].map((id) => (customerProfile(tables, id, { asOf: AS_OF, churnModel }).predictions as ProfilePredictions).churnRisk);
      for (let k = 1; k < risks.length; k++) expect(risks[k], `${churnModel} ${k}`).to.be.lessThan(risks[k - 1]);
    }
  });

  it('is never "low" far past the typical repeat gap, even under BG/NBD (which gives 0 %)', () => {
    const p = customerProfile(tables, 'c1', { asOf: AS_OF, churnModel: 'bgnbd' }).predictions as ProfilePredictions;
    expect(p.churnRisk).to.equal(0); // BG/NBD: P(alive) = 1 without repeats
    expect(p.typicalRepeatGapDays).to.equal(30);
    expect(p.overdue).to.equal(true); // 729 days silent > 2 × 30
    expect(shownChurnLevel(p)).to.equal('medium');
    const recent = customerProfile(tables, 'c599', { asOf: AS_OF, churnModel: 'bgnbd' }).predictions as ProfilePredictions;
    expect(recent.overdue).to.equal(false); // first purchase 2024-12-30: 2 days silent
  });

  it('says what the model check lacks instead of a table when there are too few repeat buyers', async () => {
    const el = await fixture<CrmCustomer360>(html`<crm-customer-360 lang="en" as-of=${AS_OF} customer-id="c1" .tables=${tables}></crm-customer-360>`);
    await ready(el);
    // 600 customers, every 33rd a repeat buyer: 9 of them started before the cut-off (2024-01-02).
    expect(el.shadowRoot!.querySelector('.check-missing')!.textContent).to.equal(
      'No model check: only 9 customers bought more than once before the cut-off; it needs at least 20.',
    );
    expect(el.shadowRoot!.querySelector('.outlook .model')!.textContent).to.equal('Model: MBG/NBD (default; the model check could not run)');
  });

  it('names the model and the rule in both locales and shows the check as a table', async () => {
    const el = await fixture<CrmCustomer360>(
      html`<crm-customer-360 lang="en" as-of=${AS_OF} customer-id="c1" churn-model="pnbd" .tables=${oneTimeHeavy(2000)}></crm-customer-360>`,
    );
    await ready(el);
    const root = el.shadowRoot!;
    expect(root.querySelector('.outlook .model')!.textContent).to.equal('Model: Pareto/NBD (as set)');
    const table = root.querySelector('.check table')!;
    expect(table.querySelector('caption')!.textContent).to.match(/^Fitted on orders up to /);
    expect(Array.from(table.querySelectorAll('thead th'), (t) => t.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col', 'col']);
    // Rows for the calibration purchase counts that have customers (0 … 4 here; 5+ are empty and left out).
    const counts = Array.from(table.querySelectorAll('tbody th'), (t) => t.textContent);
    expect(counts[0]).to.equal('0');
    expect(counts.length).to.be.within(2, 8);
    el.churnModel = 'mbgnbd'; // the property works, not only the attribute
    el.lang = 'zh-CN';
    await el.updateComplete;
    await ready(el);
    expect(root.querySelector('.outlook .model')!.textContent).to.equal('模型：MBG/NBD（按设置）');
    expect(root.querySelector('.check summary')!.textContent).to.equal('模型检验：预测与实际');
  });

  it('rank wording: the top customer reads "the highest", 99.6 reads "top 1 %", never "100 %" (nor "0 %")', () => {
    for (const [locale, highest, top, above, lowest, bottom] of [
      ['en', 'The highest of all customers', 'Top 1 % of customers', 'Higher than 98% of customers', 'The lowest of all customers', 'Bottom 1 % of customers'],
      ['zh-CN', '全部客户中最高', '位列前1%的客户', '高于98%的客户', '全部客户中最低', '位列后1%的客户'],
    ] as const) {
      const v = { locale, fmt: new Formatter(locale) };
      expect(rankText(v, 99.99, true)).to.equal(highest);
      expect(rankText(v, 99.6, false)).to.equal(top);
      expect(rankText(v, 98.9, false)).to.equal(above); // floored: 98.9 is not "higher than 99 %"
      expect(rankText(v, 0.01, false, true)).to.equal(lowest);
      expect(rankText(v, 0.6, false)).to.equal(bottom);
    }
    const v = { locale: 'en' as const, fmt: new Formatter('en') };
    expect(riskText(v, 0.996)).to.equal('> 99%');
    expect(riskText(v, 0.003)).to.equal('< 1%');
    expect(riskText(v, 0)).to.equal('0%');
  });
});
