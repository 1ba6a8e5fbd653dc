import type { CrmTables } from '../../data/types.js';
import { ratio } from '../regional/ratios.js';
import { declaredStages } from './declared.js';
import { evaluateStages } from './evaluate.js';
import { medianInPlace } from './median.js';
import { lifecycleBase, resolveMode, type LifecycleOptions } from './options.js';
import { DEFAULT_LIFECYCLE_STAGES, type StageDefinition, type StageLabels } from './stages.js';
import { checkOptions } from '../option-keys.js';

/** One bar of the funnel. Counts are null for a stage the feed cannot observe. */
export interface LifecycleStageResult {
  id: string;
  labels: StageLabels;
  description: string | null;
  observable: boolean;
  /** Why the stage cannot be observed (null when it can). */
  reason: string | null;
  /**
   * Observed mode: customers who reached this stage and every earlier observable stage.
   * Declared mode: customers whose declared stage is this one or a later one.
   */
  customers: number | null;
  /** Observed: customers meeting this stage's own condition, earlier stages ignored. Declared: exactly at it. */
  reached: number | null;
  /** `customers / customers of the previous observable stage`; null for the first observable stage. */
  conversionFromPrevious: number | null;
  /** `customers / customers of the first observable stage`. */
  conversionFromFirst: number | null;
  /** Previous observable stage's customers minus this stage's; null for the first observable stage. */
  dropOff: number | null;
  /** `dropOff / previous customers` (= 1 − conversionFromPrevious). */
  dropOffRate: number | null;
  /**
   * Median of `in-order day(this) − in-order day(previous observable stage)` over this stage's customers
   * with both days known; null when none (always null in declared mode: declared stages carry no dates).
   */
  medianDaysFromPrevious: number | null;
  /** How many customers the median is taken over. */
  daysMeasured: number;
}

export interface LifecycleFunnelResult {
  mode: 'observed' | 'declared';
  asOf: number;
  /**
   * Observed mode: customers the filter keeps who meet at least one observable stage's condition in the
   * window. Declared mode: customer records the filter keeps.
   */
  customersInScope: number;
  stages: LifecycleStageResult[];
  /** Declared mode only: in-scope records without a stage value, and values that match no stage. */
  declared: { unassigned: number; unknownValues: { value: string; count: number }[] } | null;
}

interface StageCounts {
  observable: boolean;
  reason: string | null;
  customers: number;
  reached: number;
  gaps: Float64Array;
  gapCount: number;
}

/** Turns per-stage counts into funnel bars (conversions relative to the previous observable stage). */
function bars(stages: readonly StageDefinition[], counts: StageCounts[]): LifecycleStageResult[] {
  let first: number | null = null;
  let prev: number | null = null;
  return stages.map((s, i) => {
    const c = counts[i];
    const base = { id: s.id, labels: s.labels, description: s.description ?? null, observable: c.observable, reason: c.reason };
    if (!c.observable) {
      return { ...base, customers: null, reached: null, conversionFromPrevious: null, conversionFromFirst: null, dropOff: null, dropOffRate: null, medianDaysFromPrevious: null, daysMeasured: 0 };
    }
    first ??= c.customers;
    const dropOff = prev === null ? null : prev - c.customers;
    const result: LifecycleStageResult = {
      ...base,
      customers: c.customers,
      reached: c.reached,
      conversionFromPrevious: prev === null ? null : ratio(c.customers, prev),
      conversionFromFirst: ratio(c.customers, first),
      dropOff,
      dropOffRate: dropOff === null || prev === null ? null : ratio(dropOff, prev),
      medianDaysFromPrevious: prev === null ? null : medianInPlace(c.gaps, c.gapCount),
      daysMeasured: prev === null ? 0 : c.gapCount,
    };
    prev = c.customers;
    return result;
  });
}

/**
 * The lifecycle funnel: how many customers reached each stage in order, conversion and drop-off between
 * stages, and the median days between them. See docs/metrics.md (lifecycle) for the exact definitions.
 */
export function lifecycleFunnel(tables: CrmTables, options: LifecycleOptions = {}): LifecycleFunnelResult {
  checkOptions('lifecycleFunnel', options);
  const stages = options.stages ?? DEFAULT_LIFECYCLE_STAGES;
  const base = lifecycleBase(tables, options);
  const mode = resolveMode(base, options);
  if (mode === 'declared') {
    const d = declaredStages(base, stages);
    const exactly = new Int32Array(stages.length);
    let inScope = 0;
    for (let c = 0; c < d.inScope.length; c++) {
      if (!d.inScope[c]) continue;
      inScope++;
      if (d.stageIndex[c] >= 0) exactly[d.stageIndex[c]]++;
    }
    let atOrBeyond = 0;
    const counts: StageCounts[] = new Array(stages.length);
    for (let i = stages.length - 1; i >= 0; i--) {
      atOrBeyond += exactly[i];
      counts[i] = { observable: true, reason: null, customers: atOrBeyond, reached: exactly[i], gaps: new Float64Array(0), gapCount: 0 };
    }
    return {
      mode,
      asOf: base.asOf,
      customersInScope: inScope,
      stages: bars(stages, counts),
      declared: { unassigned: d.unassigned, unknownValues: d.unknownValues },
    };
  }

  const ev = evaluateStages(base, stages);
  const size = ev.universe.ids.length;
  let inScope = 0;
  for (let c = 0; c < size; c++) inScope += ev.shows[c];
  let prevDay: Float64Array | null = null;
  const counts = stages.map((_, i): StageCounts => {
    const reason = ev.unobservable[i];
    const inOrder = ev.inOrder[i];
    const day = ev.inOrderDay[i];
    let customers = 0;
    let reached = 0;
    let gapCount = 0;
    const gaps = new Float64Array(reason === null && prevDay ? size : 0);
    for (let c = 0; c < size; c++) {
      reached += ev.reached[i][c];
      if (!inOrder[c]) continue;
      customers++;
      if (gaps.length) {
        const gap = day[c] - prevDay![c];
        if (Number.isFinite(gap)) gaps[gapCount++] = gap;
      }
    }
    if (reason === null) prevDay = day;
    return { observable: reason === null, reason, customers, reached, gaps, gapCount };
  });
  return { mode, asOf: base.asOf, customersInScope: inScope, stages: bars(stages, counts), declared: null };
}
