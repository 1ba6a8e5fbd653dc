/**
 * Stand-ins that exports write where an id is missing: `NULL`, `None`, `N/A`, `undefined`, `-`… Taken as ids,
 * they would make one "customer" of every row without one (or one "order" of all such lines).
 */
const PLACEHOLDERS = new Set([
  'null', '(null)', '<null>', 'none', 'nil', 'nan', 'n/a', 'na', '#n/a', 'n.a.', 'undefined', 'unknown', '-', '--', '—', '?',
  'true', 'false', '无', '空', '未知',
]);

/** First characters of the placeholders: most real ids are told apart by one character code. */
const FIRST = new Set([...PLACEHOLDERS].map((p) => p.charCodeAt(0)));

/** True for a placeholder id (compared without case; at most 9 characters). */
export function isPlaceholderId(s: string): boolean {
  if (s.length > 9) return false;
  const c = s.charCodeAt(0);
  if (!FIRST.has(c >= 65 && c <= 90 ? c + 32 : c)) return false;
  return PLACEHOLDERS.has(s.toLowerCase());
}
