// Loads the R `rfm` package's rfm_data_orders (test/fixtures/reference/input_rfm_data_orders.csv) into a
// normalized orders table. Plain parse: every line is "name",YYYY-MM-DD,revenue,"first","last","email".
import * as aq from 'arquero';
import { isoToDay } from '../../src/data/days.js';

export const RFM_CSV_PATH = 'test/fixtures/reference/input_rfm_data_orders.csv';

export function rfmOrdersFromCsv(text: string) {
  const ids: string[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  for (let i = 1; i < lines.length; i++) {
    const m = /^"([^"]*)",(\d{4}-\d{2}-\d{2}),(-?[\d.]+),/.exec(lines[i]);
    if (!m) throw new Error(`${RFM_CSV_PATH} line ${i + 1}: unexpected format: ${lines[i]}`);
    ids.push(m[1]);
    days.push(isoToDay(m[2]));
    amounts.push(Number(m[3]));
  }
  return aq.table({ customer_id: ids, order_date: Int32Array.from(days), amount: Float64Array.from(amounts) });
}
