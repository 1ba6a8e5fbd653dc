/**
 * One source table → one normalized Arquero table and its load report, column at a time: required fields
 * first (they decide which rows are kept, with exact duplicate lines), then optional and extra fields over the
 * kept rows only, then (orders) the cancellation policy's `order_kind` column and the summary.
 */
import { table as aqTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import { MS_PER_DAY } from '../days.js';
import { FeedError } from '../errors.js';
import { guessMapping } from '../guess-mapping.js';
import { ORDER_KIND_COLUMN, ORDER_KIND_PURCHASE, SCHEMA, type FieldSpec, type TableName } from '../schema.js';
import type {
  DateFormatReport,
  DerivedFieldReport,
  InvalidValueGroup,
  LoadNotice,
  NumberFormatReport,
  RejectedRowExample,
  RejectionGroup,
  RejectReason,
  TableLoadReport,
} from '../types.js';
import { attachDictionary, compactDictionary, dictionaryOf, type ColumnDictionary } from '../column-dictionary.js';
import { ColumnStrings, commaScan, decideDecimal, Interner, NOT_A_STRING, parseNumber } from './coerce.js';
import {
  civilDay,
  DEFAULT_DATE_ORDER,
  detectDateOrder,
  parseDay,
  parseDayString,
  type DateFormatOption,
  type DayReading,
  type InstantToDay,
} from './dates.js';
import { MISSING } from './sentinels.js';
import { checkColumn } from './checks.js';
import type { FlaggedValueGroup } from '../types.js';
import type { SourceTable } from './source.js';
import { resolveColumns } from './resolve-columns.js';
import { isPlaceholderId } from './placeholders.js';
import { orderLines, type OrderLines } from './order-lines.js';
import { orderSummary } from './order-summary.js';

import { exampleOf, MAX_EXAMPLES } from './examples.js';

export { MAX_EXAMPLES };

export interface TableContext {
  feed: string;
  interner: Interner;
  toDay: InstantToDay;
  /** Host column → target name for this table. */
  mapping: Readonly<Record<string, string>>;
  dateFormat?: DateFormatOption;
  /** Load time (epoch ms): dates after its day + 1 are sentinels. */
  now: number;
  /** First year of the two-digit-year window. */
  centuryStart: number;
  creditNotes?: string;
  duplicates?: 'drop' | 'keep';
  /** Notices of the whole load (added to). */
  notices: LoadNotice[];
}

export interface NormalizedTable {
  table: ColumnTable;
  report: TableLoadReport;
}

type StringColumn = (string | null)[];
type DayOf = (v: unknown) => number;

/** A value outside its field's range (dates before 1900 or after the load day + 1; NPS outside 0–10). */
const OUT_OF_RANGE = Number.NEGATIVE_INFINITY;
const FIRST_DAY = civilDay(1900, 1, 1);
/** Ranges of number fields: a value outside is reported and not used. */
const NUMBER_RANGES: Readonly<Record<string, readonly [number, number]>> = { nps: [0, 10] };

const REJECT_MISSING: Record<string, RejectReason> = { string: 'missing-customer-id', day: 'missing-date', number: 'missing-amount' };
const REJECT_INVALID: Record<string, RejectReason> = { string: 'placeholder-customer-id', day: 'invalid-date', number: 'invalid-amount' };

/** Collects report groups (rejections or invalid values) with their first examples. */
class Groups<G extends { count: number; examples: RejectedRowExample[] }> {
  readonly list: G[] = [];
  constructor(private readonly source: SourceTable) {}
  add(group: G): number {
    return this.list.push(group) - 1;
  }
  count(index: number, row: number): void {
    const g = this.list[index]!;
    if (g.count++ < MAX_EXAMPLES) g.examples.push(exampleOf(this.source, row));
  }
}


/** What the per-table steps add to the report. */
interface Findings {
  dateFormats: DateFormatReport[];
  numberFormats: NumberFormatReport[];
}

/** Normalizes one table; throws FeedError for a mapping conflict or missing required columns. */
export function normalizeTable(source: SourceTable, ctx: TableContext): NormalizedTable {
  const { table, rowCount: n } = source;
  if (n === 0 && source.columns.length === 0) return emptyResult(table, ctx);
  const specs = SCHEMA[table];
  let resolved = resolveColumns(source.columns, table, ctx.mapping, ctx.feed);
  let missing = missingFields(resolved.hostOf, table);
  if (missing.length) {
    // Required columns not found by name: the usual export spellings are applied when they complete the
    // table (InvoiceNo → order_id, CustomerID → customer_id…), and the report lists every pair taken.
    const guessed = guessedMapping(source.columns, table, resolved.mapping);
    if (guessed) {
      const withGuesses = resolveColumns(source.columns, table, { ...resolved.mapping, ...guessed }, ctx.feed);
      if (missingFields(withGuesses.hostOf, table).length === 0) {
        resolved = withGuesses;
        missing = [];
        const pairs = Object.entries(guessed).map(([h, f]) => (f ? `${h} → ${f}` : `${h} (kept as an extra column)`));
        ctx.notices.push({ code: 'mapping-guessed', table, params: { entries: pairs.join(', ') } });
      }
    }
  }
  if (missing.length) throw missingColumns(source, missing, ctx);
  const { hostOf, reversed, renamed } = resolved;
  const deriveAmount = table === 'orders' && !hostOf.has('amount') && hostOf.has('unit_price');
  for (const r of renamed) ctx.notices.push({ code: `column-${r.reason}`, table, params: { from: r.from, to: r.to } });
  if (reversed.length) ctx.notices.push({ code: 'mapping-reversed', table, params: { entries: reversed.join(', ') } });
  const findings: Findings = { dateFormats: [], numberFormats: [] };

  // Required fields: convert every row, remember each rejected row's first reason.
  const rejections = new Groups<RejectionGroup>(source);
  const reasonOf = new Uint8Array(n); // 0 = kept, else 1 + index into rejections.list
  if (source.notRecord) {
    const g = rejections.add({ reason: 'not-a-record', count: 0, examples: [] }) + 1;
    for (let i = 0; i < n; i++) if (source.notRecord[i] === 1) reasonOf[i] = g;
  }
  const required = new Map<string, StringColumn | Int32Array | Float64Array>();
  const derived: DerivedFieldReport[] = [];
  for (const spec of specs) {
    if (!spec.required) continue;
    if (spec.name === 'amount' && deriveAmount) {
      const from = ['quantity', 'unit_price', 'discount'].filter((f) => hostOf.has(f));
      required.set('amount', derivedAmount(source, hostOf, rejections, reasonOf, findings));
      derived.push({ field: 'amount', from });
      ctx.notices.push({ code: 'amount-derived', table, params: { from: from.join(' × ').replace(' × discount', ' − discount') } });
      continue;
    }
    const host = hostOf.get(spec.name)!;
    const values = source.values(host);
    const code = (reason: RejectReason) => rejections.add({ reason, field: spec.name, count: 0, examples: [] }) + 1;
    const codes = { missing: code(REJECT_MISSING[spec.type]!), invalid: code(REJECT_INVALID[spec.type]!), range: spec.type === 'day' ? code('date-out-of-range') : 0 };
    const fail = (i: number, c: number) => {
      if (reasonOf[i] === 0) reasonOf[i] = c;
    };
    if (spec.type === 'string') required.set(spec.name, requiredIds(values, ctx.interner, fail, codes.missing, codes.invalid));
    else if (spec.type === 'day') required.set(spec.name, requiredDays(values, dayReader(source, host, spec.name, null, ctx, findings), fail, codes));
    else required.set(spec.name, requiredNumbers(values, spec.name, source, findings, fail, codes));
  }

  // Exact duplicate order lines (same order id, every value equal): dropped by default, each counted.
  let lines: OrderLines | undefined;
  const idHost = table === 'orders' ? hostOf.get('order_id') : undefined;
  if (idHost !== undefined) {
    const candidates = rowsWhere(reasonOf, 0);
    lines = orderLines(source.values(idHost), candidates, source.columns.map((c) => source.values(c)), n);
    if (lines.duplicates.length) {
      const dropped = ctx.duplicates !== 'keep';
      ctx.notices.push({ code: dropped ? 'duplicates-dropped' : 'duplicates-kept', table, params: { count: lines.duplicates.length } });
      if (dropped) {
        const g = rejections.add({ reason: 'duplicate-line', field: 'order_id', count: 0, examples: [] }) + 1;
        for (const i of lines.duplicates) reasonOf[i] = g;
      }
    }
  }

  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (reasonOf[i] === 0) kept++;
    else rejections.count(reasonOf[i]! - 1, i);
  }
  const keep = rowsWhere(reasonOf, 0);

  // Output columns in schema order, then extra host columns in feed order.
  const invalidValues = new Groups<InvalidValueGroup>(source);
  const onInvalid = (field: string) => lazyGroups(invalidValues, field);
  const columns: Record<string, ArrayLike<unknown>> = Object.create(null);
  const fields: string[] = [];
  for (const spec of specs) {
    const host = hostOf.get(spec.name);
    const full = required.get(spec.name);
    if (host === undefined && !full) continue;
    fields.push(spec.name);
    if (full) {
      columns[spec.name] = kept === n ? full : gatherColumn(full, keep);
      continue;
    }
    const values = source.values(host!);
    columns[spec.name] =
      spec.type === 'number'
        ? optionalNumbers(values, keep, onInvalid(spec.name), spec.name, source, findings)
        : spec.type === 'day'
          ? optionalDays(values, keep, onInvalid(spec.name), dayReader(source, host!, spec.name, keep, ctx, findings))
          : optionalStrings(values, keep, onInvalid(spec.name), ctx.interner, spec.name === 'status', spec.name === 'order_id');
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
    unusedMappings: Object.keys(ctx.mapping).filter((h) => !source.columns.includes(h) && !reversed.some((r) => r.startsWith(`${h} → `))),
  };
  if (reversed.length) report.reversedMappings = reversed;
  if (renamed.length) report.renamedColumns = renamed;
  if (derived.length) report.derived = derived;
  if (findings.dateFormats.length) report.dateFormats = findings.dateFormats;
  if (findings.numberFormats.length) report.numberFormats = findings.numberFormats;
  if (lines?.duplicates.length) report.duplicateLines = { count: lines.duplicates.length, dropped: ctx.duplicates !== 'keep' };
  for (const f of findings.dateFormats) if (f.how !== 'option') ctx.notices.push({ code: `date-${f.how}`, table, params: dateParams(f) });
  for (const f of findings.numberFormats) ctx.notices.push({ code: `decimal-${f.how}`, table, params: { field: f.field, decimal: f.decimal, value: f.value ?? '', row: f.row + 1 } });

  if (table === 'orders') {
    const { kinds, kindReport, summary } = orderSummary(columns, keep, source, lines?.prev, ctx);
    columns[ORDER_KIND_COLUMN] = kinds;
    report.orderKinds = kindReport;
    report.summary = summary;
  }
  return { table: aqTable(columns), report };
}

