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

/**
 * `text` shortened with "…" to fit `maxWidth` px (by estimate). One pass over the characters that fit, stopping
 * at the first that does not: a 1 MB label costs what its visible part costs.
 */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
  const ellipsis = 0.58; // em of "…" (estimateTextWidth's weight for it)
  let em = 0; // summed in ems and scaled at each test, as estimateTextWidth does: the same result to the bit
  let cut = -1; // end (in code units) of the longest prefix that fits beside "…"
  let firstEnd = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    const next = i + ch.length;
    if (i === 0) firstEnd = next;
    em += isWide(ch) ? 1 : ch === ' ' ? 0.3 : 0.58;
    if (em * fontSize > maxWidth) {
      // Does not fit whole: keep at least one character, as before.
      return text.slice(0, Math.max(cut, firstEnd)) + '…';
    }
    if ((em + ellipsis) * fontSize <= maxWidth) cut = next;
    i = next;
  }
  return text;
}
