// `npm run bench [-- <suite>…] [--runs N] [--fresh]`: runs benchmark suites and writes their figures into
// BENCHMARKS.md, each suite between its own markers (<!-- bench:<suite> --> … <!-- /bench:<suite> -->).
//
// Suites: `generate` (sample generation) and `bundle` (what a host ships) run in Node; `widgets` drives the five
// widgets on bench/widgets.html from Node (scripts/bench-widgets.mjs; `--sizes 100k` for a short run); the others are pages under bench/ served by Vite and
// run in headless Chromium (bench/index.html?suite=<name>), which post their figures to window.__benchResults.
// Each run of a browser suite gets a fresh browser context (empty IndexedDB); figures are medians over runs.
// To add a browser suite: write bench/suites/<name>.ts exporting `run(params, log): Promise<BenchRow[]>`, list
// it in bench/main.ts, and give it a title in SUITES below.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, findChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const BENCH_FEED = '.cache/bench/orders-1m.json';
const BENCH_FILE = resolve(root, 'BENCHMARKS.md');

/** Suite name → title and where it runs. Order here is the order of sections in BENCHMARKS.md. */
const SUITES = {
  generate: { title: 'Sample generation (Node)', node: true },
  data: { title: 'Loading the 1M-order JSON feed (Chromium)', page: true },
  metrics: { title: 'Metrics over 1M orders (Chromium)', page: true },
  btyd: { title: 'Churn models at 100k customers: fits, model check, auto (Chromium)', page: true, noFeed: true },
  cache: { title: 'The IndexedDB cache form on the 1M-order feed: Arrow IPC against column buffers (Chromium)', page: true },
  normalize: { title: 'Normalizing 1M synthetic order records, and the Arrow cache form (Chromium)', page: true },
  bundle: { title: 'What a host ships: JavaScript sizes (gzip) and the npm package (Node, Vite)', node: true },
  // Opt-in (`npm run bench -- scale`): makes a 10M-order DuckDB file once (.cache/bench/scale/) and a ClickHouse copy.
  scale: { title: 'Server mode at scale: 10M orders in DuckDB and ClickHouse, through crm-lens/server (Node)', node: true, optIn: true },
  widgets: { title: 'The five widgets under one <crm-data>: cold, warm, linked clicks, long tasks, heaps (Chromium, driven from Node)', node: true },
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    fresh: { type: 'boolean' },
    suite: { type: 'string', multiple: true },
    serve: { type: 'boolean' },
    sizes: { type: 'string', default: '100k,1m' },
  },
});
const runs = Math.max(1, Number(values.runs) || 3);
const selected = [...positionals, ...(values.suite ?? [])];
const suites = selected.length ? selected : Object.keys(SUITES).filter((s) => !SUITES[s].optIn);
for (const s of suites) {
  if (!SUITES[s]) {
    console.error(`Unknown bench suite "${s}". Known: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
}

function ensureBenchFeed() {
  const path = resolve(root, BENCH_FEED);
  if (values.fresh) rmSync(path, { force: true });
  if (existsSync(path)) return;
  console.log(`Generating the benchmark feed ${BENCH_FEED} (1M orders, 100k customers)…`);
  const r = spawnSync(
    'npx',
    ['tsx', 'scripts/generate-sample.ts', '--orders', '1000000', '--customers', '100000', '--out', BENCH_FEED],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Rows of several runs → one row per name: median and the individual values. */
function combine(outcomes) {
  const byName = new Map();
  for (const o of outcomes) {
    for (const row of o.rows) {
      const e = byName.get(row.name) ?? { ...row, values: [] };
      e.values.push(row.value);
      byName.set(row.name, e);
    }
  }
  return [...byName.values()].map((e) => ({ ...e, value: median(e.values) }));
}

const fmt = (v, unit) =>
  unit === 'ms' || unit === 'rows' || unit === 'KB'
    ? Math.round(v).toLocaleString('en')
    : v.toLocaleString('en', { maximumFractionDigits: v < 10 ? 2 : 1 });

function machineFacts(extra = {}) {
  const cpu = cpus();
  return [
    `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'})`,
    `${Math.round(totalmem() / 2 ** 30)} GB RAM`,
    `${platform()} ${release()}`,
    `Node ${process.version}`,
    ...Object.values(extra),
    // Other work on the machine skews the figures: say how busy it was.
    `load average ${loadavg()[0].toFixed(1)} when the suite finished`,
    new Date().toISOString().slice(0, 10),
  ].join(', ');
}

function section(name, outcomes, facts) {
  const { title } = SUITES[name];
  const failed = outcomes.find((o) => !o.ok);
  let body;
  if (failed) body = `Not measured: ${failed.reason}.`;
  else {
    const rows = combine(outcomes);
    const lines = rows.map((r) => {
      const each = r.values.length > 1 ? r.values.map((v) => fmt(v, r.unit)).join(' / ') : '';
      return `| ${r.name} | ${fmt(r.value, r.unit)} ${r.unit} | ${each} | ${r.note ?? ''} |`;
    });
    body = [
      `Median of ${outcomes.length} run${outcomes.length > 1 ? 's' : ''}.`,
      '',
      '| measure | median | each run | note |',
      '| --- | ---: | --- | --- |',
      ...lines,
    ].join('\n');
  }
  return `<!-- bench:${name} -->\n### ${title}\n\n${body}\n\nMachine: ${facts}.\n<!-- /bench:${name} -->`;
}

const HEADER = `# Benchmarks

Figures written by \`npm run bench\` (scripts/bench.mjs); each section is replaced when its suite runs again
(\`npm run bench -- data --runs 5\`). The benchmark feed is \`${BENCH_FEED}\`: a 1M-order, 100k-customer sample
bundle made by \`scripts/generate-sample.ts\` with seed 1 (generated when missing; \`--fresh\` remakes it).

To add a suite: write \`bench/suites/<name>.ts\` exporting \`run(params, log): Promise<BenchRow[]>\` (see
\`bench/types.ts\`; throw \`BenchUnavailable\` when it cannot run), list it in \`bench/main.ts\`, and give it a
title in \`SUITES\` in \`scripts/bench.mjs\`. \`npm run bench -- --serve\` serves the repository and prints the
bench page's address, to watch a single run in a browser (\`/bench/index.html?suite=<name>\`).
`;

function writeSection(name, text) {
  let doc = existsSync(BENCH_FILE) ? readFileSync(BENCH_FILE, 'utf8') : HEADER;
  const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  if (re.test(doc)) doc = doc.replace(re, () => text);
  else {
    // A new section goes before the first section of a suite listed after it in SUITES.
    const later = Object.keys(SUITES).slice(Object.keys(SUITES).indexOf(name) + 1);
    const at = Math.min(...later.map((s) => doc.indexOf(`<!-- bench:${s} -->`)).filter((i) => i >= 0));
    doc = Number.isFinite(at) ? `${doc.slice(0, at)}${text}\n\n${doc.slice(at)}` : `${doc.trimEnd()}\n\n${text}\n`;
  }
  writeFileSync(BENCH_FILE, doc);
}

/** bench/scale.ts in its own process (its memory is the server's): one run, medians of 3 inside. */
function runScale() {
  const r = spawnSync('node', ['--max-old-space-size=8192', '--import', 'tsx', 'bench/scale.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const outcome = r.status === 0 ? { suite: 'scale', ok: true, rows: JSON.parse(last).rows } : { suite: 'scale', ok: false, reason: `bench/scale.ts exited ${r.status}` };
  writeSection('scale', section('scale', [outcome], machineFacts()));
}

async function runGenerate() {
  const { tsImport } = await import('tsx/esm/api');
  const sample = await tsImport('../src/sample/index.ts', import.meta.url);
  const outcomes = [];
  for (let r = 0; r < runs; r++) {
    const rows = [];
    for (const [orders, customers] of [[40_000, 4_000], [1_000_000, 100_000]]) {
      const label = orders >= 1e6 ? '1M orders / 100k customers' : '40k orders / 4k customers';
      let t = performance.now();
      const columns = sample.generateSampleColumns({ orders, customers });
      const genMs = performance.now() - t;
      t = performance.now();
      let bytes = 0;
      for (const chunk of sample.sampleJsonChunks(columns)) bytes += Buffer.byteLength(chunk);
      const jsonMs = performance.now() - t;
      rows.push(
        { name: `${label}: generate (columns)`, value: genMs, unit: 'ms', note: `${columns.orders.count.toLocaleString('en')} orders, ${columns.interactions.count.toLocaleString('en')} interactions` },
        { name: `${label}: serialize to JSON`, value: jsonMs, unit: 'ms', note: 'sampleJsonChunks, not written to disk' },
        { name: `${label}: JSON size`, value: bytes / 1e6, unit: 'MB' },
      );
    }
    outcomes.push({ suite: 'generate', ok: true, rows });
    console.log(`generate: run ${r + 1}/${runs} done`);
  }
  writeSection('generate', section('generate', outcomes, machineFacts()));
}

/**
 * Sizes are deterministic: one build. A host app importing every widget through the ES build, bundled by Vite
 * for production (its own JavaScript; the feed worker is a file of its own, off the main thread), the
 * single-file bundle and its worker, the npm package, and the test/hosts framework apps when built.
 */
async function runBundle() {
  const { gzipSync } = await import('node:zlib');
  const { mkdirSync, readdirSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { build } = await import('vite');
  const gz = (file) => gzipSync(readFileSync(file)).length / 1024;
  const raw = (file) => statSync(file).size / 1024;
  if (spawnSync('node', ['scripts/build.mjs', '--no-demo'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  const dir = resolve(root, '.cache/bench/host-app');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  writeFileSync(join(dir, 'main.js'), `import ${JSON.stringify(resolve(root, 'dist/crm-lens.js'))};\n`);
  await build({ root: dir, configFile: false, logLevel: 'warn', base: './', build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
  const assets = join(dir, 'dist/assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const workers = js.filter((f) => f.startsWith('feed-worker'));
  const main = js.filter((f) => !workers.includes(f));
  const sum = (files, f) => files.reduce((t, x) => t + f(join(assets, x)), 0);
  const rows = [
    { name: 'host app (Vite, every widget via the ES build): main-thread JS', value: sum(main, gz), unit: 'KB gzip', note: `${sum(main, raw).toFixed(0)} KB minified, ${main.length} file(s); target ≤ 120 KB gzip` },
    { name: 'host app: its feed worker', value: sum(workers, gz), unit: 'KB gzip', note: `${sum(workers, raw).toFixed(0)} KB minified` },
    { name: 'single-file bundle dist/crm-lens.bundle.js', value: gz(resolve(root, 'dist/crm-lens.bundle.js')), unit: 'KB gzip', note: `${raw(resolve(root, 'dist/crm-lens.bundle.js')).toFixed(0)} KB minified` },
    { name: 'its worker dist/crm-lens.bundle.worker.js', value: gz(resolve(root, 'dist/crm-lens.bundle.worker.js')), unit: 'KB gzip', note: `${raw(resolve(root, 'dist/crm-lens.bundle.worker.js')).toFixed(0)} KB minified` },
  ];
  const [packed] = JSON.parse(spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }).stdout);
  rows.push({ name: 'npm package, unpacked', value: packed.unpackedSize / 1024, unit: 'KB', note: `${packed.files.length} files, no source maps; tarball ${(packed.size / 1024).toFixed(0)} KB` });
  for (const app of ['react', 'vue', 'angular']) {
    const out = resolve(root, `test/hosts/${app}/dist/assets`);
    if (!existsSync(out)) continue;
    const files = readdirSync(out).filter((f) => f.endsWith('.js') && !f.startsWith('feed-worker'));
    const size = files.reduce((t, f) => t + gz(join(out, f)), 0);
    rows.push({ name: `test/hosts ${app} app: main-thread JS, framework included`, value: size, unit: 'KB gzip', note: 'built by npm test (test/hosts/run.mjs)' });
  }
  writeSection('bundle', section('bundle', [{ suite: 'bundle', ok: true, rows }], machineFacts()));
}

/** Vite over the whole repository (not the demo config): bench pages, src and the bench feed. */
async function serveRepo() {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 5199, strictPort: false },
  });
  await server.listen();
  return server;
}

/** The widgets suite: per run, every size (JSON and Arrow cold start, warm start, clicks, heaps). */
async function runWidgets() {
  const w = await import('./bench-widgets.mjs');
  const sizes = values.sizes.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  for (const s of sizes) if (!w.WIDGET_SIZES[s]) throw new Error(`--sizes: unknown size "${s}" (known: ${Object.keys(w.WIDGET_SIZES).join(', ')})`);
  const feeds = Object.fromEntries(sizes.map((s) => [s, w.ensureWidgetFeeds(root, s)]));
  const { chromium } = await import('playwright-core');
  const app = await w.buildWidgetsApp(root);
  const server = await w.serveStatic(root);
  const { base } = server;
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const loadAtStart = loadavg()[0].toFixed(1);
  const outcomes = [];
  try {
    await w.warmUp({ browser, base, app, feeds: feeds[sizes[0]] });
    for (let r = 0; r < runs; r++) {
      const rows = [];
      for (const size of sizes) {
        rows.push(...(await w.widgetsRun({ browser, base, app, feeds: feeds[size], size, log: (l) => console.log(`widgets run ${r + 1}: ${l}`) })));
      }
      outcomes.push({ suite: 'widgets', ok: true, rows });
    }
    const facts = machineFacts({ chromiumVersion: `Chromium ${browser.version()}`, loadAtStart: `load average ${loadAtStart} when the suite started` });
    writeSection('widgets', section('widgets', outcomes, facts));
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runPages(names) {
  // Suites that make their own data (noFeed) do not need the 1M-order feed generated first.
  if (names.some((n) => !SUITES[n].noFeed)) ensureBenchFeed();
  const { chromium } = await import('playwright-core');
  const server = await serveRepo();
  const base = server.resolvedUrls.local[0];
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  const chromiumVersion = `Chromium ${browser.version()}`;
  try {
    for (const name of names) {
      const outcomes = [];
      for (let r = 0; r < runs; r++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') console.error(`[${name}] ${m.text()}`);
          else if (process.env.BENCH_VERBOSE) console.log(`[${name}] ${m.text()}`);
        });
        await page.goto(`${base}bench/index.html?suite=${encodeURIComponent(name)}`);
        await page.waitForFunction(() => window.__benchResults, null, { timeout: 20 * 60_000, polling: 500 });
        const outcome = await page.evaluate(() => window.__benchResults);
        await context.close();
        outcomes.push(outcome);
        console.log(`${name}: run ${r + 1}/${runs} ${outcome.ok ? 'done' : `not measured (${outcome.reason})`}`);
        if (!outcome.ok) break;
      }
      writeSection(name, section(name, outcomes, machineFacts({ chromiumVersion })));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (values.serve) {
  ensureBenchFeed();
  const server = await serveRepo();
  console.log(`Serving ${root}: open ${server.resolvedUrls.local[0]}bench/index.html?suite=data (Ctrl-C to stop)`);
  await new Promise(() => {});
}
if (suites.includes('generate')) await runGenerate();
if (suites.includes('bundle')) await runBundle();
if (suites.includes('scale')) runScale();
if (suites.includes('widgets')) await runWidgets();
const pages = suites.filter((s) => SUITES[s].page);
if (pages.length) await runPages(pages);
console.log(`Wrote ${BENCH_FILE}`);
