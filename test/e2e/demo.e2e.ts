/**
 * End-to-end tests of the analyst demo page (run by scripts/e2e.mjs against a Vite dev server). Expected values
 * are computed here, in Node, with the same public metrics API on the same files the page loads.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Formatter, guessMapping, normalizeFeed, rfm, rfmCustomers, type CrmFilter, type CrmTables } from '../../src/index.js';
import { lifecycleStageMembership } from '../../src/metrics/index.js';
import { generateSampleColumns, sampleCsvChunks } from '../../src/sample/index.js';
import { WORKBOOK } from '../fixtures/uk-invoice-workbook.js';

interface Ctx {
  page: Page;
  base: string;
  context: BrowserContext;
}

const root = resolve(import.meta.dirname, '../..');
const sampleTables: CrmTables = normalizeFeed(JSON.parse(readFileSync(join(root, 'demo/public/data/sample.json'), 'utf8')), {
  feed: 'sample.json',
}).tables;
const en = new Formatter('en', 'CNY');

/** KPI figures as the page computes them: the RFM base under the filter (5 bins, rfm preset). */
function expectedKpis(tables: CrmTables, filter: CrmFilter = {}) {
  const r = rfm(tables, { filter, rfm: { bins: 5, segments: 'rfm' }, stageMembership: lifecycleStageMembership });
  let orders = 0;
  for (let i = 0; i < r.size; i++) orders += r.frequency[i];
  return { customers: r.size, orders, result: r };
}

const kpi = (page: Page, id: string) => page.locator(`#${id} .kpi-value`);

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#kpi-customers .kpi-value')?.textContent !== '—', null, {
    timeout: 60_000,
  });
}

/** Text of a widget's shadow root (Playwright's locators pierce open shadow roots; text needs the root). */
const shadowText = (page: Page, tag: string) =>
  page.evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent ?? '', tag);

async function waitForKpi(page: Page, id: string, text: string) {
  await page.waitForFunction(
    ([i, t]) => document.querySelector(`#${i} .kpi-value`)?.textContent === t,
    [id, text] as const,
    { timeout: 20_000 },
  ).catch(async () => assert.equal(await kpi(page, id).textContent(), text, `KPI ${id}`));
}

/** A small orders CSV with the Chinese headers the sample generator writes (订单号, 客户编号, 下单日期, 金额…). */
function zhCsvFile(): { path: string; text: string } {
  const sample = generateSampleColumns({ orders: 600, customers: 80, seed: 11 });
  const text = [...sampleCsvChunks(sample, 'orders', { zhHeaders: true })].join('');
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const path = join(dir, '订单-zh.csv');
  writeFileSync(path, text);
  return { path, text };
}

