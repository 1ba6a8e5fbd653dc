import type { Dialect, ParamType } from './dialect.js';

/** One bound value of a generated query. */
export interface SqlParam {
  value: string | number;
  type: ParamType;
}

/** A generated query: SQL text with placeholders, and its values in placeholder order. */
export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

/** Collects the values of one query; `value()` returns the dialect's placeholder for a new parameter. */
export class ParamList {
  readonly params: SqlParam[] = [];
  constructor(readonly dialect: Dialect) {}

  /** A text value. */
  text(value: string): string {
    if (typeof value !== 'string') throw new TypeError(`expected a string parameter, found ${typeof value}`);
    return this.push({ value, type: 'String' });
  }

  /** A whole number (epoch days). */
  int(value: number): string {
    if (!Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) throw new RangeError(`expected a 32-bit integer parameter, found ${value}`);
    return this.push({ value, type: 'Int32' });
  }

  /** A scope value: text, or a finite number (typed by whether it is whole). */
  scalar(value: string | number): string {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number' && Number.isFinite(value))
      return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? this.int(value) : this.push({ value, type: 'Float64' });
    throw new TypeError(`expected a string or a finite number, found ${JSON.stringify(value)}`);
  }

  /** `(p1, p2, …)` for an IN list (never empty: callers drop empty lists). */
  list(values: readonly string[]): string {
    return `(${values.map((v) => this.text(v)).join(', ')})`;
  }

  private push(p: SqlParam): string {
    this.params.push(p);
    return this.dialect.placeholder(this.params.length, p.type);
  }
}

/**
 * ClickHouse before 19.x has no server-side query parameters over HTTP: the engine binds them here as
 * literals. Text is escaped the way ClickHouse reads quoted strings (backslash and quote escaped), numbers are
 * checked finite, so a value can never end its literal.
 */
export function clickhouseLiteral(p: SqlParam): string {
  if (p.type === 'String') return `'${String(p.value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const n = Number(p.value);
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${p.value}`);
  return p.type === 'Int32' ? String(Math.trunc(n)) : String(n);
}

/** The SQL with ClickHouse placeholders replaced by literals (see `clickhouseLiteral`). */
export function inlineClickhouseParams(q: SqlQuery): string {
  return q.sql.replace(/\{p(\d+):(String|Int32|Float64)\}/g, (_, n: string) => {
    const p = q.params[Number(n) - 1];
    if (!p) throw new RangeError(`placeholder p${n} has no value`);
    return clickhouseLiteral(p);
  });
}
