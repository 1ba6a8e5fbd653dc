/**
 * Stage definitions as data (`StageSpec`, protocol.ts) ⇄ the metric layer's `StageDefinition` and
 * `StageMembership` hook. The hook for a spec is made once per distinct spec: its identity is part of the
 * metrics' memo key, so equal specs sent by different widgets share one memoized base.
 */
import { lifecycleStageMembership, stageMembership } from '../metrics/lifecycle/membership.js';
import type { StageDefinition } from '../metrics/lifecycle/stages.js';
import type { StageMembership } from '../metrics/options.js';
import { stableJson } from '../data/cache.js';
import type { StageMembershipSpec, StageSpec } from './protocol.js';
import { codedError } from '../i18n/coded-error.js';

const hooks = new Map<string, StageMembership>();

/** The `StageMembership` hook of a spec (undefined spec: the default stages, mode auto). */
export function membershipOf(spec: StageMembershipSpec | undefined): StageMembership {
  if (!spec || (!spec.stages && (spec.mode ?? 'auto') === 'auto')) return lifecycleStageMembership;
  const key = stableJson(spec);
  let hook = hooks.get(key);
  if (!hook) hooks.set(key, (hook = stageMembership({ stages: spec.stages as readonly StageDefinition[] | undefined, mode: spec.mode })));
  return hook;
}

/**
 * Stage definitions as specs: only the declarative `rule` form crosses to the data worker. A `test` or
 * `observable` function cannot: a TypeError names the stage and what to use instead (nothing is dropped quietly).
 */
export function stageSpecs(definitions: readonly StageDefinition[]): StageSpec[] {
  return definitions.map((d) => {
    if (d.test || d.observable || !d.rule)
      throw codedError(TypeError, 'stage-worker-rule', { id: d.id, what: d.test ? 'test' : d.observable ? 'observable' : 'rule?' });
    return { id: d.id, labels: d.labels, ...(d.description !== undefined ? { description: d.description } : {}), rule: d.rule };
  });
}
