/**
 * Registers a custom element unless the tag is taken already (the kit loaded twice, e.g. by two bundles on one
 * page): the first definition wins instead of `customElements.define` throwing. No-op where there is no DOM.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, ctor);
}
