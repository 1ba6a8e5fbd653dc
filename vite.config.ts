import { defineConfig, type BuildOptions } from 'vite';
import { resolve } from 'node:path';
import pkg from './package.json' with { type: 'json' };

const root = import.meta.dirname;
/**
 * Dependencies stay external in the ES module build (bundler users bring their own), except Arquero: it is
 * bundled with `acorn`, its expression parser, replaced by a stub (no-expression-parser.ts), so hosts do not
 * ship 35 KB gzip of parser that crm-lens never uses.
 */
const deps = Object.keys(pkg.dependencies).filter((d) => d !== 'arquero');
const isExternal = (id: string) => deps.some((d) => id === d || id.startsWith(`${d}/`));
/** Every build: `acorn` → the stub. */
const noParser = { find: /^acorn$/, replacement: resolve(root, 'src/data/no-expression-parser.ts') };
/**
 * Every build: `fflate` → fflate with an in-thread `unzip` (see src/data/workbook/fflate-in-thread.ts: fflate's
 * own builds workers from source text, which a strict CSP forbids). read-excel-file and fflate are dev
 * dependencies bundled into the workbook chunk, so the alias holds in the package too.
 */
const inThreadUnzip = { find: /^fflate$/, replacement: resolve(root, 'src/data/workbook/fflate-in-thread.ts') };
const aliases = [noParser, inThreadUnzip];

// Three builds from one config, chosen by --mode:
//   lib     ES modules for bundlers (dist/crm-lens.js, dist/data.js, dist/metrics.js), dependencies external
//   bundle  one self-contained ES module for pages without a build step (dist/crm-lens.bundle.js)
//   bundle-worker  its feed worker, the sibling file dist/crm-lens.bundle.worker.js
//   (none)  the demo page, served by `npm start` and built as static files into dist/demo
/**
 * One self-contained, fully minified ES module (not library mode: that keeps whitespace for tree-shaking by a
 * later bundler, which a file loaded as it is does not get).
 */
const standaloneBuild = (entry: string, file: string): BuildOptions => ({
  outDir: 'dist',
  emptyOutDir: false,
  minify: true,
  copyPublicDir: false,
  rollupOptions: {
    input: entry,
    preserveEntrySignatures: 'exports-only',
    output: { format: 'es', entryFileNames: file, codeSplitting: false },
  },
});

export default defineConfig(({ mode }) => {
  if (mode === 'lib') {
    return {
      resolve: { alias: aliases },
      worker: { format: 'es', rollupOptions: { output: { minify: true } } },
      // The feed worker is emitted as dist/assets/feed-worker-*.js; './' keeps its URL relative to the module.
      base: './',
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        sourcemap: true,
        lib: {
          entry: {
            'crm-lens': resolve(root, 'src/index.ts'),
            classes: resolve(root, 'src/classes.ts'),
            data: resolve(root, 'src/data/index.ts'),
            metrics: resolve(root, 'src/metrics/index.ts'),
          },
          formats: ['es'],
        },
        // Fully minified (library mode alone keeps whitespace); the minifier keeps the /*#__PURE__*/ annotations
        // a host's bundler tree-shakes with.
        rollupOptions: { external: isExternal, output: { minify: true } },
      },
    };
  }
  if (mode === 'bundle') {
    return {
      // The bundle starts its worker from the sibling file built by `bundle-worker` (bundle-feed-worker.ts).
      resolve: { alias: [...aliases, { find: /^\.\/feed-worker-url\.js$/, replacement: resolve(root, 'src/data/bundle-feed-worker.ts') }] },
      build: standaloneBuild(resolve(root, 'src/index.ts'), 'crm-lens.bundle.js'),
    };
  }
  if (mode === 'bundle-worker') {
    // dist/crm-lens.bundle.worker.js: the feed worker of the single-file bundle, self-contained as well.
    return {
      resolve: { alias: aliases },
      build: standaloneBuild(resolve(root, 'src/data/feed-worker.ts'), 'crm-lens.bundle.worker.js'),
    };
  }
  return {
    root: resolve(root, 'demo'),
    base: './',
    resolve: { alias: [inThreadUnzip] },
    publicDir: resolve(root, 'demo/public'),
    server: { port: 5173, host: '127.0.0.1', fs: { allow: [root] } },
    preview: { port: 4173, host: '127.0.0.1' },
    build: { outDir: resolve(root, 'dist/demo'), emptyOutDir: true },
  };
});
