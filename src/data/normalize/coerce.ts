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
  /** Every string seen, as given or trimmed → its one trimmed instance (null for blank). */
  private readonly strings = new Map<string, string | null>();
  /** Interned string → its interned lower-case form. */
  private readonly lowered = new Map<string, string>();

  /** Interned trimmed string of a value; null when missing or blank; NOT_A_STRING for objects. */
  string(v: unknown): string | null | typeof NOT_A_STRING {
    if (typeof v === 'string') {
      const known = this.strings.get(v);
      return known !== undefined ? known : this.add(v);
    }
    if (v === null || v === undefined) return null;
    if (typeof v === 'number') return Number.isFinite(v) ? this.string(String(v)) : NOT_A_STRING;
    if (typeof v === 'boolean' || typeof v === 'bigint') return this.string(String(v));
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? NOT_A_STRING : this.string(v.toISOString());
    return NOT_A_STRING;
  }

  /** Like `string`, lower-cased (for statuses). */
  lower(v: unknown): string | null | typeof NOT_A_STRING {
    const s = this.string(v);
    if (s === null || s === NOT_A_STRING) return s;
    let l = this.lowered.get(s);
    if (l === undefined) {
      l = this.string(s.toLowerCase()) as string;
      this.lowered.set(s, l);
    }
    return l;
  }

  /** A string for an extra host column: like `string`, but objects are kept as their JSON text. */
  extra(v: unknown): string | null {
    const s = this.string(v);
    return s === NOT_A_STRING ? this.string(JSON.stringify(v)) as string : s;
  }

  /** Number of distinct strings seen (a measure of a column's cardinality). */
  get size(): number {
    return this.strings.size;
  }

  private add(v: string): string | null {
    const t = v.trim();
    let instance: string | null = t;
    if (t === '') instance = null;
    else if (t !== v) {
      const known = this.strings.get(t);
      if (known === undefined) this.strings.set(t, t);
      else instance = known;
    }
    this.strings.set(v, instance);
    return instance;
  }
}

/** Rows after which a column decides whether interning pays. */
const SAMPLE_ROWS = 65_536;

/**
 * Converts one column's values through an Interner, with two shortcuts: a value equal to the previous one
 * costs nothing (sorted feeds), and a near-unique column (such as order_id: over 90% distinct values in its
 * first 65,536 rows) stops interning and only trims, since sharing instances would save nothing.
 */
export class ColumnStrings {
  private lastRaw: unknown = undefined;
  private lastOut: string | null | typeof NOT_A_STRING = null;
  private seen = 0;
  private interning = true;
  private readonly startSize: number;

  constructor(
    private readonly interner: Interner,
    private readonly mode: 'string' | 'lower' | 'extra',
  ) {
    this.startSize = interner.size;
  }

  get(v: unknown): string | null | typeof NOT_A_STRING {
    if (v === this.lastRaw) return this.lastOut;
    let out: string | null | typeof NOT_A_STRING;
    if (!this.interning && typeof v === 'string' && this.mode !== 'lower') {
      const t = v.trim();
      out = t === '' ? null : t;
    } else {
      out = this.mode === 'lower' ? this.interner.lower(v) : this.mode === 'extra' ? this.interner.extra(v) : this.interner.string(v);
      if (++this.seen === SAMPLE_ROWS && this.interner.size - this.startSize > SAMPLE_ROWS * 0.9) this.interning = false;
    }
    this.lastRaw = v;
    this.lastOut = out;
    return out;
  }
}
