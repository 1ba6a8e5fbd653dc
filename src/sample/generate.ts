/**
 * Seeded generator of realistic auto-parts aftermarket CRM data (pure: runs in Node and in the browser).
 *
 * The model, per customer:
 * - a type (汽修厂, 连锁快修, 改装店, 经销商, 车队, 个人车主) with its own rates, basket sizes, channels and
 *   categories (`profiles.ts`), a city (province, region, tier), a signup day;
 * - latent traits: a purchase rate (gamma across customers), a dropout probability after each repeat purchase
 *   (beta: the BG/NBD story), a spend level (gamma), price sensitivity, satisfaction, channel and category
 *   tastes. Purchases follow a Poisson process shaped by the trading calendar (`calendar.ts`) until dropout;
 * - interactions around the orders: inquiries and quotes before the first order, complaints (more after
 *   returns), reviews with NPS (tracking satisfaction and recent complaints), service visits, referrals by
 *   promoters, campaign touches; and prospects who interact but never buy;
 * - car owners' and fleets' vehicles (`vehicles.ts`), which their orders and service visits name.
 * The purchase rates are scaled so the expected number of order rows in the window meets the target.
 */
import { KNOWN_INTERACTION_KINDS } from '../data/schema.js';
import { isoToDay, dayToIso } from '../data/days.js';
import { Random, cumulative } from './random.js';
import { SAMPLE_CITIES } from './china.js';
import { buildCalendar, Promo, type Calendar } from './calendar.js';
import { businessName, maskedMobile, personName } from './names.js';
import { generateVehicles } from './vehicles.js';
import {
  CATEGORY,
  CATEGORY_MONTH_FACTOR,
  CATEGORY_ZH,
  CHANNEL_DRIFT_PER_YEAR,
  CONSUMER,
  CUSTOMER_TYPES,
  ECOMMERCE,
  EV_GROWTH_PER_YEAR,
  PART_CATEGORIES,
  PHONE,
  SOCIAL,
  STORE,
  TYPE_PROFILES,
  UNIT_PRICE,
} from './profiles.js';
import {
  GrowableColumns,
  orderByDay,
  type ResolvedSampleOptions,
  type SampleColumns,
  type SampleCustomers,
  type SampleInteractions,
  type SampleOptions,
  type SampleOrders,
} from './columns.js';

export * from './columns.js';

const DAYS_PER_YEAR = 365.25;
/** Share of customers who signed up before the window (their earlier orders are not in the feed). */
const LEGACY_SHARE = 0.3;
const REFUND_RATE = 0.004;
const KIND = Object.fromEntries(KNOWN_INTERACTION_KINDS.map((k, i) => [k, i])) as Record<
  (typeof KNOWN_INTERACTION_KINDS)[number],
  number
>;

const COMPLAINT_NOTES = ['发货延迟', '配件不匹配', '质量问题', '价格异议', '售后响应慢'];
const SERVICE_NOTES = ['上门技术支持', '安装指导', '故障诊断'];
const CAMPAIGN_NOTES = ['双11大促', '618年中促', '年货节备货', '夏季空调养护季', '会员日', '新能源专场', '以旧换新'];
const INQUIRY_NOTES = CATEGORY_ZH.map((c) => `咨询${c}`);
/** Dictionary of interaction notes (`SampleInteractions.note` indexes it). */
export const INTERACTION_NOTES: readonly string[] = [
  ...COMPLAINT_NOTES,
  ...SERVICE_NOTES,
  ...CAMPAIGN_NOTES,
  ...INQUIRY_NOTES,
  '推荐新客户',
];
const NOTE_COMPLAINT = 0;
const NOTE_SERVICE = COMPLAINT_NOTES.length;
const NOTE_CAMPAIGN = NOTE_SERVICE + SERVICE_NOTES.length;
const NOTE_INQUIRY = NOTE_CAMPAIGN + CAMPAIGN_NOTES.length;
const NOTE_REFERRAL = NOTE_INQUIRY + INQUIRY_NOTES.length;

const DISCOUNT_RATES = [0.05, 0.05, 0.08, 0.1, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3];

