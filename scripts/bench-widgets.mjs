// The `widgets` bench suite (see scripts/bench.mjs): the five widgets under one linked <crm-data> on
// bench/widgets.html, driven from outside the page as a user would meet them. It reads public signals only —
// the widgets' `crm-render` event and `data-state` attribute, `crm-data-load`, long tasks, the DOM marks a user
// clicks — and the browser's own instruments (CDP heap of the page and of each worker), so it measures today's
// main-thread widgets and a data worker behind them alike.
//
// Per run and size: cold start on the JSON feed in a fresh context (empty HTTP cache and IndexedDB) → five
// widgets drawn; the cache entry stored; warm start (reload: IndexedDB) → five drawn; heaps after GC; a linked
// click on each widget kind → every other widget settled; then cold start on the Arrow feed in another context.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { extname, resolve, sep } from 'node:path';

const TAGS = ['crm-rfm-matrix', 'crm-regional-comparison', 'crm-lifecycle-funnel', 'crm-channel-mix', 'crm-customer-360'];

/** Feed sizes: `--sizes 100k` keeps a run short (CI never runs benchmarks; 1M takes minutes). */
export const WIDGET_SIZES = {
  '100k': { orders: 100_000, customers: 10_000, label: '100k orders' },
  '1m': { orders: 1_000_000, customers: 100_000, label: '1M orders' },
};

/** The JSON and Arrow feeds of a size (seed 1; made when missing). */
export function ensureWidgetFeeds(root, size) {
  const { orders, customers } = WIDGET_SIZES[size];
  const json = `.cache/bench/orders-${size}.json`;
  const arrow = `.cache/bench/orders-${size}.arrow`;
  const make = (script, args, out) => {
    if (existsSync(resolve(root, out))) return;
    console.log(`Generating ${out}…`);
    const r = spawnSync('npx', ['tsx', script, '--orders', String(orders), '--customers', String(customers), ...args, '--out', out], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`${script} failed`);
  };
  make('scripts/generate-sample.ts', [], json);
  make('bench/widgets/arrow-feed.ts', [], arrow);
  return { json: `/${json}`, arrow: `/${arrow}` };
}

/** Where the production build of bench/widgets.html goes (served at /.cache/bench/widgets-app/bench/widgets.html). */
const APP_DIR = '.cache/bench/widgets-app';

/**
 * Builds bench/widgets.html for production with Vite, as a host app is built (minified, the feed worker a file
 * of its own; Arquero's parser stubbed out as in every crm-lens build), so module loading costs what it costs a
 * host and not what Vite's dev server costs.
 */
export async function buildWidgetsApp(root) {
  const { build } = await import('vite');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: `/${APP_DIR}/`,
    resolve: { alias: [{ find: /^acorn$/, replacement: resolve(root, 'src/data/no-expression-parser.ts') }] },
    worker: { format: 'es' },
    build: { outDir: resolve(root, APP_DIR), emptyOutDir: true, chunkSizeWarningLimit: 4096, rollupOptions: { input: resolve(root, 'bench/widgets.html') } },
  });
  return `${APP_DIR}/bench/widgets.html`;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.wasm': 'application/wasm',
};

