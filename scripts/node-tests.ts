// Runs the Node-side tests (test/node/*.test.ts): proof that the pure entries work without a DOM.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = 'test/node';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`) : [];
if (files.length === 0) process.exit(0);
const r = spawnSync('node', ['--import', 'tsx', '--test', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