/** Fills in defaults and checks the options; throws a RangeError naming the bad option. */
export function resolveSampleOptions(options: SampleOptions = {}): ResolvedSampleOptions {
  const end = options.end ?? '2026-10-31';
  const endDay = isoToDay(end);
  if (Number.isNaN(endDay)) throw new RangeError(`sample option "end": expected a YYYY-MM-DD date, found "${end}"`);
  const threeYearsBefore = new Date(`${end}T00:00:00Z`);
  threeYearsBefore.setUTCFullYear(threeYearsBefore.getUTCFullYear() - 3);
  const start = options.start ?? dayToIso(isoToDay(threeYearsBefore.toISOString().slice(0, 10)) + 1);
  const startDay = isoToDay(start);
  if (Number.isNaN(startDay)) throw new RangeError(`sample option "start": expected a YYYY-MM-DD date, found "${start}"`);
  if (endDay - startDay < 30) {
    throw new RangeError(`sample options: the window ${start} … ${end} must span at least 31 days`);
  }
  const count = (name: 'customers' | 'orders', fallback: number) => {
    const v = options[name] ?? fallback;
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`sample option "${name}": expected a positive integer, found ${v}`);
    return v;
  };
  return {
    seed: options.seed ?? 1,
    customers: count('customers', 4000),
    orders: count('orders', 40000),
    start,
    end,
    startDay,
    endDay,
    includeLifecycleStage: options.includeLifecycleStage ?? false,
  };
}

/** Per-customer traits drawn in the first pass (before the purchase rates are calibrated). */
interface Traits {
  type: Uint8Array;
  city: Uint16Array;
  signupDay: Int32Array;
  /** First order day, or NaN for a prospect. */
  firstOrder: Float64Array;
  rate: Float64Array;
  dropout: Float64Array;
  spend: Float64Array;
  priceSensitivity: Float64Array;
  satisfaction: Float64Array;
  /** 4 channel taste multipliers per customer. */
  channelTaste: Float32Array;
  /** One taste multiplier per category per customer. */
  categoryTaste: Float32Array;
  legacy: Uint8Array;
}

const NC = PART_CATEGORIES.length;
const CATEGORY_CUM = TYPE_PROFILES.map((p) => cumulative(p.categories));

/** Generates the sample in columnar form (the fast path; see `generateSample` for records). */
export function generateSampleColumns(options: SampleOptions = {}): SampleColumns {
  const opts = resolveSampleOptions(options);
  const n = opts.customers;
  const simFirst = opts.startDay - Math.round(3 * DAYS_PER_YEAR);
  const cal = buildCalendar(simFirst, opts.endDay);
  const traits = drawTraits(opts, cal);
  calibrateRates(traits, opts);
  const customers = describeCustomers(opts, traits);

  // The calibration meets the target in expectation; with few customers buying a lot, one heavy buyer can
  // throw the realised count far off. Then rescale the rates and run again (same random streams).
  let run = simulate(opts, cal, traits);
  for (let attempt = 0; attempt < 3 && Math.abs(run.orders.count / opts.orders - 1) > 0.1; attempt++) {
    const factor = opts.orders / Math.max(1, run.orders.count);
    for (let i = 0; i < n; i++) traits.rate[i] *= factor;
    const next = simulate(opts, cal, traits);
    if (Math.abs(next.orders.count / opts.orders - 1) < Math.abs(run.orders.count / opts.orders - 1)) run = next;
  }
  customers.lifecycle = run.lifecycle;
  customers.truth.dropDay = run.dropDay;
  const { vehicles, orderVehicle, interactionVehicle } = generateVehicles(opts, customers, run.orders, run.interactions);
  run.orders.vehicle = orderVehicle;
  run.interactions.vehicle = interactionVehicle;
  return { options: opts, customers, orders: run.orders, interactions: run.interactions, vehicles };
}

interface SimulationRun {
  orders: SampleOrders;
  interactions: SampleInteractions;
  lifecycle: Uint8Array;
  dropDay: Float64Array;
}

function simulate(opts: ResolvedSampleOptions, cal: Calendar, traits: Traits): SimulationRun {
  const n = opts.customers;
  const orderCols = new GrowableColumns(
    {
      customer: Int32Array, day: Int32Array, amount: Float64Array, channel: Uint8Array, category: Uint8Array,
      quantity: Int32Array, discount: Float64Array, status: Uint8Array, refundOf: Int32Array,
    },
    Math.ceil(opts.orders * 1.15),
  );
  const interactionCols = new GrowableColumns(
    { customer: Int32Array, day: Int32Array, channel: Uint8Array, kind: Uint8Array, nps: Int8Array, note: Int16Array },
    Math.ceil(opts.orders * 0.4 + n),
  );
  const lifecycle = new Uint8Array(n);
  const dropDay = new Float64Array(n).fill(NaN);
  const sim = new CustomerSimulation(opts, cal, traits, orderCols, interactionCols, lifecycle, dropDay);
  for (let i = 0; i < n; i++) sim.run(i);
  return {
    orders: finishOrders(orderCols, opts),
    interactions: finishInteractions(interactionCols, opts),
    lifecycle,
    dropDay,
  };
}

