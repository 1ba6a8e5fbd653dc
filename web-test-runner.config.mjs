import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { testFeeds } from './test/server/feeds.mjs';
import { cspPages } from './test/server/csp-pages.mjs';

/** `fflate` → fflate with an in-thread unzip, as in every build (see src/data/workbook/fflate-in-thread.ts). */
const inThreadUnzip = {
  name: 'fflate-in-thread',
  resolveImport({ source }) {
    if (source === 'fflate') return '/src/data/workbook/fflate-in-thread.ts';
  },
};

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/hosts/**'],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  nodeResolve: { browser: true },
  concurrency: 1,
  plugins: [inThreadUnzip, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [testFeeds, cspPages],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium({ install: false }), headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
};
