// Same numbers whichever engine computes them: for every RFM query the widgets send (with a set of filters and
// settings), the browser's metric functions, DuckDB and ClickHouse (Debian's 18.16) return equal results —
// counts, scores and segments exactly, money to the cent, quantile breaks to 1e-9 relative.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { channelCustomerIds, channelMix, provinceRegions, regionalComparison, regionalGroupCustomers, rfm, rfmSegmentSummary, type RfmView } from '../../src/metrics/index.js';
import type { RfmSettings } from '../../src/metrics/rfm/settings.js';
import type { CustomerIdsResult, RegionalQueryResult, RfmQuery, RfmQueryResult } from '../../src/query/protocol.js';
import type { ServerEngine } from '../../src/server/server-engine.js';
import { cdnowDataset, rfmDataset, sampleDataset, type ParityDataset } from '../server-engines/datasets.js';
import { loadDataset, startEngines, type TestEngines } from '../server-engines/engines.js';

let engines: TestEngines;
before(async () => {
  engines = await startEngines();
});
after(async () => {
  await engines?.stop();
});

const SETTINGS: RfmSettings[] = [{}, { method: 'ntile', bins: 4 }, { bins: 3, frequencyBy: 'rows' }, { segments: 'rf-grid' }];

/** Money to the cent: less than half a cent apart (rounding both sides would flip at half-cent values). */
const sameCents = (got: ArrayLike<number>, want: ArrayLike<number>, what: string) => {
  assert.equal(got.length, want.length, what);
  for (let i = 0; i < want.length; i++) assert.ok(Math.abs(got[i] - want[i]) < 0.005, `${what}[${i}]: ${got[i]} vs ${want[i]}`);
};
const close = (a: number, b: number, what: string) => {
  if (Number.isNaN(a) && Number.isNaN(b)) return;
  assert.ok(a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);
};

function assertSameRfm(engine: string, got: RfmView, want: RfmView, where: string) {
  const at = `${engine}, ${where}`;
  assert.equal(got.asOf, want.asOf, `${at}: asOf`);
  assert.equal(got.size, want.size, `${at}: customers`);
  assert.deepEqual(got.columns.customer_id, want.columns.customer_id, `${at}: customers in order`);
  for (const k of ['recency_days', 'frequency', 'r', 'f', 'm', 'rfm_score'] as const)
    assert.deepEqual(Array.from(got.columns[k]), Array.from(want.columns[k]), `${at}: ${k}`);
  assert.deepEqual(got.columns.segment, want.columns.segment, `${at}: segments`);
  sameCents(got.columns.monetary, want.columns.monetary, `${at}: monetary to the cent`);
  for (const dim of ['recency', 'frequency', 'monetary'] as const)
    for (const side of ['lower', 'upper'] as const)
      got.thresholds[dim][side].forEach((v, i) => close(v, want.thresholds[dim][side][i], `${at}: ${dim} ${side}[${i}]`));
  const gs = rfmSegmentSummary(got);
  const ws = rfmSegmentSummary(want);
  assert.deepEqual(gs.map((s) => [s.id, s.customers, s.orders]), ws.map((s) => [s.id, s.customers, s.orders]), `${at}: segment summary`);
  sameCents(gs.map((s) => s.revenue), ws.map((s) => s.revenue), `${at}: segment revenue`);
}

async function checkDataset(data: ParityDataset, key: string) {
  const served = await loadDataset(engines, key, data.tables);
  let compared = 0;
  let expected = 0;
  for (const filter of data.filters)
    // Segment names belong to a scheme: a segment filter goes with the default scheme's settings.
    for (const settings of SETTINGS.filter((s) => !filter.segments || !s.segments)) {
      expected += 5;
      const browser = rfm(data.tables, { asOf: data.asOf, filter, rfm: settings });
      assert.ok(browser.size > 0, `${data.name} ${JSON.stringify(filter)}: the filter keeps customers`);
      const descriptor: RfmQuery = { family: 'rfm', filter, rfm: settings, ...(data.asOf !== undefined && { asOf: data.asOf }) };
      for (const [name, q] of Object.entries(served) as [string, ServerEngine][]) {
        const result = (await q.answer(descriptor, {})) as RfmQueryResult;
        assertSameRfm(name, result.rfm, browser, `${data.name}, filter ${JSON.stringify(filter)}, rfm ${JSON.stringify(settings)}`);
        compared++;
      }
    }
  assert.equal(compared, expected);
}

test('R rfm orders: browser = DuckDB = ClickHouse', async () => {
  const data = rfmDataset();
  await checkDataset(data, 'rfm');
  // Anchor on the published reference (rfm vignette): 995 customers as of 2006-12-31.
  assert.equal(rfm(data.tables, { asOf: data.asOf }).size, 995);
});

test('CDNOW transactions: browser = DuckDB = ClickHouse', async () => {
  await checkDataset(cdnowDataset(), 'cdnow');
});