function drawTraits(opts: ResolvedSampleOptions, cal: Calendar): Traits {
  const n = opts.customers;
  const t: Traits = {
    type: new Uint8Array(n),
    city: new Uint16Array(n),
    signupDay: new Int32Array(n),
    firstOrder: new Float64Array(n),
    rate: new Float64Array(n),
    dropout: new Float64Array(n),
    spend: new Float64Array(n),
    priceSensitivity: new Float64Array(n),
    satisfaction: new Float64Array(n),
    channelTaste: new Float32Array(n * 4),
    categoryTaste: new Float32Array(n * NC),
    legacy: new Uint8Array(n),
  };
  const typeCum = cumulative(TYPE_PROFILES.map((p) => p.share));
  const cityCum = cumulative(SAMPLE_CITIES.map((c) => c.weight));
  const newSpan = opts.endDay - 7 - opts.startDay + 1;
  for (let i = 0; i < n; i++) {
    const rng = Random.derive(opts.seed, 2 * i);
    const type = rng.pickCumulative(typeCum);
    const p = TYPE_PROFILES[type];
    t.type[i] = type;
    t.city[i] = rng.pickCumulative(cityCum);
    t.legacy[i] = rng.chance(LEGACY_SHARE) ? 1 : 0;
    if (t.legacy[i]) {
      t.signupDay[i] = rng.between(cal.first, opts.startDay - 1);
    } else {
      // New signups grow over the window (×1.6 by its end) and follow the trading calendar.
      const intensity = cal.intensity[type];
      const max = 1.6 * cal.maxIntensity[type];
      for (;;) {
        const d = opts.startDay + rng.int(newSpan);
        const growth = 1 + (0.6 * (d - opts.startDay)) / newSpan;
        if (rng.next() * max < growth * intensity[d - cal.first]) {
          t.signupDay[i] = d;
          break;
        }
      }
    }
    const consumer = type === CONSUMER;
    const prospect = rng.chance(p.prospects);
    const delay = consumer ? (rng.chance(0.6) ? 0 : rng.exponential(15)) : rng.gamma(1.2, 8);
    t.firstOrder[i] = prospect ? NaN : t.signupDay[i] + Math.round(delay);
    t.rate[i] = rng.gamma(p.rateShape, p.rate / p.rateShape);
    t.dropout[i] = rng.beta(p.dropout[0], p.dropout[1]);
    t.spend[i] = rng.gamma(2, 0.5);
    t.priceSensitivity[i] = consumer ? rng.beta(2.5, 4) : rng.beta(2, 5);
    t.satisfaction[i] = rng.normal();
    for (let c = 0; c < 4; c++) t.channelTaste[i * 4 + c] = rng.gamma(3, 1 / 3);
    for (let k = 0; k < NC; k++) t.categoryTaste[i * NC + k] = rng.gamma(2, 0.5);
    // EV owners (and electric taxi / ride-hailing fleets) buy far more EV parts.
    if (rng.chance(consumer ? 0.12 : CUSTOMER_TYPES[type] === 'fleet' ? 0.25 : 0.05)) {
      t.categoryTaste[i * NC + CATEGORY.ev_parts] *= 5;
    }
  }
  return t;
}

/** Expected order rows of customer i inside the window at rate scale s (BG/NBD: (1/p)(e^-λpa − e^-λpb)). */
function expectedOrders(t: Traits, i: number, s: number, opts: ResolvedSampleOptions): number {
  const first = t.firstOrder[i];
  if (!(first <= opts.endDay)) return 0;
  const a = Math.max(0, opts.startDay - first) / DAYS_PER_YEAR;
  const b = (opts.endDay - first) / DAYS_PER_YEAR;
  const lp = s * t.rate[i] * t.dropout[i];
  const repeats = (Math.exp(-lp * a) - Math.exp(-lp * b)) / t.dropout[i];
  return (first >= opts.startDay ? 1 : 0) + repeats;
}

