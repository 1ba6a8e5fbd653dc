// Screenshots of every widget on the sample data, to look at them side by side (not a test: open the PNGs).
//
//   npx tsx scripts/screenshots.ts [--only rfm-matrix,channel-mix] [--widths 360,1100] [--out screenshots]
//                                  [--customers 500] [--select] [--base sample|one-time]
//
// Serves the repo with Vite (a free port), generates `.cache/gallery.html` (every widget inside one
// `<crm-data .tables=…>` fed by the seeded sample generator in the page), and writes
// `<out>/<widget>-<locale>-<theme>-<width>.png` for en/light and zh-CN/dark at each width. `--select` also
// selects each widget's first mark (chip, highlight) and focuses it (focus ring) before the shot.
// `--base one-time` shows customer cards on a synthetic base where about 97 % buy once (bench/btyd-population.ts),
// in all four locale × theme combinations: a one-time buyer of long ago, a recent one, a repeat buyer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
// @ts-expect-error plain .mjs helper without types
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    widths: { type: 'string', default: '360,1100' },
    out: { type: 'string', default: 'screenshots' },
    customers: { type: 'string', default: '500' },
    select: { type: 'boolean', default: false },
    base: { type: 'string', default: 'sample' },
  },
});

/** The widgets on the page: id (file name), the element's markup (a card's `data-pick` chooses its customer in the page). */
const WIDGETS: ReadonlyArray<[id: string, markup: string]> = [
  ['rfm-matrix', '<crm-rfm-matrix></crm-rfm-matrix>'],
  ['lifecycle-funnel', '<crm-lifecycle-funnel></crm-lifecycle-funnel>'],
  ['regional-comparison', '<crm-regional-comparison></crm-regional-comparison>'],
  ['regional-map', '<crm-regional-comparison view="map" group-by="province" geo-src="/demo/china-provinces.geojson"></crm-regional-comparison>'],
  ['channel-mix', '<crm-channel-mix></crm-channel-mix>'],
  ['customer-360', '<crm-customer-360 data-pick="top"></crm-customer-360>'],
  ['customer-360-owner', '<crm-customer-360 data-pick="consumer"></crm-customer-360>'],
  ['customer-360-fleet', '<crm-customer-360 data-pick="fleet"></crm-customer-360>'],
  ['channel-mix-forecast', '<crm-channel-mix forecast="3"></crm-channel-mix>'],
];
const ONE_TIME_WIDGETS: ReadonlyArray<[id: string, markup: string]> = [
  ['c360-once-long-ago', '<crm-customer-360 data-pick="onceOld"></crm-customer-360>'],
  ['c360-once-recent', '<crm-customer-360 data-pick="onceNew"></crm-customer-360>'],
  ['c360-repeat', '<crm-customer-360 data-pick="repeat"></crm-customer-360>'],
];
const oneTime = args.base === 'one-time';
const only = args.only?.split(',').map((s) => s.trim());
const widgets = (oneTime ? ONE_TIME_WIDGETS : WIDGETS).filter(([id]) => !only || only.includes(id));
const widths = args.widths!.split(',').map(Number);
const customers = Number(args.customers);
const COMBOS = oneTime
  ? ([['en', 'light'], ['en', 'dark'], ['zh-CN', 'light'], ['zh-CN', 'dark']] as const)
  : ([['en', 'light'], ['zh-CN', 'dark']] as const);

/** The page script's data part for `--base one-time`: synthetic orders, three customers picked by history. */
const ONE_TIME_SCRIPT = `
  import { syntheticOrders } from '/bench/btyd-population.ts';
  const { orders, asOf } = syntheticOrders({ customers: ${customers} * 4, r: 0.12, alpha: 600, s: 0.8, beta: 40, days: 730, seed: 3 });
  const tables = { orders };
  for (const el of document.querySelectorAll('crm-customer-360')) el.setAttribute('as-of', new Date(asOf * 864e5).toISOString().slice(0, 10));
  const ids = orders.array('customer_id');
  const days = orders.array('order_date');
  const count = new Map(), last = new Map();
  ids.forEach((id, i) => { count.set(id, (count.get(id) || 0) + 1); last.set(id, Math.max(last.get(id) ?? -1e9, days[i])); });
  const once = [...count].filter((e) => e[1] === 1).map((e) => e[0]).sort((a, b) => last.get(a) - last.get(b));
  const repeat = [...count].sort((a, b) => b[1] - a[1])[0][0];
  const pick = { onceOld: once[Math.floor(once.length * 0.45)], onceNew: once[once.length - 3], repeat };
  console.log('one-time share', once.length / count.size);`;

