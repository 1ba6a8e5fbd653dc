/**
 * Every text the data layer shows a person, in both locales: load-report notices, rejection reasons, the
 * cause of an empty load, and feed errors. Pure (no DOM): used by the normalizer (English `warnings`), the
 * widgets' states and the demo's import dialog.
 */
import { defineMessages, type MessageParams } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locales.js';
import { isFeedError, type FeedError } from '../errors.js';
import { codedErrorText } from '../../i18n/coded-error.js';
import type { LoadNotice, LoadReport, RejectReason } from '../types.js';
import { en, type DataMessageKey } from './en.js';
import { zhCN } from './zh-CN.js';

export const dataMessages = defineMessages(en, zhCN);
export type { DataMessageKey };

const has = (key: string): key is DataMessageKey => Object.hasOwn(en, key);

/** A message of this catalog, or `fallback` when `key` is not one. */
function text(locale: Locale, key: string, params: MessageParams, fallback: string): string {
  return has(key) ? dataMessages.t(locale, key, params) : fallback;
}

/** A load notice in a locale. */
export function noticeText(notice: LoadNotice, locale: Locale): string {
  const params: Record<string, string | number> = { ...notice.params };
  if (notice.table) params.table = tableName(notice.table, locale);
  if (typeof notice.params.order === 'string') params.order = text(locale, `order.${notice.params.order}`, {}, notice.params.order);
  return text(locale, `notice.${notice.code}`, params, `${notice.code} ${JSON.stringify(notice.params)}`);
}

/** A table's name in a locale. */
export function tableName(table: string, locale: Locale): string {
  return text(locale, `table.${table}`, {}, table);
}

/** Why a row was rejected, in a locale (`field` names the column at fault). */
export function rejectReasonText(reason: RejectReason, locale: Locale, field?: string): string {
  return text(locale, `reason.${reason}`, { field: field ?? '' }, reason);
}

/** Why an optional value was left empty, in a locale. */
export function invalidReasonText(reason: string, locale: Locale): string {
  return text(locale, `invalid.${reason}`, {}, reason);
}

/**
 * Why a loaded feed has no orders to show, in a locale (`all 541,909 rows were rejected: order_date could not
 * be read (M/D/YY?)`); undefined when the orders table has rows.
 */
export function emptyCause(report: LoadReport | undefined, locale: Locale, formatInteger: (n: number) => string = String): string | undefined {
  const r = report?.tables.orders;
  if (!r) return report ? dataMessages.t(locale, 'empty.noOrdersTable') : undefined;
  if (r.rowsAccepted > 0) {
    if (r.summary && r.summary.orders === 0) return dataMessages.t(locale, 'empty.noPurchases', { count: formatInteger(r.rowsAccepted) });
    return undefined;
  }
  if (r.rowsIn === 0) return dataMessages.t(locale, 'empty.noRows');
  const top = [...r.rejections].sort((a, b) => b.count - a.count)[0];
  const reason = top ? rejectReasonText(top.reason, locale, top.field) : '';
  const example = top?.examples[0];
  const sample = example && top?.field ? exampleValue(example.values, top.field, report!) : undefined;
  return dataMessages.t(locale, sample ? 'empty.allRejectedExample' : 'empty.allRejected', {
    count: formatInteger(r.rowsIn),
    reason,
    value: sample ?? '',
  });
}

/** The host value of `field` in an example row (through the mapping the report does not keep: by name). */
function exampleValue(values: Record<string, unknown>, field: string, report: LoadReport): string | undefined {
  if (Object.hasOwn(values, field)) return short(values[field]);
  void report;
  return undefined;
}

const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/**
 * An error for a person, in a locale: FeedErrors by their code with their values (the English text is the
 * error's own message), coded errors (src/i18n/coded-error.ts: attributes, options, exports, maps) by theirs,
 * other errors by their message.
 */
export function errorText(error: unknown, locale: Locale): string {
  if (!isFeedError(error)) {
    const coded = codedErrorText(error, locale, (cause) => errorText(cause, locale));
    return coded ?? (error instanceof Error ? error.message : String(error));
  }
  if (locale === 'en') return error.message;
  return feedErrorText(error, locale);
}

function feedErrorText(error: FeedError, locale: Locale): string {
  const p = error.params;
  const list = (v: unknown) => (Array.isArray(v) ? v.join(locale === 'zh-CN' ? '、' : ', ') : String(v ?? ''));
  const params: Record<string, string | number> = { feed: error.feed, found: error.found, status: error.status ?? '' };
  for (const [k, v] of Object.entries(p)) params[k] = typeof v === 'number' ? v : list(v);
  if (error.code === 'missing-columns') {
    params.table = tableName(String(p.table ?? 'orders'), locale);
    const suggestions = Array.isArray(p.suggestions) ? p.suggestions : [];
    const base = dataMessages.t(locale, 'error.missing-columns', params);
    return suggestions.length ? `${base} ${dataMessages.t(locale, 'error.missing-columns-hint', { suggestions: list(suggestions) })}` : base;
  }
  if (error.code === 'workbook-unreadable') params.detail = text(locale, `workbook.reason.${String(p.reason)}`, {}, String(p.detail ?? ''));
  const key = `error.${error.code}`;
  return has(key) ? dataMessages.t(locale, key, params) : text(locale, `error.kind.${error.kind}`, params, error.message);
}
