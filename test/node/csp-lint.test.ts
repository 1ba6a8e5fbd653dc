// The strict-CSP rule as a lint: pages with `style-src 'self'` (no 'unsafe-inline') block every inline style
// attribute and inline <style> element, and `script-src 'self'` blocks eval. These patterns in src/ are how
// one would sneak back in; test/csp/ proves the built kit has zero violations, this catches the source early.
// Allowed: `element.style.setProperty(…)` / the `cssProperties` directive (CSSOM), presentation attributes
// on SVG, classes, adopted stylesheets (Lit `static styles`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RULES: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\w-])style\s*=\s*["'`$]/, 'a style attribute in a template (use a class, an SVG presentation attribute or cssProperties())'],
  [/\bstyleMap\b/, "Lit's styleMap (it writes a style attribute on first render; use cssProperties())"],
  [/setAttribute\(\s*['"`]style['"`]/, "setAttribute('style', …) (use element.style.setProperty)"],
  [/createElement\(\s*['"`]style['"`]/, 'an inline <style> element (use adopted stylesheets: Lit static styles or CSSStyleSheet)'],
  [/\.innerHTML\s*=/, 'innerHTML (markup could carry style attributes or scripts; build with Lit templates)'],
  [/\bnew Function\s*\(|\beval\s*\(/, 'eval / new Function (blocked by script-src without unsafe-eval)'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** The code of a file without comments (a rule may be explained in prose). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

test('src/ has no inline style attributes, inline <style>, innerHTML or eval', () => {
  const problems: string[] = [];
  for (const file of sourceFiles('src')) {
    code(readFileSync(file, 'utf8'))
      .split('\n')
      .forEach((line, i) => {
        for (const [pattern, what] of RULES) if (pattern.test(line)) problems.push(`${file}:${i + 1}: ${what}\n    ${line.trim()}`);
      });
  }
  assert.deepEqual(problems, [], `strict-CSP rule broken:\n${problems.join('\n')}`);
});

test('the lint catches what it is meant to catch', () => {
  const bad = [
    'svg`<rect style="fill: ${c}"></rect>`',
    'html`<span style=${styleMap({ width })}></span>`',
    "el.setAttribute('style', 'color: red')",
    "document.createElement('style')",
    'host.innerHTML = text',
    "new Function('return 1')",
  ];
  for (const line of bad) assert.ok(RULES.some(([p]) => p.test(code(line))), line);
  const good = ["el.style.setProperty('width', w)", 'svg`<rect fill=${c}></rect>`', 'font-style="normal"', '// style="x" in a comment'];
  for (const line of good) assert.ok(!RULES.some(([p]) => p.test(code(line))), line);
});
