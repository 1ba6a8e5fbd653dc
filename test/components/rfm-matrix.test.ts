import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rfm-matrix/index.js';
import '../../src/components/data/index.js';
import type { CrmRfmMatrix } from '../../src/components/rfm-matrix/index.js';
import { rfm, rfmCustomers, rfmGrid, rfmSegmentSummary, type RfmResult } from '../../src/metrics/rfm/index.js';
import { Formatter } from '../../src/i18n/format.js';
import type { CrmExportDetail, CrmSelectDetail } from '../../src/components/events.js';
import type { CrmTables } from '../../src/data/types.js';
import { ordersTable, type OrderRow } from '../metrics/tables.js';
import { cells, key, referenceTables, rendered, sampleTables, segmentButtons, shadow } from './rfm-matrix-fixtures.js';

const en = new Formatter('en');
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector(sel) as T | null;
/** Text a sighted user sees (without visually-hidden helper text). */
const seen = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((x) => x.remove());
  return copy.textContent!.replace(/\s+/g, ' ').trim();
};
const value = (cell: Element) => cell.querySelector('.cell-value')!.textContent!.trim();
const idsOf = (r: RfmResult, rows: Int32Array) => Array.from(rows, (i) => r.columns.customer_id[i]);
const sorted = (xs: string[]) => [...xs].sort();

async function matrix(tables: CrmTables, attrs = '', lang = 'en'): Promise<CrmRfmMatrix> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrap.innerHTML = `<crm-rfm-matrix ${attrs}></crm-rfm-matrix>`;
  const el = wrap.firstElementChild as CrmRfmMatrix;
  el.tables = tables;
  await rendered(el);
  return el;
}

/** Exports through the cancelable crm-export event and returns its detail. */
async function captureExport(el: CrmRfmMatrix, run: () => void | Promise<void>): Promise<CrmExportDetail> {
  const event = oneEvent(el, 'crm-export');
  el.addEventListener('crm-export', (e) => e.preventDefault(), { once: true });
  await run();
  return ((await event) as CustomEvent<CrmExportDetail>).detail;
}

