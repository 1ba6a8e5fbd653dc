// Screenshots of the demo page: `node scripts/screenshot-demo.mjs [baseUrl] [outDir]` (default: a running
// dev server at http://127.0.0.1:5173/ and /work/wt/shots). 1440 and 390 px wide, en / zh-CN, light / dark.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:5173/';
const out = process.argv[3] ?? '/work/wt/shots';
const only = process.argv[4]; // e.g. "1440-en-light"; "readme" writes docs/screenshot.png (top of 1440 en light)
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });
try {
  if (only === 'readme') {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${base}?lang=en&theme=light`);
    await page.waitForFunction(() => document.querySelector('#kpi-customers .kpi-value')?.textContent !== '—', null, { timeout: 60_000 });
    await page.waitForTimeout(2500);
    await page.screenshot({ path: 'docs/screenshot.png', fullPage: true, clip: { x: 0, y: 0, width: 1440, height: 1320 } });
    console.log('wrote docs/screenshot.png');
  }
  for (const width of only === 'readme' ? [] : [1440, 390]) {
    for (const lang of ['en', 'zh-CN']) {
      for (const theme of ['light', 'dark']) {
        const name = `${width}-${lang === 'en' ? 'en' : 'zh'}-${theme}`;
        if (only && !name.startsWith(only)) continue;
        const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        page.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
        await page.goto(`${base}?lang=${lang}&theme=${theme}`);
        await page.waitForFunction(() => document.querySelector('#kpi-customers .kpi-value')?.textContent !== '—', null, { timeout: 60_000 });
        // Let widgets finish their computations and charts settle.
        await page.waitForTimeout(2500);
        const file = `${out}/demo-${name}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(`wrote ${file}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
}
