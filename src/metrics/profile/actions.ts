/**
 * Suggested next actions for one customer, from their RFM segment, churn risk and recent interactions, their
 * vehicles' service due and the categories customers like them buy next: a small ordered rule table (pure; no
 * DOM). Each action carries its text and the reason that triggered it (its evidence) in both locales, with
 * `{placeholders}` filled from `params` by the caller (who formats dates, money, shares and vehicles).
 */
import type { CustomerProfile } from './profile.js';
import type { NextCategoriesResult, NextCategory } from '../associations/next-categories.js';
import type { CustomerVehicles } from '../vehicles/customer-vehicles.js';

/** Text in every supported locale (same keys as `SegmentLabels`). */
export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

/** Churn risk as a word: `low` < 30 % ≤ `medium` < 60 % ≤ `high`. */
export type ChurnLevel = 'low' | 'medium' | 'high';

/** Lower bounds of the `medium` and `high` churn levels (fractions). */
export const CHURN_LEVELS = { medium: 0.3, high: 0.6 } as const;

/** The churn level of a churn risk (1 − P(alive)); NaN → null. */
export function churnLevel(risk: number): ChurnLevel | null {
  if (!(risk === risk)) return null;
  return risk >= CHURN_LEVELS.high ? 'high' : risk >= CHURN_LEVELS.medium ? 'medium' : 'low';
}

export type CustomerActionId =
  | 'care-call'
  | 'win-back'
  | 'reactivation'
  | 'vip-service'
  | 'cross-sell'
  | 'onboarding'
  | 'nurture'
  | 'first-order'
  | 'service-reminder'
  | 'fleet-service'
  | 'offer-category';

/**
 * Values for the placeholders of `text` and `reason`, raw: `date` is an epoch day, `nps` and `days` numbers,
 * `churn` a fraction, `segment` a segment id (its labels in `segmentLabels`), `category` and `given` as in the
 * data, `categories` a `|`-separated list of categories, `share` a fraction, `lift` a ratio, `vehicle` a plate
 * or VIN (mask it; written with `vehicleName`, make and model, as `{vehicle}`), `daysLeft` / `kmLeft` the service due (negative: overdue;
 * the caller writes them as `{due}`), `intervalKm` / `intervalMonths` the interval rule.
 */
export type ActionParams = Readonly<Record<string, string | number>>;

export interface CustomerAction {
  id: CustomerActionId;
  /** What to do (may hold `{category}`). */
  text: LocalizedText;
  /** Why: the rule that fired (may hold `{date}`, `{nps}`, `{days}`, `{churn}`, `{segment}`). */
  reason: LocalizedText;
  params: ActionParams;
}

/** Thresholds of the rules (days, NPS points, fractions). */
export interface ActionRuleSettings {
  /** A complaint this many days before asOf or fewer triggers a care call. Default 30. */
  complaintDays: number;
  /** A latest NPS at or below this triggers a care call (detractor). Default 6. */
  detractorNps: number;
  /** The latest NPS counts when given at most this many days before asOf. Default 90. */
  npsDays: number;
  /** Churn risk at or above this with an M score ≥ `highSpendScore` triggers a win-back offer. Default 0.6. */
  winBackRisk: number;
  /** M score (1–5 scale of the preset) of a high spender. Default 4. */
  highSpendScore: number;
  /** A one-order customer whose first order is at most this old gets onboarding. Default 60. */
  newCustomerDays: number;
}

export const DEFAULT_ACTION_SETTINGS: ActionRuleSettings = {
  complaintDays: 30,
  detractorNps: 6,
  npsDays: 90,
  winBackRisk: CHURN_LEVELS.high,
  highSpendScore: 4,
  newCustomerDays: 60,
};

const txt = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

const TEXT: Record<CustomerActionId, LocalizedText> = {
  'care-call': txt('Make a care call: listen, fix the issue, follow up within a week.', '安排关怀回访：倾听问题、解决并在一周内跟进。'),
  'win-back': txt('Send a personal win-back offer before this high spender lapses.', '在这位高价值客户流失前发送专属挽回优惠。'),
  reactivation: txt('Add to the reactivation campaign with a comeback coupon.', '纳入唤醒活动，发放回归优惠券。'),
  'vip-service': txt('Give VIP service: priority delivery and a dedicated account manager.', '提供VIP服务：优先配送和专属客户经理。'),
  'cross-sell': txt('Cross-sell parts that go with {category}.', '交叉推荐与{category}搭配的配件。'),
  onboarding: txt('Onboard: welcome call, catalogue and a second-order offer.', '新客引导：欢迎回访、发送产品目录和复购优惠。'),
  nurture: txt('Send a timely reminder with a limited offer to keep them buying.', '发送及时提醒和限时优惠，保持购买节奏。'),
  'first-order': txt('Convert the prospect with a first-order offer.', '用首单优惠促成潜在客户首次购买。'),
  'service-reminder': txt('Send a service reminder for {vehicle} and offer {categories}.', '为{vehicle}发送保养提醒，并推荐{categories}。'),
  'fleet-service': txt('Plan a fleet service: {count} vehicles due within {days} days; offer {categories}.', '安排车队保养：{days}天内有{count}辆车到期，推荐{categories}。'),
  'offer-category': txt('Offer {category}.', '推荐{category}。'),
};

