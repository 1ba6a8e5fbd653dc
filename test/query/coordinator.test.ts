// The query coordinator over real engines (the page's data worker and the main-thread host, both running the
// metric functions): dedupe, cancellation, the result cache, and widgets whose queries a click does not change.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { dataHost, MainThreadHost, isAbort } from '../../src/query/data-host.js';
import { QueryCoordinator } from '../../src/query/coordinator.js';
import { runQuery } from '../../src/query/run-query.js';
import type { CrmDataState } from '../../src/data/context.js';
import type { RfmQuery } from '../../src/query/protocol.js';
import { rfm } from '../../src/metrics/rfm/index.js';
import { sampleTables, cells, rendered } from '../components/rfm-matrix-fixtures.js';
import type { CrmRfmMatrix } from '../../src/components/rfm-matrix/index.js';

let sources = 0;

/** A coordinator over the sample's tables in the page's data worker. */
async function workerCoordinator() {
  const host = await dataHost();
  expect(host.computedIn).to.equal('worker');
  const source = `coordinator ${++sources}`;
  const info = await host.hand(source, sampleTables());
  const coordinator = new QueryCoordinator();
  coordinator.setEngine(host.engine(source, info.version), info.version);
  return { coordinator, host, source, info };
}

const RFM: RfmQuery = { family: 'rfm', filter: {}, rfm: {} };
/** The region of the sample's first order: a real narrowing. */
const REGION = () => String((sampleTables().orders.array('region') as ArrayLike<string>)[0]);
let EAST: RfmQuery;
before(() => (EAST = { family: 'rfm', filter: { regions: [REGION()] }, rfm: {} }));

const rejection = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => e);

describe('QueryCoordinator', () => {
  it('answers with the metric function result (worker engine = direct call)', async () => {
    const { coordinator } = await workerCoordinator();
    const answer = await coordinator.query(EAST);
    const direct = rfm(sampleTables(), { filter: { regions: [REGION()] } });
    expect(answer.rfm.size).to.equal(direct.size);
    expect(direct.size).to.be.greaterThan(0);
    expect(Array.from(answer.rfm.columns.customer_id)).to.deep.equal(Array.from(direct.columns.customer_id));
    expect(Array.from(answer.rfm.monetary)).to.deep.equal(Array.from(direct.monetary));
    // The prepared base (order-level arrays) stays in the worker.
    expect(answer.rfm).to.not.have.property('base');
  });

  it('dedupes identical queries in flight: one engine call, every asker answered', async () => {
    const { coordinator } = await workerCoordinator();
    const [a, b, c] = await Promise.all([coordinator.query(RFM), coordinator.query({ ...RFM }), coordinator.query(EAST)]);
    expect(coordinator.stats).to.deep.include({ requests: 3, engineCalls: 2, deduped: 1, cacheHits: 0 });
    expect(a).to.equal(b);
    expect(c.rfm.size).to.be.lessThan(a.rfm.size);
  });

  it('caches by (tables version, descriptor): asking again costs no engine call; new tables do not hit', async () => {
    const { coordinator, host, source } = await workerCoordinator();
    const first = await coordinator.query(RFM);
    // Key order does not matter: descriptors are compared as sorted JSON.
    const again = await coordinator.query({ rfm: {}, filter: {}, family: 'rfm' });
    expect(again).to.equal(first);
    expect(coordinator.stats).to.deep.include({ engineCalls: 1, cacheHits: 1 });
    const next = await host.hand(source, { ...sampleTables() });
    coordinator.setEngine(host.engine(source, next.version), next.version);
    await coordinator.query(RFM);
    expect(coordinator.stats).to.deep.include({ engineCalls: 2, cacheHits: 1 });
  });

  it('cancels a query nobody waits for any more, and keeps one another asker still wants', async () => {
    const { coordinator } = await workerCoordinator();
    // Two askers, one leaves: the engine call goes on for the other.
    const leaving = new AbortController();
    const left = rejection(coordinator.query(RFM, leaving.signal));
    const staying = coordinator.query(RFM);
    leaving.abort();
    expect(isAbort(await left)).to.equal(true);
    expect((await staying).rfm.size).to.be.greaterThan(0);
    expect(coordinator.stats.cancelled).to.equal(0);
    // The only asker leaves: the engine call is aborted (the worker gets a cancel) and nothing is cached.
    const only = new AbortController();
    const gone = rejection(coordinator.query(EAST, only.signal));
    only.abort();
    expect(isAbort(await gone)).to.equal(true);
    expect(coordinator.stats.cancelled).to.equal(1);
    expect(coordinator.peek(EAST)).to.equal(undefined);
    // Asked again, it runs anew.
    expect((await coordinator.query(EAST)).rfm.size).to.be.greaterThan(0);
    expect(coordinator.stats.engineCalls).to.equal(3);
  });

  it('the worker drops a cancelled query before it runs (its answer is an AbortError)', async () => {
    const { host, source, info } = await workerCoordinator();
    const engine = host.engine(source, info.version);
    const controller = new AbortController();
    const pending = rejection(engine.query({ family: 'customer-directory', filter: {} }, controller.signal));
    controller.abort();
    expect(isAbort(await pending)).to.equal(true);
    // The worker goes on answering.
    expect((await engine.query(RFM)).rfm.size).to.be.greaterThan(0);
  });

  it('the main-thread host answers the same descriptors with the same results (where no worker can start)', async () => {
    const host = new MainThreadHost('test: no worker');
    const info = await host.hand('main', sampleTables());
    expect(info.computedIn).to.equal('main-thread');
    const answer = await host.engine('main', info.version).query(EAST);
    expect(Array.from(answer.rfm.monetary)).to.deep.equal(Array.from(runQuery(sampleTables(), EAST).rfm.monetary));
  });
});

