/**
 * The page state that a bookmark restores, and its query-string form. Everything the analyst chose lives
 * here: controls, filters, the selection made by clicking widgets, the chosen customer and the data source.
 */
import type { Locale, SelectionKind } from '../../src/index.js';

export type ThemeChoice = 'light' | 'dark' | 'auto';
export type RangePreset = 'all' | '30' | '90' | '365' | 'ytd';
export type SegmentPresetName = 'rfm' | 'rf-grid';

export interface PageSelection {
  kind: SelectionKind;
  /** The filter field the selection set (`provinces` for a map province, `regions` for a region…). */
  field: string;
  value: string;
}

export interface PageState {
  lang: Locale;
  theme: ThemeChoice;
  currency: string;
  /** RFM bins per dimension, 3–7. */
  bins: number;
  preset: SegmentPresetName;
  /** Analysis day `YYYY-MM-DD`; empty = the data's default (the day after the latest order). */
  asOf: string;
  range: RangePreset;
  regions: string[];
  channels: string[];
  customerTypes: string[];
  segments: string[];
  /** What was selected by clicking in widgets (the linked filter), one per kind. */
  selection: PageSelection[];
  /** The customer shown in the 360° card. */
  customer: string;
  /** A pasted feed URL and its field mapping (JSON); empty = the sample feed. */
  feed: string;
  fields: string;
  /** The feed URL's `date-format` (empty = auto) and workbook `sheet` (empty = the first). */
  dateFormat: string;
  sheet: string;
  /** Name of a local file in use (cannot be reloaded from a URL: the page asks for it again). */
  file: string;
}

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD'] as const;
export const RANGES: readonly RangePreset[] = ['all', '30', '90', '365', 'ytd'];
const KINDS: readonly SelectionKind[] = ['segment', 'region', 'channel', 'stage', 'customer'];

export function defaultState(): PageState {
  return {
    lang: navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
    theme: 'auto',
    currency: 'CNY',
    bins: 5,
    preset: 'rfm',
    asOf: '',
    range: 'all',
    regions: [],
    channels: [],
    customerTypes: [],
    segments: [],
    selection: [],
    customer: '',
    feed: '',
    fields: '',
    dateFormat: '',
    sheet: '',
    file: '',
  };
}

const list = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Reads a query string; unknown or unreadable values fall back to the defaults. */
export function parseState(search: string): PageState {
  const q = new URLSearchParams(search);
  const s = defaultState();
  const lang = q.get('lang');
  if (lang) s.lang = lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'auto') s.theme = theme;
  const cur = q.get('cur');
  if (cur && /^[A-Za-z]{3}$/.test(cur)) s.currency = cur.toUpperCase();
  const bins = Number(q.get('bins'));
  if (Number.isInteger(bins) && bins >= 3 && bins <= 7) s.bins = bins;
  const preset = q.get('preset');
  if (preset === 'rfm' || preset === 'rf-grid') s.preset = preset;
  const asOf = q.get('asof');
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) s.asOf = asOf;
  const range = q.get('range') as RangePreset | null;
  if (range && RANGES.includes(range)) s.range = range;
  s.regions = list(q.get('region'));
  s.channels = list(q.get('channel'));
  s.customerTypes = list(q.get('ctype'));
  s.segments = list(q.get('segment'));
  // sel=kind:field:value, e.g. sel=region:provinces:湖南
  for (const item of q.getAll('sel')) {
    const m = /^(\w+):(\w+):(.+)$/.exec(item);
    const kind = m?.[1] as SelectionKind;
    if (m && KINDS.includes(kind) && !s.selection.some((x) => x.field === m[2])) s.selection.push({ kind, field: m[2], value: m[3] });
  }
  s.customer = q.get('customer') ?? '';
  s.feed = q.get('feed') ?? '';
  s.fields = q.get('fields') ?? '';
  const dateFormat = q.get('datefmt');
  if (dateFormat === 'mdy' || dateFormat === 'dmy' || dateFormat === 'ymd') s.dateFormat = dateFormat;
  s.sheet = q.get('sheet') ?? '';
  s.file = q.get('file') ?? '';
  return s;
}

/** The query string for a state (defaults left out, so a plain visit has a clean URL). */
export function serializeState(s: PageState): string {
  const d = defaultState();
  const q = new URLSearchParams();
  const put = (key: string, value: string, fallback: string) => {
    if (value && value !== fallback) q.set(key, value);
  };
  put('lang', s.lang, '');
  put('theme', s.theme, d.theme);
  put('cur', s.currency, d.currency);
  put('bins', String(s.bins), String(d.bins));
  put('preset', s.preset, d.preset);
  put('asof', s.asOf, '');
  put('range', s.range, d.range);
  put('region', s.regions.join(','), '');
  put('channel', s.channels.join(','), '');
  put('ctype', s.customerTypes.join(','), '');
  put('segment', s.segments.join(','), '');
  for (const x of s.selection) q.append('sel', `${x.kind}:${x.field}:${x.value}`);
  put('customer', s.customer, '');
  put('feed', s.feed, '');
  put('fields', s.fields, '');
  put('datefmt', s.dateFormat, '');
  put('sheet', s.sheet, '');
  put('file', s.file, '');
  const text = q.toString();
  return text ? `?${text}` : '';
}