/** Service texts when the data has none of the service categories to offer. */
const SERVICE_ONLY = {
  'service-reminder': txt('Send a service reminder for {vehicle}.', '为{vehicle}发送保养提醒。'),
  'fleet-service': txt('Plan a fleet service: {count} vehicles due within {days} days.', '安排车队保养：{days}天内有{count}辆车到期。'),
} as const;

/** The evidence of an offer, by what a basket is (see `categoryAssociations`). */
const OFFER_REASON = {
  customer: txt('Bought by {share} of customers who bought {given}, {lift}× the base rate.', '购买{given}的客户中有{share}也买了它，是平均水平的{lift}倍。'),
  order: txt('In {share} of orders with {given}, {lift}× the base rate.', '含{given}的订单中有{share}同时购买它，是平均水平的{lift}倍。'),
} as const;

/** Extra evidence the card passes in: the vehicles and the next-categories ranking of the same customer. */
export interface ActionContext {
  vehicles?: CustomerVehicles | null;
  next?: NextCategoriesResult | null;
  /** Association offers at most. Default 2. */
  maxOffers?: number;
}

const categoryList = (list: readonly NextCategory[]) => list.map((c) => c.category).join('|');

/** Segment ids (RFM presets, src/metrics/segments.ts) each rule looks at. */
const SEGMENTS = {
  vip: ['champions'],
  winBack: ['at-risk', 'cant-lose-them'],
  reactivation: ['hibernating', 'lost'],
  crossSell: ['loyal-customers', 'potential-loyalist'],
  onboarding: ['new-customers'],
  nurture: ['need-attention', 'about-to-sleep', 'promising'],
} as const;

const inSegment = (p: CustomerProfile, ids: readonly string[]) => !!p.rfm && ids.includes(p.rfm.segment.id);

/**
 * The suggested actions for a profile, most urgent first (service recovery, then value at risk, then
 * growth), each at most once. Rules:
 *
 * | action | when |
 * | --- | --- |
 * | `care-call` | a complaint within `complaintDays` of asOf, or the latest NPS (within `npsDays`) ≤ `detractorNps` |
 * | `win-back` | segment at-risk / can't-lose-them, or churn risk ≥ `winBackRisk` with M ≥ `highSpendScore` |
 * | `reactivation` | segment hibernating / lost (and not already won back) |
 * | `vip-service` | segment champions |
 * | `cross-sell` | segment loyal-customers / potential-loyalist with a top category |
 * | `onboarding` | segment new-customers, or one order no older than `newCustomerDays` |
 * | `nurture` | segment need-attention / about-to-sleep / promising |
 * | `first-order` | no kept order yet (a prospect) |
 * | `service-reminder` | (after care calls) a vehicle whose service is overdue or due within `dueSoonDays`; one per vehicle, at most 3 |
 * | `fleet-service` | instead of reminders when 3 or more vehicles are due: one plan for the fleet |
 * | `offer-category` | (in place of `cross-sell`) the top association categories of `nextCategories`, at most `maxOffers` |
 */
