/**
 * Number and string coercion for feed values.
 *
 * Numbers: JSON numbers as they are (NaN/±Infinity are invalid); strings such as `"1234.5"`, `" 1,234.50 "`,
 * `"-12"`, `"1e3"`, and with one leading currency sign `"¥1,234.50"`, `"￥-8"`, `"$5"`, `"€5"`, `"£5"`.
 * Commas are accepted only as thousands separators in groups of three (`"1,234"` is 1234), unless the column
 * is read with a decimal comma (`decideDecimal`: `"120,50"` is 120.5, `"1.234,50"` 1234.5, `"1 234,5"` 1234.5).
 * Which one a column uses is decided for the whole column, never per value. Percentages, units and hex are
 * invalid, not guessed.
 * Strings: trimmed; blank means missing; numbers and booleans are written out; equal values share one
 * string instance.
 */
import type { ColumnDictionary } from '../column-dictionary.js';
import { INVALID, MISSING } from './sentinels.js';

const THOUSANDS_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
const COMMA_DECIMAL_NUMBER = /^(?:\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)?(?:,\d*)?$/;
const CURRENCY = /^[¥￥$€£]\s*/;
const CURRENCY_AFTER = /\s*(?:€|zł|kr|R\$)$/;

/**
 * Counts strings with a comma that went through `parseNumberString` (a cheap signal, read and reset by the
 * normalizer around each column): only a column that has some is looked at for a decimal comma.
 */
export const commaScan = { count: 0 };

/** Number of a string value (see the module comment); MISSING for blank, INVALID when unusable. */
export function parseNumberString(s: string, decimalComma = false): number {
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
  if (ok && !(decimalComma && dots > 0)) {
    const v = Number(s);
    return v === v ? v : INVALID; // "." or "-." are not numbers
  }
  let t = s.trim();
  if (t.includes(',')) commaScan.count++;
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
  } else if (decimalComma) t = t.replace(CURRENCY_AFTER, '');
  if (!/\d/.test(t)) return INVALID;
  if (decimalComma) {
    if (!COMMA_DECIMAL_NUMBER.test(t)) return INVALID;
    const v = Number(t.replace(/[. \u00a0\u202f]/g, '').replace(',', '.'));
    return Number.isFinite(v) ? (negative ? -v : v) : INVALID;
  }
  if (!THOUSANDS_NUMBER.test(t)) return INVALID;
  const v = Number(t.replaceAll(',', ''));
  if (!Number.isFinite(v)) return INVALID;
  return negative ? -v : v;
}

/** Number of any feed value; MISSING for null/undefined/blank, INVALID when unusable. */
export function parseNumber(v: unknown, decimalComma = false): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : INVALID;
  if (typeof v === 'string') return parseNumberString(v, decimalComma);
  if (v === null || v === undefined) return MISSING;
  if (typeof v === 'bigint') return Number(v);
  return INVALID;
}

/** What a column's number strings say about their decimal separator. */
export interface DecimalDecision {
  decimal: '.' | ',';
  /** `detected` from a value only one reading fits; `default` for a column of `1,234`-style values only
   * (read by the delimiter: decimal comma in `;`-separated files); `conflict` when values disagree. */
  how: 'detected' | 'default' | 'conflict';
  /** Row of the value that decided (or of the first ambiguous one). */
  row: number;
}

const COMMA_DECIMAL_EVIDENCE = /(?:^|[^\d,.])\d*(?:\.\d{3})*,(?:\d{1,2}|\d{4,})$|\d\.\d{3},\d*$/;
const DOT_DECIMAL_EVIDENCE = /(?:^|[^\d,.])\d*\.(?:\d{1,2}|\d{4,})$|\d,\d{3}\.\d*$/;

/**
 * Decides a number column's decimal separator from its string values (see `DecimalDecision`); called only for
 * columns where strings with commas were seen. `delimiter` is the CSV delimiter (`;` means Europe).
 */
export function decideDecimal(values: ArrayLike<unknown>, delimiter: string | undefined): DecimalDecision {
  let commaRow = -1;
  let dotRow = -1;
  let ambiguousRow = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (commaRow < 0 && t.includes(',') && COMMA_DECIMAL_EVIDENCE.test(t)) commaRow = i;
    else if (dotRow < 0 && t.includes('.') && DOT_DECIMAL_EVIDENCE.test(t)) dotRow = i;
    else if (ambiguousRow < 0 && t.includes(',')) ambiguousRow = i;
    if (commaRow >= 0 && dotRow >= 0) break;
  }
  if (commaRow >= 0 && dotRow >= 0) return { decimal: '.', how: 'conflict', row: Math.min(commaRow, dotRow) };
  if (commaRow >= 0) return { decimal: ',', how: 'detected', row: commaRow };
  if (dotRow >= 0) return { decimal: '.', how: 'detected', row: dotRow };
  return { decimal: delimiter === ';' ? ',' : '.', how: 'default', row: ambiguousRow };
}

/** Marks a value a string column cannot hold (an object or array in a schema field). */
export const NOT_A_STRING: unique symbol = Symbol('not a string');

/**
 * Turns feed values into trimmed strings, one instance per distinct value. One interner serves a whole feed,
 * so `customer_id` values of orders and customers are the very same strings. Each instance has a small integer
 * id (0 = missing), so a column can record dictionary codes with array lookups instead of hashing again.
 */
export class Interner {
  /** Every string seen, as given or trimmed → the id of its one trimmed instance (0 for blank). */
  private readonly ids = new Map<string, number>();
  /** Id → instance; id 0 is missing. */
  private readonly instances: (string | null)[] = [null];
  /** Id of an instance → id of its lower-case form. */
  private readonly lowered = new Map<number, number>();
  /** Identity of this interner's id space in recorded dictionaries (not the interner: that would keep its maps alive). */
  readonly space: object = {};

