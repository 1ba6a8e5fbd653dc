// `npm run build`: the ES module build for bundlers, the self-contained bundle and its worker, type
// declarations, the custom-elements manifest with the React / Vue typings generated from it, and the demo as
// static files (dist/demo). `--no-demo`: everything the npm package holds, without the demo.
import { spawnSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const steps = [
  ['tsx', 'scripts/generate-sample.ts', '--if-missing'],
  ['vite', 'build', '--mode', 'lib', '--logLevel', 'warn'],
  ['vite', 'build', '--mode', 'bundle', '--logLevel', 'warn'],
  ['vite', 'build', '--mode', 'bundle-worker', '--logLevel', 'warn'],
  ['vite', 'build', '--mode', 'server', '--logLevel', 'warn'],
  ['tsc', '-p', 'tsconfig.build.json'],
  ['cem', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--outdir', '.'],
  ['node', 'scripts/framework-types.mjs'],
  // The manifest ships in the package: one line instead of the analyzer's indented JSON (half the size).
  ['node', '-e', "const fs = require('fs'); fs.writeFileSync('custom-elements.json', JSON.stringify(JSON.parse(fs.readFileSync('custom-elements.json', 'utf8'))));"],
  ...(process.argv.includes('--no-demo') ? [] : [['vite', 'build', '--logLevel', 'warn']]),
];
for (const step of steps) {
  console.log(`> ${step.join(' ')}`);
  const status = (step[0] === 'node' ? spawnSync('node', step.slice(1), { stdio: 'inherit' }) : spawnSync('npx', step, { stdio: 'inherit' })).status;
  if (status !== 0) process.exit(status ?? 1);
}
console.log('Built: dist/crm-lens.js, dist/data.js, dist/metrics.js, dist/crm-lens.bundle.js, dist/crm-lens.bundle.worker.js, dist/server.js, dist/cli.js, dist/types, custom-elements.json, dist/types/{react,vue}.d.ts' + (process.argv.includes('--no-demo') ? '' : ', dist/demo'));