const dateParams = (f: DateFormatReport) => ({ field: f.field, order: f.order, value: f.value ?? '', row: f.row + 1 });

/** A table with the required columns of `name` (and, for orders, the kind column) and no rows. */
export function emptyTable(name: TableName): ColumnTable {
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const f of SCHEMA[name]) {
    if (!f.required) continue;
    columns[f.name] = f.type === 'day' ? new Int32Array(0) : f.type === 'number' ? new Float64Array(0) : [];
  }
  if (name === 'orders') columns[ORDER_KIND_COLUMN] = new Uint8Array(0);
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
    fields: empty.columnNames().filter((c) => c !== ORDER_KIND_COLUMN),
    extraFields: [],
    unusedMappings: Object.keys(ctx.mapping),
  };
  if (table === 'orders') {
    report.orderKinds = { purchase: 0, credit: 0, cancelled: 0, creditExamples: [], cancelledExamples: [] };
    report.summary = { orders: 0, customers: 0, revenue: 0, creditOnlyCustomers: 0, creditOnlyExamples: [] };
  }
  return { table: empty, report };
}

/** Required fields without a column (amount counts as present when it can be derived from unit_price). */
function missingFields(hostOf: ReadonlyMap<string, string>, table: TableName): FieldSpec[] {
  const derivable = table === 'orders' && hostOf.has('unit_price');
  return SCHEMA[table].filter((s) => s.required && !hostOf.has(s.name) && !(s.name === 'amount' && derivable));
}

