// `npm run build`: the ES module build for bundlers, the self-contained bundle, type declarations,
// the custom-elements manifest, and the demo as static files (dist/demo).
import { spawnSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const steps = [
  ['tsx', 'scripts/generate-sample.ts', '--if-missing'],
  ['vite', 'build', '--mode', 'lib', '--logLevel', 'warn'],
  ['vite', 'build', '--mode', 'bundle', '--logLevel', 'warn'],
  ['vite', 'build', '--mode', 'bundle-worker', '--logLevel', 'warn'],
  ['tsc', '-p', 'tsconfig.build.json'],
  ['cem', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--outdir', '.'],
  ['vite', 'build', '--logLevel', 'warn'],
];
for (const step of steps) {
  console.log(`> ${step.join(' ')}`);
  const status = spawnSync('npx', step, { stdio: 'inherit' }).status;
  if (status !== 0) process.exit(status ?? 1);
}
console.log('Built: dist/crm-lens.js, dist/data.js, dist/metrics.js, dist/crm-lens.bundle.js, dist/crm-lens.bundle.worker.js, dist/types, custom-elements.json, dist/demo');
