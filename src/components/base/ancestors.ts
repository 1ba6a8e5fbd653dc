import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The parent of a node in the flattened sense: across shadow roots to their host. */
export function parentAcrossShadow(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The closest element, starting at `from` itself, that carries one of `names`, walking up across shadow
 * roots. Returns the element and the attribute found (the first of `names` it has).
 */
export function closestAttribute(
  from: Element,
  names: readonly string[],
): { element: Element; name: string; value: string } | undefined {
  for (let el: Element | null = from; el; el = parentAcrossShadow(el)) {
    for (const name of names) {
      const value = el.getAttribute(name);
      if (value !== null) return { element: el, name, value };
    }
  }
  return undefined;
}

/**
 * Re-renders the host when an attribute it inherits from an ancestor (e.g. `lang`, `theme`) changes.
 * Cheap by design: one MutationObserver per host watching only the nearest ancestor that carries one of the
 * attributes, plus `<html>` (where hosts usually set them). The host's own attributes are its reactive
 * properties, so they are not watched here. `onChange` runs before the update is requested.
 */
export class AncestorAttributeController implements ReactiveController {
  private observer?: MutationObserver;
  private watched: Element[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly names: readonly string[],
    private readonly onChange: () => void = () => {},
    /** Also watch the host's own attribute (for global attributes such as `lang` that are not properties). */
    private readonly includeSelf = false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.watched = [];
  }

  /** Re-target the observer (call when the host may have moved). */
  observe(): void {
    const parent = parentAcrossShadow(this.host);
    const nearest = parent ? closestAttribute(parent, this.names)?.element : undefined;
    const targets = [this.includeSelf ? this.host : undefined, nearest, document.documentElement].filter(
      (el, i, all): el is Element => !!el && all.indexOf(el) === i,
    );
    if (this.observer && targets.length === this.watched.length && targets.every((t, i) => t === this.watched[i]))
      return;
    this.observer?.disconnect();
    this.observer = new MutationObserver(() => {
      this.observe();
      this.onChange();
      this.host.requestUpdate();
    });
    for (const target of targets) this.observer.observe(target, { attributes: true, attributeFilter: [...this.names] });
    this.watched = targets;
  }
}