/** Scales every purchase rate (and, for very high targets, lowers dropout) to meet the order target. */
function calibrateRates(t: Traits, opts: ResolvedSampleOptions): void {
  const n = opts.customers;
  // Rows that are not first/repeat purchases: refunds.
  const target = opts.orders / (1 + REFUND_RATE);
  const total = (s: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += expectedOrders(t, i, s, opts);
    return sum;
  };
  // Customers who signed up before the window can buy so fast that they drop out before it starts, so the
  // expected count is not monotone in the scale: climb from a tiny scale to the first one that reaches the
  // target, then bisect. Dropout caps what a customer can ever buy (1/p repeats): halve it if no scale will do.
  let lo = 1e-3;
  let hi = lo;
  for (let attempt = 0; attempt < 12; attempt++) {
    lo = hi = 1e-3;
    while (hi < 1e5 && total(hi) < target) {
      lo = hi;
      hi *= 1.25;
    }
    if (hi < 1e5) break;
    for (let i = 0; i < n; i++) t.dropout[i] /= 2;
  }
  for (let k = 0; k < 40; k++) {
    const mid = Math.sqrt(lo * hi);
    if (total(mid) < target) lo = mid;
    else hi = mid;
  }
  const s = Math.sqrt(lo * hi);
  for (let i = 0; i < n; i++) t.rate[i] *= s;
}

function describeCustomers(opts: ResolvedSampleOptions, t: Traits): SampleCustomers {
  const n = opts.customers;
  const width = Math.max(6, String(n).length);
  const id: string[] = new Array(n);
  const name: string[] = new Array(n);
  const phone: string[] = new Array(n);
  const email: (string | null)[] = new Array(n);
  const tags: (string | null)[] = new Array(n);
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const rng = Random.derive(opts.seed, 2 * n + i);
    const type = CUSTOMER_TYPES[t.type[i]];
    const consumer = type === 'consumer';
    id[i] = `C${String(i + 1).padStart(width, '0')}`;
    let nm = consumer ? personName(rng) : businessName(rng, type, SAMPLE_CITIES[t.city[i]].name);
    if (!consumer) {
      // Business names are unique: a second shop of the same name is its branch.
      const k = (seen.get(nm) ?? 0) + 1;
      seen.set(nm, k);
      if (k > 1) nm = `${nm}(${k}号店)`;
    }
    name[i] = nm;
    phone[i] = maskedMobile(rng);
    const num = String(i + 1).padStart(width, '0');
    email[i] = rng.chance(TYPE_PROFILES[t.type[i]].email)
      ? consumer
        ? `user${num}@example.com`
        : `sales${num}@example.net`
      : null;
    const tg: string[] = [];
    if (!consumer && t.spend[i] > 1.8) tg.push('大客户');
    if (t.priceSensitivity[i] > 0.55) tg.push('价格敏感');
    if (t.categoryTaste[i * NC + CATEGORY.ev_parts] > 2.5) tg.push('新能源');
    if (t.channelTaste[i * 4 + ECOMMERCE] > 1.6) tg.push('线上活跃');
    if (t.legacy[i]) tg.push('老客户');
    tags[i] = tg.length ? tg.join(';') : null;
  }
  return {
    count: n,
    id,
    name,
    type: t.type,
    city: t.city,
    signupDay: t.signupDay,
    phone,
    email,
    tags,
    lifecycle: new Uint8Array(n),
    truth: {
      rate: t.rate,
      dropout: t.dropout,
      spend: t.spend,
      priceSensitivity: t.priceSensitivity,
      satisfaction: t.satisfaction,
      dropDay: new Float64Array(n).fill(NaN),
    },
  };
}

type OrderKeys = 'customer' | 'day' | 'amount' | 'channel' | 'category' | 'quantity' | 'discount' | 'status' | 'refundOf';
type InteractionKeys = 'customer' | 'day' | 'channel' | 'kind' | 'nps' | 'note';

/** Runs one customer's purchase process and interactions, appending rows. */
class CustomerSimulation {
  private readonly weights = new Float64Array(NC);
  private readonly channelWeights = new Float64Array(4);
  private rng!: Random;
  private i = 0;
  private lastComplaint = -Infinity;