/** Name guesses for the columns the mapping does not mention (null when there is none that renames). */
function guessedMapping(columns: readonly string[], table: TableName, given: Record<string, string>): Record<string, string> | null {
  const guesses = guessMapping(columns, table);
  const taken = new Set(Object.values(given));
  const out: Record<string, string> = {};
  for (const [host, field] of Object.entries(guesses)) {
    if (Object.hasOwn(given, host) || host === field || (field && taken.has(field))) continue;
    out[host] = field;
  }
  return Object.keys(out).length ? out : null;
}

function rowsWhere(reasonOf: Uint8Array, value: number): Int32Array {
  let k = 0;
  for (let i = 0; i < reasonOf.length; i++) if (reasonOf[i] === value) k++;
  const out = new Int32Array(k);
  for (let i = 0, j = 0; i < reasonOf.length; i++) if (reasonOf[i] === value) out[j++] = i;
  return out;
}

/** Every missing required column at once, with the columns that may be them (by name or by values). */
function missingColumns(source: SourceTable, missing: FieldSpec[], ctx: TableContext): FeedError {
  const columns = source.columns;
  const found = columns.length
    ? `the columns ${columns
        .slice(0, 12)
        .map((c) => `"${c}"`)
        .join(', ')}${columns.length > 12 ? `, … (${columns.length} columns)` : ''}`
    : 'no columns at all';
  const guesses = guessMapping(columns, source.table, (c) => source.values(c));
  const suggestions: string[] = [];
  for (const spec of missing) {
    const host = Object.keys(guesses).find((h) => guesses[h] === spec.name && h !== spec.name);
    if (host) suggestions.push(`"${host}" → ${spec.name}`);
  }
  const names = missing.map((s) => `"${s.name}"`).join(', ');
  return new FeedError({
    kind: 'missing-column',
    code: 'missing-columns',
    params: { table: source.table, missing: missing.map((s) => s.name), columns: columns.slice(0, 12), count: columns.length, suggestions },
    feed: ctx.feed,
    expected: `${missing.length === 1 ? 'a column' : 'the columns'} ${names} in table "${source.table}"`,
    found,
    hint: suggestions.length
      ? `Perhaps they are named differently: map ${suggestions.join(', ')} (the mapping step, or the fields option).`
      : 'If they are named differently, map them to these names (the mapping step, or the fields option).',
  });
}