/** A plain static file server over the repository (the built app and the feeds), without caching headers. */
export function serveStatic(root) {
  const server = createServer((req, res) => {
    const path = resolve(root, `.${decodeURIComponent(new URL(req.url, 'http://x').pathname)}`);
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': statSync(path).size });
    createReadStream(path).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

/** Resolves when every widget has drawn a settled state (ready, empty or error) after `since` (page ms). */
async function allDrawn(page, since, timeout) {
  await page.waitForFunction(
    ({ tags, since }) => window.__probe && tags.every((t) => window.__probe.renders.some((r) => r.tag === t && r.at >= since)),
    { tags: TAGS, since },
    { timeout, polling: 100 },
  );
  return page.evaluate(({ tags, since }) => {
    const firstOf = (t) => window.__probe.renders.find((r) => r.tag === t && r.at >= since);
    const drawn = tags.map(firstOf);
    return {
      at: Math.max(...drawn.map((r) => r.at)),
      states: drawn.map((r) => `${r.tag}:${r.state}`),
      pageScriptAt: window.__probe.pageScriptAt,
    };
  }, { tags: TAGS, since });
}

/** A drawing that is an error is no measure of drawing: stop with what each widget showed. */
function drew(result) {
  if (result.states.some((s) => s.endsWith(':error'))) throw new Error(`a widget drew an error: ${result.states.join(', ')}`);
  return result;
}

/** The longest long task overlapping [from, to] (page ms), 0 when none. */
function longestTask(page, from, to) {
  return page.evaluate(
    ({ from, to }) => Math.max(0, ...window.__probe.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration)),
    { from, to },
  );
}

/** Waits until the feed cache holds an entry (IndexedDB `crm-lens`, store `feeds`); returns the page time. */
async function cacheStored(page, timeout) {
  return page.evaluate(async (timeout) => {
    const stored = async () => {
      // Never create the database ourselves (it would lack its stores): look only once it exists.
      if (!(await indexedDB.databases()).some((d) => d.name === 'crm-lens')) return false;
      return new Promise((done) => {
        const open = indexedDB.open('crm-lens');
        open.onerror = () => done(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('feeds')) return db.close(), done(false);
          const count = db.transaction('feeds').objectStore('feeds').count();
          count.onsuccess = () => (db.close(), done(count.result > 0));
          count.onerror = () => (db.close(), done(false));
        };
      });
    };
    const until = performance.now() + timeout;
    while (!(await stored())) {
      if (performance.now() > until) throw new Error('the feed cache never stored an entry');
      await new Promise((r) => setTimeout(r, 100));
    }
    return performance.now();
  }, timeout);
}

/**
 * CDP heap instruments: the page's isolate, and every worker attached to the page (through
 * Target.sendMessageToTarget, which Playwright's session can carry).
 */
async function heapProbe(context, page) {
  const cdp = await context.newCDPSession(page);
  const workers = new Set();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  const inWorker = (sessionId, method, params = {}) =>
    new Promise((done, fail) => {
      const id = nextId++;
      const timer = setTimeout(() => (pending.delete(id), fail(new Error(`${method}: no answer from the worker`))), 30_000);
      pending.set(id, (m) => (clearTimeout(timer), m.error ? fail(new Error(m.error.message)) : done(m.result)));
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail);
    });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    /** MB in use after a full GC: the page's main thread, and the workers' sum (with their count). */
    async heaps() {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      const main = usage.usedSize / 1e6;
      const buffers = (usage.backingStorageSize ?? NaN) / 1e6;
      let worker = 0;
      let count = 0;
      for (const s of [...workers]) {
        try {
          await inWorker(s, 'HeapProfiler.collectGarbage');
          worker += (await inWorker(s, 'Runtime.getHeapUsage')).usedSize / 1e6;
          count++;
        } catch {
          // A worker that ended meanwhile holds nothing.
        }
      }
      return { main, buffers, worker, workers: count };
    },
  };
}

/**
 * In the page: clicks a mark of `tag` as a user would, and times until every other widget is settled again
 * (its last `crm-render` after the click; a widget whose inputs did not change may not redraw at all).
 * Then clicks it again to clear the selection and waits for the page to settle (not timed).
 */