  constructor(
    private readonly opts: ResolvedSampleOptions,
    private readonly cal: Calendar,
    private readonly t: Traits,
    private readonly orders: GrowableColumns<OrderKeys>,
    private readonly interactions: GrowableColumns<InteractionKeys>,
    private readonly lifecycle: Uint8Array,
    private readonly dropDay: Float64Array,
  ) {}

  run(i: number): void {
    const { opts, t } = this;
    this.rng = Random.derive(opts.seed, 4 * opts.customers + i);
    this.i = i;
    this.lastComplaint = -Infinity;
    const rng = this.rng;
    const type = t.type[i];
    const trade = type !== CONSUMER;
    const first = t.firstOrder[i];
    let lastOrder = NaN;

    if (first <= opts.endDay) {
      this.beforeFirstOrder(first, trade);
      const intensity = this.cal.intensity[type];
      const maxI = this.cal.maxIntensity[type];
      const meanGap = DAYS_PER_YEAR / (t.rate[i] * maxI);
      let day = first;
      for (let repeat = false; ; repeat = true) {
        if (day >= opts.startDay) {
          this.order(day);
        }
        lastOrder = day;
        if (repeat && rng.chance(t.dropout[i])) {
          this.dropDay[i] = day;
          break;
        }
        // Next purchase: a Poisson process thinned by the calendar's intensity.
        let x = day + 0.5;
        do x += rng.exponential(meanGap);
        while (x <= opts.endDay + 1 && rng.next() * maxI >= intensity[Math.floor(x) - this.cal.first]);
        if (x > opts.endDay + 1) break;
        day = Math.floor(x);
      }
    } else {
      this.prospect(trade);
    }
    this.campaigns();

    // Codes index LIFECYCLE_STAGES: prospect, new, active, at_risk, churned.
    const end = opts.endDay;
    this.lifecycle[i] = Number.isNaN(lastOrder)
      ? 0
      : !Number.isNaN(this.dropDay[i])
        ? 4
        : first > end - 90
          ? 1
          : lastOrder < end - 180
            ? 3
            : 2;
  }

  /** Interest before the first purchase: awareness, inquiry, quote (businesses). */
  private beforeFirstOrder(first: number, trade: boolean): void {
    const rng = this.rng;
    if (rng.chance(0.4)) {
      const visit = rng.chance(0.5);
      this.interaction(first - rng.between(10, 60), visit ? STORE : SOCIAL, visit ? KIND.visit : KIND.campaign);
    }
    if (rng.chance(0.6)) this.inquiry(first - rng.between(0, 20));
    if (trade && rng.chance(0.55)) this.interaction(first - rng.between(0, 10), rng.chance(0.6) ? PHONE : STORE, KIND.quote);
  }

  /** A prospect: aware, maybe asks and gets a quote, never orders. */
  private prospect(trade: boolean): void {
    const rng = this.rng;
    const signup = this.t.signupDay[this.i];
    if (rng.chance(0.8)) {
      const visit = rng.chance(0.5);
      this.interaction(signup, visit ? STORE : SOCIAL, visit ? KIND.visit : KIND.campaign);
    }
    let d = signup + rng.between(0, 30);
    if (rng.chance(0.65)) this.inquiry(d);
    if (rng.chance(trade ? 0.4 : 0.1)) this.interaction((d += rng.between(1, 10)), rng.chance(0.6) ? PHONE : STORE, KIND.quote);
    for (let k = rng.poisson(0.6); k > 0; k--) this.inquiry((d += rng.between(7, 90)));
  }

  /** Marketing touches through the customer's time with us. */
  private campaigns(): void {
    const { rng, opts } = this;
    const from = Math.max(this.t.signupDay[this.i], opts.startDay);
    if (from > opts.endDay) return;
    for (let k = rng.poisson((0.5 * (opts.endDay - from + 1)) / DAYS_PER_YEAR); k > 0; k--) {
      const d = rng.between(from, opts.endDay);
      const promo = this.cal.promo[d - this.cal.first];
      const month = this.cal.month[d - this.cal.first];
      const note =
        promo === Promo.Double11 ? 0 : promo === Promo.Mid618 ? 1 : promo === Promo.PreNewYear ? 2
          : month >= 5 && month <= 7 && rng.chance(0.5) ? 3 : rng.between(4, 6);
      const r = rng.next();
      this.interaction(d, r < 0.5 ? SOCIAL : r < 0.8 ? PHONE : ECOMMERCE, KIND.campaign, -1, NOTE_CAMPAIGN + note);
    }
  }

