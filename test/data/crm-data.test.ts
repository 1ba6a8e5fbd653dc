import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { table } from 'arquero';
import '../../src/components/data/index.js';
import { CrmData } from '../../src/components/data/crm-data.js';
import { defineElement } from '../../src/components/define.js';
import { crmDataContext, type CrmDataState } from '../../src/data/context.js';
import { FeedError } from '../../src/data/errors.js';
import { CRM_DATA_ERROR, CRM_DATA_LOAD, CRM_DATA_PROGRESS } from '../../src/data/events.js';
import type { CrmDataErrorDetail, CrmDataLoadDetail } from '../../src/data/events.js';
import type { CrmTables, LoadProgress } from '../../src/data/types.js';
import { bumpFeed, feedCounts, uniqueId } from './feed-server.js';

/** A minimal widget: consumes the data context and keeps every state it was given. */
class TestConsumer extends LitElement {
  states: CrmDataState[] = [];
  consumer = new ContextConsumer(this, {
    context: crmDataContext,
    subscribe: true,
    callback: (state) => this.states.push(state),
  });
  get state(): CrmDataState | undefined {
    return this.consumer.value;
  }
}
defineElement('test-data-consumer', TestConsumer);

/** Net revenue of the provided data, asked from the data worker (the page holds no tables): RFM monetary summed. */
async function sum(state: CrmDataState | undefined): Promise<number> {
  const answer = await state!.queries!.query({ family: 'rfm', filter: {}, rfm: {} });
  return Array.from(answer.rfm.monetary).reduce((s, a) => s + a, 0);
}

const ready = (c: TestConsumer) => waitUntil(() => c.state?.status === 'ready', 'consumer never got data');

