/**
 * Number and string coercion for feed values.
 *
 * Numbers: JSON numbers as they are (NaN/±Infinity are invalid); strings such as `"1234.5"`, `" 1,234.50 "`,
 * `"-12"`, `"1e3"`, and with one leading currency sign `"¥1,234.50"`, `"￥-8"`, `"$5"`, `"€5"`, `"£5"`.
 * Commas are accepted only as thousands separators in groups of three (`"1,234"` is 1234); anything else that
 * could be read two ways (`"1,23"`, `"1.234,50"`), percentages, units and hex are invalid, not guessed.
 * Strings: trimmed; blank means missing; numbers and booleans are written out; equal values share one
 * string instance.
 */
import { INVALID, MISSING } from './sentinels.js';

const THOUSANDS_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
const CURRENCY = /^[¥￥$€£]\s*/;

/** Number of a string value (see the module comment); MISSING for blank, INVALID when unusable. */
export function parseNumberString(s: string): number {
  // Fast path: digits with at most one dot and an optional leading minus, e.g. "1234.50", "-3".
  const n = s.length;
  let i = n > 0 && s.charCodeAt(0) === 45 ? 1 : 0;
  let dots = 0;
  let ok = i < n;
  for (; ok && i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) ok = ++dots === 1;
    else ok = c >= 48 && c <= 57;
  }
  if (ok) {
    const v = Number(s);
    return v === v ? v : INVALID; // "." or "-." are not numbers
  }
  let t = s.trim();
  if (t === '') return MISSING;
  let negative = false;
  const sign = (): void => {
    const c = t.charCodeAt(0);
    if (c === 45 || c === 43) {
      negative = c === 45;
      t = t.slice(1);
    }
  };
  sign();
  const withoutCurrency = t.replace(CURRENCY, '');
  if (withoutCurrency !== t) {
    t = withoutCurrency;
    if (!negative) sign();
  }
  if (!/\d/.test(t) || !THOUSANDS_NUMBER.test(t)) return INVALID;
  const v = Number(t.replaceAll(',', ''));
  if (!Number.isFinite(v)) return INVALID;
  return negative ? -v : v;
}

/** Number of any feed value; MISSING for null/undefined/blank, INVALID when unusable. */
export function parseNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : INVALID;
  if (typeof v === 'string') return parseNumberString(v);
  if (v === null || v === undefined) return MISSING;
  if (typeof v === 'bigint') return Number(v);
  return INVALID;
}

/** Marks a value a string column cannot hold (an object or array in a schema field). */
export const NOT_A_STRING: unique symbol = Symbol('not a string');

/**
 * Turns feed values into trimmed strings, one instance per distinct value. One interner serves a whole feed,
 * so `customer_id` values of orders and customers are the very same strings.
 */
export class Interner {
  /** Raw value → interned trimmed string (null for blank). */
  private readonly byRaw = new Map<unknown, string | null>();
  /** Trimmed string → its one instance. */
  private readonly byText = new Map<string, string>();
  /** The same for lower-cased values (statuses). */
  private readonly byRawLower = new Map<unknown, string | null>();

  /** Interned trimmed string of a value; null when missing or blank; NOT_A_STRING for objects. */
  string(v: unknown): string | null | typeof NOT_A_STRING {
    return this.cached(this.byRaw, v, false);
  }

  /** Like `string`, lower-cased (for statuses). */
  lower(v: unknown): string | null | typeof NOT_A_STRING {
    return this.cached(this.byRawLower, v, true);
  }

  /** A string for an extra host column: like `string`, but objects are kept as their JSON text. */
  extra(v: unknown): string | null {
    const s = this.string(v);
    return s === NOT_A_STRING ? this.instance(JSON.stringify(v)) : s;
  }

  private cached(cache: Map<unknown, string | null>, v: unknown, lower: boolean): string | null | typeof NOT_A_STRING {
    if (v === null || v === undefined) return null;
    let s = cache.get(v);
    if (s === undefined) {
      const text = this.text(v);
      if (text === NOT_A_STRING) return text;
      s = text === null ? null : this.instance(lower ? text.toLowerCase() : text);
      cache.set(v, s);
    }
    return s;
  }

  private text(v: unknown): string | null | typeof NOT_A_STRING {
    if (typeof v === 'string') {
      const t = v.trim();
      return t === '' ? null : t;
    }
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
      return typeof v === 'number' && !Number.isFinite(v) ? NOT_A_STRING : String(v);
    }
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? NOT_A_STRING : v.toISOString();
    return NOT_A_STRING;
  }

  private instance(text: string): string {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    this.byText.set(text, text);
    return text;
  }
}
