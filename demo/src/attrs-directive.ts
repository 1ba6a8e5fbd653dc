/**
 * `attrs({...})`: sets a map of attributes on an element in a Lit template and removes the ones that became
 * empty. The dashboard renders each widget from the same attribute map its embed snippet prints, so the
 * snippet always reproduces the screen.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class AttrsDirective extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('attrs() is an element directive');
  }

  render(_attributes: Record<string, string | undefined>) {
    return nothing;
  }

  override update(part: ElementPart, [attributes]: [Record<string, string | undefined>]) {
    const element = part.element;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === '') continue;
      next.add(name);
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
    for (const name of this.previous) if (!next.has(name)) element.removeAttribute(name);
    this.previous = next;
    return nothing;
  }
}

export const attrs = directive(AttrsDirective);
