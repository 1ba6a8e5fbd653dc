// `npm test`: installs what is missing, finds Chromium, then runs every test in headless Chromium.
import { spawnSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';
import { findChromium } from './chromium.mjs';
import { ensureClickHouse } from './clickhouse.mjs';

ensureDeps();
ensureClickHouse(); // the server-engine parity tests start a private instance (scripts/clickhouse.mjs)
process.env.CHROME_PATH = findChromium();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

// The packaged builds are tested too (the bundle loaded twice, the Node entries, the npm package): build
// everything the package holds first (not the demo: its end-to-end tests serve it from source).
let status = run('node', ['scripts/build.mjs', '--no-demo']);
if (status === 0) status = run('node', ['--import', 'tsx', 'scripts/node-tests.ts']);
if (status === 0) status = run('npx', ['web-test-runner', ...process.argv.slice(2)]);
// The demo page end to end (Vite dev server + headless Chromium); skipped when wtr was given a file selection.
if (status === 0 && process.argv.length <= 2) status = run('node', ['scripts/e2e.mjs']);
// React, Vue and Angular apps built with Vite from the packed package (test/hosts; installs cached).
if (status === 0 && process.argv.length <= 2) status = run('node', ['test/hosts/run.mjs', '--no-build']);
process.exit(status);
