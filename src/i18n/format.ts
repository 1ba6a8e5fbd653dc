import { dayToDate, monthIndexToDay } from '../data/days.js';
import type { Locale } from './locales.js';

/** What a missing value (NaN, null, undefined, ±Infinity) is shown as. */
export const MISSING = '—';

/** Default currency: crm-lens is China first. */
export const DEFAULT_CURRENCY = 'CNY';

export type DayStyle = 'short' | 'medium' | 'long';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

/** Intl objects are costly to build: one per (kind, locale, options), shared by every widget. */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  options: object,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Locale-aware formatting through Intl, bound to one locale and currency. Widgets get one from the base
 * class (`this.format`), rebuilt when `lang`/`locale`/`currency` change. Every method shows missing values
 * as `MISSING`.
 */
export class Formatter {
  constructor(
    readonly locale: Locale,
    readonly currencyCode: string = DEFAULT_CURRENCY,
  ) {}

  private nf(options: Intl.NumberFormatOptions): Intl.NumberFormat {
    return cached('n', this.locale, options, () => new Intl.NumberFormat(this.locale, options));
  }

  /** Plain number with grouping; `maxFractionDigits` default 2. */
  number(x: number | null | undefined, maxFractionDigits = 2): string {
    return isNumber(x) ? this.nf({ maximumFractionDigits: maxFractionDigits }).format(x) : MISSING;
  }

  /** Whole number with grouping ("12,346"). */
  integer(x: number | null | undefined): string {
    return this.number(x, 0);
  }

  /** A fraction as percent: 0.1234 → "12.3%". */
  percent(x: number | null | undefined, maxFractionDigits = 1): string {
    return isNumber(x) ? this.nf({ style: 'percent', maximumFractionDigits: maxFractionDigits }).format(x) : MISSING;
  }

  /**
   * Money in the bound currency: "¥1,234.50" (zh-CN), "CN¥1,234.50" (en). At most `maxFractionDigits` and never
   * more than the currency has (JPY 0, KWD 3): "¥1,235", not "¥1,234.5".
   */
  currency(x: number | null | undefined, maxFractionDigits = 2): string {
    return isNumber(x)
      ? this.nf({ style: 'currency', currency: this.currencyCode, maximumFractionDigits: Math.min(maxFractionDigits, this.minorDigits) }).format(x)
      : MISSING;
  }

  /** The currency's own number of fraction digits (ISO 4217 minor units, as Intl knows them). */
  private get minorDigits(): number {
    return this.nf({ style: 'currency', currency: this.currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  }

  /**
   * Large numbers, readable in each locale: en 12,345,678 → "12.3M"; zh-CN → "1235万", 123,456,789 →
   * "1.23亿" (Intl compact notation; Chinese counts in 万/亿: three significant digits, see `compactDigits`).
   */
  compact(x: number | null | undefined): string {
    return isNumber(x) ? this.nf({ notation: 'compact', ...this.compactDigits(x) }).format(x) : MISSING;
  }

  /** `compact` with the currency sign: "¥1.23亿", "CN¥12.3M". */
  compactCurrency(x: number | null | undefined): string {
    return isNumber(x)
      ? this.nf({
          style: 'currency',
          currency: this.currencyCode,
          notation: 'compact',
          ...this.compactDigits(x),
        }).format(x)
      : MISSING;
  }

  /**
   * en: one fraction digit ("12.3M"). zh-CN: three significant digits, but never fewer than the whole units
   * ("1.23万", "448万", "1235万", "1.23亿"): Chinese does not compact below 万, where fraction digits would
   * give "¥2166.05" next to en's "CN¥2.2K".
   */
  private compactDigits(x: number): Intl.NumberFormatOptions {
    if (this.locale !== 'zh-CN') return { maximumFractionDigits: 1 };
    // Below 万 nothing is compacted: whole units (significant digits would spell out 7.2e-27 in full).
    if (Math.abs(x) < 10_000) return { maximumFractionDigits: 0 };
    return { maximumSignificantDigits: 3, maximumFractionDigits: 0, roundingPriority: 'morePrecision' };
  }

  /** Byte counts ("1.5 MB"), for load progress. */
  bytes(n: number | null | undefined): string {
    if (!isNumber(n)) return MISSING;
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let i = 0;
    let v = n;
    while (Math.abs(v) >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return this.nf({ style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i ? 1 : 0 }).format(v);
  }

  /** An epoch day (src/data/days.ts) as a date, always on the UTC calendar as the day rule requires. */
  day(day: number | null | undefined, style: DayStyle = 'medium'): string {
    if (!isNumber(day)) return MISSING;
    const options: Intl.DateTimeFormatOptions = { dateStyle: style, timeZone: 'UTC' };
    return cached('d', this.locale, options, () => new Intl.DateTimeFormat(this.locale, options)).format(dayToDate(day));
  }

  /** A month index (`dayToMonthIndex`) as "Mar 2024" / "2024年3月". */
  month(monthIndex: number | null | undefined): string {
    if (!isNumber(monthIndex)) return MISSING;
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', timeZone: 'UTC' };
    return cached('d', this.locale, options, () => new Intl.DateTimeFormat(this.locale, options)).format(
      dayToDate(monthIndexToDay(monthIndex)),
    );
  }

  /**
   * How long ago an instant (epoch ms) was: "3 minutes ago" / "3分钟前", "yesterday" / "昨天".
   * Future instants (clock skew) read as "now".
   */
  relativeAge(epochMs: number, now: number = Date.now()): string {
    if (!isNumber(epochMs)) return MISSING;
    const seconds = Math.max(0, (now - epochMs) / 1000);
    const options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
    const rtf = cached('r', this.locale, options, () => new Intl.RelativeTimeFormat(this.locale, options));
    for (const [unit, size, limit] of AGE_STEPS) {
      if (seconds < limit) return rtf.format(-Math.round(seconds / size), unit);
    }
    return rtf.format(-Math.round(seconds / YEAR), 'year');
  }
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const YEAR = 365.25 * DAY;
/** [unit, seconds per unit, use while age < limit seconds]. */
const AGE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['second', 1, 45],
  ['minute', MINUTE, 45 * MINUTE],
  ['hour', HOUR, 22 * HOUR],
  ['day', DAY, 26 * DAY],
  ['month', YEAR / 12, 320 * DAY],
];
