// The metrics suite: every metric family over the 1M-order feed, in headless Chromium.
// "All together" runs every family on a fresh copy of the tables (so nothing is memoized yet, the shared
// per-customer base included); each family is then timed alone on another fresh copy after the base is built,
// which is its own cost on top of the shared work. ?src= names another feed.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CrmTables } from '../../src/data/types.js';
import {
  categoryAssociations,
  channelMix,
  customerSummary,
  customerVehicles,
  forecast,
  nextCategories,
  customerProfile,
  fitBgNbd,
  lifecycleFunnel,
  lifetimeSummary,
  predictCustomers,
  prepareOrders,
  regionalComparison,
  rfm,
  rfmSegmentSummary,
} from '../../src/metrics/index.js';
import { benchFeedTables, rowRecorder } from '../feed-tables.js';
import { collectGarbage, timed, type BenchRow } from '../types.js';

/** New table objects over the same column arrays: memo caches keyed on tables start empty. */
function freshCopy(tables: CrmTables): CrmTables {
  const copy = (t: ColumnTable | undefined) => (t ? aq.table(t.data() as Record<string, unknown[]>) : undefined);
  return {
    orders: copy(tables.orders)!,
    customers: copy(tables.customers),
    interactions: copy(tables.interactions),
    vehicles: copy(tables.vehicles),
  };
}

const FAMILIES: [string, (t: CrmTables) => unknown][] = [
  ['RFM (scores, segments, summary)', (t) => rfmSegmentSummary(rfm(t, {}))],
  ['customer summary (every customer)', (t) => customerSummary(t, {})],
  // Pinned to BG/NBD so the figure stays comparable; the other models and `auto` are timed in the btyd suite.
  ['prediction (BG/NBD + Gamma-Gamma + 12-month CLV, every customer)', (t) => predictCustomers(t, { churnModel: 'bgnbd' })],
  ['lifecycle funnel', (t) => lifecycleFunnel(t, {})],
  ['regional comparison', (t) => regionalComparison(t, {})],
  ['channel mix (monthly trend)', (t) => channelMix(t, {})],
];

/** The families the five widgets draw (prediction is the customer card's, computed on demand). */
const WIDGET_FAMILIES = new Set(['RFM (scores, segments, summary)', 'customer summary (every customer)', 'lifecycle funnel', 'regional comparison', 'channel mix (monthly trend)']);

export async function run(params: URLSearchParams, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = rowRecorder(rows, log, 0);
  const tables = await benchFeedTables(params);
  add('orders rows', tables.orders.numRows(), 'rows');
  collectGarbage();

  const [, allMs] = await timed(() => {
    const t = freshCopy(tables);
    for (const [, family] of FAMILIES) family(t);
  });
  add('all families together (cold: shared base included)', allMs, 'ms', 'target < 1000 ms');

  const t = freshCopy(tables);
  const [, prepareMs] = await timed(() => prepareOrders(t, {}));
  add('shared per-customer base (prepareOrders)', prepareMs, 'ms', 'built once, used by every family');
  let widgetFamilies = 0;
  for (const [name, family] of FAMILIES) {
    collectGarbage(); // earlier garbage is not billed to the family that happens to trigger a collection
    const [, ms] = await timed(() => family(t));
    add(name, ms, 'ms', 'on the built base');
    if (WIDGET_FAMILIES.has(name)) widgetFamilies += ms;
  }
  add('the five widget families together, on the built base', widgetFamilies, 'ms', 'RFM, customer summary, lifecycle, regional, channel: target ≤ 250 ms (issue 11)');

  const summary = lifetimeSummary(t, { unit: 'week' });
  const [fit, fitMs] = await timed(() =>
    fitBgNbd({ frequency: summary.frequency, recency: summary.recency, T: summary.T }),
  );
  add('BG/NBD fit alone (weeks)', fitMs, 'ms', `${summary.customerIds.length} customers, ${fit.iterations} iterations`);

  const id = summary.customerIds[0];
  const [, profileMs] = await timed(() => customerProfile(t, id, { churnModel: 'bgnbd' }));
  add('one customer profile (population already computed)', profileMs, 'ms');

  // The aftermarket view: associations over per-customer category bitsets, the forecast, one card's vehicles.
  const [assoc, assocMs] = await timed(() => categoryAssociations(t, {}));
  add('category associations, customer baskets (bitsets)', assocMs, 'ms', `${assoc.baskets} baskets, ${assoc.rules.length} rules`);
  const [byOrder, orderMs] = await timed(() => categoryAssociations(t, { basket: 'order' }));
  add('category associations, order baskets', orderMs, 'ms', `${byOrder.baskets} baskets`);
  const [, monthMs] = await timed(() => forecast(t, { by: 'channel', horizon: 3 }));
  add('forecast, monthly, total + per channel', monthMs, 'ms', 'Holt-Winters, additive and multiplicative fitted per series');
  const [, weekMs] = await timed(() => forecast(t, { interval: 'week', by: 'channel', horizon: 3 }));
  add('forecast, weekly, total + per channel', weekMs, 'ms', '52-week seasons');
  const owner = t.vehicles ? (t.vehicles.array('customer_id') as string[])[0]! : id;
  const [, cardMs] = await timed(() => nextCategories(t, owner, { vehicles: customerVehicles(t, owner, {}) }));
  add('one card: vehicles + next categories (associations built)', cardMs, 'ms', `${t.vehicles?.numRows() ?? 0} vehicle rows`);
  return rows;
}
