import { ContextRoot } from '@lit/context';

const KEY = Symbol.for('crm-lens/context-root');

/**
 * Attach one `ContextRoot` to the document (once per page, even with two copies of crm-lens): a widget that
 * upgrades before its `<crm-data>` asks for the data context before anyone can answer; the root keeps that
 * request and replays it when the provider appears.
 */
export function ensureContextRoot(): void {
  const g = globalThis as { [KEY]?: boolean };
  if (g[KEY] || typeof document === 'undefined') return;
  g[KEY] = true;
  new ContextRoot().attach(document.documentElement);
}