export function suggestActions(
  profile: CustomerProfile,
  settings: Partial<ActionRuleSettings> = {},
  context: ActionContext = {},
): CustomerAction[] {
  const s = { ...DEFAULT_ACTION_SETTINGS, ...settings };
  const out: CustomerAction[] = [];
  const add = (id: CustomerActionId, reason: LocalizedText, params: ActionParams = {}) => {
    if (!out.some((a) => a.id === id)) out.push({ id, text: TEXT[id], reason, params });
  };
  const segment = profile.rfm?.segment.id ?? '';

  const complaint = profile.timeline.find(
    (t) => t.kind?.toLowerCase() === 'complaint' && profile.asOf - t.day <= s.complaintDays,
  );
  const rated = profile.timeline.find((t) => t.nps === t.nps);
  if (complaint) add('care-call', txt('Complaint on {date}.', '{date}有投诉。'), { date: complaint.day });
  else if (rated && rated.nps <= s.detractorNps && profile.asOf - rated.day <= s.npsDays)
    add('care-call', txt('Latest NPS {nps} on {date} (detractor).', '{date}最新NPS为{nps}（贬损者）。'), { nps: rated.nps, date: rated.day });

  serviceActions(context, out);

  if (!profile.found) {
    add('first-order', txt('No order yet.', '尚未下单。'));
    return out;
  }

  const p = profile.predictions;
  const risk = p && p.available ? p.churnRisk : NaN;
  if (inSegment(profile, SEGMENTS.winBack))
    add('win-back', txt('Segment: {segment}.', '客户分群：{segment}。'), { segment });
  else if (risk >= s.winBackRisk && (profile.rfm?.m ?? 0) >= s.highSpendScore)
    add('win-back', txt('Churn risk {churn} and M score {m}.', '流失风险{churn}，M得分{m}。'), { churn: risk, m: profile.rfm!.m });

  if (inSegment(profile, SEGMENTS.reactivation) && !out.some((a) => a.id === 'win-back'))
    add('reactivation', txt('Segment: {segment}; no order for {days} days.', '客户分群：{segment}；已{days}天未下单。'), {
      segment,
      days: profile.recencyDays,
    });
  if (inSegment(profile, SEGMENTS.vip)) add('vip-service', txt('Segment: {segment}.', '客户分群：{segment}。'), { segment });
  const offers = (context.next?.categories ?? []).filter((c) => c.source === 'association' && c.rule).slice(0, context.maxOffers ?? 2);
  for (const o of offers) {
    const r = o.rule!;
    out.push({
      id: 'offer-category',
      text: TEXT['offer-category'],
      reason: OFFER_REASON[context.next!.basket],
      params: { category: o.category, given: r.antecedent, share: r.confidence, lift: r.lift },
    });
  }
  const top = profile.topCategories[0]?.value;
  if (inSegment(profile, SEGMENTS.crossSell) && top && !offers.length)
    add('cross-sell', txt('Segment: {segment}; top category {category}.', '客户分群：{segment}；主要品类{category}。'), {
      segment,
      category: top,
    });
  if (inSegment(profile, SEGMENTS.onboarding))
    add('onboarding', txt('Segment: {segment}.', '客户分群：{segment}。'), { segment });
  else if (profile.orders === 1 && profile.tenureDays <= s.newCustomerDays)
    add('onboarding', txt('First order {days} days ago.', '{days}天前首次下单。'), { days: profile.tenureDays });
  if (inSegment(profile, SEGMENTS.nurture)) add('nurture', txt('Segment: {segment}.', '客户分群：{segment}。'), { segment });
  return out;
}

/** Service reminders per due vehicle, or one fleet plan when 3 or more are due (see `suggestActions`). */
function serviceActions(context: ActionContext, out: CustomerAction[]): void {
  const vehicles = context.vehicles;
  const service = (context.next?.categories ?? []).filter((c) => c.source === 'service');
  if (!vehicles) return;
  const due = vehicles.vehicles.filter((v) => v.service.status === 'overdue' || v.service.status === 'due-soon');
  if (!due.length) return;
  const categories = categoryList(service);
  const describe = (v: (typeof due)[number]) => ({
    vehicle: v.vehicleId ?? '',
    vehicleName: [v.make, v.model].filter(Boolean).join(' '),
    daysLeft: v.service.daysLeft,
    kmLeft: v.service.kmLeft,
    intervalKm: v.service.interval.km,
    intervalMonths: v.service.interval.months,
  });
  if (due.length >= 3) {
    out.push({
      id: 'fleet-service',
      text: categories ? TEXT['fleet-service'] : SERVICE_ONLY['fleet-service'],
      reason: txt('{overdue} already overdue; first: {vehicle}, {due}.', '其中{overdue}辆已逾期；最早：{vehicle}，{due}。'),
      params: { count: due.length, days: vehicles.dueSoonDays, overdue: vehicles.overdue, categories, ...describe(due[0]!) },
    });
    return;
  }
  for (const v of due.slice(0, 3)) {
    out.push({
      id: 'service-reminder',
      text: categories ? TEXT['service-reminder'] : SERVICE_ONLY['service-reminder'],
      reason: txt('Service {due} (every {intervalKm} km or {intervalMonths} months).', '保养{due}（每{intervalKm}公里或{intervalMonths}个月）。'),
      params: { categories, ...describe(v) },
    });
  }
}