/** How a host column's values become days: its order of day/month (decided for the column), its calendar. */
function dayReader(
  source: SourceTable,
  host: string,
  field: string,
  rows: Int32Array | null,
  ctx: TableContext,
  findings: Findings,
): DayOf {
  const values = source.values(host);
  let order = ctx.dateFormat && ctx.dateFormat !== 'auto' ? ctx.dateFormat : undefined;
  if (!order) {
    const evidence = detectDateOrder(values, rows ?? undefined);
    if (evidence.hasDayMonth) {
      order = evidence.order ?? DEFAULT_DATE_ORDER;
      const how = evidence.conflict ? 'conflict' : evidence.order ? 'detected' : 'default';
      findings.dateFormats.push({ field, order, how, row: evidence.row, value: String(values[evidence.row]) });
    } else order = DEFAULT_DATE_ORDER;
  } else findings.dateFormats.push({ field, order, how: 'option', row: -1 });
  const reading: DayReading = { toDay: ctx.toDay, order, centuryStart: ctx.centuryStart };
  const last = ctx.toDay(ctx.now) + 1;
  if (source.hints?.get(host) === 'calendar-ms') {
    return (v) => {
      const d = typeof v === 'number' ? Math.floor(v / MS_PER_DAY) : parseDay(v, reading);
      return d > last ? (d === MISSING ? d : OUT_OF_RANGE) : d < FIRST_DAY ? OUT_OF_RANGE : d;
    };
  }
  // NaN and MISSING (+∞) pass the range test unchanged only where they should: NaN fails both comparisons.
  return (v) => {
    const d = typeof v === 'string' ? parseDayString(v, reading) : parseDay(v, reading);
    return d > last ? (d === MISSING ? d : OUT_OF_RANGE) : d < FIRST_DAY ? OUT_OF_RANGE : d;
  };
}

