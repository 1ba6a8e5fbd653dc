/**
 * Calendar days as integers ("epoch days": days since 1970-01-01).
 *
 * Time zone rule (the one rule used everywhere in crm-lens): a value is reduced to a calendar day.
 * Date-only values (`2024-03-05`, `2024/03/05`, `20240305`) and date-times written without an offset
 * (`2024-03-05T23:30:00`) are the calendar day written. Instants (date-times with `Z` or an offset, and epoch
 * milliseconds) are placed on the calendar of the load option `timeZone`, default `UTC`.
 * Day numbers are turned back into dates as UTC midnight, so formatting must use `timeZone: 'UTC'`.
 */

export const MS_PER_DAY = 86_400_000;

/** Epoch day of a calendar date (month 1–12). */
export function dayFromParts(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The UTC-midnight Date of an epoch day (format it with `timeZone: 'UTC'`). */
export function dayToDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** `YYYY-MM-DD` of an epoch day. */
export function dayToIso(day: number): string {
  return dayToDate(day).toISOString().slice(0, 10);
}

/** Epoch day of a `YYYY-MM-DD` string; NaN when it is not a valid calendar date. */
export function isoToDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayFromParts(y, mo, d);
  return dayToIso(day) === iso ? day : NaN;
}

/** Month index (year * 12 + month0) of an epoch day: a compact key for monthly series. */
export function dayToMonthIndex(day: number): number {
  const d = dayToDate(day);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** `YYYY-MM` of a month index. */
export function monthIndexToIso(month: number): string {
  const y = Math.floor(month / 12);
  return `${y}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Epoch day of the first day of a month index. */
export function monthIndexToDay(month: number): number {
  return dayFromParts(Math.floor(month / 12), (month % 12) + 1, 1);
}
