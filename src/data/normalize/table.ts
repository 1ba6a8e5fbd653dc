/**
 * One source table → one normalized Arquero table and its load report, column at a time: required fields
 * first (they decide which rows are kept), then optional and extra fields over the kept rows only.
 */
import { table as aqTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import { MS_PER_DAY } from '../days.js';
import { FeedError } from '../errors.js';
import { guessMapping } from '../guess-mapping.js';
import { SCHEMA, type FieldSpec, type TableName } from '../schema.js';
import type {
  InvalidValueGroup,
  RejectedRowExample,
  RejectionGroup,
  RejectReason,
  TableLoadReport,
} from '../types.js';
import { attachDictionary, compactDictionary, dictionaryOf, type ColumnDictionary } from '../column-dictionary.js';
import { ColumnStrings, Interner, NOT_A_STRING, parseNumber } from './coerce.js';
import { parseDay, type InstantToDay } from './dates.js';
import { MISSING } from './sentinels.js';
import { checkColumn } from './checks.js';
import type { FlaggedValueGroup } from '../types.js';
import type { SourceTable } from './source.js';

/** At most this many example rows per rejection reason or invalid field. */
export const MAX_EXAMPLES = 5;

export interface TableContext {
  feed: string;
  interner: Interner;
  toDay: InstantToDay;
  /** Host column → target name for this table. */
  mapping: Readonly<Record<string, string>>;
}

export interface NormalizedTable {
  table: ColumnTable;
  report: TableLoadReport;
}

type StringColumn = (string | null)[];
type DayOf = (v: unknown) => number;

const REJECT_MISSING: Record<string, RejectReason> = {
  string: 'missing-customer-id',
  day: 'missing-date',
  number: 'missing-amount',
};
const REJECT_INVALID: Record<string, RejectReason> = {
  string: 'missing-customer-id',
  day: 'invalid-date',
  number: 'invalid-amount',
};

/** Collects report groups (rejections or invalid values) with their first examples. */
class Groups<G extends { count: number; examples: RejectedRowExample[] }> {
  readonly list: G[] = [];
  constructor(private readonly source: SourceTable) {}
  add(group: G): number {
    return this.list.push(group) - 1;
  }
  count(index: number, row: number): void {
    const g = this.list[index]!;
    if (g.count++ < MAX_EXAMPLES) g.examples.push({ row, values: exampleValues(this.source.row(row)) });
  }
}

function exampleValues(row: unknown): Record<string, unknown> {
  return row !== null && typeof row === 'object' && !Array.isArray(row)
    ? (row as Record<string, unknown>)
    : { value: row };
}

/** Normalizes one table; throws FeedError for a mapping conflict or a missing required column. */
export function normalizeTable(source: SourceTable, ctx: TableContext): NormalizedTable {
  const { table, rowCount: n } = source;
  if (n === 0 && source.columns.length === 0) return emptyResult(table, ctx);
  const hostOf = resolveColumns(source, ctx);
  const specs = SCHEMA[table];
  for (const spec of specs) if (spec.required && !hostOf.has(spec.name)) throw missingColumn(source, spec, ctx);

  // Required fields: convert every row, remember each rejected row's first reason.
  const rejections = new Groups<RejectionGroup>(source);
  const reasonOf = new Uint8Array(n); // 0 = kept, else 1 + index into rejections.list
  if (source.notRecord) {
    const g = rejections.add({ reason: 'not-a-record', count: 0, examples: [] }) + 1;
    for (let i = 0; i < n; i++) if (source.notRecord[i] === 1) reasonOf[i] = g;
  }
  const required = new Map<string, StringColumn | Int32Array | Float64Array>();
  for (const spec of specs) {
    if (!spec.required) continue;
    const host = hostOf.get(spec.name)!;
    const values = source.values(host);
    const missing = rejections.add({ reason: REJECT_MISSING[spec.type]!, field: spec.name, count: 0, examples: [] }) + 1;
    const invalid =
      spec.type === 'string'
        ? missing
        : rejections.add({ reason: REJECT_INVALID[spec.type]!, field: spec.name, count: 0, examples: [] }) + 1;
    required.set(spec.name, convertRequired(spec, values, reasonOf, missing, invalid, ctx, dayOf(source, host, ctx)));
  }
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (reasonOf[i] === 0) kept++;
    else rejections.count(reasonOf[i]! - 1, i);
  }
  const keep = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (reasonOf[i] === 0) keep[k++] = i;

  // Output columns in schema order, then extra host columns in feed order.
  const invalidValues = new Groups<InvalidValueGroup>(source);
  const columns: Record<string, ArrayLike<unknown>> = {};
  const fields: string[] = [];
  for (const spec of specs) {
    const host = hostOf.get(spec.name);
    if (host === undefined) continue;
    fields.push(spec.name);
    const full = required.get(spec.name);
    if (full) {
      columns[spec.name] = kept === n ? full : gatherColumn(full, keep);
      continue;
    }
    const values = source.values(host);
    const onInvalid = lazyGroup(invalidValues, spec.name);
    columns[spec.name] =
      spec.type === 'number'
        ? optionalNumbers(values, keep, onInvalid)
        : spec.type === 'day'
          ? optionalDays(values, keep, onInvalid, dayOf(source, host, ctx))
          : optionalStrings(values, keep, onInvalid, ctx.interner, spec.name === 'status');
  }
  const flaggedValues = new Groups<FlaggedValueGroup>(source);
  for (const spec of specs) {
    const column = columns[spec.name];
    if (!spec.check || !column) continue;
    const groupOf = new Map<string, number>();
    checkColumn(spec.check, column, keep, (flag, row) => {
      let g = groupOf.get(flag);
      if (g === undefined) groupOf.set(flag, (g = flaggedValues.add({ field: spec.name, flag, count: 0, examples: [] })));
      flaggedValues.count(g, row);
    });
  }
  const canonical = new Set(specs.map((s) => s.name));
  const extraFields: string[] = [];
  for (const [target, host] of hostOf) {
    if (canonical.has(target)) continue;
    extraFields.push(target);
    columns[target] = extraStrings(source.values(host), keep, ctx.interner);
  }

  const report: TableLoadReport = {
    rowsIn: n,
    rowsAccepted: kept,
    rowsRejected: n - kept,
    rejections: rejections.list.filter((g) => g.count > 0),
    invalidValues: invalidValues.list,
    flaggedValues: flaggedValues.list,
    fields,
    extraFields,
    unusedMappings: Object.keys(ctx.mapping).filter((h) => !source.columns.includes(h)),
  };
  return { table: aqTable(columns), report };
}

