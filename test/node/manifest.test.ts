// The JSDoc on each element class is its API contract: the custom-elements manifest generated from it must
// list every tag with its attributes, events, CSS parts and custom properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DARK_TOKENS, LIGHT_TOKENS, SHARED_TOKENS } from '../../src/styles/tokens.js';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string; description?: string }[];
}

test('custom-elements manifest documents every tag', () => {
  execFileSync('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--outdir', '.cache/cem'], {
    stdio: 'ignore',
  });
  const manifest = JSON.parse(readFileSync('.cache/cem/custom-elements.json', 'utf8')) as {
    modules: { declarations?: Declaration[] }[];
  };
  const byTag = new Map<string, Declaration>();
  for (const m of manifest.modules) for (const d of m.declarations ?? []) if (d.tagName) byTag.set(d.tagName, d);

  const names = (list?: { name: string }[]) => new Set((list ?? []).map((x) => x.name));
  assert.ok(names(byTag.get('crm-data')?.events).has('crm-data-load'));
  const widgets: Record<string, string> = {
    'crm-customer-360': 'crm-customer-select',
    'crm-rfm-matrix': 'crm-segment-select',
    'crm-lifecycle-funnel': 'crm-stage-select',
    'crm-regional-comparison': 'crm-region-select',
    'crm-channel-mix': 'crm-channel-select',
  };
  for (const [tag, event] of Object.entries(widgets)) {
    const d = byTag.get(tag);
    assert.ok(d, `${tag} is in the manifest`);
    assert.ok(names(d.events).has(event), `${tag} documents ${event}`);
    for (const attr of ['src', 'as-of', 'currency', 'locale', 'theme']) {
      assert.ok(names(d.attributes).has(attr), `${tag} documents the ${attr} attribute`);
    }
    for (const part of ['base', 'header', 'body']) assert.ok(names(d.cssParts).has(part), `${tag} documents part ${part}`);
    assert.ok((d.cssProperties ?? []).length > 0, `${tag} documents its CSS custom properties`);
    // Every design token, with its default in both themes (issue: theme from anywhere).
    const props = new Map((d.cssProperties ?? []).map((p) => [p.name, p.description ?? '']));
    for (const [name, value] of Object.entries(SHARED_TOKENS))
      assert.ok(props.get(`--${name}`)?.includes(value), `${tag} documents --${name} with its default ${value}`);
    for (const [name, light] of Object.entries(LIGHT_TOKENS)) {
      const text = props.get(`--${name}`) ?? '';
      assert.ok(text.includes(light) && text.includes(DARK_TOKENS[name]), `${tag} documents --${name}: light ${light}, dark ${DARK_TOKENS[name]}`);
    }
  }
});
