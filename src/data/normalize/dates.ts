/**
 * Day coercion: any accepted date spelling → epoch day, following the time-zone rule of `src/data/days.ts`.
 *
 * Accepted values:
 * - `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (month and day may have one digit), `YYYY年M月D日`, `YYYYMMDD`
 *   (string or number such as 20240305): the calendar day written.
 * - Date-times `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` (any of the date spellings above): without an offset the calendar
 *   day written; with `Z` or an offset (`+08:00`, `+0800`, `+08`) an instant.
 * - Epoch milliseconds (a number, or a string of 11 or more digits) and `Date` objects: instants.
 * Instants are placed on the calendar of the `timeZone` option.
 * Not accepted (reported as invalid rather than guessed): 10-digit epoch seconds, spreadsheet serial days,
 * `MM/DD/YYYY` and `DD/MM/YYYY` (ambiguous), impossible dates such as 2023-02-29.
 */
import { MS_PER_DAY } from '../days.js';
import { INVALID, MISSING } from './sentinels.js';

/** Turns an instant (epoch ms) into the epoch day of its calendar date in a time zone. */
export type InstantToDay = (ms: number) => number;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch day of a proleptic Gregorian date, computed arithmetically; NaN when the date does not exist. */
export function civilDay(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1) return INVALID;
  const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return INVALID;
  // Days from civil (H. Hinnant): years start in March so the leap day is last.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Reads `count` decimal digits at `at`; -1 when any of them is not a digit. */
function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const SLASH = 47;
const DASH = 45;

// Date part (YYYY sep M sep D, or 年月日), then an optional time and an optional offset.
const DATE_TIME =
  /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
const EIGHT_DIGITS = /^\d{8}$/;
const EPOCH_MS = /^-?\d{11,}$/;

/** The UTC calendar, without Intl. */
const utcInstantToDay: InstantToDay = (ms) => Math.floor(ms / MS_PER_DAY);

/**
 * An `InstantToDay` for an IANA time zone. Offsets come from Intl and are cached per UTC day: a day whose
 * start and end have the same offset (all but the transition days) costs one Map lookup per value.
 * Throws RangeError for an unknown zone.
 */
export function instantToDayIn(timeZone = 'UTC'): InstantToDay {
  if (/^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(timeZone)) return utcInstantToDay;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": the timeZone option must be an IANA name such as "Asia/Shanghai"`);
  }
  const offsetAt = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return local - (ms - (((ms % 1000) + 1000) % 1000));
  };
  // UTC day → offset valid for the whole day, or NaN when the offset changes during that day.
  const byUtcDay = new Map<number, number>();
  return (ms) => {
    const utcDay = Math.floor(ms / MS_PER_DAY);
    let offset = byUtcDay.get(utcDay);
    if (offset === undefined) {
      const start = utcDay * MS_PER_DAY;
      const a = offsetAt(start);
      offset = a === offsetAt(start + MS_PER_DAY - 1000) ? a : NaN;
      byUtcDay.set(utcDay, offset);
    }
    if (offset !== offset) offset = offsetAt(ms);
    return Math.floor((ms + offset) / MS_PER_DAY);
  };
}

/** Epoch day of an instant given in epoch ms; INVALID for non-finite input. */
function instantDay(ms: number, toDay: InstantToDay): number {
  return Number.isFinite(ms) ? toDay(ms) : INVALID;
}

/** Epoch day of a string date (see the module comment); MISSING for blank, INVALID when unusable. */
export function parseDayString(s: string, toDay: InstantToDay): number {
  // Fast path: exactly YYYY-MM-DD or YYYY/MM/DD.
  if (s.length === 10) {
    const sep = s.charCodeAt(4);
    if ((sep === DASH || sep === SLASH) && s.charCodeAt(7) === sep) {
      const y = digits(s, 0, 4);
      const m = digits(s, 5, 2);
      const d = digits(s, 8, 2);
      if (y >= 0 && m >= 0 && d >= 0) return civilDay(y, m, d);
    }
  }
  const t = s.trim();
  if (t === '') return MISSING;
  const m = DATE_TIME.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[3] ?? m[5]);
    const d = Number(m[4] ?? m[6]);
    const day = civilDay(y, mo, d);
    if (day !== day || m[7] === undefined) return day;
    const h = Number(m[7]);
    const mi = Number(m[8]);
    const sec = m[9] === undefined ? 0 : Number(m[9]);
    if (h > 23 || mi > 59 || sec > 59) return INVALID;
    if (m[11] === undefined && m[12] === undefined) return day; // no offset: the calendar day written
    let offsetMin = 0;
    if (m[12] !== undefined) {
      const oh = Number(m[13]);
      const om = m[14] === undefined ? 0 : Number(m[14]);
      if (oh > 18 || om > 59) return INVALID;
      offsetMin = (m[12] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    const frac = m[10] === undefined ? 0 : Math.floor(Number(`0.${m[10]}`) * 1000);
    const ms = day * MS_PER_DAY + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + frac;
    return instantDay(ms, toDay);
  }
  if (EIGHT_DIGITS.test(t)) return civilDay(digits(t, 0, 4), digits(t, 4, 2), digits(t, 6, 2));
  if (EPOCH_MS.test(t)) return instantDay(Number(t), toDay);
  return INVALID;
}

/** Epoch day of a numeric date: YYYYMMDD (8 digits) or epoch milliseconds (11+ digits). */
export function parseDayNumber(v: number, toDay: InstantToDay): number {
  if (!Number.isFinite(v)) return INVALID;
  if (v >= 10_000_101 && v <= 99_991_231 && Number.isInteger(v)) {
    return civilDay(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
  }
  if (Math.abs(v) >= 1e10) return toDay(Math.floor(v));
  return INVALID;
}

/** Epoch day of any feed value; MISSING for null/undefined/blank, INVALID when unusable. */
export function parseDay(v: unknown, toDay: InstantToDay): number {
  if (typeof v === 'string') return parseDayString(v, toDay);
  if (typeof v === 'number') return parseDayNumber(v, toDay);
  if (v === null || v === undefined) return MISSING;
  if (v instanceof Date) return instantDay(v.getTime(), toDay);
  return INVALID;
}
