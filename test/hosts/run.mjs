// The kit in real framework apps: packs crm-lens (`npm pack`), installs the tarball into test/hosts (React 19,
// Vue 3, Angular 21 and their Vite plugins, installed once and reused while package-lock.json is unchanged),
// type-checks the React and Vue apps against the generated typings, builds each app for production with Vite,
// serves it with a feed large enough for the feed worker, and checks in headless Chromium that each app passed
// object properties, heard `crm-segment-select`, switched locale and a setting from its own state, and had the
// feed parsed in the worker. Prints "N passed, M failed"; exits 1 on a failure.
// Usage: node test/hosts/run.mjs [--no-build] [react,vue,angular]   (--no-build: dist/ is already built)
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const hosts = import.meta.dirname;
const cache = resolve(root, '.cache/hosts');
const args = process.argv.slice(2);
const APPS = (args.find((a) => !a.startsWith('--')) ?? 'react,vue,angular').split(',');
mkdirSync(cache, { recursive: true });

const sh = (cmd, argv, cwd = root) => {
  const r = spawnSync(cmd, argv, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status})`);
};
const hash = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

// 1. The package, as a host installs it.
if (!args.includes('--no-build')) sh('node', ['scripts/build.mjs', '--no-demo']);
for (const f of readdirSync(cache)) if (f.endsWith('.tgz')) rmSync(join(cache, f));
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', cache], { cwd: root, encoding: 'utf8' }));
const tarball = join(cache, packed[0].filename);

// 2. The frameworks (cached: reinstalled only when the lockfile changes), then the tarball.
const lockMark = join(hosts, 'node_modules/.crm-hosts-lock');
const lock = hash(join(hosts, 'package-lock.json'));
if (!existsSync(lockMark) || readFileSync(lockMark, 'utf8') !== lock) {
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'error'], hosts);
  writeFileSync(lockMark, lock);
}
sh('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel', 'error', tarball], hosts);

// 3. Type checks of the generated typings, then production builds.
if (APPS.includes('react')) sh('npx', ['tsc', '-p', 'react/tsconfig.json'], hosts);
if (APPS.includes('vue')) sh('npx', ['vue-tsc', '-p', 'vue/tsconfig.json'], hosts);
for (const app of APPS) sh('npx', ['vite', 'build', '--config', `${app}/vite.config.mjs`, '--logLevel', 'error'], hosts);

// 4. A feed of ~2.4 MB (parsed in the worker) whose amount column is called `total` (the `fields` property maps it).
const feed = join(cache, 'feed-800.json');
if (!existsSync(feed)) {
  const raw = join(cache, 'feed-800.raw.json');
  sh('npx', ['tsx', 'scripts/generate-sample.ts', '--customers', '800', '--orders', '8000', '--seed', '5', '--out', raw]);
  writeFileSync(feed, readFileSync(raw, 'utf8').replaceAll('"amount":', '"total":'));
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/favicon.ico') return void res.writeHead(204).end(); // the browser asks; not an app error
  const [, app, ...rest] = path.split('/');
  const file = rest.at(-1) === 'feed.json' ? feed : join(hosts, app ?? '', 'dist', rest.join('/') || 'index.html');
  if (!APPS.includes(app) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// 5. The checks, per app.
const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });
const TAGS = ['crm-rfm-matrix', 'crm-lifecycle-funnel', 'crm-regional-comparison', 'crm-channel-mix', 'crm-customer-360'];
let passed = 0;
let failed = 0;
const check = async (name, fn) => {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n    ${error instanceof Error ? error.message : error}`);
  }
};
const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};

for (const app of APPS) {
  console.log(`${app}:`);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const shadowText = (tag) => page.evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent ?? '', tag);
  try {
    await page.goto(`${base}/${app}/`);
    await check('renders <crm-data> with the five widgets, the feed mapped by the `fields` object property', async () => {
      await page.waitForFunction(
        (tags) =>
          tags.every((t) => {
            const r = document.querySelector(t)?.shadowRoot;
            return r && !r.querySelector('[part~="loading"]') && r.querySelector('[part~="chart"], .panel, [part~="error"], [part~="empty"]');
          }),
        TAGS,
        { timeout: 60_000 },
      );
      const errors = await page.evaluate((tags) => tags.map((t) => document.querySelector(t).shadowRoot.querySelector('[part~="error"]')?.textContent?.trim()).filter(Boolean), TAGS);
      assert(errors.length === 0, `error states: ${errors.join(' | ')}`);
    });
    await check('the production build parsed the feed in the worker', async () => {
      await page.waitForFunction(() => document.querySelector('#parsed')?.textContent !== '', null, { timeout: 10_000 });
      const where = await page.textContent('#parsed');
      assert(where === 'worker', `parsedIn = "${where}"`);
    });
    await check('object properties reach the widgets (segmentRules, stageDefinitions)', async () => {
      assert((await shadowText('crm-rfm-matrix')).includes('Host VIP'), 'the RFM matrix does not show the host segment rules');
      assert((await shadowText('crm-lifecycle-funnel')).includes('Host buyers'), 'the funnel does not show the host stages');
    });
    await check('crm-segment-select reaches the app through its own listener', async () => {
      await page.locator('crm-rfm-matrix .cell:not(.empty)').first().click();
      await page.waitForFunction(() => Number(document.querySelector('#picked')?.textContent) > 0, null, { timeout: 10_000 });
    });
    await check('locale switched from the app state re-renders the widgets', async () => {
      await page.click('#toggle-locale');
      await page.waitForFunction(() => document.querySelector('crm-rfm-matrix')?.shadowRoot?.textContent?.includes('宿主贵宾'), null, { timeout: 10_000 });
      const title = await page.evaluate(() => document.querySelector('crm-channel-mix').shadowRoot.querySelector('[part~="title"]').textContent);
      assert(/[\u4e00-\u9fff]/.test(title ?? ''), `channel mix title "${title}" is not Chinese`);
    });
    await check('a setting switched from the app state (channel-mix measure) re-renders', async () => {
      const before = await shadowText('crm-channel-mix');
      await page.click('#toggle-measure');
      await page.waitForFunction(() => document.querySelector('crm-channel-mix')?.measure === 'orders', null, { timeout: 10_000 });
      await page.waitForFunction((b) => document.querySelector('crm-channel-mix').shadowRoot.textContent !== b, before, { timeout: 10_000 });
    });
    await check('no page errors', async () => assert(problems.length === 0, problems.join(' | ')));
  } finally {
    await page.close();
  }
}
await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
