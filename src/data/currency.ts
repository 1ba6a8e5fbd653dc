/**
 * The currency of a feed (docs/data.md, "Currency"): amounts carry no currency of their own, so a feed may
 * name it in a `currency` column (ISO 4217, one currency per feed). One code → the widgets show it by default;
 * several → reported at load and refused by every metric that sums money (never added up).
 */
import type { ColumnTable } from 'arquero';

/** A currency of the feed and how many order rows name it. */
export interface CurrencyCount {
  code: string;
  rows: number;
}

const cache = new WeakMap<ColumnTable, CurrencyCount[]>();

/** The distinct (upper-cased) codes of the orders' `currency` column with their row counts, most rows first ([] = none). */
export function feedCurrencies(orders: ColumnTable): CurrencyCount[] {
  let hit = cache.get(orders);
  if (hit) return hit;
  hit = [];
  if (orders.columnNames().includes('currency')) {
    const values = orders.array('currency') as ArrayLike<string | null>;
    const counts = new Map<string, number>();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      // One code however it is cased or padded ("brl", " BRL"): the value itself is kept in the table.
      const code = v === null || v === undefined ? '' : String(v).trim().toUpperCase();
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    hit = [...counts].map(([code, rows]) => ({ code, rows })).sort((a, b) => b.rows - a.rows || (a.code < b.code ? -1 : 1));
  }
  cache.set(orders, hit);
  return hit;
}

/** The feed's one currency (upper-cased ISO 4217 code), or undefined without a column or with several. */
export function feedCurrency(orders: ColumnTable | undefined): string | undefined {
  if (!orders) return undefined;
  const all = feedCurrencies(orders);
  return all.length === 1 ? all[0].code : undefined;
}

/** True when Intl knows the ISO 4217 code. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(code.trim())) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code.trim() });
    return true;
  } catch {
    return false;
  }
}

/** "BRL 1,200 rows, USD 30 rows" (the codes and counts a mixed-currency message names). */
export function currencyList(all: readonly CurrencyCount[], rows: (n: number) => string): string {
  return all.map((c) => `${c.code} ${rows(c.rows)}`).join(', ');
}

/**
 * The error every money metric throws for a feed with several currencies: it names them with their row counts.
 * (Amounts in different currencies cannot be added; convert them or load one feed per currency.)
 */
export class MixedCurrencyError extends Error {
  constructor(readonly currencies: CurrencyCount[]) {
    super(
      `amounts are in ${currencies.length} currencies (${currencyList(currencies, (n) => `${n} ${n === 1 ? 'row' : 'rows'}`)}): crm-lens does not add amounts in different currencies — convert them to one currency or load one feed per currency`,
    );
    this.name = 'MixedCurrencyError';
  }
}
