// Every error a person can see in a widget exists in both locales: bad attributes, option values, exports,
// maps. Each is rendered in zh-CN and must read in Chinese, with no English sentence left (attribute names
// and the values the page wrote are quoted as they are).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/rfm-matrix/index.js';
import '../../src/components/lifecycle-funnel/index.js';
import '../../src/components/customer-360/index.js';
import '../../src/components/regional-comparison/index.js';
import '../../src/components/channel-mix/index.js';
import { errorText } from '../../src/data/messages/data-messages.js';
import { rfm } from '../../src/metrics/index.js';
import { sampleTables } from '../components/rfm-matrix-fixtures.js';

/** The text of a widget's error state, once it shows one. */
async function errorOf(el: HTMLElement): Promise<string> {
  const part = () => el.shadowRoot?.querySelector('[part~="error"]');
  await waitUntil(() => part(), `${el.tagName.toLowerCase()}: no error state`, { timeout: 5000 });
  return part()!.textContent!.replace(/\s+/g, ' ').trim();
}

/** Three or more English words in a row (a sentence, not a list of column names), outside quotes (the page's own values). */
const englishSentence = (text: string) => /\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b/.exec(text.replace(/"[^"]*"|“[^”]*”|'[^']*'/g, '""'))?.[0];

/** What `fn` throws (the test fails when it throws nothing). */
function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('nothing thrown');
}

const CASES: [string, ReturnType<typeof html>, string][] = [
  ['as-of', html`<crm-rfm-matrix locale="zh-CN" as-of="2024-13-45"></crm-rfm-matrix>`, 'as-of="2024-13-45" 不是日期：应为 YYYY-MM-DD，例如 2024-03-31。'],
  ['date-from', html`<crm-rfm-matrix locale="zh-CN" date-from="soon"></crm-rfm-matrix>`, 'date-from="soon" 不是日期'],
  ['date order', html`<crm-rfm-matrix locale="zh-CN" date-from="2025-02-01" date-to="2025-01-01"></crm-rfm-matrix>`, 'date-from="2025-02-01" 晚于 date-to="2025-01-01"。'],
  ['rfm bins', html`<crm-rfm-matrix locale="zh-CN" recency-bins="few"></crm-rfm-matrix>`, 'recency-bins="few" 既不是分档数也不是阈值列表'],
  ['rfm bins list', html`<crm-rfm-matrix locale="zh-CN" bins="3, 9"></crm-rfm-matrix>`, '必须是一个数字（2–10）'],
  ['rfm bin count', html`<crm-rfm-matrix locale="zh-CN" bins="12"></crm-rfm-matrix>`, 'rfm.bins：分档数应为 2 到 10 之间的整数，实际为 12'],
  ['rfm thresholds', html`<crm-rfm-matrix locale="zh-CN" recency-bins="90, 30"></crm-rfm-matrix>`, '阈值必须严格递增（90 之后是 30）'],
  ['rfm method', html`<crm-rfm-matrix locale="zh-CN" method="kmeans"></crm-rfm-matrix>`, 'method="kmeans" 不是分档方法：应为 quantile 或 ntile。'],
  ['rfm segments', html`<crm-rfm-matrix locale="zh-CN" segments="abc"></crm-rfm-matrix>`, 'segments="abc" 不是分群预设：应为 rfm 或 rf-grid。'],
  ['lifecycle mode', html`<crm-lifecycle-funnel locale="zh-CN" mode="magic"></crm-lifecycle-funnel>`, 'mode="magic" 不是生命周期模式'],
  ['service-interval JSON', html`<crm-customer-360 locale="zh-CN" customer-id="C0001" service-interval="{km"></crm-customer-360>`, 'service-interval="{km" 不是 JSON'],
  [
    'service-interval value',
    html`<crm-customer-360 locale="zh-CN" customer-id="C0001" service-interval='{"km": -5, "months": 12}'></crm-customer-360>`,
    'service-interval="{"km": -5, "months": 12}"：serviceInterval.km：应为正数，实际为 -5。',
  ],
  ['churn-model', html`<crm-customer-360 locale="zh-CN" customer-id="C0001" churn-model="oracle"></crm-customer-360>`, 'churn-model：应为 auto'],
  [
    'custom stages',
    html`<crm-lifecycle-funnel locale="zh-CN" .stageDefinitions=${[{ id: 'a', rule: { minOrders: 1 } }, { id: 'a', rule: { minOrders: 2 } }]}></crm-lifecycle-funnel>`,
    '生命周期：阶段 id“a”出现了两次',
  ],
  ['group-by', html`<crm-regional-comparison locale="zh-CN" group-by="warehouse"></crm-regional-comparison>`, '按“warehouse”分组'],
];