/** The page script's data part by default: the seeded sample; cards show the top, a car owner and a fleet. */
const SAMPLE_SCRIPT = `
  import { generateSample } from '/src/sample/index.ts';
  import { normalizeFeed } from '/src/data/normalize/index.ts';
  const n = ${customers};
  const { tables } = normalizeFeed(generateSample({ seed: 7, customers: n, orders: n * 10 }));
  // The customer 360 shows the customer with the most orders (a full card); the car owner and the fleet cards
  // the customer of that type with the most orders.
  const ids = tables.orders.array('customer_id');
  const counts = new Map();
  for (const id of ids) counts.set(id, (counts.get(id) || 0) + 1);
  const typeOf = new Map();
  const cids = tables.customers.array('customer_id');
  const types = tables.customers.array('type');
  cids.forEach((id, i) => typeOf.set(id, types[i]));
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map((e) => e[0]);
  const pick = { top: ranked[0], consumer: ranked.find((id) => typeOf.get(id) === 'consumer'), fleet: ranked.find((id) => typeOf.get(id) === 'fleet') };
`;

function galleryHtml(): string {
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>crm-lens gallery</title>
<style>
  html { font-family: system-ui, sans-serif; }
  body { margin: 0; padding: 16px; background: var(--page-bg); }
  html[data-crm-theme='dark'] { --page-bg: #0d1014; color-scheme: dark; }
  html[data-crm-theme='light'] { --page-bg: #eef0f3; }
  .cell { margin: 0 0 24px; }
</style>
</head>
<body>
<crm-data id="data">
${widgets.map(([id, markup]) => `  <div class="cell" id="cell-${id}" data-widget="${id}">${markup}</div>`).join('\n')}
</crm-data>
<script type="module">
  import '/src/index.ts';
  const q = new URLSearchParams(location.search);
  document.documentElement.lang = q.get('locale') || 'en';
  document.documentElement.dataset.crmTheme = q.get('theme') || 'light';
${oneTime ? ONE_TIME_SCRIPT : SAMPLE_SCRIPT}
  for (const el of document.querySelectorAll('crm-customer-360')) el.setAttribute('customer-id', pick[el.dataset.pick]);
  document.getElementById('data').tables = tables;
  window.galleryReady = true;
</script>
</body>
</html>
`;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createNetServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function main(): Promise<void> {
  mkdirSync(resolve(root, '.cache'), { recursive: true });
  writeFileSync(resolve(root, '.cache/gallery.html'), galleryHtml());
  const outDir = resolve(root, args.out!);
  mkdirSync(outDir, { recursive: true });

  const port = await freePort();
  const server = await createServer({
    root,
    configFile: false,
    cacheDir: resolve(root, '.cache/vite-screenshots'),
    logLevel: 'warn',
    // Scan the gallery's imports before serving: a dependency discovered later would make Vite reload the page.
    optimizeDeps: { entries: ['.cache/gallery.html'] },
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });
  const written: string[] = [];
  try {
    for (const [locale, theme] of COMBOS) {
      for (const width of widths) {
        const page = await browser.newPage({ viewport: { width: width + 32, height: 900 }, deviceScaleFactor: 1 });
        page.on('pageerror', (e) => console.error(`page error (${locale}/${theme}/${width}):`, e.message));
        page.on('console', (m) => m.type() === 'error' && console.error(`console (${locale}/${theme}/${width}):`, m.text()));
        const url = `http://127.0.0.1:${port}/.cache/gallery.html?locale=${locale}&theme=${theme}`;
        const ready = () => page.waitForFunction(() => (window as unknown as { galleryReady?: boolean }).galleryReady, null, { timeout: 30_000 });
        await page.goto(url);
        // A cold dependency cache can leave the first load with outdated modules: load once more.
        await ready().catch(() => page.goto(url).then(ready));
        for (const [id] of widgets) {
          const cell = page.locator(`#cell-${id}`);
          // Drawn: a chart, the customer card's panels, or a state message (empty / error) — never a spinner.
          await page.waitForFunction(
            (sel) => {
              const el = document.querySelector(sel)?.firstElementChild;
              const r = el?.shadowRoot;
              return !!r && !r.querySelector('[part~="loading"]') && !!r.querySelector('[part~="chart"], [part~="empty"], [part~="error"], .panel');
            },
            `#cell-${id}`,
            { timeout: 60_000 },
          );
          if (args.select) await selectFirstMark(page, id);
          // The one-time base is about trusting the outlook: open its model check.
          if (oneTime) await page.evaluate((sel) => document.querySelector(sel)?.firstElementChild?.shadowRoot?.querySelector('details.check')?.setAttribute('open', ''), `#cell-${id}`);
          await page.waitForTimeout(150); // fonts and the size observer settle
          const file = resolve(outDir, `${id}-${locale}-${theme}-${width}.png`);
          await cell.screenshot({ path: file });
          written.push(file);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${written.length} screenshots in ${outDir}`);
}

/** Select the widget's first mark (keyboard: focus, Enter), leaving the focus ring on it. */
async function selectFirstMark(page: import('playwright-core').Page, id: string): Promise<void> {
  const mark = page.locator(`#cell-${id} .mark`).first();
  if ((await mark.count()) === 0) return;
  await mark.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await mark.focus();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
