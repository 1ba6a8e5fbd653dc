// `npm start`: installs what is missing, generates the built-in sample feed when absent, serves the demo.
import { spawnSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;
if (run(['tsx', 'scripts/generate-sample.ts', '--if-missing']) !== 0) process.exit(1);
process.exit(run(['vite', ...process.argv.slice(2)]));
