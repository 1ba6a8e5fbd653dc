import type { CrmTables } from '../../data/types.js';
import { customersInStage, lifecycleFunnel, type LifecycleOptions } from '../lifecycle/index.js';
import type { ProfileStage } from './profile.js';
import { checkOptions } from '../option-keys.js';

/**
 * The furthest observable funnel stage whose bar counts the customer (lifecycle module, default stages and
 * mode unless `options` says otherwise), or null. The day reached is not exposed by the funnel: NaN.
 */
export function currentLifecycleStage(tables: CrmTables, customerId: string, options: LifecycleOptions = {}): ProfileStage | null {
  checkOptions('currentLifecycleStage', options);
  const funnel = lifecycleFunnel(tables, options);
  for (let i = funnel.stages.length - 1; i >= 0; i--) {
    const stage = funnel.stages[i];
    if (!stage.observable || !stage.customers) continue;
    if (customersInStage(tables, stage.id, options).includes(customerId))
      return { id: stage.id, labels: stage.labels, day: NaN };
  }
  return null;
}