describe('widget errors in zh-CN', () => {
  for (const [name, template, chinese] of CASES) {
    it(`${name}: the error state reads in Chinese`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
      const el = wrap.firstElementChild as HTMLElement & { tables?: unknown };
      el.tables = sampleTables();
      const text = await errorOf(el);
      expect(text).to.include(chinese);
      expect(englishSentence(text), text).to.equal(undefined);
    });
  }

  it('the same errors stay English in en (the message as before)', async () => {
    const el = await fixture<HTMLElement & { tables?: unknown }>(html`<crm-rfm-matrix locale="en" method="kmeans"></crm-rfm-matrix>`);
    el.tables = sampleTables();
    expect(await errorOf(el)).to.include('method="kmeans" is not a binning method: expected quantile or ntile.');
  });

  it('feed errors of broken CSV, web pages and empty bodies read in Chinese too', async () => {
    const { normalizeFeed, decodeFeedBody } = await import('../../src/data/index.js');
    const texts = [
      caught(() => normalizeFeed({ csv: 'customer_id,amount\n"C1,2\n' }, { feed: 'a.csv' })),
      caught(() => normalizeFeed({ csv: 'customer_id,amount\nC1,2,3,4\n' }, { feed: 'a.csv' })),
      caught(() => decodeFeedBody('<!doctype html><title>Sign in</title>', { feed: 'f.json', format: 'json' })),
      caught(() => decodeFeedBody(new Uint8Array(0), { feed: 'f.json' })),
    ].map((e) => errorText(e, 'zh-CN'));
    expect(texts).to.deep.equal([
      '数据源“a.csv”：CSV 格式有误：第 2 行开始的带引号字段没有结束引号。',
      '数据源“a.csv”：CSV 格式有误：第 2 行有 4 个字段，而表头只有 2 个。',
      '数据源“f.json”是一个标题为“Sign in”的网页，而不是数据：该 URL 可能指向登录页、错误页或错误的路径。',
      '数据源“f.json”是空的（服务器没有发送任何字节）。',
    ]);
    for (const text of texts) expect(englishSentence(text), text).to.equal(undefined);
  });

  it('a metric option error as errorText shows it (option keys, as-of): both locales', () => {
    const tables = sampleTables();
    const unknown = caught(() => rfm(tables, { bins: 3 } as never));
    expect(errorText(unknown, 'en')).to.equal(
      'rfm(): unknown option "bins". "bins" belongs in the rfm settings: { rfm: { bins: … } }. Known options: asOf, filter, rfm, stageMembership.',
    );
    expect(errorText(unknown, 'zh-CN')).to.equal(
      'rfm()：未知选项“bins”。“bins”属于 rfm 设置：{ rfm: { bins: … } }。已知的 options 键：asOf, filter, rfm, stageMembership。',
    );
    const near = caught(() => rfm(tables, { asof: '2024-01-01' } as never));
    expect(errorText(near, 'zh-CN')).to.include('是否想写“asOf”？');
    const asOf = caught(() => rfm(tables, { asOf: 'tomorrow' }));
    expect(errorText(asOf, 'zh-CN')).to.equal('asOf：应为 YYYY-MM-DD 日期，实际为“tomorrow”');
    expect((asOf as Error).message).to.equal('asOf: expected a YYYY-MM-DD date, found "tomorrow"');
  });
});
