// The group metrics (lifecycle, regional, channel) import and run in plain Node, without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { channelMix, customersInStage, lifecycleFunnel, regionalComparison } from '../../src/metrics/index.js';

// A: two store orders (East), B: one ecommerce order (West); day 100 and 130 / 110.
const tables = () => ({
  orders: aq.table({
    customer_id: ['A', 'A', 'B'],
    order_date: Int32Array.from([100, 130, 110]),
    amount: Float64Array.from([10, 20, 40]),
    channel: ['store', 'store', 'ecommerce'],
    region: ['East', 'East', 'West'],
  }),
});

test('group metrics run without a DOM', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const t = tables();
  const funnel = lifecycleFunnel(t);
  assert.deepEqual(
    funnel.stages.map((s) => s.customers),
    [null, null, 2, null, 1, null], // orders alone: purchase 2 (A, B), repurchase 1 (A)
  );
  assert.equal(funnel.stages[4].medianDaysFromPrevious, 30);
  assert.deepEqual(customersInStage(t, 'repurchase'), ['A']);
  const regional = regionalComparison(t);
  assert.deepEqual(regional.groups.map((g) => [g.label, g.revenue, g.rank]), [['West', 40, 1], ['East', 30, 2]]);
  const mix = channelMix(t);
  assert.deepEqual(mix.channels.map((c) => [c.label, c.revenue, c.orders]), [['ecommerce', 40, 1], ['store', 30, 2]]);
  assert.equal(mix.periods.length, 2); // day 100 (1970-04-11) to 130 (1970-05-11): April and May
});
