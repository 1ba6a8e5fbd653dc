import type { LifetimeSummary } from './lifetime-summary.js';

/**
 * The base's typical repeat gap, in days: the median over repeat buyers of each one's mean gap between
 * purchase days, recency / frequency (t_x / x). Per buyer, not pooled over gaps, so a few very frequent
 * buyers do not pull it down. NaN without repeat buyers. Memoized per summary.
 */
export function typicalRepeatGapDays(summary: LifetimeSummary): number {
  let gap = memo.get(summary);
  if (gap === undefined) memo.set(summary, (gap = compute(summary)));
  return gap;
}

const memo = new WeakMap<LifetimeSummary, number>();

function compute({ frequency, recency, unit }: LifetimeSummary): number {
  const perUnit = unit === 'week' ? 7 : 1;
  let n = 0;
  for (let i = 0; i < frequency.length; i++) if (frequency[i] > 0) n++;
  if (n === 0) return NaN;
  const gaps = new Float64Array(n);
  for (let i = 0, k = 0; i < frequency.length; i++) if (frequency[i] > 0) gaps[k++] = (recency[i] * perUnit) / frequency[i];
  gaps.sort();
  return n % 2 === 1 ? gaps[(n - 1) / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
}

/** Silence longer than this many typical repeat gaps is "far past" it: the churn level is never `low`. */
export const OVERDUE_GAPS = 2;
