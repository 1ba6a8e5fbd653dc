import { isoToDay } from '../../data/days.js';
import { FILTER_LIST_FIELDS, type CrmFilter, type FilterListField } from '../../metrics/filter-types.js';
import { codedError } from '../../i18n/coded-error.js';

export { FILTER_LIST_FIELDS, type FilterListField };

/** A list filter as an attribute gives it (comma text) or a property may (an array, as frameworks pass). */
export type ListValue = string | readonly string[];
/** A day as an attribute gives it (`YYYY-MM-DD`) or a property may (a `Date`: its local calendar day). */
export type DayValue = string | Date;

/**
 * Split a list attribute: comma-separated, also accepting the Chinese `，` and `、` separators; values are
 * trimmed and empty items dropped. An array (a property set by a framework) is taken item by item, trimmed.
 * `null`/blank → undefined (no restriction).
 */
export function parseList(value: ListValue | null | undefined): string[] | undefined {
  if (value == null) return undefined;
  const items = (typeof value === 'string' ? value.split(/[,，、]/) : Array.from(value, String))
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** `YYYY-MM-DD` text of a day value (a Date gives its local calendar day); blank → undefined. */
export function dayText(value: DayValue | null | undefined): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'Invalid Date';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return value?.trim() || undefined;
}

/** Filter attribute values as a widget reads them (attribute names in docs/widgets-base.md). */
export interface FilterAttributes {
  dateFrom?: DayValue | null;
  dateTo?: DayValue | null;
  regions?: ListValue | null;
  provinces?: ListValue | null;
  channels?: ListValue | null;
  categories?: ListValue | null;
  customerTypes?: ListValue | null;
  segments?: ListValue | null;
  customerIds?: ListValue | null;
  stages?: ListValue | null;
}

/** The widget attribute of each filter field (one place: the base class and its messages use it). */
export const FILTER_ATTRIBUTE_NAMES = {
  dateFrom: 'date-from',
  dateTo: 'date-to',
  regions: 'regions',
  provinces: 'provinces',
  channels: 'channels',
  categories: 'categories',
  customerTypes: 'customer-types',
  segments: 'segments-filter',
  customerIds: 'customer-ids',
  stages: 'stages',
} as const;

/** A filter built from attributes, and what could not be read (shown as an error, never ignored). */
export interface ParsedFilter {
  filter: CrmFilter;
  /** Errors with message codes (shown through `errorText`, in the widget's language). */
  problems: Error[];
}

/** Build a `CrmFilter` from attribute strings. Dates are `YYYY-MM-DD` (inclusive). */
export function filterFromAttributes(attrs: FilterAttributes, names: Record<keyof FilterAttributes, string>): ParsedFilter {
  const filter: CrmFilter = {};
  const problems: Error[] = [];
  const day = (key: 'dateFrom' | 'dateTo'): number | undefined => {
    const raw = dayText(attrs[key]);
    if (!raw) return undefined;
    const d = isoToDay(raw);
    if (Number.isNaN(d)) problems.push(codedError(Error, 'attr-date', { name: names[key], value: raw }));
    return Number.isNaN(d) ? undefined : d;
  };
  const start = day('dateFrom');
  const end = day('dateTo');
  if (start !== undefined && end !== undefined && start > end)
    problems.push(
      codedError(Error, 'attr-date-order', { from: names.dateFrom, fromValue: dayText(attrs.dateFrom) ?? '', to: names.dateTo, toValue: dayText(attrs.dateTo) ?? '' }),
    );
  if (start !== undefined || end !== undefined) filter.dateRange = { start, end };
  for (const field of FILTER_LIST_FIELDS) {
    const list = parseList(attrs[field]);
    if (list) filter[field] = list;
  }
  return { filter, problems };
}

/**
 * Both filters at once (AND): lists intersect when both restrict a field (an empty intersection selects
 * nothing), date ranges overlap.
 */
export function intersectFilters(a: CrmFilter, b: CrmFilter): CrmFilter {
  const out: CrmFilter = {};
  const start = maxDefined(a.dateRange?.start, b.dateRange?.start);
  const end = minDefined(a.dateRange?.end, b.dateRange?.end);
  if (start !== undefined || end !== undefined) out.dateRange = { start, end };
  for (const field of FILTER_LIST_FIELDS) {
    const x = a[field];
    const y = b[field];
    if (x && y) {
      const keep = new Set(y);
      out[field] = x.filter((v) => keep.has(v));
    } else if (x || y) out[field] = [...(x ?? y)!];
  }
  return out;
}

const maxDefined = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.max(x, y));
const minDefined = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.min(x, y));

/** True when the filter selects everything. */
export function isEmptyFilter(f: CrmFilter): boolean {
  return filterKey(f) === '{}';
}

/** A copy of the filter without one field. */
export function withoutField(f: CrmFilter, field: keyof CrmFilter): CrmFilter {
  const { [field]: _dropped, ...rest } = f;
  return rest;
}

/**
 * A stable string for a filter (fixed field order, undefined parts dropped): equal filters give equal keys,
 * so a widget recomputes only when the filter really changed.
 */
export function filterKey(f: CrmFilter): string {
  const parts: Record<string, unknown> = {};
  if (f.dateRange && (f.dateRange.start !== undefined || f.dateRange.end !== undefined))
    parts.dateRange = [f.dateRange.start ?? null, f.dateRange.end ?? null];
  for (const field of FILTER_LIST_FIELDS) if (f[field]) parts[field] = f[field];
  return JSON.stringify(parts);
}
