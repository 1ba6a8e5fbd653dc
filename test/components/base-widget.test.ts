import { expect, fixture, html, waitUntil, oneEvent, nextFrame } from '@open-wc/testing';
import { LitElement, html as litHtml, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import * as aq from 'arquero';
import { crmDataContext, type CrmDataState } from '../../src/data/context.js';
import type { CrmTables } from '../../src/data/types.js';
import type { CrmFilter } from '../../src/metrics/filter-types.js';
import { CrmWidget, queryCommon, type WidgetQueryContext, type WidgetQueries, type WidgetResults } from '../../src/components/base/crm-widget.js';
import { dataHost } from '../../src/query/data-host.js';
import { QueryCoordinator } from '../../src/query/coordinator.js';
import type { RegionalQueryResult } from '../../src/query/protocol.js';
import type { TableData } from '../../src/components/base/table-data.js';
import { layoutBars, renderBars } from '../../src/charts/bar-chart.js';
import { defineElement } from '../../src/components/define.js';
import '../../src/components/data/index.js';
import type { CrmExportDetail, CrmSelectDetail } from '../../src/components/events.js';

/** Orders per region: the test-only result. */
interface RegionRow {
  region: string;
  orders: number;
  revenue: number;
}

/**
 * A minimal widget on the base: orders and revenue per region (the `regional` query, one period holding every
 * order), honouring the `regions` filter.
 */
class TestRegions extends CrmWidget<RegionRow[]> {
  computeCalls = 0;
  failNext = false;
  /** The orders column grouped by (a feed without regions groups by another). */
  groupBy = 'region';

  protected override queries(context: WidgetQueryContext): WidgetQueries {
    return { regional: { family: 'regional', ...queryCommon(context), groupBy: this.groupBy } };
  }

  protected override compose(results: WidgetResults): RegionRow[] {
    this.computeCalls++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('region column is broken');
    }
    const { comparison } = results.regional as RegionalQueryResult;
    return comparison.groups
      .filter((g) => g.rank !== null)
      .map((g) => ({ region: g.key ?? '(none)', orders: g.orders, revenue: g.revenue }))
      .sort((a, b) => b.revenue - a.revenue);
  }

  protected override renderChart(rows: RegionRow[]): TemplateResult {
    const handlers = this.markHandlers(rows.length, {
      activate: (i) => this.select('region', rows[i].region, { customerIds: [`c-${rows[i].region}`] }),
      tooltip: (i) => `${rows[i].region}: ${this.fmt.currency(rows[i].revenue)}`,
    });
    const layout = layoutBars(
      rows.map((r) => ({ key: r.region, label: r.region, value: r.revenue, selected: this.selection?.value === r.region })),
      { width: this.width || 400, valueLabel: (d) => this.fmt.compactCurrency(d.value) },
    );
    return litHtml`${renderBars(layout, { label: this.headingText, handlers })}`;
  }

  protected override tableData(rows: RegionRow[]): TableData<RegionRow> {
    return {
      columns: [
        { key: 'region', label: 'Region', rowHeader: true },
        { key: 'orders', label: 'Orders', kind: 'integer' },
        { key: 'revenue', label: 'Revenue', kind: 'currency' },
      ],
      rows,
    };
  }

  protected override defaultHeading(): string {
    return this.resolvedLocale === 'zh-CN' ? '区域' : 'Regions';
  }

  protected override summarize(rows: RegionRow[]): string {
    return `${rows.length} regions; ${rows[0].region} leads.`;
  }
}
defineElement('test-regions', TestRegions);

/** A stand-in for `<crm-data>`: provides a state the test controls. */
class TestProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: crmDataContext });
  calls = { setFilter: [] as CrmFilter[], retry: 0, refresh: 0, cancel: 0 };

  setState(partial: Partial<CrmDataState>): void {
    const current: Partial<CrmDataState> = this.provider.value ?? { status: 'ready', filter: {}, linked: true };
    const state: CrmDataState = {
      status: 'ready',
      filter: {},
      linked: true,
      ...current,
      ...partial,
      setFilter: (filter) => {
        this.calls.setFilter.push(filter);
        this.setState({ filter });
      },
      retry: () => this.calls.retry++,
      refresh: () => this.calls.refresh++,
      cancel: () => this.calls.cancel++,
    };
    this.provider.setValue(state);
  }

  protected override render(): TemplateResult {
    return litHtml`<slot></slot>`;
  }
}
defineElement('test-provider', TestProvider);