function clickAndSettle(page, tag) {
  return page.evaluate(
    async ({ tag, tags }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const tick = () => new Promise((r) => setTimeout(r, 0));
      const settled = () => tags.every((t) => !['loading', 'computing'].includes(document.querySelector(t).dataset.state));
      const settle = async () => {
        await tick(); // the click's updates are queued as microtasks and tasks: let them start
        for (let quiet = 0; quiet < 2; ) {
          await frame();
          quiet = settled() ? quiet + 1 : 0;
        }
      };
      const root = document.querySelector(tag).shadowRoot;
      const click = (el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      let target;
      if (tag === 'crm-customer-360') {
        // Pick another customer in the card's own picker (type part of an id, choose the first option).
        root.querySelector('.change')?.click(); // with no customer shown yet, the picker is open already
        await frame();
        const input = root.querySelector('input');
        input.value = 'C0001';
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        for (let i = 0; i < 100 && !root.querySelector('.picker-option'); i++) await frame();
        target = root.querySelector('.picker-option');
      } else {
        target = [...root.querySelectorAll('[data-mark-index]')].find((m) => !m.classList.contains('empty'));
      }
      if (!target) throw new Error(`${tag}: nothing to click`);
      const index = target.getAttribute('data-mark-index');
      const t0 = performance.now();
      click(target);
      await settle();
      const others = window.__probe.renders.filter((r) => r.at >= t0 && r.tag !== tag);
      const end = others.length ? Math.max(...others.map((r) => r.at)) : performance.now();
      const redrawn = new Set(others.map((r) => r.tag)).size;
      // Clear the selection again (the selection chip; a user would press it too), untimed.
      const chip = root.querySelector('[part~="selection"]');
      if (chip) chip.click();
      else if (index !== null) click(root.querySelector(`[data-mark-index="${index}"]`));
      await settle();
      return { t0, ms: end - t0, redrawn };
    },
    { tag, tags: TAGS },
  );
}

const CLICKS = [
  ['crm-rfm-matrix', 'RFM cell'],
  ['crm-regional-comparison', 'region bar'],
  ['crm-lifecycle-funnel', 'funnel stage'],
  ['crm-channel-mix', 'channel'],
  ['crm-customer-360', 'customer'],
];

/** One run at one size: rows for BENCHMARKS.md. */
export { heapProbe };

export async function widgetsRun({ browser, base, app, feeds, size, log }) {
  const label = WIDGET_SIZES[size].label;
  const timeout = 10 * 60_000;
  const rows = [];
  const add = (name, value, unit, note) => {
    rows.push({ name: `${label}: ${name}`, value, unit, note });
    log(`${label}: ${name}: ${value.toFixed(1)} ${unit}${note ? ` (${note})` : ''}`);
  };
  const url = (feed) => `${base}${app}?feed=${encodeURIComponent(feed)}`;

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[widgets] page error: ${e.message}`));
    const heap = await heapProbe(context, page);
    await page.goto(url(feeds.json));
    const cold = drew(await allDrawn(page, 0, timeout));
    add('cold start, JSON feed → five widgets drawn', cold.at, 'ms', `from navigation; page script ran at ${cold.pageScriptAt.toFixed(0)} ms`);
    add('longest main-thread task, cold start (JSON)', await longestTask(page, 0, cold.at), 'ms', 'until drawn');
    const stored = await cacheStored(page, timeout);
    add('longest main-thread task, cold start until the cache entry is stored', await longestTask(page, 0, stored), 'ms', `stored at ${(stored / 1000).toFixed(1)} s`);

    await page.reload();
    const warm = drew(await allDrawn(page, 0, timeout));
    const fromCache = await page.evaluate(() => window.__probe.loads.at(-1)?.fromCache === true);
    if (!fromCache) throw new Error(`warm start did not come from the cache: ${JSON.stringify(await page.evaluate(() => window.__probe.loads))}`);
    add('warm start (IndexedDB) → five widgets drawn', warm.at, 'ms', 'from navigation; no feed request');
    add('longest main-thread task, warm start', await longestTask(page, 0, warm.at), 'ms', 'until drawn');
    const h = await heap.heaps();
    add('main-thread JS heap after GC, widgets drawn', h.main, 'MB', 'CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage');
    add('main-thread array buffers (typed-array columns), widgets drawn', h.buffers, 'MB', 'CDP backingStorageSize: outside the JS heap');
    add('worker JS heap after GC, widgets drawn', h.worker, 'MB', `${h.workers} worker(s) attached`);

    let longestClick = 0;
    for (const [tag, kind] of CLICKS) {
      const c = await clickAndSettle(page, tag);
      const longest = await longestTask(page, c.t0, c.t0 + c.ms);
      longestClick = Math.max(longestClick, longest);
      add(`linked click (${kind}) → all others redrawn`, c.ms, 'ms', `${c.redrawn} of 4 redrew; longest task ${longest.toFixed(0)} ms`);
    }
    add('longest main-thread task, clicks', longestClick, 'ms', 'over the five clicks');
  } finally {
    await context.close();
  }

  const arrowContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await arrowContext.newPage();
    await page.goto(url(feeds.arrow));
    const cold = drew(await allDrawn(page, 0, timeout));
    add('cold start, Arrow feed → five widgets drawn', cold.at, 'ms', 'orders only (an Arrow file is one table)');
    add('longest main-thread task, cold start (Arrow)', await longestTask(page, 0, cold.at), 'ms', 'until drawn');
  } finally {
    await arrowContext.close();
  }
  return rows;
}

/** Loads the page once (the OS file cache holds the feed and the app after it). */
export async function warmUp({ browser, base, app, feeds }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}${app}?feed=${encodeURIComponent(feeds.json)}`);
    await allDrawn(page, 0, 10 * 60_000);
  } finally {
    await context.close();
  }
}