  private inquiry(day: number): void {
    const cat = this.rng.pickCumulative(CATEGORY_CUM[this.t.type[this.i]]);
    this.interaction(day, this.pickChannel(day), KIND.inquiry, -1, NOTE_INQUIRY + cat);
  }

  private interaction(day: number, channel: number, kind: number, nps = -1, note = -1): void {
    if (day < this.opts.startDay || day > this.opts.endDay) return;
    const r = this.interactions.add();
    const c = this.interactions.cols;
    c.customer[r] = this.i;
    c.day[r] = day;
    c.channel[r] = channel;
    c.kind[r] = kind;
    c.nps[r] = nps;
    c.note[r] = note;
  }

  /** Channel of an order on a day: type mix, drifting online over the years, the customer's taste, promos. */
  private pickChannel(day: number): number {
    const { t, i, channelWeights: w } = this;
    const p = TYPE_PROFILES[t.type[i]];
    const years = (day - this.opts.startDay) / DAYS_PER_YEAR;
    for (let c = 0; c < 4; c++) {
      w[c] = p.channels[c] * Math.max(0.05, 1 + CHANNEL_DRIFT_PER_YEAR[c] * years) * t.channelTaste[i * 4 + c];
    }
    const promo = this.cal.promo[day - this.cal.first];
    const ps = t.priceSensitivity[i];
    if (promo === Promo.Double11) w[ECOMMERCE] *= 1.5 + 3 * ps;
    else if (promo === Promo.Mid618) w[ECOMMERCE] *= 1 + 1.5 * ps;
    for (let c = 1; c < 4; c++) w[c] += w[c - 1];
    return this.rng.pickCumulative(w);
  }

  private pickCategory(day: number): number {
    const { t, i, weights: w } = this;
    const p = TYPE_PROFILES[t.type[i]];
    const month = this.cal.month[day - this.cal.first];
    const years = Math.max(0, (day - this.opts.startDay) / DAYS_PER_YEAR);
    let sum = 0;
    for (let k = 0; k < NC; k++) {
      let v = p.categories[k] * t.categoryTaste[i * NC + k];
      const seasonal = CATEGORY_MONTH_FACTOR[PART_CATEGORIES[k]];
      if (seasonal) v *= seasonal[month];
      if (k === CATEGORY.ev_parts) v *= 1 + EV_GROWTH_PER_YEAR * years;
      w[k] = sum += v;
    }
    return this.rng.pickCumulative(w);
  }

  private order(day: number): void {
    const { rng, t, i } = this;
    const type = t.type[i];
    const p = TYPE_PROFILES[type];
    const consumer = type === CONSUMER;
    const channel = this.pickChannel(day);
    const category = this.pickCategory(day);
    const ps = t.priceSensitivity[i];
    const promo = this.cal.promo[day - this.cal.first];

    let quantity: number;
    if (consumer) quantity = category === CATEGORY.tyres ? (rng.chance(0.55) ? 4 : 2) : 1 + rng.poisson(0.25);
    else {
      quantity = Math.max(1, Math.round(rng.gamma(1.5, p.quantity / 1.5)));
      if (category === CATEGORY.tyres) quantity = Math.max(2, quantity + (quantity % 2));
    }
    let discountP = 0.05 + 0.6 * ps;
    if (channel === ECOMMERCE && (promo === Promo.Double11 || promo === Promo.Mid618)) discountP += 0.3;
    const discount = rng.chance(Math.min(0.9, discountP))
      ? DISCOUNT_RATES[Math.floor(Math.pow(rng.next(), 1.5 - ps) * DISCOUNT_RATES.length)]
      : 0;
    const unit = rng.logNormal(UNIT_PRICE[category], 0.35);
    const amount = Math.max(5, Math.round(unit * quantity * t.spend[i] * (1 - discount) * 100) / 100);

    const returnP = consumer ? (channel === ECOMMERCE ? 0.045 : 0.025) : 0.016;
    const r = rng.next();
    const status = r < returnP ? 1 : r < returnP + 0.01 ? 2 : 0;

    const row = this.addOrder(day, amount, channel, category, quantity, discount, status, -1);
    if (status === 0 && rng.chance(REFUND_RATE)) {
      const refundDay = day + rng.between(3, 20);
      const part = Math.round(amount * (0.1 + 0.4 * rng.next()) * 100) / 100;
      if (refundDay <= this.opts.endDay) this.addOrder(refundDay, -part, channel, category, 0, 0, 0, row);
    }
    this.afterOrder(day, channel, status === 1, consumer);
  }