describe('<crm-data>', () => {
  it('is registered once and can be defined again safely', () => {
    expect(customElements.get('crm-data')).to.equal(CrmData);
    class Other extends HTMLElement {}
    defineElement('crm-data', Other);
    expect(customElements.get('crm-data')).to.equal(CrmData);
  });

  it('shares one download between two widgets and fires crm-data-load with details', async () => {
    const id = uniqueId('provider');
    const scope = uniqueId('scope');
    const wrapper = document.createElement('div');
    const loaded = oneEvent(wrapper, CRM_DATA_LOAD);
    const el = await fixture<CrmData>(
      html`<div>
        <crm-data src=${`/feeds/orders/${id}.json`} cache-scope=${scope}>
          <section><test-data-consumer></test-data-consumer></section>
          <test-data-consumer></test-data-consumer>
        </crm-data>
      </div>`,
      { parentNode: wrapper },
    );
    const event = (await loaded) as CustomEvent<CrmDataLoadDetail>;
    expect(event.bubbles && event.composed).to.equal(true);
    const detail = event.detail;
    expect(detail.src).to.equal(`/feeds/orders/${id}.json`);
    expect(detail.rows).to.deep.equal({ orders: 3 });
    expect(detail.cache?.fromCache).to.equal(false);
    expect(detail.cache?.stale).to.equal(false);
    expect(detail.report?.tables.orders?.rowsAccepted).to.equal(3);

    const [a, b] = el.querySelectorAll<TestConsumer>('test-data-consumer');
    await ready(a!);
    await ready(b!);
    // One source: the same tables version and one coordinator's answers for both.
    expect(a!.state!.info!.version).to.equal(b!.state!.info!.version);
    expect(a!.state!.queries).to.equal(b!.state!.queries);
    expect(a!.state).to.not.have.property('tables');
    expect(await sum(a!.state)).to.equal(400);
    expect(a!.states[0]!.status).to.equal('loading');
    expect((await feedCounts(id)).requests).to.equal(1);
  });

  it('links selections between widgets, unless no-link', async () => {
    const el = await fixture<CrmData>(html`<crm-data .tables=${tinyTables()}>
      <test-data-consumer></test-data-consumer><test-data-consumer></test-data-consumer>
    </crm-data>`);
    const [a, b] = el.querySelectorAll<TestConsumer>('test-data-consumer');
    await ready(a!); // handed-over tables go to the data worker first
    expect(a!.state!.linked).to.equal(true);
    a!.state!.setFilter({ regions: ['East'] });
    expect(b!.state!.filter).to.deep.equal({ regions: ['East'] });

    el.noLink = true;
    await el.updateComplete;
    expect(b!.state!.linked).to.equal(false);
    expect(b!.state!.filter).to.deep.equal({});
    a!.state!.setFilter({ regions: ['North'] });
    expect(b!.state!.filter).to.deep.equal({});
  });

  it('provides tables handed over by the application without loading', async () => {
    const tables = tinyTables();
    const wrapper = document.createElement('div');
    const loaded = oneEvent(wrapper, CRM_DATA_LOAD);
    const el = await fixture<CrmData>(html`<crm-data .tables=${tables}><test-data-consumer></test-data-consumer></crm-data>`, {
      parentNode: wrapper,
    });
    expect(((await loaded) as CustomEvent<CrmDataLoadDetail>).detail).to.deep.equal({ rows: { orders: 2 } });
    const consumer = el.querySelector<TestConsumer>('test-data-consumer')!;
    await ready(consumer);
    expect(consumer.state!.info!.rows).to.deep.equal({ orders: 2 });
    expect(await sum(consumer.state)).to.equal(30);
    expect(consumer.state!.report).to.equal(undefined);
  });

  it('maps host fields given as attribute JSON (flat orders form and per-table form)', async () => {
    const src = `/feeds/orders/${uniqueId('fields')}.json?names=host`;
    const flat = await fixture<CrmData>(html`<crm-data
      src=${src}
      cache-scope=${uniqueId('scope')}
      fields='{"cust_no":"customer_id","order_day":"order_date","total":"amount"}'
      ><test-data-consumer></test-data-consumer
    ></crm-data>`);
    const c1 = flat.querySelector<TestConsumer>('test-data-consumer')!;
    await ready(c1);
    expect(await sum(c1.state)).to.equal(400);

    const perTable = await fixture<CrmData>(html`<crm-data
      src=${src}
      cache-scope=${uniqueId('scope')}
      fields='{"orders":{"cust_no":"customer_id","order_day":"order_date","total":"amount"}}'
      ><test-data-consumer></test-data-consumer
    ></crm-data>`);
    const c2 = perTable.querySelector<TestConsumer>('test-data-consumer')!;
    await ready(c2);
    expect(c2.state!.info!.rows.orders).to.equal(3);
  });

  it('puts invalid fields JSON into an error state with crm-data-error', async () => {
    const wrapper = document.createElement('div');
    const failed = oneEvent(wrapper, CRM_DATA_ERROR);
    const src = `/feeds/orders/${uniqueId('badfields')}.json`;
    const el = await fixture<CrmData>(
      html`<crm-data src=${src} fields="{cust_no: customer_id}"><test-data-consumer></test-data-consumer></crm-data>`,
      { parentNode: wrapper },
    );
    const detail = ((await failed) as CustomEvent<CrmDataErrorDetail>).detail;
    const error = detail.error as FeedError;
    expect(error.kind).to.equal('mapping');
    expect(error.message).to.equal(
      `Feed "${src}": expected fields as {"hostField": "canonical_field"} (orders) or ` +
        '{"orders": {…}, "customers": {…}, "interactions": {…}, "vehicles": {…}}, found text that is not JSON: "{cust_no: customer_id}".',
    );
    expect(el.querySelector<TestConsumer>('test-data-consumer')!.state!.status).to.equal('error');
  });

  it('fires crm-data-progress up to the full size, and crm-data-error for a failing server', async () => {
    const seen: LoadProgress[] = [];
    const wrapper = document.createElement('div');
    wrapper.addEventListener(CRM_DATA_PROGRESS, (e) => seen.push((e as CustomEvent<LoadProgress>).detail));
    const loaded = oneEvent(wrapper, CRM_DATA_LOAD);
    await fixture(
      html`<crm-data src=${`/feeds/slow/${uniqueId('progress')}.json?chunks=3&delay=20`} cache-scope=${uniqueId('s')}></crm-data>`,
      { parentNode: wrapper },
    );
    await loaded;
    expect(seen[0]!.loaded).to.equal(0);
    expect(seen.at(-1)!.loaded).to.equal(seen.at(-1)!.total);
    expect(seen.at(-1)!.total).to.be.greaterThan(100);

    const wrapper2 = document.createElement('div');
    const failed = oneEvent(wrapper2, CRM_DATA_ERROR);
    const src = `/feeds/error/${uniqueId('e500')}`;
    const el = await fixture<CrmData>(html`<crm-data src=${src}></crm-data>`, { parentNode: wrapper2 });
    const detail = ((await failed) as CustomEvent<CrmDataErrorDetail>).detail;
    expect(detail.src).to.equal(src);
    expect((detail.error as FeedError).status).to.equal(500);
    expect(el.state.status).to.equal('error');
    expect(el.state.error).to.equal(detail.error);
  });

  it('a widget mounting later gets the data from memory at once', async () => {
    const id = uniqueId('later');
    const scope = uniqueId('scope');
    const first = await fixture<CrmData>(html`<crm-data src=${`/feeds/orders/${id}.json`} cache-scope=${scope}></crm-data>`);
    await waitUntil(() => first.state.status === 'ready');
    const second = await fixture<CrmData>(html`<crm-data src=${`/feeds/orders/${id}.json`} cache-scope=${scope}
      ><test-data-consumer></test-data-consumer
    ></crm-data>`);
    const consumer = second.querySelector<TestConsumer>('test-data-consumer')!;
    expect(consumer.states[0]!.status).to.equal('ready'); // never showed a loading state
    expect(consumer.state!.info!.version).to.equal(first.state.info!.version);
    expect((await feedCounts(id)).requests).to.equal(1);
  });

  it('retry() loads again after an error', async () => {
    const id = uniqueId('retry');
    const el = await fixture<CrmData>(html`<crm-data src=${`/feeds/empty/${id}`} cache-scope=${uniqueId('s')}></crm-data>`);
    await waitUntil(() => el.state.status === 'error');
    expect((el.state.error as FeedError).kind).to.equal('empty');
    el.state.retry();
    expect(el.state.status).to.equal('loading');
    await waitUntil(() => el.state.status === 'error');
    expect((await feedCounts(id)).requests).to.equal(2);
  });

  it('aborts its download when removed from the page, and loads again when put back', async () => {
    const id = uniqueId('disconnect');
    const wrapper = document.createElement('div');
    const progressed = oneEvent(wrapper, CRM_DATA_PROGRESS);
    const el = await fixture<CrmData>(
      html`<crm-data src=${`/feeds/slow/${id}.json?chunks=20&delay=100`} cache-scope=${uniqueId('s')}></crm-data>`,
      { parentNode: wrapper },
    );
    await progressed;
    el.remove();
    // The server notices the closed connection a little later; give it time on a loaded machine.
    await waitUntil(async () => (await feedCounts(id)).closedEarly === 1, 'the download was not aborted', { timeout: 5000 });
    expect(el.state.status).to.equal('loading');
    wrapper.append(el);
    await waitUntil(() => el.state.status === 'ready', 'no data after reconnecting', { timeout: 5000 });
    expect(await sum(el.state)).to.equal(400);
    expect(await feedCounts(id)).to.deep.equal({ requests: 2, ok: 2, notModified: 0, closedEarly: 1 });
  });

  it('aborts the old download when src changes', async () => {
    const [slow, plain] = [uniqueId('old-src'), uniqueId('new-src')];
    const wrapper = document.createElement('div');
    const progressed = oneEvent(wrapper, CRM_DATA_PROGRESS);
    const el = await fixture<CrmData>(
      html`<crm-data src=${`/feeds/slow/${slow}.json?chunks=10&delay=60`} cache-scope=${uniqueId('s')}></crm-data>`,
      { parentNode: wrapper },
    );
    await progressed;
    await bumpFeed(plain); // version 2: 4 orders, 500
    el.src = `/feeds/orders/${plain}.json`;
    await waitUntil(() => el.state.status === 'ready');
    expect(await sum(el.state)).to.equal(500);
    await waitUntil(async () => (await feedCounts(slow)).closedEarly === 1, 'the old download was not aborted', {
      timeout: 5000,
    });
  });

  it('refresh() fetches a changed feed and fires crm-data-load again', async () => {
    const id = uniqueId('refresh');
    const el = await fixture<CrmData>(html`<crm-data src=${`/feeds/orders/${id}.json`} cache-scope=${uniqueId('s')}></crm-data>`);
    await waitUntil(() => el.state.status === 'ready');
    expect(await sum(el.state)).to.equal(400);
    await bumpFeed(id);
    const loaded = oneEvent(el, CRM_DATA_LOAD);
    el.state.refresh();
    const detail = ((await loaded) as CustomEvent<CrmDataLoadDetail>).detail;
    expect(detail.rows).to.deep.equal({ orders: 4 });
    expect(detail.cache?.fromCache).to.equal(false);
    expect(await sum(el.state)).to.equal(500);
    // a refresh is a conditional request: the server compared ETags and sent version 2
    expect(await feedCounts(id)).to.deep.equal({ requests: 2, ok: 2, notModified: 0, closedEarly: 0 });
  });
});

/** Two orders handed over directly (what an application that normalized its own data passes). */
function tinyTables(): CrmTables {
  return {
    orders: table({
      customer_id: ['C1', 'C2'],
      order_date: Int32Array.from([19727, 19728]),
      amount: Float64Array.from([10, 20]),
    }),
  };
}
