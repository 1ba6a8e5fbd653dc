// Installs the npm dependencies when node_modules is missing or older than the lockfile, so that
// `npm start` and `npm test` work on a fresh clone with no other step.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function ensureDeps() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
  if (stale) {
    console.log('Installing npm dependencies (npm install)…');
    execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps();
