// Money is formatted by Intl in the bound currency: no widget, chart or metric may write a currency sign itself.
// (The feed parser may read signs off amounts such as "¥1,234"; comments may name them.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ALLOWED = new Set(['src/data/normalize/coerce.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('no hard-coded currency sign outside the amount parser', () => {
  const offenders: string[] = [];
  for (const file of [...files('src'), ...files('demo/src')]) {
    if (ALLOWED.has(file)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        // `${` opens a template slot and '$1' is a replacement-pattern group (src/server's SQL type names), not money.
        if (/[¥￥£€$]\s*\d|[¥￥£€]|CN¥|R\$/.test(code.replace(/\$\{/g, '').replace(/'\$\d'/g, ''))) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(offenders, []);
});