/** Customer ids: blank → missing; placeholders (`NULL`, `N/A`, `-`…) and booleans → placeholder. */
function requiredIds(
  values: ArrayLike<unknown>,
  interner: Interner,
  fail: (i: number, code: number) => void,
  missing: number,
  placeholder: number,
): StringColumn {
  const n = values.length;
  const out: StringColumn = new Array(n);
  const codes = new Int32Array(n);
  const strings = new ColumnStrings(interner, 'string');
  // Per column code: 0 not checked yet, 1 an id, 2 a placeholder (one check per distinct value).
  let verdict = new Uint8Array(1024);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const s = strings.get(v);
    const c = strings.code;
    codes[i] = c;
    if (s === null || s === NOT_A_STRING) {
      out[i] = null;
      fail(i, missing);
      continue;
    }
    let bad: boolean;
    if (c >= 0) {
      if (c >= verdict.length) {
        const grown = new Uint8Array(Math.max(c + 1, verdict.length * 2));
        grown.set(verdict);
        verdict = grown;
      }
      if (verdict[c] === 0) verdict[c] = typeof v === 'boolean' || isPlaceholderId(s) ? 2 : 1;
      bad = verdict[c] === 2 || typeof v === 'boolean';
    } else bad = typeof v === 'boolean' || isPlaceholderId(s);
    if (bad) {
      out[i] = null;
      codes[i] = -1;
      fail(i, placeholder);
    } else out[i] = s;
  }
  return withDictionary(out, strings.dictionary(codes));
}

function requiredDays(
  values: ArrayLike<unknown>,
  day: DayOf,
  fail: (i: number, code: number) => void,
  codes: { missing: number; invalid: number; range: number },
): Int32Array {
  const n = values.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = day(values[i]);
    if (x - x === 0) out[i] = x;
    else fail(i, x === MISSING ? codes.missing : x === OUT_OF_RANGE ? codes.range : codes.invalid);
  }
  return out;
}

/**
 * Converts number values (all rows, or `rows`) with the column's decimal separator: the usual dot, unless
 * strings with commas make the column a question (see `decideDecimal`), answered once for the column.
 */
function numberValues(
  values: ArrayLike<unknown>,
  rows: Int32Array | null,
  field: string,
  source: SourceTable,
  findings: Findings,
): Float64Array {
  const n = rows ? rows.length : values.length;
  const out = new Float64Array(n);
  const convert = (decimalComma: boolean) => {
    for (let j = 0; j < n; j++) {
      const v = values[rows ? rows[j]! : j];
      // Clean numbers go straight through; everything else is parsed.
      out[j] = typeof v === 'number' && v - v === 0 ? v : parseNumber(v, decimalComma);
    }
  };
  commaScan.count = 0;
  convert(false);
  if (commaScan.count > 0) {
    const decision = decideDecimal(rows ? Array.from(rows, (i) => values[i]) : values, source.delimiter);
    const row = decision.row < 0 ? -1 : rows ? rows[decision.row]! : decision.row;
    findings.numberFormats.push({ field, decimal: decision.decimal, how: decision.how, row, value: row >= 0 ? String(values[row]) : undefined });
    if (decision.decimal === ',') convert(true);
  }
  const range = NUMBER_RANGES[field];
  if (range) for (let j = 0; j < n; j++) if (out[j]! < range[0] || out[j]! > range[1]) out[j] = OUT_OF_RANGE;
  return out;
}

function requiredNumbers(
  values: ArrayLike<unknown>,
  field: string,
  source: SourceTable,
  findings: Findings,
  fail: (i: number, code: number) => void,
  codes: { missing: number; invalid: number },
): Float64Array {
  const out = numberValues(values, null, field, source, findings);
  for (let i = 0; i < out.length; i++) {
    const x = out[i]!;
    if (x - x !== 0) fail(i, x === MISSING ? codes.missing : codes.invalid);
  }
  return out;
}