test('sample feed (cancellations, refunds, missing channels and regions, customers table): browser = DuckDB = ClickHouse', async () => {
  const data = sampleDataset();
  await checkDataset(data, 'sample');
});

/** Deep equality with numbers compared as the issue asks: whole numbers exactly, others to 1e-9 relative (money to the cent). */
function assertClose(got: unknown, want: unknown, path: string): void {
  if (typeof want === 'number' && typeof got === 'number') {
    if (Number.isInteger(want) && Number.isInteger(got) && Math.abs(want) < 1e6) return assert.equal(got, want, path);
    if (Number.isNaN(want)) return assert.ok(Number.isNaN(got), path);
    assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(Math.abs(got), Math.abs(want)) + 1e-9, `${path}: ${got} vs ${want}`);
    if (/revenue|aov|revenuePerCustomer/.test(path)) assert.ok(Math.abs(got - want) < 0.005, `${path}: ${got} vs ${want} to the cent`);
    return;
  }
  if (want === null || typeof want !== 'object') return assert.equal(got, want, path);
  assert.ok(got !== null && typeof got === 'object', `${path}: object`);
  if (want instanceof Map) {
    assert.ok(got instanceof Map, `${path}: Map`);
    assert.deepEqual([...(got as Map<unknown, unknown>).keys()].sort(), [...want.keys()].sort(), `${path}: keys`);
    for (const [k, v] of want) assertClose((got as Map<unknown, unknown>).get(k), v, `${path}.${String(k)}`);
    return;
  }
  const keys = Object.keys(want as object);
  assert.deepEqual(Object.keys(got as object).sort(), [...keys].sort(), `${path}: keys`);
  for (const k of keys) assertClose((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], `${path}.${k}`);
}

test('sample feed, regional comparison and its group customers: browser = DuckDB = ClickHouse', async () => {
  const data = sampleDataset();
  const served = await loadDataset(engines, 'regional', data.tables);
  const variants: { groupBy?: string; compare?: { start: number; end: number } }[] = [
    {},
    { groupBy: 'province' },
    { groupBy: 'channel' },
    { groupBy: 'type' },
    { groupBy: 'city_tier', compare: { start: 19800, end: 20100 } },
  ];
  let compared = 0;
  for (const filter of data.filters)
    for (const v of variants) {
      const want = regionalComparison(data.tables, { filter, ...v });
      assert.ok(want.groups.length > 0);
      const wantProvinces = provinceRegions(data.tables);
      const keys = want.groups.slice(0, 2).map((g) => g.key);
      for (const [name, q] of Object.entries(served) as [string, ServerEngine][]) {
        const where = `${name}, filter ${JSON.stringify(filter)}, ${JSON.stringify(v)}`;
        const got = (await q.answer({ family: 'regional', filter, ...v, provinceRegions: true }, {})) as RegionalQueryResult;
        assertClose(got.comparison, want, where);
        assertClose(got.provinceRegions, wantProvinces, `${where}: provinceRegions`);
        for (const key of keys) {
          const ids = (await q.answer({ family: 'regional-group-customers', filter, ...v, key }, {})) as CustomerIdsResult;
          assert.deepEqual(ids.ids, regionalGroupCustomers(data.tables, { filter, ...v }, key), `${where}: customers of ${key}`);
        }
        compared++;
      }
    }
  assert.equal(compared, data.filters.length * variants.length * 5);
});

test('channel mix and channel customers (monthly and weekly; a feed without channels): browser = DuckDB = ClickHouse', async () => {
  let compared = 0;
  for (const [key, data] of [['channels', sampleDataset()], ['nochannel', cdnowDataset()]] as const) {
    const served = await loadDataset(engines, key, data.tables);
    for (const filter of data.filters)
      for (const options of [{}, { interval: 'week' as const, measure: 'orders' as const }]) {
        const want = channelMix(data.tables, { filter, ...options });
        assert.ok(want.channels.length > 0 && want.periods.length > 0, `${data.name}: channels and periods to compare`);
        const channels = [...want.channels.slice(0, 2).map((c) => c.key), 'nowhere'];
        for (const [name, q] of Object.entries(served) as [string, ServerEngine][]) {
          const where = `${name}, ${data.name}, filter ${JSON.stringify(filter)}, ${JSON.stringify(options)}`;
          assertClose(await q.answer({ family: 'channel-mix', filter, ...options }, {}), want, where);
          for (const channel of channels) {
            const ids = (await q.answer({ family: 'channel-customers', filter, channel }, {})) as CustomerIdsResult;
            assert.deepEqual(ids.ids, channelCustomerIds(data.tables, { filter }, channel), `${where}: customers of ${channel}`);
          }
          compared++;
        }
      }
  }
  assert.equal(compared, (sampleDataset().filters.length + cdnowDataset().filters.length) * 2 * 5);
});
