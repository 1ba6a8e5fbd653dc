import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property name (kebab-case, custom properties allowed) → value; `undefined` / `null` / `''` removes it. */
export type CssProperties = Readonly<Record<string, string | number | undefined | null>>;

/**
 * Dynamic inline styles that pages with `style-src 'self'` allow: an element directive that sets each property
 * through the CSSOM (`element.style.setProperty`), on the first render too. Lit's `styleMap` writes a `style`
 * attribute on first render, which such a Content-Security-Policy blocks (a `style-src-attr` violation), and a
 * `style="${…}"` binding always does. Use it on HTML; SVG marks take presentation attributes or classes.
 *
 * ```ts
 * html`<span class="meter" ${cssProperties({ width: `${share * 100}%`, '--bar-color': color })}></span>`
 * ```
 */
class CssPropertiesDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProperties() goes in an element position: <span ${cssProperties({…})}>');
  }

  render(_properties: CssProperties): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [CssProperties]): typeof nothing {
    const style = (part.element as HTMLElement | SVGElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined || value === null || value === '') continue;
      next.add(name);
      style.setProperty(name, String(value));
    }
    for (const name of this.previous) if (!next.has(name)) style.removeProperty(name);
    this.previous = next;
    return nothing;
  }
}

/** Sets CSS properties through the CSSOM (CSP-safe; see `CssPropertiesDirective`). */
export const cssProperties = directive(CssPropertiesDirective);