/** An element with a shadow root, to check events cross it. */
class TestShell extends LitElement {
  protected override render(): TemplateResult {
    return litHtml`<test-provider><test-regions heading="Inner"></test-regions></test-provider>`;
  }
}
defineElement('test-shell', TestShell);

function sampleTables(): CrmTables {
  return {
    orders: aq.table({
      customer_id: ['a', 'b', 'c', 'd', 'e'],
      order_date: new Int32Array(5).fill(19_800),
      region: ['East', 'East', 'North', 'South', 'East'],
      amount: Float64Array.from([100, 250, 80, 40, 1000]),
    }),
  };
}

let served = 0;

/** A provider state over these tables: they go to the page's data worker, queries through a coordinator. */
async function servedState(tables: CrmTables): Promise<Partial<CrmDataState>> {
  const host = await dataHost();
  const source = `base-widget ${++served}`;
  const info = await host.hand(source, tables);
  const queries = new QueryCoordinator();
  queries.setEngine(host.engine(source, info.version), info.version);
  return { status: 'ready', info, queries };
}

const q = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector) as T | null;
const bars = (el: Element) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('.mark')];
const rendered = (el: Element) => waitUntil(() => bars(el).length > 0, 'chart did not render');

async function providedWidget(state: Partial<CrmDataState>) {
  const provider = await fixture<TestProvider>(html`<test-provider><test-regions></test-regions></test-provider>`);
  provider.setState(state);
  const widget = provider.querySelector('test-regions') as TestRegions;
  await widget.updateComplete;
  return { provider, widget };
}

