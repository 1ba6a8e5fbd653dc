// Koa-style middleware for the test runner: serves the page's worker file (src/data/feed-worker.ts) as one
// esbuild bundle, as every build ships it. Unbundled, a worker in the dev server fetches and transforms each of
// its ~150 modules one by one (about a second per test page); widgets would wait on that, not on their data.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const WORKER = '/src/data/feed-worker.ts';

// Started with the server, so it is ready by the time the first test page asks (built once per test run).
let bundled = bundle();

export async function workerBundle(ctx, next) {
  if (ctx.path !== WORKER) return next();
  ctx.type = 'application/javascript';
  ctx.body = await bundled;
}

async function bundle() {
  const out = await build({
    entryPoints: [resolve(root, `.${WORKER}`)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: resolve(root, 'tsconfig.json'),
    // As in every build (vite.config.ts): Arquero's expression parser is never used (no eval under a CSP), and
    // fflate unzips in the thread (its own workers are built from source text).
    // (A plugin, not `alias`: an alias would also take `fflate/browser`, which the in-thread module imports.)
    alias: { acorn: resolve(root, 'src/data/no-expression-parser.ts') },
    plugins: [
      {
        name: 'fflate-in-thread',
        setup(b) {
          b.onResolve({ filter: /^fflate$/ }, () => ({ path: resolve(root, 'src/data/workbook/fflate-in-thread.ts') }));
        },
      },
    ],
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
