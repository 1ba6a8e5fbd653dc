import { MixedCurrencyError, type CurrencyCount } from './currency.js';
/**
 * The one error type of the data layer. Every message names the feed, what was expected and what was found,
 * so it can be shown to the person who configured the feed as is.
 */

/** What went wrong, for code that reacts differently (retry on `network`, ask for a mapping on `missing-column`…). */
export type FeedErrorKind =
  | 'invalid-json'
  | 'wrong-shape'
  | 'missing-column'
  | 'mapping'
  | 'empty'
  | 'html'
  | 'unsupported-format'
  | 'csv'
  | 'arrow'
  | 'http'
  | 'network'
  | 'truncated'
  | 'stalled'
  | 'aborted'
  | 'workbook'
  | 'option'
  | 'cache';

/** Values that fill a localized error message (see `feedErrorText` in data-messages). */
export type FeedErrorParams = Readonly<Record<string, string | number | readonly string[]>>;

export interface FeedErrorDetails {
  kind: FeedErrorKind;
  /** The feed's name or URL. */
  feed: string;
  /** What the data layer needed, in words (`JSON (an array of records …)`). */
  expected: string;
  /** What it got instead, in words, quoting a short piece of the input where that helps. */
  found: string;
  /** HTTP status, for `http` errors. */
  status?: number;
  /** Extra sentence appended to the message (a hint such as a suggested mapping). */
  hint?: string;
  /** A more specific message id than `kind` (e.g. `json-syntax`), for localized messages. */
  code?: string;
  /** The values of the localized message. */
  params?: FeedErrorParams;
  cause?: unknown;
}

/**
 * A feed could not be used. `message` reads
 * `Feed "<feed>": expected <expected>, found <found>.[ <hint>]`.
 */
export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  readonly feed: string;
  readonly expected: string;
  readonly found: string;
  readonly status?: number;
  /** Message id for localized text (defaults to `kind`). */
  readonly code: string;
  readonly params: FeedErrorParams;
  readonly hint?: string;

  constructor(details: FeedErrorDetails) {
    const { kind, feed, expected, found, status, hint, cause, code, params } = details;
    super(
      `Feed "${feed}": expected ${expected}, found ${found}.${hint ? ` ${hint}` : ''}`,
      cause === undefined ? undefined : { cause },
    );
    this.name = 'FeedError';
    this.kind = kind;
    this.feed = feed;
    this.expected = expected;
    this.found = found;
    this.code = code ?? kind;
    this.params = params ?? {};
    if (hint !== undefined) this.hint = hint;
    if (status !== undefined) this.status = status;
  }
}

/** True for a FeedError (also one from another copy of this module, e.g. after a structured clone). */
export function isFeedError(error: unknown): error is FeedError {
  return (
    error instanceof FeedError ||
    (error instanceof Error && error.name === 'FeedError' && typeof (error as FeedError).kind === 'string')
  );
}

/** A short, single-line quote of some input text for an error message: `"<text>…"`. */
export function quoteSnippet(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Plain quotes (not JSON escaping): the snippet is read by people, and often contains quotes itself.
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}

/** Describes a JSON value's shape in words: `a number (42)`, `an object with keys "data", "meta"`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  switch (typeof value) {
    case 'string':
      return `a string (${quoteSnippet(value, 40)})`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `a ${typeof value} (${String(value)})`;
    case 'undefined':
      return 'nothing (undefined)';
    case 'object': {
      if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `${value.byteLength} bytes`;
      const keys = Object.keys(value);
      if (keys.length === 0) return 'an empty object';
      const shown = keys.slice(0, 8).map((k) => JSON.stringify(k));
      return `an object with key${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${keys.length > 8 ? `, … (${keys.length} keys)` : ''}`;
    }
    default:
      return `a ${typeof value}`;
  }
}

/** An error as plain data, for crossing a worker boundary (structured clone drops a FeedError's class). */
export interface ErrorData {
  name: string;
  message: string;
  feed?: FeedErrorDetails;
  /** A coded error's message code and values (src/i18n/coded-error.ts), so it is told in any locale. */
  code?: string;
  params?: Readonly<Record<string, string | number>>;
  /** Its cause, when that is an error too (a coded cause fills `{reason}`). */
  cause?: ErrorData;
  /** A MixedCurrencyError's currencies and row counts (its message is told from them in any locale). */
  currencies?: CurrencyCount[];
}

/** Plain data of an error, so `errorFromData` on the other side gives back an equal error. */
export function errorToData(error: unknown): ErrorData {
  if (isFeedError(error)) {
    const { kind, feed, expected, found, status, code, params, hint } = error;
    return { name: error.name, message: error.message, feed: { kind, feed, expected, found, status, code, params, hint } };
  }
  if (error instanceof MixedCurrencyError) return { name: error.name, message: error.message, currencies: error.currencies.map((c) => ({ ...c })) };
  if (error instanceof Error) {
    const { code, params } = error as Error & { code?: unknown; params?: ErrorData['params'] };
    return {
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code, params: params ?? {} } : {}),
      ...(error.cause instanceof Error ? { cause: errorToData(error.cause) } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** The error `errorToData` described: a FeedError with its kind, fields and exact message, or a plain Error. */
export function errorFromData(data: ErrorData): Error {
  if (data.feed) {
    const { status, ...details } = data.feed;
    const error = new FeedError(status === undefined ? details : { ...details, status });
    error.message = data.message; // keeps a hint, which is not a field of its own
    return error;
  }
  if (data.currencies) return new MixedCurrencyError(data.currencies);
  const Type = data.name === 'RangeError' ? RangeError : data.name === 'TypeError' ? TypeError : Error;
  const error = new Type(data.message, data.cause ? { cause: errorFromData(data.cause) } : undefined);
  if (error.name !== data.name) error.name = data.name;
  return data.code === undefined ? error : Object.assign(error, { code: data.code, params: data.params ?? {} });
}
