// The pure entries must import and run in plain Node, where there is no DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayFromParts, dayToIso, isoToDay, SCHEMA } from '../../src/data/index.js';

test('crm-lens/data imports without a DOM', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(SCHEMA.orders.find((f) => f.name === 'amount')?.required, true);
});

test('epoch days round-trip', () => {
  assert.equal(dayFromParts(1970, 1, 2), 1);
  assert.equal(dayToIso(dayFromParts(2006, 12, 31)), '2006-12-31');
  assert.equal(isoToDay('2024-02-30'), NaN);
});
