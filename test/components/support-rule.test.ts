import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/regional-comparison/index.js';
import type { CrmRegionalComparison } from '../../src/components/regional-comparison/index.js';
import { isoToDay } from '../../src/data/days.js';
import { placeOrders, type PlaceRow } from './place-orders.js';

const AS_OF = '2024-12-31';
const end = isoToDay(AS_OF);

/**
 * Orders of one region: `orders` orders spread over `customers` customers, 100 each, `daysBack` + k days
 * before the analysis day (current period: the 365 days up to it; comparison: the 365 before).
 */
function region(name: string, orders: number, customers: number, daysBack: number): PlaceRow[] {
  return Array.from({ length: orders }, (_, k) => ({ id: `${name}-${daysBack}-${k % customers}`, day: end - daysBack - (k % 300), place: name }));
}

const tables = (rows: PlaceRow[]) => placeOrders('region', rows);

const headline = (el: Element) => el.shadowRoot!.querySelector('.chart .visually-hidden')!.textContent!.trim();

async function mount(rows: PlaceRow[], lang = 'en') {
  const el = await fixture<CrmRegionalComparison>(html`<crm-regional-comparison lang=${lang} as-of=${AS_OF} .tables=${tables(rows)}></crm-regional-comparison>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.chart .visually-hidden'), 'no chart', { timeout: 8000 });
  return el;
}

describe('support rule in the regional headline', () => {
  // SP: 40 orders / 12 customers before, 44 / 12 now (+10 %); RR: 3 / 3 before, 28 / 8 now (+833 %).
  const rows = [...region('SP', 40, 12, 400), ...region('SP', 44, 12, 10), ...region('RR', 3, 3, 400), ...region('RR', 28, 8, 10)];

  it('"grew fastest" ranks only groups with 30 orders and 10 customers in both periods, and says so', async () => {
    const el = await mount(rows);
    // SP 4,400 of 7,200 = 61 %.
    expect(headline(el)).to.equal(
      'SP leads with 61% of revenue; SP grew fastest (+10%) among groups with at least 30 orders and 10 customers in both periods.',
    );
    const zh = await mount(rows, 'zh-CN');
    expect(headline(zh)).to.equal('SP领先，占销售额 61%；在两期均有至少 30 单、10 位客户的分组中，SP增长最快（+10%）。');
  });

  it('a thin leader is stated with its counts; no supported group means growth is not ranked', async () => {
    const el = await mount([...region('RR', 3, 3, 400), ...region('RR', 28, 8, 10), ...region('AC', 5, 5, 10)]);
    // RR 2,800 of 3,300 = 85 %.
    expect(headline(el)).to.equal(
      'RR leads with 85% of revenue (only 28 orders, 8 customers); no group has 30 orders and 10 customers in both periods, so growth is not ranked.',
    );
  });
});
