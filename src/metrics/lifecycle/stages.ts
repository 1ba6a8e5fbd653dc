/**
 * Lifecycle stage definitions: the six default CRM stages and the shapes a host uses to replace them.
 *
 * A stage is reached on a **stage day**: the first epoch day its condition became true. A stage may be
 * reached with an unknown day (a customer record without `signup_date`); such customers count but are left
 * out of the day medians.
 */
import { codedError } from '../../i18n/coded-error.js';

/** Labels shown for a stage, per supported locale. */
export interface StageLabels {
  en: string;
  'zh-CN': string;
}

/**
 * A declarative stage rule. The stage is reached when ANY listed condition holds; its day is the earliest day
 * among the conditions that hold (unknown when only undated conditions hold).
 *
 * | condition | holds when | its day |
 * | --- | --- | --- |
 * | `record` | the customer has a row in `customers` | `signup_date` (unknown when missing) |
 * | `anyInteraction` | the customer has any interaction | first interaction day |
 * | `interactionKinds` | an interaction of one of these kinds (case-insensitive) | first such day |
 * | `afterFirstPurchase` | modifies `interactionKinds`: only interactions on or after the first order day | |
 * | `minOrders: n` | the customer has ≥ n orders | day of the n-th order |
 * | `minNps: x` | an interaction with `nps ≥ x` | first such day |
 */
export interface StageRule {
  record?: boolean;
  anyInteraction?: boolean;
  interactionKinds?: readonly string[];
  afterFirstPurchase?: boolean;
  minOrders?: number;
  minNps?: number;
}

/** What a custom stage predicate sees about one customer (built only when a stage uses `test`). */
export interface LifecycleCustomer {
  id: string;
  /** The customer has a row in the customers table. */
  hasRecord: boolean;
  /** `signup_date` (epoch day) or NaN. */
  signupDay: number;
  /** `lifecycle_stage` from the customers table, or null. */
  declaredStage: string | null;
  /** Epoch day of each order, ascending (orders as the shared base counts them). */
  orderDays: number[];
  /** Net revenue of the customer's orders. */
  revenue: number;
  /** The customer's interactions, by ascending day. `kind` is lower-cased; `nps` is NaN when missing. */
  interactions: { day: number; kind: string | null; nps: number }[];
}

/**
 * The answer of a stage `test`: the day reached (epoch day), `true` (reached, day unknown), or
 * `false` / `null` / `NaN` (not reached).
 */
export type StageTestResult = number | boolean | null;

/** Which data the feed has: passed to `observable` checks. */
export interface LifecycleDataShape {
  hasCustomers: boolean;
  hasInteractions: boolean;
  /** Columns present in the interactions table (empty when there is none). */
  interactionColumns: readonly string[];
}

/** One funnel stage. Give either `rule` (fast, vectorized) or `test` (a function per customer). */
export interface StageDefinition {
  id: string;
  labels: StageLabels;
  /** One-line description of the condition (English), shown in tooltips and docs. */
  description?: string;
  rule?: StageRule;
  test?: (customer: LifecycleCustomer) => StageTestResult;
  /**
   * Whether the feed can show this stage: return null when it can, or the reason it cannot.
   * Rules get an automatic check (see `ruleObservability`); a `test` stage is observable unless this says not.
   */
  observable?: (shape: LifecycleDataShape) => string | null;
}

/** Interaction kinds that mean the customer is weighing a purchase. */
export const CONSIDERATION_KINDS = ['inquiry', 'quote', 'visit'] as const;
/** Interaction kinds that mean the customer uses what was bought. */
export const USE_KINDS = ['service', 'review', 'complaint', 'support'] as const;

/** The six default stages (CRM practice): awareness → consideration → purchase → use → repurchase → advocacy. */
export const DEFAULT_LIFECYCLE_STAGES: readonly StageDefinition[] = [
  {
    id: 'awareness',
    labels: { en: 'Awareness', 'zh-CN': '认知' },
    description: 'Known to us: a customer record, any interaction or any order.',
    rule: { record: true, anyInteraction: true, minOrders: 1 },
  },
  {
    id: 'consideration',
    labels: { en: 'Consideration', 'zh-CN': '考虑' },
    description: 'An inquiry, quote or visit interaction, or an order.',
    rule: { interactionKinds: CONSIDERATION_KINDS, minOrders: 1 },
  },
  {
    id: 'purchase',
    labels: { en: 'Purchase', 'zh-CN': '购买' },
    description: 'At least one completed order.',
    rule: { minOrders: 1 },
  },
  {
    id: 'use',
    labels: { en: 'Use', 'zh-CN': '使用' },
    description: 'A service, review or support/complaint contact on or after the first order, or a second order.',
    rule: { interactionKinds: USE_KINDS, afterFirstPurchase: true, minOrders: 2 },
  },
  {
    id: 'repurchase',
    labels: { en: 'Repurchase', 'zh-CN': '复购' },
    description: 'At least two orders.',
    rule: { minOrders: 2 },
  },
  {
    id: 'advocacy',
    labels: { en: 'Advocacy', 'zh-CN': '推荐' },
    description: 'A referral interaction, or an NPS answer of 9 or 10.',
    rule: { interactionKinds: ['referral'], minNps: 9 },
  },
];

/**
 * Whether a rule can be evaluated on this feed: null when it can, else the reason.
 * A rule made only of order conditions is always observable. Otherwise at least one of its non-order
 * conditions must be evaluable — else the stage would silently collapse into an order-only stage
 * (e.g. "consideration" would equal "purchase") and look like a real measurement.
 */
export function ruleObservability(rule: StageRule, shape: LifecycleDataShape): string | null {
  const needs: string[] = [];
  let evaluable = false;
  const check = (present: boolean, what: string) => {
    if (present) evaluable = true;
    else needs.push(what);
  };
  if (rule.record) check(shape.hasCustomers, 'a customers table');
  if (rule.anyInteraction) check(shape.hasInteractions, 'an interactions table');
  if (rule.interactionKinds?.length) check(shape.interactionColumns.includes('kind'), 'interactions with a kind column');
  if (rule.minNps !== undefined) check(shape.interactionColumns.includes('nps'), 'interactions with an nps column');
  if (evaluable || needs.length === 0) return null;
  return `needs ${needs.join(' or ')}; orders alone cannot show this stage`;
}

/** Observability of any stage definition on a feed. */
export function stageObservability(stage: StageDefinition, shape: LifecycleDataShape): string | null {
  if (stage.observable) return stage.observable(shape);
  return stage.rule ? ruleObservability(stage.rule, shape) : null;
}

/** Throws a clear error when stage definitions are unusable (no stages, duplicate ids, neither rule nor test). */
export function validateStages(stages: readonly StageDefinition[]): void {
  if (stages.length === 0) throw codedError(Error, 'stages-empty');
  const seen = new Set<string>();
  for (const [i, s] of stages.entries()) {
    if (!s || typeof s.id !== 'string' || s.id === '') throw codedError(Error, 'stage-no-id', { index: i });
    if (seen.has(s.id)) throw codedError(Error, 'stage-twice', { id: s.id });
    seen.add(s.id);
    if (!s.rule === !s.test) throw codedError(Error, 'stage-rule', { id: s.id });
    if (s.rule?.minOrders !== undefined && !(Number.isInteger(s.rule.minOrders) && s.rule.minOrders >= 1)) {
      throw codedError(Error, 'stage-min-orders', { id: s.id, value: String(s.rule.minOrders) });
    }
  }
}
