import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/data/index.js';
import '../../src/components/rfm-matrix/index.js';
import '../../src/components/channel-mix/index.js';
import '../../src/components/regional-comparison/index.js';
import '../../src/components/lifecycle-funnel/index.js';
import type { CrmData } from '../../src/components/data/crm-data.js';
import { fetchFeed } from '../../src/data/fetch-feed.js';
import { normalizeFeed } from '../../src/data/index.js';
import { dataMessages, emptyCause, errorText, noticeText } from '../../src/data/messages/data-messages.js';
import { FeedError } from '../../src/data/errors.js';
import { truncateText } from '../../src/charts/text.js';
import { failure, uniqueId } from '../data/feed-server.js';

const shadowText = (el: Element) => el.shadowRoot?.textContent ?? '';

describe('stalled and cancelled downloads', () => {
  it('stops a body that stops arriving with FeedError "stalled"', async () => {
    const e = await failure(fetchFeed(`/feeds/stall/${uniqueId('stall')}.json`, { stallTimeout: 0.5 }));
    expect(e.kind).to.equal('stalled');
    expect(e.message).to.match(/no data for 0.5 s after \d+ bytes/);
    expect(errorText(e, 'zh-CN')).to.match(/0.5 秒内没有收到数据/);
  });

  it('shows Retry after a stall, and Cancel while loading', async () => {
    const el = await fixture<HTMLElement>(
      html`<crm-rfm-matrix src=${`/feeds/stall/${uniqueId('stall-w')}.json`} stall-timeout="30" lang="en"></crm-rfm-matrix>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=loading] button.cancel'), 'no Cancel while loading');
    const cancel = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=loading] button.cancel')!;
    expect(cancel.textContent?.trim()).to.equal('Cancel');
    cancel.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=error]'), 'cancel did not end the load');
    expect(shadowText(el)).to.contain('was cancelled');
    expect(el.shadowRoot!.querySelector('[part~=error] button')?.textContent?.trim()).to.equal('Retry');
  });

  it('ends a stalled <crm-data> load in an error with Retry', async () => {
    const data = await fixture<CrmData>(
      html`<crm-data src=${`/feeds/stall/${uniqueId('stall-d')}.json`} stall-timeout="0.5"><crm-channel-mix lang="zh-CN"></crm-channel-mix></crm-data>`,
    );
    const widget = data.querySelector('crm-channel-mix')!;
    await waitUntil(() => data.state.status === 'error', 'never stalled', { timeout: 10_000 });
    expect((data.state.error as FeedError).kind).to.equal('stalled');
    await waitUntil(() => widget.shadowRoot!.querySelector('[part~=error]'));
    expect(shadowText(widget)).to.contain('秒内没有收到数据');
    expect(shadowText(widget)).to.contain('重试');
  });
});

describe('an empty load names its cause', () => {
  it('says that every row was rejected, and why, in the page language', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ customer_id: `C${i}`, order_date: '2010-13-45', amount: 1 }));
    const { report } = normalizeFeed(rows);
    expect(emptyCause(report, 'en')).to.equal('All 3 rows were rejected: order_date could not be read as a date (M/D/YY? set the date format) (e.g. "2010-13-45").');
    // Through a real load (the report comes with the tables): one feed, four widgets.
    const src = `data:application/json,${encodeURIComponent(JSON.stringify(rows))}#${uniqueId('rejected')}`;
    const data = await fixture<CrmData>(
      html`<crm-data src=${src} lang="zh-CN">
        <crm-rfm-matrix></crm-rfm-matrix><crm-regional-comparison></crm-regional-comparison>
        <crm-lifecycle-funnel></crm-lifecycle-funnel><crm-channel-mix></crm-channel-mix>
      </crm-data>`,
    );
    for (const el of Array.from(data.children)) {
      await waitUntil(() => el.shadowRoot?.querySelector('[part~=empty]'), `${el.tagName}: no empty state`);
      expect(shadowText(el), el.tagName).to.contain('全部 3 行都被拒绝：order_date 无法识别为日期');
      expect(el.shadowRoot!.querySelector('[part~=error]'), el.tagName).to.equal(null);
    }
  });

  it('says a header-only file has no rows, with no error', async () => {
    const { tables, report } = normalizeFeed({ csv: 'customer_id,order_date,amount\n' });
    expect(emptyCause(report, 'en')).to.equal('The feed has no order rows.');
    const el = await fixture<HTMLElement & { tables?: unknown }>(html`<crm-rfm-matrix lang="en" .tables=${tables}></crm-rfm-matrix>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~=empty]'));
    expect(shadowText(el)).to.contain('The feed has no order rows.');
  });
});

describe('every data message in both locales', () => {
  it('has a Chinese text for every English one, and fills the values', () => {
    const { en, 'zh-CN': zh } = dataMessages.catalogs;
    expect(Object.keys(zh).sort()).to.deep.equal(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).to.be.a('string').and.not.equal('');
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(zh[key] as string), key).to.deep.equal(placeholders(en[key] as string));
    }
    const notice = { code: 'date-detected', table: 'orders' as const, params: { field: 'order_date', order: 'dmy', row: 2, value: '31/12/2024' } };
    expect(noticeText(notice, 'en')).to.equal('Dates in order_date are read day-first (row 2: "31/12/2024").');
    expect(noticeText(notice, 'zh-CN')).to.equal('order_date 中的日期按日在前读取（第 2 行：“31/12/2024”）。');
  });

  it('localizes a missing-columns error with every missing column at once', () => {
    let error: unknown;
    try {
      normalizeFeed([{ foo: 1 }], { feed: 'x.csv' });
    } catch (e) {
      error = e;
    }
    expect(errorText(error, 'zh-CN')).to.equal('数据源“x.csv”：订单表需要列 customer_id、order_date、amount；文件中的列为 foo。');
  });
});

describe('labels survive 1 MB strings', () => {
  it('truncates in one pass over what fits', () => {
    const huge = 'x'.repeat(1 << 20);
    expect(truncateText(huge, 60, 12)).to.equal('xxxxxxx…');
    expect(truncateText('😀'.repeat(100_000), 30, 10)).to.equal('😀😀…');
    expect(truncateText('ab', 60, 12)).to.equal('ab');
  });

  it('draws every widget over a customer name, region, channel and category of 1 MB', async () => {
    const big = (c: string) => c.repeat(1 << 20);
    const { tables } = normalizeFeed({
      orders: [
        { customer_id: big('a'), order_date: '2024-03-01', amount: 10, region: big('区'), channel: big('c'), category: big('k') },
        { customer_id: 'B', order_date: '2024-03-02', amount: 20, region: 'East', channel: 'store', category: 'oil' },
      ],
      customers: [{ customer_id: big('a'), name: big('名') }],
    });
    for (const tag of ['crm-rfm-matrix', 'crm-regional-comparison', 'crm-lifecycle-funnel', 'crm-channel-mix']) {
      const el = document.createElement(tag) as HTMLElement & { tables?: unknown };
      el.tables = tables;
      document.body.append(el);
      await waitUntil(() => el.shadowRoot?.querySelector('[part~=chart], [part~=empty]'), `${tag} never drew`, { timeout: 15_000 });
      expect(el.shadowRoot!.querySelector('[part~=error]'), tag).to.equal(null);
      el.remove();
    }
  });
});
