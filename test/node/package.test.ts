// What `npm pack` ships (dist/ is built by `npm test` first, types and manifest included): the library, its
// types, the manifest and the docs — no demo, no sources, no source maps — within the size budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Unpacked size budget (bytes), source maps excluded. The target was 1.5 MB; the package holds two
 * complete builds with a worker each — the ES build for bundlers and the single-file bundle for pages without
 * a build step (~600 KB; each worker ~180 KB) — plus ~330 KB of declarations and a ~280 KB manifest: 2.15 MB
 * measured after the forecast, vehicles and associations features landed (1.76 MB before them; 13.4 MB with
 * the demo). The budget keeps it from growing unnoticed; raising it is a decision to write down.
 * 2.3 → 2.5 MB (issue 8, Excel workbooks): the workbook reader (read-excel-file with fflate's inflate, 63 KB
 * minified, 17 KB gzip) is in four outputs — the ES build's page chunk and feed-worker chunk (each loaded only
 * when a workbook arrives) and inside the single-file bundle and its worker (a single file cannot load a
 * chunk) — about +250 KB unpacked, 2.41 MB measured.
 */
const BUDGET = 2.5 * 1024 * 1024;

interface Packed {
  files: { path: string; size: number }[];
  unpackedSize: number;
}

test('npm pack holds library, types, manifest and docs only, within the size budget', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })) as Packed[];
  const paths = packed.files.map((f) => f.path);
  for (const required of [
    'package.json',
    'README.md',
    'custom-elements.json',
    'dist/crm-lens.js',
    'dist/classes.js',
    'dist/data.js',
    'dist/metrics.js',
    'dist/crm-lens.bundle.js',
    'dist/crm-lens.bundle.worker.js',
    'dist/types/index.d.ts',
    'dist/types/react.d.ts',
    'dist/types/vue.d.ts',
    'docs/theming.md',
    'docs/frameworks.md',
  ])
    assert.ok(paths.includes(required), `the package has ${required}`);
  assert.ok(paths.some((p) => /^dist\/assets\/feed-worker-[\w-]+\.js$/.test(p)), 'the ES build ships its feed worker');
  // The workbook reader is a chunk of its own, in the page build and in the worker, not in the entry files.
  assert.ok(paths.some((p) => /^dist\/read-workbook-[\w-]+\.js$/.test(p)), 'the ES build has the workbook reader chunk');
  assert.ok(paths.some((p) => /^dist\/assets\/read-workbook-[\w-]+\.js$/.test(p)), 'the feed worker has its workbook reader chunk');
  const lazy = paths.filter((p) => /^dist\/(assets\/)?[\w-]+\.js$/.test(p) && !p.includes('read-workbook-') && !p.includes('.bundle.'));
  for (const file of lazy) assert.ok(!readFileSync(file, 'utf8').includes('sharedStrings'), `${file} does not hold the workbook reader`);
  const unwanted = paths.filter((p) => p.startsWith('dist/demo/') || p.startsWith('src/') || p.endsWith('.map') || p.startsWith('test/'));
  assert.deepEqual(unwanted, [], 'no demo, sources, maps or tests');
  // Every export target is in the package.
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>> };
  for (const [entry, target] of Object.entries(pkg.exports))
    for (const file of typeof target === 'string' ? [target] : Object.values(target))
      assert.ok(paths.includes(file.replace(/^\.\//, '')), `export ${entry} → ${file} is packed`);
  assert.ok(packed.unpackedSize < BUDGET, `unpacked ${(packed.unpackedSize / 1024).toFixed(0)} KB ≥ budget ${BUDGET / 1024} KB`);
});
