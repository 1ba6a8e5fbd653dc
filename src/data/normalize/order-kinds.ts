/**
 * The cancellation policy, applied once by the normalizer: each kept order row becomes a purchase, a credit or a
 * cancellation (`ORDER_KINDS` in schema.ts), recorded as the `order_kind` column of kind codes. The rules, in
 * order (the first that applies wins):
 * 1. status cancelled (`CANCELLED_STATUSES`) → cancelled; status returned / refunded (`RETURNED_STATUSES`) →
 *    credit when the amount is negative (a refund line), else cancelled (the order was taken back);
 * 2. a negative amount → credit (a refund, a return line, a credit note);
 * 3. an order id matching the credit-note pattern → credit (its amount as given);
 * 4. otherwise → purchase (an amount of 0 included).
 */
import { FeedError } from '../errors.js';
import { ORDER_KIND_CANCELLED, ORDER_KIND_CREDIT, ORDER_KIND_PURCHASE } from '../schema.js';
import { dictionaryOf } from '../column-dictionary.js';

/** Status values (lower case) of orders that did not happen. */
export const CANCELLED_STATUSES: readonly string[] = [
  'cancelled', 'canceled', 'cancel', 'cancellation', 'void', 'voided', 'unavailable', 'rejected', 'declined',
  '已取消', '取消', '作废', '已作废', '交易关闭', '已关闭',
];
/** Status values (lower case) of orders taken back. */
export const RETURNED_STATUSES: readonly string[] = [
  'returned', 'return', 'refunded', 'refund', 'reversed', 'chargeback', '退货', '已退货', '退款', '已退款', '退货退款',
];

const CANCELLED = new Set(CANCELLED_STATUSES);
const RETURNED = new Set(RETURNED_STATUSES);

/** A compiled credit-note test over order ids. */
export interface CreditPattern {
  /** As written in the report: `C` (a prefix) or `/…/flags`. */
  pattern: string;
  how: 'option' | 'detected';
  test(id: string): boolean;
}

/**
 * The `creditNotes` option: a prefix, `/regex/flags`, or `none`; undefined → detect. Throws FeedError
 * `option` for a pattern that is not a valid regular expression.
 */
export function creditPatternOption(option: string | undefined, feed: string): CreditPattern | null | undefined {
  if (option === undefined) return undefined;
  const text = option.trim();
  if (text === '' || text.toLowerCase() === 'none') return null;
  const re = /^\/(.+)\/([a-z]*)$/.exec(text);
  if (re) {
    let regex: RegExp;
    try {
      regex = new RegExp(re[1]!, re[2]!.replace(/[gy]/g, ''));
    } catch (cause) {
      throw new FeedError({
        kind: 'option',
        code: 'option-credit-notes',
        params: { value: text },
        feed,
        expected: 'credit-notes as a prefix (C) or a regular expression (/^CN-\\d+$/i)',
        found: `${JSON.stringify(text)}, not a valid regular expression`,
        cause,
      });
    }
    return { pattern: text, how: 'option', test: (id) => regex.test(id) };
  }
  return { pattern: text, how: 'option', test: (id) => id.startsWith(text) };
}

/** Share of the order ids of negative rows that must carry a prefix for it to be taken as the credit-note mark. */
const DETECT_SHARE = 0.8;

/**
 * A letter prefix that most order ids of negative-amount rows have (≥ 80 %, at least 2 rows) and few others
 * have (fewer than the negative rows that have it, and under 5 % of the rest): `C` in `C536379`.
 */
export function detectCreditPrefix(ids: ArrayLike<string | null>, amount: Float64Array): CreditPattern | null {
  // Negative rows first (usually few): most feeds have no candidate, and the others are then not read at all.
  const negative = new Map<string, number>();
  let negativeIds = 0;
  for (let i = 0; i < amount.length; i++) {
    if (!(amount[i]! < 0)) continue;
    const id = ids[i];
    if (!id) continue;
    negativeIds++;
    const letter = prefixOf(id);
    if (letter) negative.set(letter, (negative.get(letter) ?? 0) + 1);
  }
  for (const [letter, count] of negative) {
    if (count < 2 || count < DETECT_SHARE * negativeIds) continue;
    let others = 0;
    let positiveIds = 0;
    for (let i = 0; i < amount.length; i++) {
      const id = ids[i];
      if (!id || amount[i]! < 0) continue;
      positiveIds++;
      if (id.startsWith(letter) && prefixOf(id) === letter) others++;
    }
    if (others < count && others <= 0.05 * positiveIds) {
      return { pattern: letter, how: 'detected', test: (id) => prefixOf(id) === letter };
    }
  }
  return null;
}

/** The letters before the first digit of an id (`C` of `C536379`, `CN-` of `CN-12`); '' when it starts with a digit. */
function prefixOf(id: string): string {
  let k = 0;
  while (k < id.length && k < 4) {
    const c = id.charCodeAt(k);
    if (c >= 48 && c <= 57) break;
    k++;
  }
  return k === 0 || k === id.length || k === 4 ? '' : id.slice(0, k);
}

/** Kind code per row, from the status column (lower-cased strings), the amounts and the order ids. */
export function orderKinds(
  amount: Float64Array,
  status: ArrayLike<string | null> | undefined,
  ids: ArrayLike<string | null> | undefined,
  credit: CreditPattern | null,
): Uint8Array {
  const n = amount.length;
  const kind = new Uint8Array(n); // 0 = purchase
  // Status codes through the column's dictionary: one set lookup per distinct status, not per row.
  const dict = status ? dictionaryOf(status) : undefined;
  let byCode: Uint8Array | undefined;
  if (dict) {
    byCode = new Uint8Array(dict.values.length);
    dict.values.forEach((v, c) => (byCode![c] = CANCELLED.has(v) ? 1 : RETURNED.has(v) ? 2 : 0));
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    if (byCode) {
      const c = dict!.codes[i]!;
      s = c >= 0 ? byCode[c]! : 0;
    } else if (status) {
      const v = status[i];
      s = v ? (CANCELLED.has(v) ? 1 : RETURNED.has(v) ? 2 : 0) : 0;
    }
    const a = amount[i]!;
    if (s === 1) kind[i] = ORDER_KIND_CANCELLED;
    else if (s === 2) kind[i] = a < 0 ? ORDER_KIND_CREDIT : ORDER_KIND_CANCELLED;
    else if (a < 0) kind[i] = ORDER_KIND_CREDIT;
    else if (credit && ids) {
      const id = ids[i];
      kind[i] = id && credit.test(id) ? ORDER_KIND_CREDIT : ORDER_KIND_PURCHASE;
    }
  }
  return kind;
}
