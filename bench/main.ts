// Bench page entry: runs the suite named by ?suite= and posts its figures to window.__benchResults.
import { BenchUnavailable, type BenchOutcome, type BenchSuite } from './types.js';

/** Suites by name. To add one: write bench/suites/<name>.ts exporting `run`, and list it here. */
const SUITES: Record<string, () => Promise<BenchSuite>> = {
  cache: () => import('./suites/cache.js'),
  data: () => import('./suites/data.js'),
  metrics: () => import('./suites/metrics.js'),
  normalize: () => import('./suites/normalize.js'),
  btyd: () => import('./suites/btyd.js'),
};

const out = document.getElementById('out')!;
const log = (line: string) => {
  out.textContent += `\n${line}`;
  console.log(line);
};

async function main(): Promise<BenchOutcome> {
  const params = new URLSearchParams(location.search);
  const suite = params.get('suite') ?? '';
  const load = SUITES[suite];
  if (!load) return { suite, ok: false, reason: `no bench suite "${suite}" (known: ${Object.keys(SUITES).join(', ')})` };
  try {
    const rows = await (await load()).run(params, log);
    return { suite, ok: true, rows };
  } catch (e) {
    if (e instanceof BenchUnavailable) return { suite, ok: false, reason: e.message };
    throw e;
  }
}

main().then(
  (result) => {
    log(JSON.stringify(result, null, 1));
    window.__benchResults = result;
  },
  (e: unknown) => {
    const reason = `suite failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    log(reason);
    window.__benchResults = { suite: new URLSearchParams(location.search).get('suite') ?? '', ok: false, reason };
  },
);
