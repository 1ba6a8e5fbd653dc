import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { customerIdOf, prepareOrders } from '../prepare.js';
import { columnCodes } from '../columns.js';
import { checkOptions } from '../option-keys.js';

/**
 * Ids of the customers with at least one kept order row in channel `channel` (null = rows without a channel),
 * over the same kept rows as `channelMix(tables, options)` (the shared, memoized base). Ids follow the base's
 * customer order. A feed without a `channel` column has every customer in the null channel.
 */
export function channelCustomerIds(tables: CrmTables, options: MetricOptions, channel: string | null): string[] {
  checkOptions('channelCustomerIds', options);
  const base = prepareOrders(tables, options);
  const codes = columnCodes(base.tables.orders, 'channel');
  if (!codes) return channel === null ? Array.from({ length: base.customerCount }, (_, s) => customerIdOf(base, s)) : [];
  // Dictionary entry of the wanted channel (−1 = the null channel); absent → nobody.
  const wanted = channel === null ? -1 : (codes.codeOf.get(channel) ?? -2);
  if (wanted === -2) return [];
  const out: string[] = [];
  for (let s = 0; s < base.customerCount; s++) {
    for (let j = base.start[s]; j < base.start[s + 1]; j++) {
      if (codes.codes[base.row[j]] === wanted) {
        out.push(customerIdOf(base, s));
        break;
      }
    }
  }
  return out;
}