/** A table with the required columns of `name` and no rows. */
export function emptyTable(name: TableName): ColumnTable {
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const f of SCHEMA[name]) {
    if (!f.required) continue;
    columns[f.name] = f.type === 'day' ? new Int32Array(0) : f.type === 'number' ? new Float64Array(0) : [];
  }
  return aqTable(columns);
}

/** An empty feed table (`[]`): no rows is a valid state (a new account), not an error. */
function emptyResult(table: TableName, ctx: TableContext): NormalizedTable {
  const empty = emptyTable(table);
  const report: TableLoadReport = {
    rowsIn: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rejections: [],
    invalidValues: [],
    fields: empty.columnNames(),
    extraFields: [],
    unusedMappings: Object.keys(ctx.mapping),
  };
  return { table: empty, report };
}

/** Target name → host column, applying the mapping; two host columns may not land on one name. */
function resolveColumns(source: SourceTable, ctx: TableContext): Map<string, string> {
  const hostOf = new Map<string, string>();
  for (const host of source.columns) {
    const target = Object.hasOwn(ctx.mapping, host) ? ctx.mapping[host]! : host;
    const other = hostOf.get(target);
    if (other !== undefined) {
      const how = (h: string) => (h === target ? `"${h}"` : `"${h}" (mapped to "${target}")`);
      throw new FeedError({
        kind: 'mapping',
        feed: ctx.feed,
        expected: `one column for "${target}" in table "${source.table}"`,
        found: `two: ${how(other)} and ${how(host)}`,
        hint: 'Map only one of them, or map the other one to a different name.',
      });
    }
    hostOf.set(target, host);
  }
  return hostOf;
}

function missingColumn(source: SourceTable, spec: FieldSpec, ctx: TableContext): FeedError {
  const found = source.columns.length
    ? `the columns ${source.columns
        .slice(0, 12)
        .map((c) => `"${c}"`)
        .join(', ')}${source.columns.length > 12 ? `, … (${source.columns.length} columns)` : ''}`
    : 'no columns at all';
  const guess = Object.entries(guessMapping(source.columns, source.table)).filter(
    ([host, target]) => target === spec.name && host !== target,
  );
  const example = guess.length ? guess[0]![0] : '<feed column>';
  return new FeedError({
    kind: 'missing-column',
    feed: ctx.feed,
    expected: `a column "${spec.name}" in table "${source.table}"`,
    found,
    hint: `${guess.length ? 'Perhaps it is named differently: try' : 'If it is named differently, add'} the mapping ${JSON.stringify({ [source.table]: { [example]: spec.name } })}.`,
  });
}

/** How a host column's values become days (Arrow date columns are calendar days, not instants). */
function dayOf(source: SourceTable, host: string, ctx: TableContext): DayOf {
  const toDay = ctx.toDay;
  return source.hints?.get(host) === 'calendar-ms'
    ? (v) => (typeof v === 'number' ? Math.floor(v / MS_PER_DAY) : parseDay(v, toDay))
    : (v) => parseDay(v, toDay);
}

