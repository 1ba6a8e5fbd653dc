import { columnCodes, readColumn } from '../columns.js';
import type { PreparedOrders } from '../prepare.js';
import { firstInteractionDay, interactionData, type InteractionData } from './interaction-days.js';
import { keyStamp } from '../regional/group-totals.js';
import { nthPurchaseDays, purchaseDaysOfSlot } from './order-days.js';
import {
  stageObservability,
  validateStages,
  type LifecycleCustomer,
  type LifecycleDataShape,
  type StageDefinition,
  type StageRule,
  type StageTestResult,
} from './stages.js';
import { customerUniverse, eventWindow, slotOfUniverseCode, type CustomerUniverse } from './universe.js';

/** Which customers reached each stage, and when — per universe code. */
export interface StageEvaluation {
  universe: CustomerUniverse;
  stages: readonly StageDefinition[];
  /** Per stage: null when observable, else why not. */
  unobservable: (string | null)[];
  /** Per stage: 1 when the stage's own condition holds (ignoring earlier stages). */
  reached: Uint8Array[];
  /** Per stage: the stage day (NaN = not reached or day unknown). */
  day: Float64Array[];
  /** Per universe code: 1 when the customer meets the own condition of at least one observable stage. */
  shows: Uint8Array;
  /**
   * Per stage: 1 when the customer reached this stage and every earlier observable stage (unobservable
   * stages are passed through: they neither admit nor drop anyone).
   */
  inOrder: Uint8Array[];
  /** Per stage: the day all those stages held = max of their days (NaN when any of them is undated). */
  inOrderDay: Float64Array[];
}

/** The data shape of a feed, for observability checks. */
export function dataShape(base: PreparedOrders): LifecycleDataShape {
  const { customers, interactions } = base.tables;
  return {
    hasCustomers: !!customers,
    hasInteractions: !!interactions,
    interactionColumns: interactions ? interactions.columnNames() : [],
  };
}

interface Sources {
  base: PreparedOrders;
  universe: CustomerUniverse;
  interactions: InteractionData | null;
  purchaseDay: Map<number, Float64Array>;
}

/** Record condition: a customer row whose signup day (when known) lies in the event window. */
function recordCondition(src: Sources, reached: Uint8Array, day: Float64Array): void {
  const { base, universe } = src;
  const customers = base.tables.customers;
  if (!customers) return;
  const signup = readColumn<number>(customers, 'signup_date');
  const { lo, hi } = eventWindow(base);
  const ranged = base.filter.dateRange !== undefined;
  for (let c = 0; c < universe.ids.length; c++) {
    const r = universe.recordRow[c];
    if (r < 0) continue;
    const d = signup ? signup[r] : NaN;
    if (d === d ? d >= lo && d <= hi : !ranged) {
      reached[c] = 1;
      if (d === d && !(d >= day[c])) day[c] = d;
    }
  }
}

/** Folds a dated condition (NaN = not met) into a stage's reached/day arrays. */
function foldDays(days: Float64Array, reached: Uint8Array, day: Float64Array): void {
  for (let c = 0; c < days.length; c++) {
    const d = days[c];
    if (d !== d) continue;
    reached[c] = 1;
    if (!(d >= day[c])) day[c] = d;
  }
}

function evaluateRule(src: Sources, rule: StageRule, reached: Uint8Array, day: Float64Array): void {
  const size = src.universe.ids.length;
  if (rule.record) recordCondition(src, reached, day);
  if (rule.anyInteraction) foldDays(firstInteractionDay(src.interactions, size, {}), reached, day);
  if (rule.interactionKinds?.length) {
    const notBefore = rule.afterFirstPurchase ? src.purchaseDay.get(1) : undefined;
    foldDays(firstInteractionDay(src.interactions, size, { kinds: rule.interactionKinds, notBefore }), reached, day);
  }
  if (rule.minNps !== undefined) foldDays(firstInteractionDay(src.interactions, size, { minNps: rule.minNps }), reached, day);
  if (rule.minOrders !== undefined) foldDays(src.purchaseDay.get(rule.minOrders)!, reached, day);
}

