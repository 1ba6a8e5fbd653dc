/**
 * Day coercion: any accepted date spelling → epoch day, following the time-zone rule of `src/data/days.ts`.
 *
 * Accepted values:
 * - `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (month and day may have one digit), `YYYY年M月D日`, `YYYYMMDD`
 *   (string or number such as 20240305): the calendar day written.
 * - Date-times `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` (any of the date spellings above): without an offset the calendar
 *   day written; with `Z` or an offset (`+08:00`, `+0800`, `+08`) an instant.
 * - Month-first or day-first dates `M/D/Y`, `D/M/Y` (separators `/` `.` `-`, 2- or 4-digit years, an optional
 *   time `H:MM[:SS] [AM|PM]`): the calendar day written. Which order a column uses is decided for the whole
 *   column (`detectDateOrder`: a first part above 12 means day-first, a second part above 12 month-first), or
 *   set by the `dateFormat` option; a column that never tells is read month-first (the documented default)
 *   and the load report says so. Two-digit years fall in the 100 years ending 20 years after the load time.
 * - Excel serial day numbers (1900 date system, 10000 … 2958465, a fraction is the time of day): the calendar
 *   day; as numbers or numeric strings.
 * - Epoch milliseconds (a number, or a string of 11 or more digits) and `Date` objects: instants.
 * Instants are placed on the calendar of the `timeZone` option.
 * Not accepted (reported as invalid rather than guessed): 10-digit epoch seconds, serials below 10000 (a year
 * such as 2024 is not a date), impossible dates such as 2023-02-29.
 */
import { MS_PER_DAY } from '../days.js';
import { INVALID, MISSING } from './sentinels.js';

/** Turns an instant (epoch ms) into the epoch day of its calendar date in a time zone. */
export type InstantToDay = (ms: number) => number;

/** The order of day-first / month-first dates (`ymd`: only year-first dates are accepted). */
export type DateOrder = 'mdy' | 'dmy' | 'ymd';
/** The `dateFormat` option: `auto` decides per column (see `detectDateOrder`). */
export type DateFormatOption = 'auto' | DateOrder;
export const DATE_FORMAT_OPTIONS: readonly DateFormatOption[] = ['auto', 'mdy', 'dmy', 'ymd'];
/** The order an ambiguous column is read in. */
export const DEFAULT_DATE_ORDER: DateOrder = 'mdy';

/** How one column's day values are read. */
export interface DayReading {
  toDay: InstantToDay;
  /** Order of `a/b/y` dates. */
  order: DateOrder;
  /** First year of the 100-year window two-digit years fall in. */
  centuryStart: number;
}

/** The 100-year window of two-digit years: from 79 years before the load year to 20 after it. */
export function centuryStartFor(nowMs: number): number {
  return new Date(nowMs).getUTCFullYear() - 79;
}

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
const SERIAL = /^\d{5,7}(?:\.\d+)?$/;
// a/b/y with an optional time (no offset: such dates are written on a local calendar).
const DMY =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

/** Excel serials from this one up (1927-05-18): smaller numbers are more likely years or counts than dates. */
export const MIN_SERIAL = 10_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31
/** Serial 25569 is 1970-01-01 (serials above 60 count the 1900 leap day Excel believes in). */
const SERIAL_EPOCH = 25_569;

/** Epoch day of an Excel serial (1900 system); INVALID outside MIN_SERIAL … 9999-12-31. */
export function serialDay(v: number): number {
  return v >= MIN_SERIAL && v < MAX_SERIAL + 1 ? Math.floor(v) - SERIAL_EPOCH : INVALID;
}

/** A two-digit year placed in the 100-year window starting at `centuryStart`. */
function fullYear(yy: number, centuryStart: number): number {
  const century = centuryStart - (centuryStart % 100);
  const y = century + yy;
  return y < centuryStart ? y + 100 : y;
}

/** Epoch day of an `a/b/y` match in the given order; INVALID when impossible or the order forbids it. */
function dmyDay(m: RegExpExecArray, reading: DayReading): number {
  if (reading.order === 'ymd') return INVALID;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = m[4]!.length === 2 ? fullYear(Number(m[4]), reading.centuryStart) : Number(m[4]);
  const day = reading.order === 'dmy' ? civilDay(y, b, a) : civilDay(y, a, b);
  if (day !== day || m[5] === undefined) return day;
  const h = Number(m[5]);
  const limit = m[8] === undefined ? 23 : 12;
  if (h > limit || (m[8] !== undefined && h === 0) || Number(m[6]) > 59 || (m[7] !== undefined && Number(m[7]) > 59)) return INVALID;
  return day;
}

