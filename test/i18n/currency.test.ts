import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/data/index.js';
import '../../src/components/regional-comparison/index.js';
import type { CrmRegionalComparison } from '../../src/components/regional-comparison/index.js';
import { Formatter } from '../../src/i18n/format.js';
import { normalizeFeed } from '../../src/data/normalize/normalize-feed.js';
import { feedCurrencies, feedCurrency, MixedCurrencyError } from '../../src/data/currency.js';
import { errorText } from '../../src/data/messages/data-messages.js';
import { rfm } from '../../src/metrics/rfm/index.js';

const orders = (currency: (i: number) => string | undefined, n = 4) =>
  Array.from({ length: n }, (_, i) => ({
    customer_id: `c${i}`,
    order_date: '2024-06-0' + (i + 1),
    amount: 1234.5 * (i + 1),
    region: i % 2 ? 'North' : 'South',
    ...(currency(i) ? { currency: currency(i) } : {}),
  }));
const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('any currency', () => {
  it('formats any ISO 4217 code with Intl in both locales, compact forms included', () => {
    const en = new Formatter('en', 'BRL');
    const zh = new Formatter('zh-CN', 'BRL');
    expect(en.currency(1234.5)).to.equal('R$1,234.50');
    expect(en.compactCurrency(12_345_678)).to.equal('R$12.3M');
    expect(zh.currency(1234.5)).to.equal('R$1,234.50');
    expect(zh.compactCurrency(12_345_678)).to.equal('R$1235万');
    expect(new Formatter('en', 'GBP').compactCurrency(45_600)).to.equal('£45.6K');
    expect(new Formatter('zh-CN', 'GBP').currency(99)).to.equal('£99.00');
    expect(new Formatter('en', 'JPY').currency(1234.5)).to.equal('¥1,235');
    expect(new Formatter('en', 'KWD').currency(1.2345, 3)).to.equal('KWD\u00a01.235'); // Intl puts a no-break space after a code
    expect(new Formatter('en', 'KWD').currency(1.2345)).to.equal('KWD\u00a01.23');
  });

  it('a feed names its currency in a currency column: reported, and the widgets show it', async () => {
    const { tables, report } = normalizeFeed({ orders: orders(() => 'brl') } as never);
    expect(feedCurrency(tables.orders)).to.equal('BRL');
    expect(report.notices?.find((n) => n.code === 'currency-feed')?.params).to.deep.equal({ currency: 'BRL' });
    const el = await fixture<CrmRegionalComparison>(html`<crm-regional-comparison lang="en" .tables=${tables}></crm-regional-comparison>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.bar-value'), 'no bars', { timeout: 8000 });
    expect(text(el.shadowRoot!.querySelector('.bar-value'))).to.match(/^R\$/);
    // <crm-data currency> wins over the feed's; the widget's own wins over both.
    const wrap = await fixture<HTMLElement>(html`<crm-data currency="GBP" .tables=${tables}><crm-regional-comparison lang="en"></crm-regional-comparison></crm-data>`);
    const inner = wrap.querySelector('crm-regional-comparison') as CrmRegionalComparison;
    await waitUntil(() => text(inner.shadowRoot!.querySelector('.bar-value')).startsWith('£'), 'not GBP', { timeout: 8000 });
    (wrap as HTMLElement & { currency?: string }).currency = 'USD'; // as a property
    await waitUntil(() => text(inner.shadowRoot!.querySelector('.bar-value')).startsWith('$'), 'not USD', { timeout: 8000 });
    inner.currency = 'EUR';
    await waitUntil(() => text(inner.shadowRoot!.querySelector('.bar-value')).startsWith('€'), 'not EUR', { timeout: 8000 });
  });

  it('mixed currencies are reported at load and refused, not summed, naming the currencies and counts', async () => {
    const { tables, report } = normalizeFeed({ orders: orders((i) => (i < 3 ? 'BRL' : 'USD')) } as never);
    expect(feedCurrencies(tables.orders)).to.deep.equal([{ code: 'BRL', rows: 3 }, { code: 'USD', rows: 1 }]);
    expect(report.warnings).to.include('The currency column names 2 currencies (BRL 3 rows, USD 1 row): metrics that add amounts refuse rather than mix them.');
    expect(() => rfm(tables)).to.throw(MixedCurrencyError);
    let error: unknown;
    try {
      rfm(tables);
    } catch (e) {
      error = e;
    }
    expect(errorText(error, 'en')).to.equal(
      'Amounts are in 2 currencies (BRL 3 rows, USD 1 row): crm-lens does not add amounts in different currencies. Convert them to one currency, or load one feed per currency.',
    );
    expect(errorText(error, 'zh-CN')).to.equal('金额含 2 种货币（BRL 3 行、USD 1 行）：crm-lens 不会把不同货币的金额相加。请先换算为同一种货币，或按货币分别加载数据源。');
    const el = await fixture<CrmRegionalComparison>(html`<crm-regional-comparison lang="zh-CN" .tables=${tables}></crm-regional-comparison>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error', { timeout: 8000 });
    expect(text(el.shadowRoot!.querySelector('[part~="error"]'))).to.contain('金额含 2 种货币（BRL 3 行、USD 1 行）');
  });

  it('an unknown code is reported and the widgets fall back to CNY with a warning', () => {
    const { report } = normalizeFeed({ orders: orders(() => 'XYZ1') } as never);
    expect(report.warnings).to.include('Currency "XYZ1" (4 rows) is not an ISO 4217 code Intl knows.');
  });
});
