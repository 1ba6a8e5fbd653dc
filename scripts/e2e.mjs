// End-to-end tests of the demo page: serves the demo with a Vite dev server on a free port, drives headless
// Chromium with playwright-core through test/e2e/*.e2e.ts, prints "N passed, M failed", exits 1 on failure.
// Usage: node scripts/e2e.mjs [name filter]; E2E_BASE=http://host/path/ tests an already served page instead
// (e.g. the built dist/demo behind any static server).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const only = process.argv[2];
register();

if (spawnSync('npx', ['tsx', 'scripts/generate-sample.ts', '--if-missing'], { cwd: root, stdio: 'inherit' }).status !== 0)
  process.exit(1);

const server = process.env.E2E_BASE
  ? undefined
  : await createServer({
      configFile: resolve(root, 'vite.config.ts'),
      server: { port: 0, host: '127.0.0.1', strictPort: false },
      logLevel: 'warn',
      clearScreen: false,
    });
await server?.listen();
const base = process.env.E2E_BASE ?? `http://127.0.0.1:${server.httpServer.address().port}/`;
const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });

let passed = 0;
let failed = 0;
try {
  const dir = resolve(root, 'test/e2e');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).sort()) {
    const { tests } = await import(pathToFileURL(resolve(dir, file)).href);
    console.log(`\n${file}`);
    for (const test of tests) {
      if (only && !test.name.includes(only)) continue;
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const t0 = Date.now();
      try {
        await test.run({ page, base, context });
        if (errors.length) throw new Error(`uncaught page errors: ${errors.join(' | ')}`);
        passed++;
        console.log(`  ✓ ${test.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${test.name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
        await page.screenshot({ path: resolve(root, `.cache/e2e-failure-${passed + failed}.png`) }).catch(() => {});
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server?.close();
}
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
