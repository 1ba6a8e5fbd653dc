/**
 * The few SQL spellings in which DuckDB and ClickHouse differ, behind one interface so each query is written
 * once (src/server/*-sql.ts). ClickHouse spellings run on 18.16 (Debian's package; no window functions) and
 * on current releases: `-If` aggregate combinators, `toString`, `ANY LEFT JOIN … USING`.
 */
export type DialectName = 'duckdb' | 'clickhouse';

/** A query parameter's SQL type (ClickHouse names; DuckDB infers from the JS value). */
export type ParamType = 'String' | 'Int32' | 'Float64';

export interface Dialect {
  name: DialectName;
  /** A quoted identifier (already validated as a plain identifier, see identifiers.ts). */
  quote(id: string): string;
  /** The placeholder of parameter number `n` (1-based). */
  placeholder(n: number, type: ParamType): string;
  /** An aggregate over the rows where `cond` holds: sum / min / max / count of `expr`. */
  aggIf(fn: 'sum' | 'min' | 'max', expr: string, cond: string): string;
  countIf(cond: string): string;
  countDistinctIf(expr: string, cond: string): string;
  /** A value as text (ids compared as strings, as the browser does). */
  toText(expr: string): string;
  /** A number as a double / as a 32-bit integer. */
  toFloat(expr: string): string;
  toInt(expr: string): string;
  /** Lower-cased text (Unicode-aware). */
  lower(expr: string): string;
  /** Epoch day (integer) of a column of the given engine type. */
  epochDay(expr: string, type: string): string;
  /** The trend period key of an epoch day (as `periodIndex`): month index (year × 12 + month − 1) or Monday-week index. */
  periodIndex(day: string, interval: 'month' | 'week'): string;
  /** The value of `arg` on the row with the smallest `by`. */
  argMin(arg: string, by: string): string;
  /** Any one value of a column per group (a customers-table attribute). */
  anyValue(expr: string): string;
  /** `LEFT JOIN` keyword that keeps one right row per key. */
  leftJoin: string;
}

const doubleQuote = (id: string) => `"${id}"`;

export const duckdb: Dialect = {
  name: 'duckdb',
  quote: doubleQuote,
  placeholder: (n) => `$${n}`,
  aggIf: (fn, expr, cond) => `${fn}(${expr}) FILTER (WHERE ${cond})`,
  countIf: (cond) => `count(*) FILTER (WHERE ${cond})`,
  countDistinctIf: (expr, cond) => `count(DISTINCT ${expr}) FILTER (WHERE ${cond})`,
  toText: (expr) => `CAST(${expr} AS VARCHAR)`,
  toFloat: (expr) => `CAST(${expr} AS DOUBLE)`,
  toInt: (expr) => `CAST(${expr} AS INTEGER)`,
  lower: (expr) => `lower(${expr})`,
  epochDay: (expr, type) =>
    /^(tiny|small|u?big|hu)?int(eger)?\d*$|^u?(tiny|small|big)?int$/i.test(type.trim())
      ? `CAST(${expr} AS INTEGER)`
      : `CAST(CAST(${expr} AS DATE) - DATE '1970-01-01' AS INTEGER)`,
  argMin: (arg, by) => `arg_min(${arg}, ${by})`,
  periodIndex: (day, interval) =>
    interval === 'week'
      ? `CAST(floor((${day} + 3) / 7.0) AS INTEGER)`
      : `(year(DATE '1970-01-01' + ${day}) * 12 + month(DATE '1970-01-01' + ${day}) - 1)`,
  anyValue: (expr) => `min(${expr})`,
  leftJoin: 'LEFT JOIN',
};

export const clickhouse: Dialect = {
  name: 'clickhouse',
  quote: (id) => `\`${id}\``,
  placeholder: (n, type) => `{p${n}:${type}}`,
  aggIf: (fn, expr, cond) => `${fn}If(${expr}, ${cond})`,
  countIf: (cond) => `countIf(${cond})`,
  countDistinctIf: (expr, cond) => `uniqExactIf(${expr}, ${cond})`,
  toText: (expr) => `toString(${expr})`,
  toFloat: (expr) => `toFloat64(${expr})`,
  toInt: (expr) => `toInt32(${expr})`,
  lower: (expr) => `lowerUTF8(${expr})`,
  epochDay: (expr, type) => {
    const t = type.replace(/^Nullable\((.*)\)$/, '$1');
    if (/^U?Int\d+$/.test(t)) return `toInt32(${expr})`;
    if (/^Date$/.test(t)) return `toInt32(${expr})`;
    return `toInt32(toDate(${expr}))`;
  },
  argMin: (arg, by) => `argMin(${arg}, ${by})`,
  // Dates before 1970 do not exist in ClickHouse's Date: epoch days are ≥ 0 there.
  periodIndex: (day, interval) =>
    interval === 'week' ? `intDiv(${day} + 3, 7)` : `(toYear(toDate(toUInt16(${day}))) * 12 + toMonth(toDate(toUInt16(${day}))) - 1)`,
  anyValue: (expr) => `min(${expr})`,
  leftJoin: 'ANY LEFT JOIN',
};

export const DIALECTS: Record<DialectName, Dialect> = { duckdb, clickhouse };