/** Builds the per-customer views custom `test` stages read (only for customers in scope). */
function customerViews(src: Sources): (LifecycleCustomer | null)[] {
  const { base, universe, interactions } = src;
  const size = universe.ids.length;
  const customers = base.tables.customers;
  const signup = customers && readColumn<number>(customers, 'signup_date');
  const declared = customers && columnCodes(customers, 'lifecycle_stage');
  const views: (LifecycleCustomer | null)[] = new Array(size).fill(null);
  const stamp = keyStamp(base);
  for (let c = 0; c < size; c++) {
    if (!universe.inScope[c]) continue;
    const r = universe.recordRow[c];
    const slot = slotOfUniverseCode(base, c);
    const dc = r >= 0 && declared ? declared.codes[r] : -1;
    views[c] = {
      id: universe.ids[c],
      hasRecord: r >= 0,
      signupDay: r >= 0 && signup ? signup[r] : NaN,
      declaredStage: dc >= 0 ? declared!.values[dc] : null,
      orderDays: slot >= 0 ? purchaseDaysOfSlot(base, slot, stamp) : [],
      revenue: slot >= 0 ? base.revenue[slot] : 0,
      interactions: [],
    };
  }
  if (interactions) {
    for (let i = 0; i < interactions.n; i++) {
      const c = interactions.code[i];
      const d = interactions.day[i];
      const view = c >= 0 ? views[c] : null;
      if (!view || !(d >= interactions.lo && d <= interactions.hi)) continue;
      const k = interactions.kind ? interactions.kind.codes[i] : -1;
      view.interactions.push({ day: d, kind: k >= 0 ? interactions.kindLower[k] : null, nps: interactions.nps ? interactions.nps[i] : NaN });
    }
    for (const v of views) v?.interactions.sort((a, b) => a.day - b.day);
  }
  return views;
}

function applyTest(views: (LifecycleCustomer | null)[], test: (c: LifecycleCustomer) => StageTestResult, reached: Uint8Array, day: Float64Array) {
  for (let c = 0; c < views.length; c++) {
    const v = views[c];
    if (!v) continue;
    const r = test(v);
    if (typeof r === 'number') {
      if (r === r) {
        reached[c] = 1;
        day[c] = r;
      }
    } else if (r === true) reached[c] = 1;
  }
}

const memo = new WeakMap<PreparedOrders, WeakMap<readonly StageDefinition[], StageEvaluation>>();

/** Evaluates the stages for every customer of a base (memoized per base and stage array). */
export function evaluateStages(base: PreparedOrders, stages: readonly StageDefinition[]): StageEvaluation {
  let perBase = memo.get(base);
  if (!perBase) memo.set(base, (perBase = new WeakMap()));
  const hit = perBase.get(stages);
  if (hit) return hit;
  validateStages(stages);
  const universe = customerUniverse(base);
  const size = universe.ids.length;
  const ns = new Set<number>([1]);
  for (const s of stages) if (s.rule?.minOrders !== undefined) ns.add(s.rule.minOrders);
  const src: Sources = {
    base,
    universe,
    interactions: interactionData(base, universe),
    purchaseDay: nthPurchaseDays(base, size, [...ns]),
  };
  const shape = dataShape(base);
  let views: (LifecycleCustomer | null)[] | null = null;
  const evaluation: StageEvaluation = {
    universe,
    stages,
    unobservable: [],
    reached: [],
    day: [],
    shows: new Uint8Array(0),
    inOrder: [],
    inOrderDay: [],
  };
  const reasons = stages.map((stage) => stageObservability(stage, shape));
  for (const stage of stages) {
    const reached = new Uint8Array(size);
    const day = new Float64Array(size).fill(NaN);
    if (stage.rule) evaluateRule(src, stage.rule, reached, day);
    else applyTest((views ??= customerViews(src)), stage.test!, reached, day);
    for (let c = 0; c < size; c++) reached[c] &= universe.inScope[c];
    evaluation.reached.push(reached);
    evaluation.day.push(day);
  }
  // Who shows at all: meets some observable stage's own condition. An unobservable first stage passes
  // exactly these people through, so the funnel never counts someone with no event in the window.
  const shows = new Uint8Array(size);
  reasons.forEach((reason, i) => {
    if (reason === null) for (let c = 0; c < size; c++) shows[c] |= evaluation.reached[i][c];
  });
  evaluation.shows = shows;
  let prevIn: Uint8Array = shows;
  let prevDay: Float64Array | null = null;
  reasons.forEach((reason, i) => {
    const reached = evaluation.reached[i];
    const day = evaluation.day[i];
    const inOrder = new Uint8Array(size);
    const inOrderDay = new Float64Array(size).fill(NaN);
    for (let c = 0; c < size; c++) {
      if (!prevIn[c] || (reason === null && !reached[c])) continue;
      inOrder[c] = 1;
      const own = reason === null ? day[c] : -Infinity;
      const before = prevDay ? prevDay[c] : -Infinity;
      inOrderDay[c] = Math.max(own, before); // NaN when either is undated
    }
    evaluation.unobservable.push(reason);
    evaluation.inOrder.push(inOrder);
    evaluation.inOrderDay.push(inOrderDay);
    prevIn = inOrder;
    prevDay = inOrderDay;
  });
  perBase.set(stages, evaluation);
  return evaluation;
}
