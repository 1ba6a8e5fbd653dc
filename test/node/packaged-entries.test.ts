// The published entries `crm-lens/data` and `crm-lens/metrics` (dist/, built by `npm test` first) run in plain
// Node: no DOM, dependencies resolved from node_modules as a bundler user's would be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

test('dist/data.js and dist/metrics.js compute an RFM table in Node', async () => {
  // Paths built at run time: dist/ does not exist when the sources are type-checked.
  const data = await import(new URL('../../dist/data.js', import.meta.url).href);
  const metrics = await import(new URL('../../dist/metrics.js', import.meta.url).href);
  const { tables } = data.normalizeFeed(
    [
      { customer_id: 'A', order_date: '2024-01-05', amount: 100 },
      { customer_id: 'A', order_date: '2024-02-05', amount: 50 },
      { customer_id: 'B', order_date: '2024-01-20', amount: 80 },
    ],
    { feed: 'inline' },
  );
  const result = metrics.rfm(tables, { asOf: '2024-03-01' });
  const ids = Array.from(result.columns.customer_id as ArrayLike<string>);
  const a = ids.indexOf('A');
  // A: last order 2024-02-05 → 25 days before 2024-03-01; 2 orders; 150 spent.
  assert.equal(result.columns.recency_days[a], 25);
  assert.equal(result.columns.frequency[a], 2);
  assert.equal(result.columns.monetary[a], 150);
});

test('the ES module build keeps its dependencies external, except Arquero without its parser', () => {
  const dir = new URL('../../dist/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') && !f.startsWith('crm-lens.bundle'));
  const code = files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
  for (const dep of ['lit', '@lit/context', 'idb', '@uwdata/flechette', 'd3-scale']) assert.match(code, new RegExp(`from["']${dep}["']|from ["']${dep}["']`), dep);
  // Lit's own source would carry its dev-mode warning text.
  assert.doesNotMatch(code, /lit\.dev\/msg\/dev-mode/);
  // Arquero is bundled (its tables), acorn is not: the stub's message is there, acorn's own error texts are not.
  assert.doesNotMatch(code, /from ["']?arquero["']/);
  assert.match(code, /crm-lens ships Arquero without its expression parser/);
  for (const file of [...files, 'crm-lens.bundle.js', 'crm-lens.bundle.worker.js'])
    assert.doesNotMatch(readFileSync(new URL(file, dir), 'utf8'), /Unterminated template|isIdentifierChar/, `${file} has no acorn`);
});