describe('the main-thread fallback', () => {
  it('loads a feed where no worker can start, and the load report says metrics run on the main thread', async () => {
    const host = new MainThreadHost('workers are unavailable or turned off (setFeedWorkerUrl(false))');
    const src = new URL(`/feeds/orders/fallback-${Date.now()}.json`, location.href).href;
    const info = await host.load(src, { src }, false, {});
    expect(info.computedIn).to.equal('main-thread');
    expect(info.report!.computedIn).to.equal('main-thread');
    expect(info.report!.warnings.join(' ')).to.contain('Metrics run on the main thread: the data worker could not start (workers are unavailable');
    // The test feed: 3 orders summing 400.
    const answer = await host.engine(src, info.version).query({ family: 'rfm', filter: {}, rfm: {} });
    expect(Array.from(answer.rfm.monetary).reduce((a, b) => a + b, 0)).to.equal(400);
  });
});

describe('widgets as query clients', () => {
  it('a click in the matrix recomputes only the widgets whose queries it changes; the card does not even redraw', async () => {
    const tables = sampleTables();
    const customer = String((tables.orders.array('customer_id') as ArrayLike<string>)[0]);
    const data = await fixture<HTMLElement & { state: CrmDataState }>(html`<crm-data .tables=${tables}>
      <crm-rfm-matrix lang="en"></crm-rfm-matrix>
      <crm-customer-360 lang="en" customer-id=${customer}></crm-customer-360>
      <crm-channel-mix lang="en"></crm-channel-mix>
    </crm-data>`);
    const matrix = data.querySelector('crm-rfm-matrix') as CrmRfmMatrix;
    const card = data.querySelector('crm-customer-360') as HTMLElement & { updateComplete: Promise<boolean> };
    const mix = data.querySelector('crm-channel-mix') as HTMLElement & { updateComplete: Promise<boolean> };
    await rendered(matrix);
    const idle = (el: Element) => !!el.shadowRoot?.querySelector('[part~="body"][aria-busy="false"] [part~="chart"]');
    await waitUntil(() => idle(card) && idle(mix), 'card or mix did not draw', { timeout: 5000 });
    const stats = data.state.queries!.stats;
    const before = { ...stats };
    let cardRenders = 0;
    const proto = Object.getPrototypeOf(card) as { render(): unknown };
    (card as unknown as { render(): unknown }).render = function (this: typeof card) {
      cardRenders++;
      return proto.render.call(this);
    };
    const mixBefore = mix.shadowRoot!.querySelector('[part~="chart"]')!.textContent;
    const cell = cells(matrix).find((c) => !c.classList.contains('empty'))!;
    cell.dispatchEvent(new MouseEvent('click'));
    await waitUntil(() => data.state.filter.customerIds?.length, 'the cell did not set the filter');
    await waitUntil(() => idle(mix) && mix.shadowRoot!.querySelector('[part~="chart"]')!.textContent !== mixBefore, 'the mix did not recompute');
    await card.updateComplete;
    // The mix asked anew (its filter changed); the matrix highlights its own cell (its query is unchanged), and the
    // lifetime card's queries do not take the filter: no query, no update, no render.
    expect(stats.engineCalls - before.engineCalls).to.equal(1);
    expect(cardRenders).to.equal(0);
  });
});

describe('the page holds no order rows', () => {
  it('<crm-data src> exposes no tables; widgets get plain results without tables or prepared bases', async () => {
    const data = await fixture<HTMLElement & { state: CrmDataState; tables?: unknown }>(html`<crm-data src="/feeds/orders/no-rows-${Date.now()}.json">
      <crm-rfm-matrix lang="en"></crm-rfm-matrix>
      <crm-lifecycle-funnel lang="en"></crm-lifecycle-funnel>
    </crm-data>`);
    const matrix = data.querySelector('crm-rfm-matrix') as CrmRfmMatrix;
    await rendered(matrix);
    expect(data.tables).to.equal(undefined);
    expect(data.state).to.not.have.property('tables');
    expect(data.state.info!.rows).to.deep.equal({ orders: 3 });
    expect(data.state.info!.computedIn).to.equal('worker');
    expect(data.state.report!.parsedIn).to.equal('worker');
    expect(data.state.report!.computedIn).to.equal('worker');
    const funnel = data.querySelector('crm-lifecycle-funnel')!;
    await waitUntil(() => funnel.shadowRoot!.querySelector('.mark'), 'funnel did not draw');
    for (const widget of [matrix, funnel]) {
      const result = (widget as unknown as { result: unknown }).result;
      expect(result, widget.localName).to.be.an('object');
      expect(tablesIn(result), `${widget.localName}: tables or bases in its result`).to.deep.equal([]);
    }
    expect(tablesIn(data.state)).to.deep.equal([]);
  });
});

/** Paths to anything table-like in a value: an Arquero table (`numRows`) or a prepared base (`rowCount` + `start`). */
function tablesIn(value: unknown, path = '', seen = new Set<unknown>()): string[] {
  if (!value || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return [];
  seen.add(value);
  const o = value as Record<string, unknown>;
  if (typeof o.numRows === 'function' || ('rowCount' in o && 'start' in o)) return [path || '(root)'];
  if (value instanceof Map) return [...value.values()].flatMap((v, i) => tablesIn(v, `${path}[${i}]`, seen));
  return Object.keys(o).flatMap((k) => (typeof o[k] === 'function' ? [] : tablesIn(o[k], `${path}.${k}`, seen)));
}
