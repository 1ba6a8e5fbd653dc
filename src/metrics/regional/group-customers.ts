import type { CrmTables } from '../../data/types.js';
import { customerIdOf } from '../prepare.js';
import { rowGroups } from './group-keys.js';
import { regionalBase, type RegionalOptions } from './regional.js';
import { checkOptions } from '../option-keys.js';

/**
 * The customers behind one group of `regionalComparison` with the same options: customers with a kept order
 * row in the group (`key`; null = the "(unknown)" group) dated in the analysed period. Ids in customer-code
 * order (first appearance in the orders table). Pure; shares the memoized base with `regionalComparison`.
 */
export function regionalGroupCustomers(tables: CrmTables, options: RegionalOptions, key: string | null): string[] {
  checkOptions('regionalGroupCustomers', options);
  const { base, period } = regionalBase(tables, options);
  const { keys, group } = rowGroups(base, options.groupBy ?? 'region');
  const g = keys.indexOf(key);
  if (g < 0) return [];
  const ids: string[] = [];
  for (let s = 0; s < base.customerCount; s++) {
    for (let j = base.start[s]; j < base.start[s + 1]; j++) {
      if (group[j] === g && base.day[j] >= period.start && base.day[j] <= period.end) {
        ids.push(customerIdOf(base, s));
        break;
      }
    }
  }
  return ids;
}
