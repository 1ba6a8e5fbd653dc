/**
 * Text width estimates for layout without touching the DOM (charts lay out from data alone): CJK and other
 * wide characters count 1 em, Latin letters and digits about 0.58 em. Good to a few px for system UI fonts,
 * which is what label truncation needs.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += isWide(ch) ? 1 : ch === ' ' ? 0.3 : 0.58;
  return em * fontSize;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  // CJK symbols, kana, CJK ideographs, Hangul, full-width forms, emoji planes.
  return (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || c >= 0x1f000;
}

/** `text` shortened with "…" to fit `maxWidth` px (by estimate). */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && estimateTextWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('') + '…';
}
