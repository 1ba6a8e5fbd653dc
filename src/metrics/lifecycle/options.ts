import type { CrmTables } from '../../data/types.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, type PreparedOrders } from '../prepare.js';
import { hasDeclaredStages } from './declared.js';
import { DEFAULT_LIFECYCLE_STAGES, type StageDefinition } from './stages.js';
import { codedError } from '../../i18n/coded-error.js';

/**
 * How stages are decided. `observed`: from orders and interactions (stage predicates). `declared`: from the
 * `customers.lifecycle_stage` column (counts customers at or beyond each stage). `auto` (default): `declared`
 * when that column has at least one value naming a stage, else `observed`.
 */
export type LifecycleMode = 'auto' | 'observed' | 'declared';

export interface LifecycleConfig {
  /** Stage definitions, in funnel order. Default `DEFAULT_LIFECYCLE_STAGES`. */
  stages?: readonly StageDefinition[];
  mode?: LifecycleMode;
}

export interface LifecycleOptions extends MetricOptions, LifecycleConfig {}

/**
 * The base the lifecycle works on. `filter.stages` is dropped: the funnel is the source of that selection
 * and must not filter itself (a selected stage would otherwise hide every other bar).
 */
export function lifecycleBase(tables: CrmTables, options: LifecycleOptions): PreparedOrders {
  const filter = options.filter && { ...options.filter, stages: undefined };
  return prepareOrders(tables, { ...options, filter });
}

/** The mode a config resolves to on a base. */
export function resolveMode(base: PreparedOrders, config: LifecycleConfig): 'observed' | 'declared' {
  const mode = config.mode ?? 'auto';
  if (mode !== 'auto' && mode !== 'observed' && mode !== 'declared')
    throw codedError(RangeError, 'lifecycle-mode', { value: String(mode) });
  if (mode !== 'auto') return mode;
  return hasDeclaredStages(base, config.stages ?? DEFAULT_LIFECYCLE_STAGES) ? 'declared' : 'observed';
}