describe('CrmWidget: data sources and computation', () => {
  it('computes from a tables property and draws one mark per region, largest first', async () => {
    const el = await fixture<TestRegions>(html`<test-regions lang="en" .tables=${sampleTables()}></test-regions>`);
    await rendered(el);
    // East 100+250+1000 = 1350, North 80, South 40.
    expect(bars(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'East: CN¥1.4K',
      'North: CN¥80',
      'South: CN¥40',
    ]);
    expect(q(el, '[part~="chart"]')!.textContent).to.contain('3 regions; East leads.');
  });

  it('recomputes only when an input changes', async () => {
    const el = await fixture<TestRegions>(html`<test-regions .tables=${sampleTables()}></test-regions>`);
    await rendered(el);
    expect(el.computeCalls).to.equal(1);
    el.heading = 'Renamed';
    el.tableView = true;
    await el.updateComplete;
    expect(el.computeCalls).to.equal(1);
    el.regions = 'North, South';
    await waitUntil(() => el.computeCalls === 2);
    el.tableView = false;
    await waitUntil(() => bars(el).length === 2);
  });

  it('uses the data of an enclosing provider and applies attribute ∩ shared filter', async () => {
    const { widget } = await providedWidget({ ...(await servedState(sampleTables())), filter: { regions: ['East', 'North'] } });
    widget.regions = 'North，South'; // Chinese comma accepted
    await waitUntil(() => bars(widget).length === 1);
    expect(bars(widget)[0].getAttribute('aria-label')).to.match(/^North:/);
  });

  it('loads its own src through FeedController (test feed server: 3 orders summing 400)', async () => {
    const id = `wk-${Date.now()}`;
    // The feed has no region column: one group of every purchase row (the normalizer's order_kind 0 = purchase).
    const el = await fixture<TestRegions>(html`<test-regions lang="en" .groupBy=${'order_kind'} src="/feeds/orders/${id}.json"></test-regions>`);
    await rendered(el);
    expect(bars(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal(['0: CN¥400']);
  });

  it('shows the loader error of its own src with a Retry', async () => {
    const el = await fixture<TestRegions>(html`<test-regions src="/feeds/error/wk-${Date.now()}"></test-regions>`);
    await waitUntil(() => q(el, '[part~="error"]'), 'no error state', { timeout: 5000 });
    expect(q(el, '[part~="error"]')!.textContent).to.contain('Could not load the data.');
    expect(q(el, '[part~="error"] button')!.textContent!.trim()).to.equal('Retry');
  });

  it('links two widgets through a real <crm-data>', async () => {
    const data = await fixture<HTMLElement>(
      html`<crm-data .tables=${sampleTables()}><test-regions id="a"></test-regions><test-regions id="b"></test-regions></crm-data>`,
    );
    const [a, b] = [data.querySelector('#a') as TestRegions, data.querySelector('#b') as TestRegions];
    await rendered(a);
    await rendered(b);
    bars(a)[2].dispatchEvent(new MouseEvent('click')); // South
    await waitUntil(() => bars(b).length === 1, 'b was not filtered');
    expect(bars(b)[0].getAttribute('aria-label')).to.match(/^South:/);
    expect(bars(a)).to.have.length(3); // a highlights instead
    a.clearSelection();
    await waitUntil(() => bars(b).length === 3);
  });

  it('shows a no-source message instead of a blank box', async () => {
    const el = await fixture<TestRegions>(html`<test-regions></test-regions>`);
    expect(q(el, '[part~="empty"]')!.textContent).to.contain('No data source');
  });

  it('reports an invalid filter attribute by name', async () => {
    const el = await fixture<TestRegions>(html`<test-regions date-from="2024-13-01" .tables=${sampleTables()}></test-regions>`);
    expect(q(el, '[part~="error"]')!.textContent).to.contain('date-from="2024-13-01" is not a date');
  });
});

describe('CrmWidget: states', () => {
  it('says when it has drawn: data-state on the host and one crm-render per new result, not per redraw', async () => {
    const seen: string[] = [];
    const onRender = (e: CustomEvent<{ state: string }>) => seen.push(`${(e.target as Element).id}:${e.detail.state}`);
    const data = await fixture<HTMLElement>(
      html`<crm-data .tables=${sampleTables()} @crm-render=${onRender}><test-regions id="a"></test-regions><test-regions id="b"></test-regions></crm-data>`,
    );
    const [a, b] = [data.querySelector('#a') as TestRegions, data.querySelector('#b') as TestRegions];
    await waitUntil(() => a.dataset.state === 'ready' && b.dataset.state === 'ready', 'not drawn');
    await waitUntil(() => seen.length === 2, `renders: ${seen.join(' ')}`);
    expect([...seen].sort()).to.deep.equal(['a:ready', 'b:ready']);
    a.heading = 'Renamed'; // a redraw of the same result
    await a.updateComplete;
    expect(seen).to.have.length(2);
    bars(a)[2].dispatchEvent(new MouseEvent('click')); // South: b gets a new result, a only highlights
    await waitUntil(() => seen.length === 3, 'b did not announce its new drawing');
    expect(seen[2]).to.equal('b:ready');
    expect(bars(b)).to.have.length(1);
    b.channels = 'Nowhere'; // no order in that channel: an empty drawing is announced too
    await waitUntil(() => seen.length === 4);
    expect([seen[3], b.dataset.state]).to.deep.equal(['b:empty', 'empty']);
  });

  it('data-state follows loading and error', async () => {
    const { provider, widget } = await providedWidget({ status: 'loading' });
    expect(widget.dataset.state).to.equal('loading');
    const fired = oneEvent(widget, 'crm-render');
    provider.setState({ status: 'error', error: new Error('HTTP 500') });
    expect((await fired).detail).to.deep.equal({ state: 'error' });
    expect(widget.dataset.state).to.equal('error');
  });

  it('loading shows a status with byte progress and percent', async () => {
    const { widget } = await providedWidget({ status: 'loading', progress: { loaded: 500_000, total: 2_000_000 } });
    const loading = q(widget, '[part~="loading"]')!;
    expect(loading.getAttribute('role')).to.equal('status');
    const bar = loading.querySelector('progress')!;
    expect(bar.value).to.equal(500_000);
    expect(bar.max).to.equal(2_000_000);
    expect(loading.textContent).to.contain('500 kB of 2 MB (25%)');
  });

  it('error shows the data layer message and Retry calls retry()', async () => {
    const { provider, widget } = await providedWidget({ status: 'error', error: new Error('HTTP 500 from /feed.json') });
    const error = q(widget, '[part~="error"]')!;
    expect(error.textContent).to.contain('HTTP 500 from /feed.json');
    error.querySelector('button')!.click();
    expect(provider.calls.retry).to.equal(1);
  });

  it('a compute error becomes the error state; Retry runs compute again', async () => {
    const el = document.createElement('test-regions') as TestRegions;
    el.failNext = true;
    el.tables = sampleTables();
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => q(el, '[part~="error"]'));
    expect(q(el, '[part~="error"]')!.textContent).to.contain('region column is broken');
    q<HTMLButtonElement>(el, '[part~="error"] button')!.click();
    await rendered(el);
    expect(el.computeCalls).to.equal(2);
  });

  it('empty under a filter offers Clear filters, which clears the shared filter', async () => {
    const { provider, widget } = await providedWidget({ ...(await servedState(sampleTables())), filter: { regions: ['West'] } });
    await waitUntil(() => q(widget, '[part~="empty"]'));
    const empty = q(widget, '[part~="empty"]')!;
    expect(empty.textContent).to.contain('No data matches the current filters.');
    empty.querySelector('button')!.click();
    expect(provider.calls.setFilter).to.deep.equal([{}]);
    await rendered(widget);
  });

  it('stale cache shows the age and Refresh calls refresh()', async () => {
    const fetchedAt = Date.now() - 3 * 60_000;
    const { provider, widget } = await providedWidget({
      ...(await servedState(sampleTables())),
      cache: { fromCache: true, stale: true, fetchedAt },
    });
    const stale = q(widget, '[part~="stale"]')!;
    expect(stale.textContent).to.contain('3 minutes ago');
    stale.querySelector('button')!.click();
    expect(provider.calls.refresh).to.equal(1);
  });
});

describe('CrmWidget: selection and events', () => {
  it('selecting a bar sets the shared filter and fires typed events that cross shadow roots', async () => {
    const shell = await fixture<LitElement>(html`<test-shell></test-shell>`);
    const provider = shell.shadowRoot!.querySelector('test-provider') as TestProvider;
    provider.setState(await servedState(sampleTables()));
    const widget = provider.querySelector('test-regions') as TestRegions;
    await rendered(widget);
    const selected = oneEvent(document, 'crm-region-select');
    const changed = oneEvent(document, 'crm-filter-change');
    (bars(widget)[1] as unknown as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const event = (await selected) as CustomEvent<CrmSelectDetail>;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      selection: { kind: 'region', field: 'regions', value: 'North', label: 'North' },
      filter: { regions: ['North'] },
      customerIds: ['c-North'],
    });
    expect((await changed).detail.linked).to.equal(true);
    expect(provider.calls.setFilter).to.deep.equal([{ regions: ['North'] }]);
    // The widget highlights its own selection instead of filtering itself by it.
    await widget.updateComplete;
    expect(bars(widget)).to.have.length(3);
    expect(bars(widget)[1].getAttribute('aria-selected')).to.equal('true');
    expect(q(widget, '[part~="selection"]')!.textContent).to.contain('Region: North');
  });

  it('keyboard: arrows move focus, Enter selects, Escape clears', async () => {
    const { provider, widget } = await providedWidget(await servedState(sampleTables()));
    await rendered(widget);
    const marks = bars(widget);
    expect(marks.map((m) => m.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1']);
    marks[0].focus();
    marks[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(widget.shadowRoot!.activeElement).to.equal(marks[1]);
    // The tooltip follows focus, not only the pointer.
    await widget.updateComplete;
    expect(q(widget, '[part~="tooltip"]')!.textContent).to.contain('North');
    marks[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    expect(widget.shadowRoot!.activeElement).to.equal(marks[2]);
    marks[2].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(provider.calls.setFilter).to.deep.equal([{ regions: ['South'] }]);
    await widget.updateComplete;
    const cleared = oneEvent(widget, 'crm-region-select');
    marks[2].dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(((await cleared) as CustomEvent<CrmSelectDetail>).detail.selection).to.equal(null);
    expect(provider.calls.setFilter.at(-1)).to.deep.equal({});
    await widget.updateComplete;
    expect(q(widget, '[part~="selection"]')).to.equal(null);
  });

  it('without a provider the selection stays local but still fires the event', async () => {
    const el = await fixture<TestRegions>(html`<test-regions .tables=${sampleTables()}></test-regions>`);
    await rendered(el);
    const changed = oneEvent(el, 'crm-filter-change');
    bars(el)[0].dispatchEvent(new MouseEvent('click'));
    const detail = ((await changed) as CustomEvent).detail;
    expect(detail.linked).to.equal(false);
    expect(detail.filter).to.deep.equal({ regions: ['East'] });
    // Selecting the same bar again toggles it off.
    const again = oneEvent(el, 'crm-region-select');
    bars(el)[0].dispatchEvent(new MouseEvent('click'));
    expect(((await again) as CustomEvent<CrmSelectDetail>).detail.selection).to.equal(null);
  });

  it('drops its selection when another widget clears that field of the shared filter', async () => {
    const { provider, widget } = await providedWidget(await servedState(sampleTables()));
    await rendered(widget);
    bars(widget)[0].dispatchEvent(new MouseEvent('click'));
    await widget.updateComplete;
    expect(q(widget, '[part~="selection"]')).to.not.equal(null);
    provider.setState({ filter: {} });
    await widget.updateComplete;
    expect(q(widget, '[part~="selection"]')).to.equal(null);
  });

  it('setSelection restores a selection from code: shared filter, event, highlight; no toggle; null clears', async () => {
    const { provider, widget } = await providedWidget(await servedState(sampleTables()));
    await rendered(widget);
    const event = oneEvent(widget, 'crm-region-select');
    widget.setSelection({ kind: 'region', value: 'North', label: 'The North' });
    const detail = ((await event) as CustomEvent<CrmSelectDetail>).detail;
    expect(detail.selection).to.deep.include({ kind: 'region', value: 'North', label: 'The North' });
    expect(provider.calls.setFilter.at(-1)).to.deep.equal({ regions: ['North'] });
    await widget.updateComplete;
    expect(q(widget, '[part~="selection"]')!.textContent).to.contain('The North');
    // Highlights instead of filtering itself: all three regions still drawn.
    expect(bars(widget)).to.have.length(3);
    widget.setSelection({ kind: 'region', value: 'North' });
    expect(provider.calls.setFilter).to.have.length(1);
    widget.setSelection(null);
    expect(provider.calls.setFilter.at(-1)).to.deep.equal({});
  });
});

describe('CrmWidget: locale, theme, size', () => {
  it('takes the locale from an ancestor lang and re-renders when it changes', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><test-regions .tables=${sampleTables()}></test-regions></div>`);
    const el = wrap.querySelector('test-regions') as TestRegions;
    await rendered(el);
    expect(q(el, '[part~="title"]')!.textContent!.trim()).to.equal('区域');
    expect(q(el, 'button[aria-pressed]')!.textContent!.trim()).to.equal('以表格查看');
    wrap.setAttribute('lang', 'en');
    await waitUntil(() => q(el, '[part~="title"]')!.textContent!.trim() === 'Regions', 'did not re-render in English');
    expect(q(el, 'button[aria-pressed]')!.textContent!.trim()).to.equal('View as table');
  });

  it('dark theme from an ancestor changes the computed tokens; own theme attribute wins', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div theme="dark"><test-regions .tables=${sampleTables()}></test-regions></div>`);
    const el = wrap.querySelector('test-regions') as TestRegions;
    await el.updateComplete;
    expect(el.getAttribute('resolved-theme')).to.equal('dark');
    const base = () => getComputedStyle(q(el, '[part~="base"]')!).backgroundColor;
    expect(base()).to.equal('rgb(22, 25, 30)'); // DARK_TOKENS crm-color-bg #16191e
    el.theme = 'light';
    await el.updateComplete;
    expect(base()).to.equal('rgb(255, 255, 255)');
  });

  it('follows <html data-crm-theme>', async () => {
    document.documentElement.setAttribute('data-crm-theme', 'dark');
    try {
      const el = await fixture<TestRegions>(html`<test-regions></test-regions>`);
      expect(el.getAttribute('resolved-theme')).to.equal('dark');
      document.documentElement.setAttribute('data-crm-theme', 'light');
      await waitUntil(() => el.getAttribute('resolved-theme') === 'light');
    } finally {
      document.documentElement.removeAttribute('data-crm-theme');
    }
  });

  it('is narrow at 320 px without overflow and wide at 1000 px', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><test-regions heading="A rather long widget title that has to wrap" .tables=${sampleTables()}></test-regions></div>`,
    );
    const el = wrap.querySelector('test-regions') as TestRegions;
    await rendered(el);
    await waitUntil(() => el.size === 'narrow');
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    const base = q(el, '[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    wrap.style.width = '1000px';
    await waitUntil(() => el.size === 'wide');
  });

  it('has no axe violations in chart and table view', async () => {
    const el = await fixture<TestRegions>(html`<test-regions lang="en" .tables=${sampleTables()}></test-regions>`);
    await rendered(el);
    await expect(el).to.be.accessible();
    el.tableView = true;
    await el.updateComplete;
    const table = q(el, 'table')!;
    expect(table.querySelector('caption')!.textContent).to.contain('Regions: data table');
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect(table.querySelector('tbody th')!.getAttribute('scope')).to.equal('row');
    await expect(el).to.be.accessible();
  });
});

describe('CrmWidget: exports', () => {
  async function exported(el: TestRegions, item: number): Promise<CrmExportDetail> {
    q<HTMLButtonElement>(el, '.export-toggle')!.click();
    await el.updateComplete;
    const event = oneEvent(el, 'crm-export');
    el.addEventListener('crm-export', (e) => e.preventDefault(), { once: true });
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.menu button')[item].click();
    return ((await event) as CustomEvent<CrmExportDetail>).detail;
  }

  it('CSV: BOM, RFC 4180 quoting and the formula-injection guard', async () => {
    const tables = sampleTables();
    // a buys 10 and gets 15 back: the formula row's net revenue is −5.
    tables.orders = aq.table({
      customer_id: ['a', 'a', 'b'],
      order_date: new Int32Array(3).fill(19_800),
      region: ['=HYPERLINK("http://x")', '=HYPERLINK("http://x")', '华东, 上海'],
      amount: Float64Array.from([10, -15, 12.5]),
    });
    const el = await fixture<TestRegions>(html`<test-regions heading="区域 报表" .tables=${tables}></test-regions>`);
    await rendered(el);
    const detail = await exported(el, 0);
    expect(detail.format).to.equal('csv');
    expect(detail.filename).to.match(/^区域-报表-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await detail.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    // Rows sorted by revenue: 华东 12.5, then the formula row -5 (a number: not prefixed).
    expect(text).to.equal('Region,Orders,Revenue\r\n"华东, 上海",1,12.5\r\n"\'=HYPERLINK(""http://x"")",1,-5\r\n');
  });

  it('SVG: a standalone file with token colours resolved and a background', async () => {
    const el = await fixture<TestRegions>(html`<test-regions theme="light" .tables=${sampleTables()}></test-regions>`);
    await rendered(el);
    const detail = await exported(el, 1);
    const text = await detail.blob.text();
    expect(detail.blob.type).to.contain('image/svg+xml');
    expect(text).to.not.contain('var(--');
    expect(text).to.not.contain('<!--');
    expect(text).to.contain('fill="rgb(0, 114, 178)"'); // --crm-series-1 light #0072b2
    expect(text).to.contain('fill="rgb(255, 255, 255)"'); // background rect
    expect(text).to.not.match(/\sstyle=/);
    expect(text).to.contain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('PNG: a 2× image', async () => {
    const el = await fixture<TestRegions>(html`<div style="width: 400px"><test-regions .tables=${sampleTables()}></test-regions></div>`);
    const widget = el.querySelector('test-regions') as TestRegions;
    await rendered(widget);
    await nextFrame();
    const svg = q<SVGSVGElement>(widget, '.chart svg')!;
    const detail = await exported(widget, 2);
    expect(detail.blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(detail.blob);
    expect(bitmap.width).to.equal(Math.round(svg.getBoundingClientRect().width) * 2);
  });
});
