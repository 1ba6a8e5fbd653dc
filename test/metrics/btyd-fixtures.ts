// Loads the CDNOW reference files (test/fixtures/reference, from the `lifetimes` package) in the browser.
import * as aq from 'arquero';
import { dayFromParts } from '../../src/data/days.js';

const base = new URL('../fixtures/reference/', import.meta.url);

async function text(name: string): Promise<string> {
  const res = await fetch(new URL(name, base));
  if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
  return res.text();
}

function csvRows(body: string): number[][] {
  return body.trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks). */
export async function cdnowSummary() {
  const rows = csvRows(await text('cdnow_customers_summary.csv'));
  return {
    id: rows.map((r) => r[0]),
    frequency: Float64Array.from(rows, (r) => r[1]),
    recency: Float64Array.from(rows, (r) => r[2]),
    T: Float64Array.from(rows, (r) => r[3]),
  };
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export async function cdnowWithSpend() {
  const rows = csvRows(await text('cdnow_customers_summary_with_transactions.csv'));
  return {
    id: rows.map((r) => r[0]),
    frequency: Float64Array.from(rows, (r) => r[1]),
    recency: Float64Array.from(rows, (r) => r[2]),
    T: Float64Array.from(rows, (r) => r[3]),
    monetary: Float64Array.from(rows, (r) => r[4]),
  };
}

/** CDNOW_sample.txt (master id, customer id, YYYYMMDD, CDs, dollars) as a normalized orders table. */
export async function cdnowOrders() {
  const lines = (await text('CDNOW_sample.txt')).trim().split('\n');
  const ids: string[] = [];
  const days = new Int32Array(lines.length);
  const amount = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [, id, date, , dollars] = line.trim().split(/\s+/);
    ids.push(String(Number(id)));
    days[i] = dayFromParts(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8)));
    amount[i] = Number(dollars);
  });
  return aq.table({ customer_id: ids, order_date: days, amount });
}