/** CSV text → rows of fields (our exports: BOM, CRLF, quotes only around text with , " or newlines). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('crm-rfm-matrix: numbers from the metric layer', () => {
  it('shows rfmGrid counts in every cell, R5 on top and F1 on the left', async () => {
    const tables = sampleTables();
    const el = await matrix(tables);
    const grid = rfmGrid(rfm(tables), 'f', 'r');
    const expected: string[] = [];
    for (let r = 5; r >= 1; r--) for (let f = 1; f <= 5; f++) expected.push(en.integer(grid.customers[(r - 1) * 5 + (f - 1)]));
    expect(cells(el).map(value)).to.deep.equal(expected);
  });

  it('lists the segments of rfmSegmentSummary and shows them as the table view', async () => {
    const tables = sampleTables();
    const el = await matrix(tables);
    const summary = rfmSegmentSummary(rfm(tables));
    const present = summary.filter((s) => s.customers > 0);
    expect(segmentButtons(el).map((b) => b.querySelector('.seg-name')!.textContent!.trim())).to.deep.equal(present.map((s) => s.labels.en));
    expect(segmentButtons(el).map((b) => seen(b.querySelector('.seg-count')!))).to.deep.equal(
      present.map((s) => `${en.integer(s.customers)} · ${en.percent(s.customerShare)}`),
    );
    el.tableView = true;
    await el.updateComplete;
    const rows = [...shadow(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows.map((r) => r[0])).to.deep.equal(summary.map((s) => s.labels.en));
    expect(rows.map((r) => r[1])).to.deep.equal(summary.map((s) => en.integer(s.customers)));
    expect(rows.map((r) => r[4])).to.deep.equal(summary.map((s) => en.currency(s.revenue)));
  });

  it('R rfm reference (rfm_data_orders, as of 2006-12-31): the vignette’s segment summary and R’s breaks', async () => {
    const el = await matrix(await referenceTables(), 'as-of="2006-12-31"');
    // Vignette "RFM - Introduction", rfm_segment_summary(): Champions 35 customers, 316 orders, 31646 revenue;
    // Potential Loyalist 342 customers (see test/metrics/rfm.test.ts).
    const champions = segmentButtons(el).find((b) => b.querySelector('.seg-name')!.textContent!.trim() === 'Champions')!;
    expect(seen(champions.querySelector('.seg-count')!)).to.equal(`35 · ${en.percent(35 / 995)}`);
    expect(champions.querySelector('.seg-stats')!.textContent).to.contain('CN¥31.6K');
    const loyalist = segmentButtons(el).find((b) => b.querySelector('.seg-name')!.textContent!.trim() === 'Potential Loyalist')!;
    expect(loyalist.querySelector('.seg-count')!.textContent).to.contain('342');
    expect(cells(el).map(value).reduce((a, b) => a + Number(b.replace(/,/g, '')), 0)).to.equal(995);
    // R's breaks (quantile + 1): recency 115, 181, 297.4, 482 (max 976 → upper 977), so R5 = [1, 115) = 1–114
    // days, R2 = [297.4, 482) = 298–481 days; frequency [1,4) [4,5) [5,6) [6,8) [8,15).
    const notes = [...shadow(el).querySelectorAll('.axis-note')].map((t) => t.textContent!.trim());
    expect(notes.slice(0, 5)).to.deep.equal(['1–114 d', '115–180 d', '181–297 d', '298–481 d', '482–976 d']);
    expect(notes.slice(5)).to.deep.equal(['1–3', '4', '5', '6–7', '8–14']);
  });

  it('hand-computed rf-grid: five customers, one per segment region', async () => {
    // Same plan as test/metrics/rfm.test.ts: r = 5,4,3,2,1; f = 5,1,3,3,1 → champions, promising,
    // need-attention, at-risk, hibernating.
    const rows: OrderRow[] = [];
    const plan: [string, string, number][] = [['a', '2024-01-31', 9], ['b', '2024-01-20', 1], ['c', '2024-01-10', 4], ['d', '2023-12-01', 5], ['e', '2023-06-01', 1]];
    for (const [id, date, n] of plan) for (let k = 0; k < n; k++) rows.push({ id, date, amount: 10, order: `${id}${k}` });
    const el = await matrix({ orders: ordersTable(rows) }, 'segments="rf-grid" as-of="2024-02-01"');
    const labels = cells(el).map((c) => c.getAttribute('aria-label'));
    expect(labels[4]).to.equal('1 customer (Champions): recency score 5, frequency score 5'); // top right
    expect(labels[5]).to.equal('1 customer (Promising): recency score 4, frequency score 1');
    expect(labels[20]).to.equal('1 customer (Hibernating): recency score 1, frequency score 1');
    expect(labels[0]).to.equal('0 customers (New Customers): recency score 5, frequency score 1');
    expect(cells(el).map(value).join(' ')).to.equal('0 0 0 0 1 1 0 0 0 0 0 0 1 0 0 0 0 1 0 0 1 0 0 0 0');
    // Pure regions: outlines between segments, and no "mixed" note.
    expect(shadow(el).querySelectorAll('.region-edge').length).to.be.greaterThan(0);
    expect(q(el, '.note')!.textContent).not.to.contain('largest segment');
  });

  it('bins=3 gives a 3×3 grid; explicit recency thresholds set the rows', async () => {
    const el = await matrix(sampleTables(), 'bins="3"');
    expect(cells(el)).to.have.length(9);
    expect(shadow(el).querySelectorAll('[role="row"]')).to.have.length(3);
    el.setAttribute('recency-bins', '30, 90, 365');
    await waitUntil(() => cells(el).length === 12);
    const notes = [...shadow(el).querySelectorAll('.axis-note')].map((t) => t.textContent!.trim());
    // Thresholds 30, 90, 365 (used as given) → R4 = [min, 30), R3 = [30, 90), R2 = [90, 365), R1 = [365, max].
    expect(notes[0]).to.match(/^\d+–29 d$/);
    expect(notes.slice(1, 3)).to.deep.equal(['30–89 d', '90–364 d']);
    expect(notes[3]).to.match(/^365–[\d,]+ d$/);
  });
});

describe('crm-rfm-matrix: colour', () => {
  const fillOf = (cell: Element) => (cell.querySelector('.cell-fill') as SVGElement).getAttribute('fill');
  const textOf = (cell: Element) => getComputedStyle(cell.querySelector('.cell-value')!).fill;

  it('colours by count, or by average spend after the switch', async () => {
    const tables = sampleTables();
    const el = await matrix(tables);
    const r = rfm(tables);
    const grid = rfmGrid(r, 'f', 'r');
    const display = (g: number) => (5 - (Math.floor(g / 5) + 1)) * 5 + (g % 5); // grid index → display index
    const maxCount = grid.customers.indexOf(Math.max(...grid.customers));
    expect(fillOf(cells(el)[display(maxCount)])).to.equal('var(--crm-seq-7)');
    const avg = Array.from(grid.revenue, (v, i) => (grid.customers[i] ? v / grid.customers[i] : -Infinity));
    const maxAvg = avg.indexOf(Math.max(...avg));
    const minAvg = avg.indexOf(Math.min(...avg.filter(Number.isFinite)));
    const toggle = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="color-toggle"] button')];
    toggle[1].click();
    await el.updateComplete;
    expect(el.getAttribute('color-by')).to.equal('monetary');
    expect(toggle[1].getAttribute('aria-pressed')).to.equal('true');
    expect(fillOf(cells(el)[display(maxAvg)])).to.equal('var(--crm-seq-7)');
    expect(fillOf(cells(el)[display(minAvg)])).to.equal('var(--crm-seq-1)');
    expect(q(el, '[part~="legend"]')!.textContent).to.contain('Average spend per customer');
  });

  it('picks light text on dark cells and dark text on light cells, in both themes', async () => {
    const el = await matrix(sampleTables(), 'theme="light"');
    const darkest = cells(el).find((c) => fillOf(c) === 'var(--crm-seq-7)')!;
    expect(textOf(darkest)).to.equal('rgb(255, 255, 255)'); // light --crm-color-bg on #0f3f78
    const lightest = cells(el).find((c) => fillOf(c) === 'var(--crm-seq-1)');
    if (lightest) expect(textOf(lightest)).to.equal('rgb(28, 33, 40)'); // --crm-color-text on #e8f1fb
    el.theme = 'dark';
    await waitUntil(() => el.getAttribute('resolved-theme') === 'dark');
    el.requestUpdate();
    await el.updateComplete;
    // Dark theme: seq-7 is the lightest (#b1d4f5) → dark text (dark --crm-color-bg #16191e).
    const top = cells(el).find((c) => fillOf(c) === 'var(--crm-seq-7)')!;
    expect(textOf(top)).to.equal('rgb(22, 25, 30)');
    expect(getComputedStyle(q(el, '[part~="base"]')!).backgroundColor).to.equal('rgb(22, 25, 30)');
  });
});

describe('crm-rfm-matrix: selection, events, keyboard', () => {
  it('a segment row selects the segment: event detail with its customers, highlighted cells, a customer list', async () => {
    const tables = sampleTables();
    const el = await matrix(tables);
    const r = rfm(tables);
    const selected = oneEvent(el, 'crm-segment-select');
    segmentButtons(el)[0].click(); // Champions
    const detail = ((await selected) as CustomEvent<CrmSelectDetail>).detail;
    expect(detail.selection).to.deep.equal({ kind: 'segment', field: 'segments', value: 'champions', label: 'Champions' });
    expect(detail.filter).to.deep.equal({ segments: ['champions'] });
    expect(sorted(detail.customerIds)).to.deep.equal(sorted(idsOf(r, rfmCustomers(r, { segment: 'champions' }))));
    await el.updateComplete;
    expect(segmentButtons(el)[0].getAttribute('aria-pressed')).to.equal('true');
    expect(q(el, '[part~="selection"]')!.textContent).to.contain('Segment: Champions');
    // Champions (rfm preset) need r = f = 5: only the top-right cell holds them.
    expect(cells(el).map((c) => c.classList.contains('highlighted'))).to.deep.equal(cells(el).map((_, i) => i === 4));
    // The customer list: the top spenders of the segment, names from the customers table.
    const list = q(el, '[part~="customer-list"]')!;
    const rows = rfmCustomers(r, { segment: 'champions' });
    const top = [...rows].sort((a, b) => r.monetary[b] - r.monetary[a])[0];
    expect(list.querySelector('h3')!.textContent).to.contain(`of ${rows.length} customers in Champions`);
    const first = list.querySelector<HTMLButtonElement>('tbody button')!;
    const names = tables.customers!.array('name') as string[];
    const ids = tables.customers!.array('customer_id') as string[];
    expect(first.textContent!.trim()).to.equal(names[ids.indexOf(r.columns.customer_id[top])]);
    // Clicking a customer is a drill-down: crm-customer-select, the filter stays.
    const drill = oneEvent(el, 'crm-customer-select');
    first.click();
    const d = ((await drill) as CustomEvent<CrmSelectDetail>).detail;
    expect(d.selection!.value).to.equal(r.columns.customer_id[top]);
    expect(d.customerIds).to.deep.equal([r.columns.customer_id[top]]);
    expect(d.filter).to.deep.equal({ segments: ['champions'] });
  });

  it('with non-default scoring (bins=3) a segment selection filters by its customers, so linked widgets agree', async () => {
    const tables = sampleTables();
    const el = await matrix(tables, 'bins="3"');
    const r = rfm(tables, { rfm: { bins: 3 } });
    const selected = oneEvent(el, 'crm-segment-select');
    segmentButtons(el)[0].click();
    const detail = ((await selected) as CustomEvent<CrmSelectDetail>).detail;
    const id = detail.selection!.value;
    const members = idsOf(r, rfmCustomers(r, { segment: id }));
    expect(detail.selection!.field).to.equal('customerIds');
    expect(sorted(detail.filter.customerIds!)).to.deep.equal(sorted(members));
    expect(detail.filter.segments).to.equal(undefined);
    await el.updateComplete;
    expect(segmentButtons(el)[0].getAttribute('aria-pressed')).to.equal('true');
    expect(q(el, '[part~="customer-list"] h3')!.textContent).to.contain(`of ${members.length} customers`);
  });

  it('arrow keys move in two dimensions; Enter selects the cell (customerIds); Esc clears', async () => {
    const tables = sampleTables();
    const el = await matrix(tables);
    const r = rfm(tables);
    const all = cells(el);
    expect(all.map((c) => c.getAttribute('tabindex')).filter((t) => t === '0')).to.have.length(1);
    all[0].focus();
    key(all[0], 'ArrowRight');
    expect(shadow(el).activeElement).to.equal(all[1]);
    key(all[1], 'ArrowDown');
    expect(shadow(el).activeElement).to.equal(all[6]);
    key(all[6], 'End');
    expect(shadow(el).activeElement).to.equal(all[9]);
    key(all[9], 'ArrowRight'); // stays at the row's end
    expect(shadow(el).activeElement).to.equal(all[9]);
    key(all[9], 'Home', { ctrlKey: true });
    expect(shadow(el).activeElement).to.equal(all[0]);
    key(all[0], 'ArrowDown');
    key(all[5], 'ArrowRight'); // R4·F2
    const selected = oneEvent(el, 'crm-segment-select');
    key(all[6], 'Enter');
    const detail = ((await selected) as CustomEvent<CrmSelectDetail>).detail;
    const ids = idsOf(r, rfmCustomers(r, { r: 4, f: 2 }));
    expect(detail.selection).to.deep.include({ kind: 'segment', field: 'customerIds', value: 'r4-f2', label: 'R4·F2' });
    expect(sorted(detail.customerIds)).to.deep.equal(sorted(ids));
    expect(sorted(detail.filter.customerIds!)).to.deep.equal(sorted(ids));
    await el.updateComplete;
    expect(cells(el)[6].getAttribute('aria-selected')).to.equal('true');
    expect(q(el, '[part~="customer-list"] h3')!.textContent).to.contain('in R4·F2');
    // The tooltip follows keyboard focus and gives the score ranges.
    expect(q(el, '[part~="tooltip"]')!.textContent).to.match(/R4·F2: [\d,]+ customers\nLast order [\d,–]+ days ago\n/);
    const cleared = oneEvent(el, 'crm-segment-select');
    key(cells(el)[6], 'Escape'); // first Esc hides the tooltip …
    key(cells(el)[6], 'Escape'); // … the next clears the selection
    expect(((await cleared) as CustomEvent<CrmSelectDetail>).detail.selection).to.equal(null);
    await el.updateComplete;
    expect(q(el, '[part~="customer-list"]')).to.equal(null);
  });

  it('links through <crm-data>: a segment or a cell in one matrix filters the other', async () => {
    const tables = sampleTables();
    const data = await fixture<HTMLElement>(html`<crm-data lang="en" .tables=${tables}>
      <crm-rfm-matrix id="a"></crm-rfm-matrix><crm-rfm-matrix id="b"></crm-rfm-matrix>
    </crm-data>`);
    const [a, b] = [data.querySelector('#a') as CrmRfmMatrix, data.querySelector('#b') as CrmRfmMatrix];
    await rendered(a);
    await rendered(b);
    const r = rfm(tables);
    const total = (el: Element) => cells(el).reduce((s, c) => s + Number(value(c).replace(/,/g, '')), 0);
    expect(total(b)).to.equal(r.size);
    segmentButtons(a)[1].click(); // Potential Loyalist
    const loyalists = rfmCustomers(r, { segment: 'potential-loyalist' }).length;
    await waitUntil(() => total(b) === loyalists, 'b was not filtered to the segment');
    expect(total(a)).to.equal(r.size); // a highlights instead of filtering itself
    cells(a)[4].dispatchEvent(new MouseEvent('click')); // R5·F5 replaces the segment selection
    const cell = rfmCustomers(r, { r: 5, f: 5 }).length;
    await waitUntil(() => total(b) === cell, 'b was not filtered to the cell');
    a.clearSelection();
    await waitUntil(() => total(b) === r.size);
  });
});

describe('crm-rfm-matrix: states, locales, sizes, exports, accessibility', () => {
  it('reaches the empty state under a filter that keeps nobody, and the error state for bad attributes', async () => {
    const el = await matrix(sampleTables());
    el.setAttribute('customer-ids', 'nobody');
    await waitUntil(() => q(el, '[part~="empty"]'), 'no empty state');
    expect(q(el, '[part~="empty"]')!.textContent).to.contain('No data');
    el.removeAttribute('customer-ids');
    await rendered(el);
    el.setAttribute('bins', 'five');
    await waitUntil(() => q(el, '[part~="error"]'), 'no error state');
    expect(q(el, '[part~="error"]')!.textContent).to.contain('bins="five" is not a bin count');
    el.setAttribute('bins', '11');
    await waitUntil(() => q(el, '[part~="error"]')!.textContent!.includes('rfm.bins'));
    el.setAttribute('segments', 'vip');
    await waitUntil(() => q(el, '[part~="error"]')!.textContent!.includes('segments="vip" is not a segment preset'));
    el.removeAttribute('segments');
    el.setAttribute('bins', '4');
    await waitUntil(() => cells(el).length === 16);
  });

  it('speaks Chinese: title, axis, segment names, 万 amounts', async () => {
    const tables = sampleTables();
    const el = await matrix(tables, '', 'zh-CN');
    const zh = new Formatter('zh-CN');
    expect(q(el, '[part~="title"]')!.textContent!.trim()).to.equal('RFM 客户矩阵');
    expect(q(el, '.axis-title')!.textContent).to.contain('最近消费 (R)');
    const summary = rfmSegmentSummary(rfm(tables)).filter((s) => s.customers > 0);
    expect(segmentButtons(el).map((b) => b.querySelector('.seg-name')!.textContent!.trim())).to.deep.equal(summary.map((s) => s.labels['zh-CN']));
    const stats = segmentButtons(el)[0].querySelector('.seg-stats')!.textContent!;
    expect(stats).to.contain(zh.compactCurrency(summary[0].revenue));
    expect(stats).to.match(/万|亿/);
    expect(cells(el)[4].getAttribute('aria-label')).to.match(/^[\d,]+ 位客户（[^）]+）：最近购买评分 5，购买频次评分 5$/);
    expect(q(el, '.chart > p')!.textContent).to.contain('占客户的');
  });

  it('fits 320 px (stacked, no horizontal overflow) and 1100 px (summary beside the grid)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en" style="width: 320px"></div>`);
    const el = document.createElement('crm-rfm-matrix') as CrmRfmMatrix;
    el.tables = sampleTables();
    wrap.append(el);
    await rendered(el);
    await waitUntil(() => el.size === 'narrow');
    segmentButtons(el)[0].click(); // with the customer list open
    await el.updateComplete;
    const base = q(el, '[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(q(el, '.rfm')!.classList.contains('stacked')).to.equal(true);
    wrap.style.width = '1100px';
    await waitUntil(() => el.size === 'wide');
    await el.updateComplete;
    expect(q(el, '.rfm')!.classList.contains('side')).to.equal(true);
    const grid = q(el, '.grid-col')!.getBoundingClientRect();
    const summary = q(el, '.summary-col')!.getBoundingClientRect();
    expect(summary.left).to.be.at.least(grid.right); // beside, not below
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
  });

  it('exports the segment summary as CSV, the grid as SVG, and the selection’s customers as CSV', async () => {
    const tables = sampleTables();
    const el = await matrix(tables);
    const r = rfm(tables);
    const summary = rfmSegmentSummary(r);
    const csv = parseCsv(await (await captureExport(el, () => el.exportAs('csv'))).blob.text());
    expect(csv[0]).to.deep.equal(['Segment', 'Customers', 'Share of customers', 'Orders', 'Revenue', 'Share of revenue', 'AOV', 'ID']);
    expect(csv.slice(1).map((row) => [row[0], Number(row[1]), Number(row[4]), row[7]])).to.deep.equal(
      summary.map((s) => [s.labels.en, s.customers, s.revenue, s.id]),
    );
    const svg = await (await captureExport(el, () => el.exportAs('svg'))).blob.text();
    expect(svg.match(/role="gridcell"/g)).to.have.length(25);
    expect(svg).to.contain('Customers per cell');
    // The list export: every customer of the selected cell, by spend.
    cells(el)[4].dispatchEvent(new MouseEvent('click')); // R5·F5
    await el.updateComplete;
    const button = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="customer-list"] button')].find((b) => b.textContent!.includes('Export list'))!;
    const list = parseCsv(await (await captureExport(el, () => button.click())).blob.text());
    expect(list[0]).to.deep.equal(['customer_id', 'name', 'r', 'f', 'm', 'recency_days', 'frequency', 'monetary', 'segment']);
    const rows = rfmCustomers(r, { r: 5, f: 5 });
    expect(list.length - 1).to.equal(rows.length);
    expect(sorted(list.slice(1).map((row) => row[0]))).to.deep.equal(sorted(idsOf(r, rows)));
    const spend = list.slice(1).map((row) => Number(row[7]));
    expect(spend).to.deep.equal([...spend].sort((a, b) => b - a));
    const i = r.columns.customer_id.indexOf(list[1][0]);
    expect(list[1].slice(2).map(String)).to.deep.equal(
      [r.r[i], r.f[i], r.m[i], r.recencyDays[i], r.frequency[i], r.monetary[i], r.columns.segment[i]].map(String),
    );
  });

  it('has no axe violations in chart view (with a selection and its list) and table view', async () => {
    const el = await matrix(sampleTables());
    await expect(el).to.be.accessible();
    segmentButtons(el)[0].click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.tableView = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('says the main finding: the top revenue segment’s shares', async () => {
    const tables = sampleTables();
    const el = await matrix(tables);
    const top = rfmSegmentSummary(rfm(tables)).sort((a, b) => b.revenue - a.revenue)[0];
    expect(q(el, '.chart > p')!.textContent).to.contain(
      `${top.labels.en} are ${en.percent(top.customerShare)} of customers and ${en.percent(top.revenueShare)} of revenue`,
    );
  });
});