/**
 * amount = quantity × unit_price − discount per row (quantity 1 without a quantity column, discount 0 when
 * absent or blank), rounded to 6 decimals (no binary noise such as 15.299999999999999). A row whose unit price
 * or quantity is missing or unreadable, or whose discount is unreadable, is rejected under that field.
 */
function derivedAmount(
  source: SourceTable,
  hostOf: ReadonlyMap<string, string>,
  rejections: Groups<RejectionGroup>,
  reasonOf: Uint8Array,
  findings: Findings,
): Float64Array {
  const n = source.rowCount;
  const read = (field: string) => {
    const host = hostOf.get(field);
    return host === undefined ? undefined : numberValues(source.values(host), null, field, source, findings);
  };
  const price = read('unit_price')!;
  const quantity = read('quantity');
  const discount = read('discount');
  const code = (reason: RejectReason, field: string) => rejections.add({ reason, field, count: 0, examples: [] }) + 1;
  const reasons = {
    price: [code('missing-amount', 'unit_price'), code('invalid-amount', 'unit_price')],
    quantity: [code('missing-amount', 'quantity'), code('invalid-amount', 'quantity')],
    discount: code('invalid-amount', 'discount'),
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = price[i]!;
    const q = quantity ? quantity[i]! : 1;
    let d = discount ? discount[i]! : 0;
    if (d === MISSING) d = 0;
    let reason = 0;
    if (p - p !== 0) reason = reasons.price[p === MISSING ? 0 : 1]!;
    else if (q - q !== 0) reason = reasons.quantity[q === MISSING ? 0 : 1]!;
    else if (d - d !== 0) reason = reasons.discount;
    if (reason) {
      if (reasonOf[i] === 0) reasonOf[i] = reason;
      continue;
    }
    out[i] = Math.round((q * p - d) * 1e6) / 1e6;
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

type OnInvalid = (row: number, reason: InvalidValueGroup['reason']) => void;

/** Counts an unusable optional value; one group per field and reason, created on first use. */
function lazyGroups(groups: Groups<InvalidValueGroup>, field: string): OnInvalid {
  const index: Partial<Record<InvalidValueGroup['reason'], number>> = {};
  return (row, reason) => {
    const i = (index[reason] ??= groups.add({ field, reason, count: 0, examples: [] }));
    groups.count(i, row);
  };
}

function optionalNumbers(
  values: ArrayLike<unknown>,
  keep: Int32Array,
  onInvalid: OnInvalid,
  field: string,
  source: SourceTable,
  findings: Findings,
): Float64Array {
  const out = numberValues(values, keep, field, source, findings);
  for (let j = 0; j < out.length; j++) {
    const x = out[j]!;
    if (x - x === 0) continue;
    out[j] = NaN;
    if (x !== MISSING) onInvalid(keep[j]!, x === OUT_OF_RANGE ? 'out-of-range' : 'invalid');
  }
  return out;
}

function optionalDays(values: ArrayLike<unknown>, keep: Int32Array, onInvalid: OnInvalid, day: DayOf): Float64Array {
  const out = new Float64Array(keep.length);
  for (let j = 0; j < keep.length; j++) {
    const i = keep[j]!;
    const x = day(values[i]);
    if (x - x === 0) out[j] = x;
    else {
      out[j] = NaN;
      if (x !== MISSING) onInvalid(i, x === OUT_OF_RANGE ? 'out-of-range' : 'invalid');
    }
  }
  return out;
}

function optionalStrings(
  values: ArrayLike<unknown>,
  keep: Int32Array,
  onInvalid: OnInvalid,
  interner: Interner,
  lower: boolean,
  id: boolean,
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
      onInvalid(i, 'invalid');
    } else if (id && s !== null && isPlaceholderId(s)) {
      // An order id "NULL" would join every such line into one order.
      out[j] = null;
      codes[j] = -1;
      onInvalid(i, 'placeholder');
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

