/**
 * Register a custom element once. Loading crm-lens twice (two bundles on one page, hot reload) must not throw
 * "already defined": the first definition wins and a different later class is reported, not thrown.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`crm-lens: <${tag}> is already defined by another copy; keeping the first.`);
}