function convertRequired(
  spec: FieldSpec,
  values: ArrayLike<unknown>,
  reasonOf: Uint8Array,
  missing: number,
  invalid: number,
  ctx: TableContext,
  day: DayOf,
): StringColumn | Int32Array | Float64Array {
  const n = values.length;
  const fail = (i: number, code: number) => {
    if (reasonOf[i] === 0) reasonOf[i] = code;
  };
  if (spec.type === 'string') {
    const out: StringColumn = new Array(n);
    const codes = new Int32Array(n);
    const strings = new ColumnStrings(ctx.interner, 'string');
    for (let i = 0; i < n; i++) {
      const s = strings.get(values[i]);
      codes[i] = strings.code;
      if (s === null || s === NOT_A_STRING) {
        out[i] = null;
        fail(i, missing);
      } else out[i] = s;
    }
    return withDictionary(out, strings.dictionary(codes));
  }
  const out = spec.type === 'day' ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // Clean numbers go straight through; everything else is parsed.
    const x = spec.type === 'number' && typeof v === 'number' && v - v === 0 ? v : spec.type === 'day' ? day(v) : parseNumber(v);
    if (x - x === 0) out[i] = x;
    else fail(i, x === MISSING ? missing : invalid);
  }
  return out;
}

/** A required column over the kept rows, its dictionary (if any) renumbered over them too. */
function gatherColumn<T extends StringColumn | Int32Array | Float64Array>(full: T, keep: Int32Array): T {
  const out = gather(full, keep);
  const dict = dictionaryOf(full);
  if (dict) attachDictionary(out, compactDictionary(gather(dict.codes, keep), dict.values, dict.keys));
  return out;
}

function withDictionary<T extends object>(column: T, dict: ColumnDictionary | undefined): T {
  if (dict) attachDictionary(column, dict);
  return column;
}

function gather<T extends StringColumn | Int32Array | Float64Array>(full: T, keep: Int32Array): T {
  const k = keep.length;
  const out = (Array.isArray(full) ? new Array(k) : new (full.constructor as Int32ArrayConstructor)(k)) as T;
  for (let j = 0; j < k; j++) out[j] = full[keep[j]!]!;
  return out;
}

/** Counts an invalid optional value; the group is created on first use. */
function lazyGroup(groups: Groups<InvalidValueGroup>, field: string): (row: number) => void {
  let index = -1;
  return (row) => {
    if (index < 0) index = groups.add({ field, count: 0, examples: [] });
    groups.count(index, row);
  };
}

function optionalNumbers(values: ArrayLike<unknown>, keep: Int32Array, onInvalid: (row: number) => void): Float64Array {
  const out = new Float64Array(keep.length);
  for (let j = 0; j < keep.length; j++) {
    const i = keep[j]!;
    const v = values[i];
    const x = typeof v === 'number' && v - v === 0 ? v : parseNumber(v);
    if (x - x === 0) out[j] = x;
    else {
      out[j] = NaN;
      if (x !== MISSING) onInvalid(i);
    }
  }
  return out;
}

function optionalDays(values: ArrayLike<unknown>, keep: Int32Array, onInvalid: (row: number) => void, day: DayOf): Float64Array {
  const out = new Float64Array(keep.length);
  for (let j = 0; j < keep.length; j++) {
    const i = keep[j]!;
    const x = day(values[i]);
    if (x - x === 0) out[j] = x;
    else {
      out[j] = NaN;
      if (x !== MISSING) onInvalid(i);
    }
  }
  return out;
}

function optionalStrings(
  values: ArrayLike<unknown>,
  keep: Int32Array,
  onInvalid: (row: number) => void,
  interner: Interner,
  lower: boolean,
): StringColumn {
  const out: StringColumn = new Array(keep.length);
  const codes = new Int32Array(keep.length);
  const strings = new ColumnStrings(interner, lower ? 'lower' : 'string');
  for (let j = 0; j < keep.length; j++) {
    const i = keep[j]!;
    const s = strings.get(values[i]);
    codes[j] = strings.code;
    if (s === NOT_A_STRING) {
      out[j] = null;
      onInvalid(i);
    } else out[j] = s;
  }
  return withDictionary(out, strings.dictionary(codes));
}

function extraStrings(values: ArrayLike<unknown>, keep: Int32Array, interner: Interner): StringColumn {
  const out: StringColumn = new Array(keep.length);
  const codes = new Int32Array(keep.length);
  const strings = new ColumnStrings(interner, 'extra');
  for (let j = 0; j < keep.length; j++) {
    out[j] = strings.get(values[keep[j]!]) as string | null;
    codes[j] = strings.code;
  }
  return withDictionary(out, strings.dictionary(codes));
}