export const tests = [
  {
    name: 'the dashboard shows real numbers: KPIs and the RFM segment counts equal the metrics on the sample feed',
    async run({ page, base }: Ctx) {
      await open(page, `${base}?lang=en&theme=light`);
      const { customers, orders, result } = expectedKpis(sampleTables);
      await waitForKpi(page, 'kpi-customers', en.integer(customers));
      assert.equal(await kpi(page, 'kpi-orders').textContent(), en.integer(orders));
      await page.locator('crm-rfm-matrix .segment').first().waitFor();
      const champions = result.segment.reduce((n, s) => n + (result.segments[s].id === 'champions' ? 1 : 0), 0);
      const text = await page.locator('crm-rfm-matrix .segment', { hasText: 'Champions' }).first().textContent();
      assert.ok(text?.includes(`${en.integer(champions)} ·`), `Champions row "${text}" should show ${champions}`);
      // All five widgets are defined and rendered (no blank box).
      for (const tag of ['crm-rfm-matrix', 'crm-customer-360', 'crm-regional-comparison', 'crm-lifecycle-funnel', 'crm-channel-mix']) {
        const defined = await page.evaluate((t) => !!customElements.get(t), tag);
        if (defined) assert.ok((await shadowText(page, tag)).length > 20, `${tag} renders`);
      }
    },
  },
  {
    name: 'a CSV with Chinese column names goes through the mapping step and becomes the dashboard data',
    async run({ page, base }: Ctx) {
      const { path, text } = zhCsvFile();
      await open(page, `${base}?lang=en`);
      await page.click('#open-import');
      await page.setInputFiles('demo-import input[type=file]', path);
      const select = (column: string) => page.locator(`demo-import select[id="map-orders-${column}"]`);
      await select('客户编号').waitFor();
      assert.equal(await select('客户编号').inputValue(), 'customer_id');
      assert.equal(await select('下单日期').inputValue(), 'order_date');
      assert.equal(await select('金额').inputValue(), 'amount');
      // The analyst keeps 品类 as an extra column: the report says so, nothing is lost.
      await select('品类').selectOption('');
      await page.locator('demo-import .report', { hasText: 'Kept as extra columns: 品类' }).waitFor();
      assert.equal(await page.locator('demo-import .preview tbody tr').count(), 10);
      const mapping = { ...guessMapping(text.split('\n')[0].split(','), 'orders') };
      delete mapping['品类'];
      const expected = expectedKpis(normalizeFeed({ csv: text }, { mapping: { orders: mapping } }).tables);
      await page.click('demo-import .button.primary:has-text("Apply")');
      await waitForKpi(page, 'kpi-orders', en.integer(expected.orders));
      assert.equal(await kpi(page, 'kpi-customers').textContent(), en.integer(expected.customers));
      assert.equal(await page.locator('.source-name').textContent(), '订单-zh.csv');
      assert.ok(page.url().includes('file='), 'the URL names the local file');
    },
  },
  {
    name: 'a broken file is refused with a message and the previous data stays',
    async run({ page, base }: Ctx) {
      await open(page, `${base}?lang=en`);
      const before = await kpi(page, 'kpi-orders').textContent();
      await page.click('#open-import');
      await page.setInputFiles('demo-import input[type=file]', {
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"orders": [{"customer_id": "a", "order_date": '),
      });
      const alert = page.locator('demo-import [role=alert]');
      await alert.waitFor();
      assert.match((await alert.textContent())!, /broken\.json/);
      assert.match((await alert.textContent())!, /keeps the data it had/);
      assert.equal(await page.locator('demo-import .button.primary:has-text("Apply")').isDisabled(), true);
      await page.click('demo-import .button:has-text("Cancel")');
      assert.equal(await kpi(page, 'kpi-orders').textContent(), before);
      assert.equal(await page.locator('.source-name').textContent(), 'Sample feed (generated)');
    },
  },
  {
    name: 'filters and a click in one widget change the others; a reload restores the URL state',
    async run({ page, base }: Ctx) {
      await open(page, `${base}?lang=en`);
      const regionalBefore = await shadowText(page, 'crm-regional-comparison');
      await page.selectOption('#f-channel', 'ecommerce');
      const byChannel = expectedKpis(sampleTables, { channels: ['ecommerce'] });
      await waitForKpi(page, 'kpi-customers', en.integer(byChannel.customers));
      // Click a segment in the RFM matrix: the KPIs (and other widgets) narrow to it, a chip shows it.
      await page.locator('crm-rfm-matrix .segment', { hasText: 'Champions' }).first().click();
      const both = expectedKpis(sampleTables, { channels: ['ecommerce'], segments: ['champions'] });
      await waitForKpi(page, 'kpi-customers', en.integer(both.customers));
      await page.locator('.chip', { hasText: 'Champions' }).waitFor();
      await page.waitForFunction((b) => document.querySelector('crm-regional-comparison')?.shadowRoot?.textContent !== b, regionalBefore);
      assert.match(page.url(), /sel=segment%3Asegments%3Achampions/);
      assert.match(page.url(), /channel=ecommerce/);
      await page.reload();
      await page.locator('.chip', { hasText: 'Champions' }).waitFor({ timeout: 30_000 });
      await waitForKpi(page, 'kpi-customers', en.integer(both.customers));
      assert.equal(await page.inputValue('#f-channel'), 'ecommerce');
      assert.equal(await page.locator('crm-rfm-matrix .segment[aria-pressed=true]').count(), 1);
      // Removing the chip clears the selection everywhere.
      await page.locator('.chip', { hasText: 'Champions' }).click();
      await waitForKpi(page, 'kpi-customers', en.integer(byChannel.customers));
      assert.doesNotMatch(page.url(), /sel=/);
    },
  },
  {
    name: 'the segment list export downloads the selected segment’s customers',
    async run({ page, base }: Ctx) {
      await open(page, `${base}?lang=en&range=365`);
      await page.locator('crm-rfm-matrix .segment', { hasText: 'At Risk' }).first().click();
      await page.locator('.chip', { hasText: 'At Risk' }).waitFor();
      const download = page.waitForEvent('download');
      await page.click('#export-segment');
      const file = await (await download).path();
      const lines = readFileSync(file!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      const end = Math.max(...Array.from(sampleTables.orders.array('order_date') as Int32Array));
      const { result } = expectedKpis(sampleTables, { dateRange: { start: end - 364, end } });
      const ids = new Set(Array.from(rfmCustomers(result, { segment: 'at-risk' }), (i) => result.columns.customer_id[i]));
      assert.ok(ids.size > 0, 'the segment has customers');
      assert.equal(lines[0].split(',')[0], 'Customer ID');
      assert.equal(lines.length - 1, ids.size);
      for (const line of lines.slice(1)) assert.ok(ids.has(line.split(',')[0]), `${line} is in the segment`);
    },
  },
  {
    name: 'language and theme switches re-render the page and every widget',
    async run({ page, base }: Ctx) {
      await open(page, `${base}?lang=en&theme=light`);
      await page.locator('crm-rfm-matrix .segment').first().waitFor();
      const titleEn = await page.locator('crm-rfm-matrix [part~=title]').textContent();
      await page.selectOption('#lang', 'zh-CN');
      await page.locator('#open-import', { hasText: '导入数据' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      await page.waitForFunction((t) => document.querySelector('crm-rfm-matrix')?.shadowRoot?.querySelector('[part~=title]')?.textContent !== t, titleEn);
      assert.match((await page.locator('crm-rfm-matrix [part~=title]').textContent())!, /[\u4e00-\u9fff]/);
      await page.selectOption('#theme', 'dark');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.grid > .cell > *')].every((w) => !customElements.get(w.localName) || w.getAttribute('resolved-theme') === 'dark'),
      );
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(15, 18, 22)');
      assert.match(page.url(), /lang=zh-CN/);
      assert.match(page.url(), /theme=dark/);
    },
  },
  {
    name: 'the page has no axe violations (light and dark)',
    async run({ page, base }: Ctx) {
      for (const theme of ['light', 'dark']) {
        await open(page, `${base}?lang=en&theme=${theme}`);
        await page.locator('crm-rfm-matrix .segment').first().waitFor();
        await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(' ')}`);
        });
        assert.deepEqual(violations, [], `${theme}: ${violations.join('\n')}`);
      }
    },
  },
];

tests.push(
  {
    name: 'embed snippets reproduce the screen and the theming playground restyles the widgets live',
    async run({ page, base, context }: Ctx) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page, `${base}?lang=en&cur=USD&range=90&region=华东`);
      await page.click('#open-share');
      const snippet = (await page.locator('#snippet-rfm').textContent())!;
      assert.match(snippet, /<script type="module" src="[^"]+crm-lens\.bundle\.js"><\/script>/);
      assert.match(snippet, /<crm-data src="http:\/\/127\.0\.0\.1:\d+\/[^"]*data\/sample\.json">/);
      assert.match(snippet, /<crm-rfm-matrix[\s\S]*currency="USD"[\s\S]*regions="华东"[\s\S]*bins="5"/);
      const rfmAttrs = await page.evaluate(() => document.querySelector('crm-rfm-matrix')!.getAttribute('date-from'));
      assert.ok(rfmAttrs && snippet.includes(`date-from="${rfmAttrs}"`), 'the snippet carries the date range on screen');
      await page.click('button[data-copy="crm-rfm-matrix"]');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
      // Playground: a new brand colour reaches every widget's tokens and the copied CSS.
      await page.locator('#pg-accent').evaluate((el: HTMLInputElement) => {
        el.value = '#aa3366';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const accent = await page.evaluate(() => getComputedStyle(document.querySelector('crm-channel-mix')!).getPropertyValue('--crm-color-accent').trim());
      assert.equal(accent, '#aa3366');
      assert.match((await page.locator('#theme-css').textContent())!, /^:root \{\n[\s\S]*--crm-color-accent: #aa3366;/);
      // The widgets paint with it (the selection chip and pressed buttons use the accent).
      const inside = await page.evaluate(() => {
        const base = document.querySelector('crm-channel-mix')!.shadowRoot!.querySelector('[part~="base"]')!;
        return getComputedStyle(base).getPropertyValue('--crm-color-accent').trim();
      });
      assert.equal(inside, '#aa3366');
    },
  },
  {
    name: 'cache controls: a reload is served from IndexedDB with its age; Clear cache empties it',
    async run({ page, base }: Ctx) {
      await open(page, `${base}?lang=en`);
      await page.locator('#cache-status').waitFor();
      await page.reload();
      await page.locator('#cache-status', { hasText: 'From the browser cache' }).waitFor({ timeout: 30_000 });
      await page.click('#clear-cache');
      await page.locator('.notice', { hasText: 'Cache cleared' }).waitFor();
      await page.reload();
      await page.locator('#cache-status', { hasText: 'Fresh from the network' }).waitFor({ timeout: 30_000 });
    },
  },
);

/** Opens a hand-checked export (test/fixtures/exports) through "Bring your own data" and applies it untouched. */
async function importExport(page: Page, base: string, file: string, lang: 'en' | 'zh-CN' = 'en') {
  await open(page, `${base}?lang=${lang}`);
  await page.click('#open-import');
  await page.setInputFiles('demo-import input[type=file]', join(root, 'test/fixtures/exports', file));
  await page.locator('demo-import .report .summary').waitFor({ timeout: 30_000 });
}

tests.push(
  {
    name: 'a UK invoice-line export loads untouched: derived amounts, M/D/YY dates, C credit notes netted',
    async run({ page, base }: Ctx) {
      await importExport(page, base, 'uk-invoice-lines.csv');
      const select = (column: string) => page.locator(`demo-import select[id="map-orders-${column}"]`);
      assert.equal(await select('InvoiceNo').inputValue(), 'order_id');
      assert.equal(await select('CustomerID').inputValue(), 'customer_id');
      assert.equal(await select('UnitPrice').inputValue(), 'unit_price');
      assert.equal(await select('InvoiceDate').inputValue(), 'order_date');
      // Counted by hand (test/data/real-exports.test.ts): 6 purchase invoices, 4 customers, net 321.42.
      assert.equal(await page.locator('demo-import .report .summary').textContent().then((t) => t?.replace(/\s+/g, ' ').trim()), '6 orders · 4 customers · net revenue 321.42');
      const notes = (await page.locator('demo-import .notices').textContent()) ?? '';
      assert.ok(notes.includes('Order ids starting with "C" are credit notes'), notes);
      assert.ok(notes.includes('amount = quantity × unit_price'), notes);
      await page.click('demo-import .button.primary:has-text("Apply")');
      await waitForKpi(page, 'kpi-customers', '4');
      assert.equal(await kpi(page, 'kpi-orders').textContent(), '6');
      await page.locator('#row-counts', { hasText: '6 orders · 4 customers' }).waitFor();
    },
  },
  {
    name: 'a marketplace export of orders + payments + customers loads untouched, in Chinese too',
    async run({ page, base }: Ctx) {
      await importExport(page, base, 'marketplace-orders-payments-customers.csv', 'zh-CN');
      const select = (column: string) => page.locator(`demo-import select[id="map-orders-${column}"]`);
      assert.equal(await select('customer_unique_id').inputValue(), 'customer_id');
      assert.equal(await select('customer_id').inputValue(), '');
      assert.equal(await select('payment_value').inputValue(), 'amount');
      assert.equal(await select('order_purchase_timestamp').inputValue(), 'order_date');
      // 5 purchase orders (a canceled and an unavailable one left out), 4 customers, net 691.32.
      const summary = (await page.locator('demo-import .report .summary').textContent())?.replace(/\s+/g, ' ').trim();
      assert.equal(summary, '5 笔订单 · 4 位客户 · 净收入 691.32');
      const report = (await page.locator('demo-import .report').textContent()) ?? '';
      assert.ok(report.includes('与同一订单前面的某行完全重复'), report);
      await page.click('demo-import .dialog-foot .button.primary');
      await waitForKpi(page, 'kpi-customers', '4');
      assert.equal(await kpi(page, 'kpi-orders').textContent(), '5');
    },
  },
  {
    name: 'an Excel workbook loads through the file input; another sheet is a choice of the mapping step',
    async run({ page, base }: Ctx) {
      const path = join(mkdtempSync(join(tmpdir(), 'crm-e2e-')), 'uk-invoice-lines.xlsx');
      writeFileSync(path, WORKBOOK());
      await open(page, `${base}?lang=en`);
      await page.click('#open-import');
      await page.setInputFiles('demo-import input[type=file]', path);
      const summary = page.locator('demo-import .report .summary');
      // The CSV's hand-counted figures (test/data/real-exports.test.ts): the same export as a workbook.
      await summary.filter({ hasText: '6 orders · 4 customers · net revenue 321.42' }).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('demo-import select[id="map-orders-InvoiceDate"]').inputValue(), 'order_date');
      assert.equal(await page.locator('demo-import select[id="map-orders-UnitPrice"]').inputValue(), 'unit_price');
      const notes = (await page.locator('demo-import .notices').textContent()) ?? '';
      assert.ok(notes.includes('Read the sheet "Orders" of the workbook; its other sheets (2011 & later) were not read'), notes);
      await page.selectOption('#import-sheet', '2011 & later');
      await summary.filter({ hasText: '2 orders · 2 customers' }).waitFor({ timeout: 30_000 });
      await page.selectOption('#import-sheet', 'Orders');
      await summary.filter({ hasText: '6 orders · 4 customers' }).waitFor({ timeout: 30_000 });
      await page.click('demo-import .button.primary:has-text("Apply")');
      await waitForKpi(page, 'kpi-customers', '4');
      assert.equal(await kpi(page, 'kpi-orders').textContent(), '6');
    },
  },
  {
    name: 'import from a URL hands the chosen sheet and date format on to <crm-data> (same tables as the preview)',
    async run({ page, base }: Ctx) {
      const bytes = Buffer.from(WORKBOOK());
      await page.route('**/e2e-feeds/uk.xlsx', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: bytes }));
      await open(page, `${base}?lang=en`);
      await page.click('#open-import');
      await page.fill('#feed-url', new URL('e2e-feeds/uk.xlsx', base).href);
      await page.click('demo-import .url-row .button');
      const summary = page.locator('demo-import .report .summary');
      await summary.filter({ hasText: '6 orders · 4 customers' }).waitFor({ timeout: 30_000 });
      await page.selectOption('#import-sheet', '2011 & later');
      await summary.filter({ hasText: '2 orders · 2 customers' }).waitFor({ timeout: 30_000 });
      await page.selectOption('#import-date-format', 'dmy');
      await summary.filter({ hasText: '2 orders · 2 customers' }).waitFor({ timeout: 30_000 });
      await page.click('demo-import .button.primary:has-text("Apply")');
      await waitForKpi(page, 'kpi-customers', '2');
      const data = await page.evaluate(() => {
        const el = document.querySelector('crm-data')!;
        return { sheet: el.getAttribute('sheet'), dateFormat: el.getAttribute('date-format'), search: location.search };
      });
      assert.deepEqual([data.sheet, data.dateFormat], ['2011 & later', 'dmy']);
      assert.ok(data.search.includes('datefmt=dmy') && data.search.includes('sheet=2011'), data.search);
    },
  },
);
