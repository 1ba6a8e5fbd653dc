import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import pkg from './package.json' with { type: 'json' };

const root = import.meta.dirname;
const deps = Object.keys(pkg.dependencies);
/** Dependencies stay external in the ES module build (bundler users bring their own). */
const isExternal = (id: string) => deps.some((d) => id === d || id.startsWith(`${d}/`));

// Three builds from one config, chosen by --mode:
//   lib     ES modules for bundlers (dist/crm-lens.js, dist/data.js, dist/metrics.js), dependencies external
//   bundle  one self-contained ES module for pages without a build step (dist/crm-lens.bundle.js)
//   bundle-worker  its feed worker, the sibling file dist/crm-lens.bundle.worker.js
//   (none)  the demo page, served by `npm start` and built as static files into dist/demo
export default defineConfig(({ mode }) => {
  if (mode === 'lib') {
    return {
      // The feed worker is emitted as dist/assets/feed-worker-*.js; './' keeps its URL relative to the module.
      base: './',
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        sourcemap: true,
        lib: {
          entry: {
            'crm-lens': resolve(root, 'src/index.ts'),
            data: resolve(root, 'src/data/index.ts'),
            metrics: resolve(root, 'src/metrics/index.ts'),
          },
          formats: ['es'],
        },
        rollupOptions: { external: isExternal },
      },
    };
  }
  if (mode === 'bundle') {
    return {
      // The bundle starts its worker from the sibling file built by `bundle-worker` (bundle-feed-worker.ts).
      resolve: { alias: [{ find: /^\.\/feed-worker-url\.js$/, replacement: resolve(root, 'src/data/bundle-feed-worker.ts') }] },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        lib: { entry: resolve(root, 'src/index.ts'), formats: ['es'], fileName: () => 'crm-lens.bundle.js' },
      },
    };
  }
  if (mode === 'bundle-worker') {
    // dist/crm-lens.bundle.worker.js: the feed worker of the single-file bundle, self-contained as well.
    return {
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        lib: { entry: resolve(root, 'src/data/feed-worker.ts'), formats: ['es'], fileName: () => 'crm-lens.bundle.worker.js' },
      },
    };
  }
  return {
    root: resolve(root, 'demo'),
    base: './',
    publicDir: resolve(root, 'demo/public'),
    server: { port: 5173, host: '127.0.0.1', fs: { allow: [root] } },
    preview: { port: 4173, host: '127.0.0.1' },
    build: { outDir: resolve(root, 'dist/demo'), emptyOutDir: true },
  };
});
