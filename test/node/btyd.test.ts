// The BTYD models must import and run in plain Node (no DOM): fit CDNOW from the reference file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectedPurchases, fitBgNbd, fitMbgNbd, fitParetoNbd, mbgNbd, paretoNbd, probabilityAlive } from '../../src/metrics/index.js';

test('crm-lens/metrics BG/NBD runs in Node and reproduces the CDNOW fit', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const url = new URL('../fixtures/reference/cdnow_customers_summary.csv', import.meta.url);
  const rows = readFileSync(url, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const fit = fitBgNbd({ frequency: rows.map((r) => r[1]), recency: rows.map((r) => r[2]), T: rows.map((r) => r[3]) });
  // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
  assert.deepEqual([fit.r, fit.alpha, fit.a, fit.b].map((v) => Number(v.toFixed(3))), [0.243, 4.414, 0.793, 2.426]);
  assert.equal(Number(fit.logLikelihood.toFixed(1)), -9582.4);
  assert.equal(Number(expectedPurchases(fit, 39, 2, 30.43, 38.86).toFixed(3)), 1.226);
  assert.equal(probabilityAlive(fit, 0, 0, 10), 1);
});

test('MBG/NBD and Pareto/NBD run in Node and reproduce their CDNOW fits', () => {
  const url = new URL('../fixtures/reference/cdnow_customers_summary.csv', import.meta.url);
  const rows = readFileSync(url, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const data = { frequency: rows.map((r) => r[1]), recency: rows.map((r) => r[2]), T: rows.map((r) => r[3]) };
  // lifetimes tests/test_estimation.py: MBG/NBD [0.525, 6.183, 0.891, 1.614] (BTYDplus); Pareto/NBD r, α, s ≈ 0.553, 10.578, 0.606.
  const m = fitMbgNbd(data);
  assert.deepEqual([m.r, m.alpha, m.a, m.b].map((v) => Number(v.toFixed(3))), [0.525, 6.183, 0.891, 1.614]);
  const p = fitParetoNbd(data);
  assert.deepEqual([p.r, p.alpha, p.s].map((v) => Number(v.toFixed(3))), [0.553, 10.578, 0.606]);
  assert.ok(mbgNbd.probabilityAlive(m, 0, 0, 10) < 1);
  assert.ok(paretoNbd.probabilityAlive(p, 0, 0, 10) < 1);
});
