const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * One `<svg>` of a chart area made of several SVGs laid out by CSS (the export of a multi-part widget): each
 * part is cloned as a nested `<svg>` at its on-screen offset inside `container`, each title element becomes a
 * `<text class="section-title">` at its place. The result is appended to `container` (off-screen) so the page
 * styles resolve for `serializeSvg`; remove it afterwards.
 */
export function composeSvg(container: Element, parts: readonly SVGSVGElement[], titles: readonly Element[]): SVGSVGElement {
  const box = container.getBoundingClientRect();
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('class', 'composed');
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // Off-screen but laid out (getComputedStyle and the size must be real); `position` is not exported.
  out.style.cssText = `position:absolute;left:-100000px;top:0;max-width:none;width:${width}px;height:${height}px`;
  for (const title of titles) {
    const r = title.getBoundingClientRect();
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('class', 'section-title');
    text.setAttribute('x', String(Math.round(r.left - box.left)));
    text.setAttribute('y', String(Math.round(r.top - box.top + r.height / 2)));
    text.setAttribute('dominant-baseline', 'central');
    text.textContent = title.textContent?.trim() ?? '';
    out.append(text);
  }
  for (const part of parts) {
    const r = part.getBoundingClientRect();
    const copy = part.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(Math.round(r.left - box.left)));
    copy.setAttribute('y', String(Math.round(r.top - box.top)));
    out.append(copy);
  }
  container.append(out);
  return out;
}
