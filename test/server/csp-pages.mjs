// Koa-style middleware for the test runner: host pages served with the strict Content-Security-Policy of a bank
// or ERP portal (test/csp/strict-csp.test.ts loads them in an iframe and fails on any violation).
//
//   GET /csp/page.html?build=bundle|es   an empty page under STRICT_CSP that loads one build of the kit:
//                                        dist/crm-lens.bundle.js (+ its worker), or the ES build dist/crm-lens.js
//   GET /csp/feed/<customers>.json       a seeded sample feed (10 orders a customer), generated once into
//                                        .cache/csp-feeds/ (1000 customers ≈ 3 MB: parsed in the feed worker)
//   GET /csp/feed/<customers>.xlsx       its orders as an Excel workbook (test/server/csp-workbook.ts)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'";

const root = resolve(import.meta.dirname, '../..');
const BUILDS = { bundle: '/dist/crm-lens.bundle.js', es: '/dist/crm-lens.js' };

// Only external scripts: the first records violations before the kit loads (test/csp/record-violations.js).
const page = (src) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>crm-lens under a strict CSP</title>
<script src="/test/csp/record-violations.js"></script>
<script type="module" src="${src}"></script>
</head>
<body></body>
</html>
`;

function sampleFeed(customers) {
  const dir = resolve(root, '.cache/csp-feeds');
  const file = resolve(dir, `sample-${customers}-v2.json`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const args = ['tsx', 'scripts/generate-sample.ts', '--customers', String(customers), '--orders', String(customers * 10), '--seed', '11', '--lifecycle-stage', '--out', file];
    execFileSync('npx', args, { cwd: root, stdio: 'ignore' });
  }
  return readFileSync(file);
}

function sampleWorkbook(customers) {
  const file = resolve(root, `.cache/csp-feeds/sample-${customers}-v2.xlsx`);
  if (!existsSync(file)) {
    sampleFeed(customers);
    const json = resolve(root, `.cache/csp-feeds/sample-${customers}-v2.json`);
    execFileSync('npx', ['tsx', 'test/server/csp-workbook.ts', json, file], { cwd: root, stdio: 'ignore' });
  }
  return readFileSync(file);
}

export async function cspPages(ctx, next) {
  if (ctx.path === '/csp/page.html') {
    const src = BUILDS[ctx.query.build];
    if (!src) return void ((ctx.status = 400), (ctx.body = 'build=bundle|es'));
    ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html';
    ctx.body = page(src);
    return;
  }
  const feed = /^\/csp\/feed\/(\d+)\.(json|xlsx)$/.exec(ctx.path);
  if (feed) {
    const customers = Math.min(5000, Math.max(1, Number(feed[1])));
    ctx.set('Cache-Control', 'no-store');
    ctx.type = feed[2] === 'json' ? 'application/json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = feed[2] === 'json' ? sampleFeed(customers) : sampleWorkbook(customers);
    return;
  }
  return next();
}