/** What a column of dates tells about its day/month order. */
export interface DateOrderEvidence {
  /** `dmy` / `mdy` when the column settles it; undefined when it has no `a/b/y` dates or never tells. */
  order?: 'mdy' | 'dmy';
  /** The column has `a/b/y` dates. */
  hasDayMonth: boolean;
  /** Both orders are evidenced (a mixed column): no order reads every value. */
  conflict: boolean;
  /** Row of the value that settled the order (or the first `a/b/y` date when it was not settled). */
  row: number;
}

/**
 * Looks at a column's `a/b/y` dates: a first part above 12 can only be a day (day-first), a second part above
 * 12 only a day (month-first). Stops as soon as both were seen. Values written year-first are skipped cheaply.
 */
export function detectDateOrder(values: ArrayLike<unknown>, rows?: Int32Array): DateOrderEvidence {
  const out: DateOrderEvidence = { hasDayMonth: false, conflict: false, row: -1 };
  let dmyRow = -1;
  let mdyRow = -1;
  const n = rows ? rows.length : values.length;
  let last: unknown;
  for (let j = 0; j < n; j++) {
    const i = rows ? rows[j]! : j;
    const v = values[i];
    if (typeof v !== 'string' || v === last) continue;
    last = v;
    // Cheap test: `d/`, `dd/` (not a 4-digit year) after optional white space.
    let k = 0;
    while (v.charCodeAt(k) === 32) k++;
    const c1 = v.charCodeAt(k + 1);
    const c2 = v.charCodeAt(k + 2);
    const sepAt = c1 === 47 || c1 === 46 || c1 === 45 ? k + 1 : (c2 === 47 || c2 === 46 || c2 === 45) && c1 >= 48 && c1 <= 57 ? k + 2 : -1;
    if (sepAt < 0) continue;
    const m = DMY.exec(v.trim());
    if (!m) continue;
    if (!out.hasDayMonth) {
      out.hasDayMonth = true;
      out.row = i;
    }
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b <= 12 && dmyRow < 0) dmyRow = i;
    if (b > 12 && b <= 31 && a <= 12 && mdyRow < 0) mdyRow = i;
    if (dmyRow >= 0 && mdyRow >= 0) break;
  }
  if (dmyRow >= 0 && mdyRow >= 0) {
    out.conflict = true;
    out.row = Math.min(dmyRow, mdyRow);
  } else if (dmyRow >= 0) {
    out.order = 'dmy';
    out.row = dmyRow;
  } else if (mdyRow >= 0) {
    out.order = 'mdy';
    out.row = mdyRow;
  }
  return out;
}

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

const DEFAULT_READING: Omit<DayReading, 'toDay'> = { order: DEFAULT_DATE_ORDER, centuryStart: centuryStartFor(Date.now()) };

/** A DayReading from a bare InstantToDay (month-first, two-digit years around today). */
function readingOf(r: InstantToDay | DayReading): DayReading {
  return typeof r === 'function' ? { ...DEFAULT_READING, toDay: r } : r;
}

const toDayOf = (r: InstantToDay | DayReading): InstantToDay => (typeof r === 'function' ? r : r.toDay);

/** Epoch day of a string date (see the module comment); MISSING for blank, INVALID when unusable. */
export function parseDayString(s: string, reading: InstantToDay | DayReading): number {
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
    return instantDay(ms, toDayOf(reading));
  }
  const dmy = DMY.exec(t);
  if (dmy) return dmyDay(dmy, readingOf(reading));
  if (EIGHT_DIGITS.test(t)) return civilDay(digits(t, 0, 4), digits(t, 4, 2), digits(t, 6, 2));
  if (EPOCH_MS.test(t)) return instantDay(Number(t), toDayOf(reading));
  if (SERIAL.test(t)) return serialDay(Number(t));
  return INVALID;
}

/** Epoch day of a numeric date: YYYYMMDD (8 digits), an Excel serial (10000 … 2958465) or epoch ms (11+ digits). */
export function parseDayNumber(v: number, toDay: InstantToDay): number {
  if (!Number.isFinite(v)) return INVALID;
  if (v >= 10_000_101 && v <= 99_991_231 && Number.isInteger(v)) {
    return civilDay(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
  }
  if (Math.abs(v) >= 1e10) return toDay(Math.floor(v));
  return serialDay(v);
}

/** Epoch day of any feed value; MISSING for null/undefined/blank, INVALID when unusable. */
export function parseDay(v: unknown, reading: InstantToDay | DayReading): number {
  if (typeof v === 'string') return parseDayString(v, reading);
  const toDay = typeof reading === 'function' ? reading : reading.toDay;
  if (typeof v === 'number') return parseDayNumber(v, toDay);
  if (v === null || v === undefined) return MISSING;
  if (v instanceof Date) return instantDay(v.getTime(), toDay);
  return INVALID;
}
