import type { CrmTables } from '../../data/types.js';
import type { StageMembership } from '../options.js';
import type { PreparedOrders } from '../prepare.js';
import { declaredStages } from './declared.js';
import { evaluateStages } from './evaluate.js';
import { lifecycleBase, resolveMode, type LifecycleConfig, type LifecycleOptions } from './options.js';
import { DEFAULT_LIFECYCLE_STAGES, type StageDefinition } from './stages.js';
import { customerUniverse } from './universe.js';
import { checkOptions } from '../option-keys.js';
import { codedError } from '../../i18n/coded-error.js';

function stageIndexOf(stages: readonly StageDefinition[], id: string): number {
  const i = stages.findIndex((s) => s.id === id);
  if (i < 0) throw codedError(RangeError, 'lifecycle-stage-unknown', { value: id, known: stages.map((s) => s.id).join(', ') });
  return i;
}

/**
 * Per universe code: 1 when the customer counts in the stage's funnel bar — observed mode: reached it and
 * every earlier observable stage (for an unobservable stage: the customers of the bar before it); declared
 * mode: declared at this stage or a later one.
 */
function stageMask(base: PreparedOrders, config: LifecycleConfig, stageId: string): { ids: string[]; mask: Uint8Array } {
  const stages = config.stages ?? DEFAULT_LIFECYCLE_STAGES;
  const index = stageIndexOf(stages, stageId);
  if (resolveMode(base, config) === 'declared') {
    const d = declaredStages(base, stages);
    const mask = Uint8Array.from(d.stageIndex, (s, c) => (d.inScope[c] && s >= index ? 1 : 0));
    return { ids: customerUniverse(base).ids, mask };
  }
  const ev = evaluateStages(base, stages);
  return { ids: ev.universe.ids, mask: ev.inOrder[index] };
}

/**
 * Ids of the customers counted in a funnel stage (the bar a widget selects), in code order. Same options as
 * `lifecycleFunnel`; `filter.stages` is ignored. Throws a RangeError for an unknown stage id.
 */
export function customersInStage(tables: CrmTables, stageId: string, options: LifecycleOptions = {}): string[] {
  checkOptions('customersInStage', options);
  const { ids, mask } = stageMask(lifecycleBase(tables, options), options, stageId);
  const out: string[] = [];
  for (let c = 0; c < mask.length; c++) if (mask[c]) out.push(ids[c]);
  return out;
}

/**
 * A `StageMembership` hook for `MetricOptions.stageMembership` (what `filter.stages` uses) with these
 * stage definitions and mode. Create it once (module level): its identity is part of the memo key.
 */
export function stageMembership(config: LifecycleConfig = {}): StageMembership {
  return (base, stageIds) => {
    const members = new Set<string>();
    for (const id of stageIds) {
      const { ids, mask } = stageMask(base, config, id);
      for (let c = 0; c < mask.length; c++) if (mask[c]) members.add(ids[c]);
    }
    return members;
  };
}

/** The default `StageMembership` hook: default stages, mode `auto`. */
export const lifecycleStageMembership: StageMembership = stageMembership();
