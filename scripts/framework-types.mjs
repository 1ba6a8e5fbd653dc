// Generates the framework typings of the tags from custom-elements.json (so they never drift from the JSDoc):
//   dist/types/react.d.ts  React 19 `JSX.IntrinsicElements`: properties (camelCase), attributes whose name
//                          differs (kebab-case, text), and `oncrm-*` event handlers with their detail types
//   dist/types/vue.d.ts    Vue 3 `GlobalComponents`: properties and `onCrm…` event handlers
// Hosts use them with `import type {} from 'crm-lens/react'` (or `crm-lens/vue`); docs/frameworks.md.
// Usage: node scripts/framework-types.mjs [manifest] [outDir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const manifestPath = resolve(root, process.argv[2] ?? 'custom-elements.json');
const outDir = resolve(root, process.argv[3] ?? 'dist/types');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** Every tag: class name, public settable fields, attributes named differently from their field, events. */
const tags = [];
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName || !d.customElement) continue;
    const fields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly && !m.name.startsWith('_'));
    const renamed = (d.attributes ?? []).filter((a) => a.fieldName && a.name !== a.fieldName);
    tags.push({ tag: d.tagName, className: d.name, fields: fields.map((f) => f.name), attributes: renamed.map((a) => a.name), events: (d.events ?? []).map((e) => e.name).filter(Boolean) });
  }
}
tags.sort((a, b) => a.tag.localeCompare(b.tag));
if (!tags.length) throw new Error(`${manifestPath}: no custom elements`);

const union = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');
const header = `// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.\n`;
const imports = `import type { ${tags.map((t) => t.className).join(', ')} } from './index.js';\n`;
const eventType = (name) => `EventOf<'${name}'>`;
/** The event type of a name: its HTMLElementEventMap entry (with the detail type) where there is one. */
const eventOf = `\n/** The event of \`name\` as HTMLElementEventMap types it (detail included). */\nexport type EventOf<K extends string> = K extends keyof HTMLElementEventMap ? HTMLElementEventMap[K] : CustomEvent;\n`;
const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

const react = [
  header,
  `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n`,
  imports,
  eventOf,
  ...tags.map(
    (t) => `
/** Props of <${t.tag}> in React 19 JSX: properties, attributes and \`oncrm-*\` listeners (React 19 attaches \`on<event>\` as a listener). */
export type ${t.className}JsxProps = Partial<Pick<${t.className}, ${union(t.fields)}>> & {
${t.attributes.map((a) => `  '${a}'?: string;`).join('\n')}
${t.events.map((e) => `  'on${e}'?: (event: ${eventType(e)}) => void;`).join('\n')}
  children?: import('react').ReactNode;
};`,
  ),
  `
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${tags.map((t) => `      '${t.tag}': DetailedHTMLProps<HTMLAttributes<${t.className}>, ${t.className}> & ${t.className}JsxProps;`).join('\n')}
    }
  }
}
`,
].join('');

const vue = [
  header,
  `import type { DefineComponent } from 'vue';\n`,
  imports,
  eventOf,
  ...tags.map(
    (t) => `
/** Props of <${t.tag}> in Vue 3 templates (\`:prop\` binds a property, \`@crm-…\` a listener). */
export type ${t.className}VueProps = Partial<Pick<${t.className}, ${union(t.fields)}>> & {
${t.events.map((e) => `  'on${camel(e).replace(/^./, (c) => c.toUpperCase())}'?: (event: ${eventType(e)}) => void;`).join('\n')}
};`,
  ),
  `
declare module 'vue' {
  interface GlobalComponents {
${tags.map((t) => `    '${t.tag}': DefineComponent<${t.className}VueProps>;`).join('\n')}
  }
}
`,
].join('');

mkdirSync(outDir, { recursive: true });
writeFileSync(resolve(outDir, 'react.d.ts'), react);
writeFileSync(resolve(outDir, 'vue.d.ts'), vue);
console.log(`framework types for ${tags.length} tags: ${outDir}/react.d.ts, vue.d.ts`);
