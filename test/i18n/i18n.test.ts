import { expect, fixture, html } from '@open-wc/testing';
import { Formatter, defineMessages, normalizeLocale, resolveLocale, baseMessages } from '../../src/i18n/index.js';
import { dayFromParts } from '../../src/data/days.js';

describe('i18n: formatters', () => {
  const zh = new Formatter('zh-CN');
  const en = new Formatter('en');

  it('compacts large numbers in 万 / 亿 for zh-CN and K / M for en', () => {
    // Intl compact notation (verified in Node 20 ICU and Chromium): 123,456,789 = 1.23 × 10^8 = 1.23亿.
    expect(zh.compact(123_456_789)).to.equal('1.23亿');
    // Three significant digits, never fewer than the whole units (12,345,678 = 1234.5678万 → 1235万).
    expect(zh.compact(12_345_678)).to.equal('1235万');
    expect(zh.compact(12_345)).to.equal('1.23万');
    expect(zh.compactCurrency(2166.05)).to.equal('¥2166'); // no 千 in Chinese: whole yuan, not ¥2166.05
    expect(zh.compactCurrency(7.2e-27)).to.equal('¥0'); // a model's near-zero value stays short
    expect(en.compact(12_345_678)).to.equal('12.3M');
    expect(zh.compactCurrency(123_456_789)).to.equal('¥1.23亿');
    expect(zh.compact(NaN)).to.equal('—');
  });

  it('formats currency (default CNY), percent and integers per locale', () => {
    expect(zh.currency(1234.5)).to.equal('¥1,234.50');
    expect(en.currency(1234.5)).to.equal('CN¥1,234.50');
    expect(new Formatter('en', 'USD').currency(2)).to.equal('$2.00');
    expect(en.percent(0.1234)).to.equal('12.3%');
    expect(en.integer(12345.6)).to.equal('12,346');
  });

  it('formats epoch days on the UTC calendar', () => {
    const day = dayFromParts(2024, 3, 5);
    expect(en.day(day)).to.equal('Mar 5, 2024');
    expect(zh.day(day)).to.equal('2024年3月5日');
    expect(zh.month(2024 * 12 + 2)).to.equal('2024年3月');
  });

  it('says how long ago in words', () => {
    const now = Date.UTC(2024, 0, 10, 12);
    expect(en.relativeAge(now - 3 * 60_000, now)).to.equal('3 minutes ago');
    expect(zh.relativeAge(now - 3 * 60_000, now)).to.equal('3分钟前');
    expect(en.relativeAge(now - 26 * 3600_000, now)).to.equal('yesterday');
    expect(en.relativeAge(now + 5000, now)).to.equal('now');
  });

  it('formats byte counts', () => {
    expect(en.bytes(512)).to.equal('512 byte');
    expect(en.bytes(1_500_000)).to.equal('1.5 MB');
  });
});

describe('i18n: messages and locale resolution', () => {
  it('normalizes tags to the two locales', () => {
    expect(['zh', 'zh-Hans-CN', 'zh_TW', 'ZH-cn', 'en-GB', 'fr', '', undefined].map(normalizeLocale)).to.deep.equal([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('fills placeholders and picks plural forms', () => {
    expect(baseMessages.t('en', 'rows', { count: 1 })).to.equal('1 row');
    expect(baseMessages.t('en', 'rows', { count: 3 })).to.equal('3 rows');
    expect(baseMessages.t('zh-CN', 'rows', { count: 3 })).to.equal('3 行');
    expect(baseMessages.t('zh-CN', 'selected', { label: '华东' })).to.equal('已选择 华东。');
    // Chinese punctuation is full-width: label：value, value（share）, a；b (tooltips, table cells).
    expect(baseMessages.t('zh-CN', 'labelValue', { label: '订单数', value: baseMessages.t('zh-CN', 'valueShare', { value: '4', share: '22%' }) })).to.equal('订单数：4（22%）');
    expect(baseMessages.t('en', 'labelValue', { label: 'Orders', value: baseMessages.t('en', 'valueShare', { value: '4', share: '22%' }) })).to.equal('Orders: 4 (22%)');
    expect(baseMessages.t('zh-CN', 'clearSelection', { label: '区域：广西' })).to.equal('清除选择：区域：广西');
  });

  it('makes a missing zh-CN key a type error', () => {
    const ok = defineMessages({ a: 'A', b: 'B' }, { a: '甲', b: '乙' });
    // @ts-expect-error: zh-CN lacks `b` (tsc fails if this stops being an error).
    const missing = defineMessages({ a: 'A', b: 'B' }, { a: '甲' });
    expect(ok.t('zh-CN', 'b')).to.equal('乙');
    expect(missing.t('zh-CN', 'b')).to.equal('B'); // at run time it falls back to English
  });

  it('resolves the closest lang across shadow roots; own locale wins', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><div id="host"></div></div>`);
    const host = outer.querySelector('#host')!;
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner)).to.equal('zh-CN');
    inner.setAttribute('locale', 'en');
    expect(resolveLocale(inner)).to.equal('en');
    inner.removeAttribute('locale');
    host.setAttribute('lang', ''); // empty lang means unknown: keep looking up
    expect(resolveLocale(inner)).to.equal('zh-CN');
  });
});
