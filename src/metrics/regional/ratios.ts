/** Small ratio helpers shared by the group metrics: an undefined ratio is `null`, never NaN or ±Infinity. */

/** `num / den`, or null when `den` is 0 (or either side is not a finite number). */
export function ratio(num: number, den: number): number | null {
  if (den === 0 || !Number.isFinite(num) || !Number.isFinite(den)) return null;
  return num / den;
}

/**
 * Relative change `current / previous − 1`. Null when a side has no data (`previous` or `current` missing
 * or 0 in the previous period) — a group that did not exist before has no growth rate, not +100 %.
 */
export function growth(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ratio(current - previous, Math.abs(previous));
}