  /** Id of a value's interned trimmed string: 0 when missing or blank, −1 for objects (not a string). */
  id(v: unknown): number {
    if (typeof v === 'string') {
      const known = this.ids.get(v);
      return known !== undefined ? known : this.add(v);
    }
    if (v === null || v === undefined) return 0;
    if (typeof v === 'number') return Number.isFinite(v) ? this.id(String(v)) : -1;
    if (typeof v === 'boolean' || typeof v === 'bigint') return this.id(String(v));
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? -1 : this.id(v.toISOString());
    return -1;
  }

  /** Like `id`, of the lower-cased value (for statuses). */
  lowerId(v: unknown): number {
    const id = this.id(v);
    if (id <= 0) return id;
    let l = this.lowered.get(id);
    if (l === undefined) {
      l = this.id(this.instances[id]!.toLowerCase());
      this.lowered.set(id, l);
    }
    return l;
  }

  /** Like `id`, for an extra host column: objects are kept as their JSON text. */
  extraId(v: unknown): number {
    const id = this.id(v);
    return id < 0 ? this.id(JSON.stringify(v)) : id;
  }

  /** The instance of an id from `id`, `lowerId` or `extraId`: null for 0, NOT_A_STRING for −1. */
  instance(id: number): string | null | typeof NOT_A_STRING {
    return id < 0 ? NOT_A_STRING : this.instances[id]!;
  }

  /** Interned trimmed string of a value; null when missing or blank; NOT_A_STRING for objects. */
  string(v: unknown): string | null | typeof NOT_A_STRING {
    return this.instance(this.id(v));
  }

  /** Like `string`, lower-cased (for statuses). */
  lower(v: unknown): string | null | typeof NOT_A_STRING {
    return this.instance(this.lowerId(v));
  }

  /** A string for an extra host column: like `string`, but objects are kept as their JSON text. */
  extra(v: unknown): string | null {
    return this.instance(this.extraId(v)) as string | null;
  }

  /** Number of distinct strings seen (a measure of a column's cardinality). */
  get size(): number {
    return this.ids.size;
  }

  /** Number of ids handed out so far (ids are below this). */
  get idCount(): number {
    return this.instances.length;
  }

  private add(v: string): number {
    const t = v.trim();
    let id = 0;
    if (t !== '') {
      const known = t === v ? undefined : this.ids.get(t);
      if (known !== undefined) id = known;
      else {
        id = this.instances.push(t) - 1;
        if (t !== v) this.ids.set(t, id);
      }
    }
    this.ids.set(v, id);
    return id;
  }
}

/** Rows after which a column decides whether interning pays. */
const SAMPLE_ROWS = 65_536;

/**
 * Converts one column's values through an Interner, with two shortcuts: a value equal to the previous one
 * costs nothing (sorted feeds), and a near-unique column (such as order_id: over 90% distinct values in its
 * first 65,536 rows) stops interning and only trims, since sharing instances would save nothing.
 * While interning, it also numbers the column's distinct values (`code`, `dictionary`) for the metrics.
 */
export class ColumnStrings {
  private lastRaw: unknown = undefined;
  private lastOut: string | null | typeof NOT_A_STRING = null;
  private seen = 0;
  private interning = true;
  private readonly startSize: number;
  /** Interner id → 1 + column code (0 = not seen in this column). */
  private localOf: Int32Array;
  private readonly values: string[] = [];
  /** Per column code: the interner id of its value. */
  private readonly valueIds: number[] = [];
  /** Column code of the value last returned by `get`: −1 when missing or not a string. */
  code = -1;

  constructor(
    private readonly interner: Interner,
    private readonly mode: 'string' | 'lower' | 'extra',
  ) {
    this.startSize = interner.size;
    this.localOf = new Int32Array(1024); // grown on demand: a wide feed has thousands of columns
  }

  get(v: unknown): string | null | typeof NOT_A_STRING {
    if (v === this.lastRaw) return this.lastOut;
    let out: string | null | typeof NOT_A_STRING;
    if (!this.interning && typeof v === 'string' && this.mode !== 'lower') {
      const t = v.trim();
      out = t === '' ? null : t;
      this.code = -1;
    } else {
      const interner = this.interner;
      const id = this.mode === 'lower' ? interner.lowerId(v) : this.mode === 'extra' ? interner.extraId(v) : interner.id(v);
      out = interner.instance(id);
      this.code = id > 0 && this.interning ? this.localCode(id, out as string) : -1;
      if (++this.seen === SAMPLE_ROWS && interner.size - this.startSize > SAMPLE_ROWS * 0.9) this.interning = false;
    }
    this.lastRaw = v;
    this.lastOut = out;
    return out;
  }

  /**
   * The column's dictionary over `codes` (filled by the caller from `code`, −1 where the row's value was not
   * kept as a string); undefined when interning stopped, since codes were not kept up.
   */
  dictionary(codes: Int32Array): ColumnDictionary | undefined {
    if (!this.interning) return undefined;
    return { values: this.values, codes, keys: { space: this.interner.space, of: Int32Array.from(this.valueIds) } };
  }

  private localCode(id: number, instance: string): number {
    if (id >= this.localOf.length) {
      const grown = new Int32Array(Math.max(id + 1, this.localOf.length * 2));
      grown.set(this.localOf);
      this.localOf = grown;
    }
    let c = this.localOf[id]! - 1;
    if (c < 0) {
      c = this.values.push(instance) - 1;
      this.valueIds.push(id);
      this.localOf[id] = c + 1;
    }
    return c;
  }
}
