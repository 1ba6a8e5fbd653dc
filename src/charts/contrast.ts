/**
 * WCAG 2.1 contrast for choosing text colour on a coloured mark at render time (the colours are whatever the
 * tokens resolve to, so host overrides and both themes are honoured).
 */

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` / `rgba(…)` → [r, g, b] in 0–255; null when unreadable. */
export function parseColor(text: string): [number, number, number] | null {
  const s = text.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1][i] + m![1][i], 16)) as [number, number, number];
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as [number, number, number];
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

/** Relative luminance (WCAG 2.1) of an sRGB colour. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of two colours (1–21); NaN when either is unreadable. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return NaN;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Index of the candidate with the highest contrast against `background` (0 when none can be read). */
export function bestContrast(background: string, candidates: readonly string[]): number {
  let best = 0;
  let bestRatio = -1;
  candidates.forEach((c, i) => {
    const ratio = contrastRatio(background, c);
    if (ratio > bestRatio) [best, bestRatio] = [i, ratio];
  });
  return best;
}