  private addOrder(
    day: number, amount: number, channel: number, category: number, quantity: number, discount: number,
    status: number, refundOf: number,
  ): number {
    const r = this.orders.add();
    const c = this.orders.cols;
    c.customer[r] = this.i;
    c.day[r] = day;
    c.amount[r] = amount;
    c.channel[r] = channel;
    c.category[r] = category;
    c.quantity[r] = quantity;
    c.discount[r] = discount;
    c.status[r] = status;
    c.refundOf[r] = refundOf;
    return r;
  }

  /** Complaints, reviews with NPS, service visits and referrals that follow an order. */
  private afterOrder(day: number, channel: number, returned: boolean, consumer: boolean): void {
    const { rng, t, i } = this;
    const z = t.satisfaction[i];
    const unhappy = 1 / (1 + Math.exp(1.2 * z)); // 0–1, high for dissatisfied customers
    if (rng.chance(returned ? 0.45 : 0.012 + 0.03 * unhappy)) {
      const d = day + rng.between(1, 15);
      this.lastComplaint = d;
      this.interaction(d, rng.chance(0.6) ? PHONE : channel, KIND.complaint, -1, NOTE_COMPLAINT + rng.int(COMPLAINT_NOTES.length));
    }
    if (rng.chance(consumer ? 0.12 : 0.05)) {
      const d = day + rng.between(2, 14);
      const recentComplaint = d - this.lastComplaint <= 90 ? 3.5 : 0;
      const score = 7.6 + 1.7 * z + 0.35 * Math.log(t.spend[i]) - recentComplaint + 0.8 * rng.normal();
      this.interaction(d, channel === PHONE || channel === STORE ? SOCIAL : channel, KIND.review, Math.min(10, Math.max(0, Math.round(score))));
    }
    if (rng.chance(consumer ? 0.02 : 0.05)) {
      this.interaction(day + rng.between(0, 30), STORE, KIND.service, -1, NOTE_SERVICE + rng.int(SERVICE_NOTES.length));
    }
    if (z > 0.7 && rng.chance(0.05)) {
      this.interaction(day + rng.between(5, 60), rng.chance(0.6) ? SOCIAL : STORE, KIND.referral, -1, NOTE_REFERRAL);
    }
  }
}

function finishOrders(cols: GrowableColumns<OrderKeys>, opts: ResolvedSampleOptions): SampleOrders {
  const order = orderByDay(cols.cols.day as Int32Array, cols.count, opts.startDay, opts.endDay);
  const c = cols.trim(order);
  const count = cols.count;
  // Order numbers follow the date order; a refund row repeats its original's number.
  const position = new Int32Array(count);
  for (let k = 0; k < count; k++) position[order[k]] = k;
  const seq = new Int32Array(count);
  const refund = new Uint8Array(count);
  const refundOf = c.refundOf as Int32Array;
  let next = 0;
  for (let k = 0; k < count; k++) {
    if (refundOf[k] < 0) seq[k] = ++next;
    else {
      refund[k] = 1;
      seq[k] = seq[position[refundOf[k]]];
    }
  }
  return {
    count,
    customer: c.customer as Int32Array,
    day: c.day as Int32Array,
    amount: c.amount as Float64Array,
    channel: c.channel as Uint8Array,
    category: c.category as Uint8Array,
    quantity: c.quantity as Int32Array,
    discount: c.discount as Float64Array,
    status: c.status as Uint8Array,
    seq,
    refund,
    vehicle: new Int32Array(count).fill(-1),
  };
}

function finishInteractions(cols: GrowableColumns<InteractionKeys>, opts: ResolvedSampleOptions): SampleInteractions {
  const c = cols.trim(orderByDay(cols.cols.day as Int32Array, cols.count, opts.startDay, opts.endDay));
  return {
    count: cols.count,
    customer: c.customer as Int32Array,
    day: c.day as Int32Array,
    channel: c.channel as Uint8Array,
    kind: c.kind as Uint8Array,
    nps: c.nps as Int8Array,
    note: c.note as Int16Array,
    vehicle: new Int32Array(cols.count).fill(-1),
  };
}
