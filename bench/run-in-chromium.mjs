// Runs bench/normalize.bench.ts in headless Chromium: bundles it with esbuild, loads it in a blank page.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';

const n = Number(process.argv[2] ?? 1_000_000);
const bundle = await build({
  entryPoints: ['bench/normalize.bench.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'bench',
  platform: 'browser',
  write: false,
  target: 'es2022',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const text = await page.evaluate((n) => globalThis.bench.formatResults(globalThis.bench.runBench(n)), n);
  console.log(`Chromium ${browser.version()}, ${n} rows\n${text}`);
} finally {
  await browser.close();
}
