import { dayToIso, dayToMonthIndex, monthIndexToDay, monthIndexToIso } from '../../data/days.js';

/** Bucket size of a trend. Weeks start on Monday (ISO 8601). */
export type TrendInterval = 'month' | 'week';

/** One bucket of a trend. */
export interface TrendPeriod {
  /** `YYYY-MM` for months; the Monday `YYYY-MM-DD` for weeks. */
  iso: string;
  /** `YYYY-MM` for months; ISO week `YYYY-Www` for weeks. */
  label: string;
  /** First epoch day of the period. */
  start: number;
  /** Last epoch day of the period (inclusive). */
  end: number;
}

// Epoch day 0 (1970-01-01) was a Thursday, so Monday-based week n starts on day 7n − 3.
const weekIndex = (day: number) => Math.floor((day + 3) / 7);
const weekStart = (week: number) => week * 7 - 3;

/** Compact integer key of the period holding `day` (month index or Monday-week index). */
export function periodIndex(day: number, interval: TrendInterval): number {
  return interval === 'week' ? weekIndex(day) : dayToMonthIndex(day);
}

/** ISO 8601 week label (`2024-W01`) of a Monday. The week belongs to the year of its Thursday. */
function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const year = Number(dayToIso(thursday).slice(0, 4));
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / 86_400_000);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period with the given key. */
export function periodOf(index: number, interval: TrendInterval): TrendPeriod {
  if (interval === 'week') {
    const start = weekStart(index);
    return { iso: dayToIso(start), label: isoWeekLabel(start), start, end: start + 6 };
  }
  const iso = monthIndexToIso(index);
  return { iso, label: iso, start: monthIndexToDay(index), end: monthIndexToDay(index + 1) - 1 };
}

/** Every period from the one holding `firstDay` to the one holding `lastDay`, none skipped. */
export function periodsBetween(firstDay: number, lastDay: number, interval: TrendInterval): TrendPeriod[] {
  if (!(firstDay <= lastDay)) return [];
  const from = periodIndex(firstDay, interval);
  const to = periodIndex(lastDay, interval);
  const out: TrendPeriod[] = [];
  for (let k = from; k <= to; k++) out.push(periodOf(k, interval));
  return out;
}
