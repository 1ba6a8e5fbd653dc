/**
 * The columnar form of a generated sample: typed arrays and small dictionaries, cheap to build at 1M orders
 * and the fast path for benchmarks. `records.ts` and `serialize.ts` turn it into feed records / JSON / CSV.
 */

/** Options of the generator. Counts are targets: the simulation lands near them, not exactly on them. */
export interface SampleOptions {
  /** Seed of the random streams (number or string). Default 1. */
  seed?: number | string;
  /** Customers in the customers table (including prospects that never order). Default 4,000. */
  customers?: number;
  /** Approximate number of order rows (refund rows included). Default 40,000. */
  orders?: number;
  /** First day of the window, `YYYY-MM-DD`. Default: three years before `end` (the day after). */
  start?: string;
  /** Last day of the window, `YYYY-MM-DD`. Default `2026-10-31`. */
  end?: string;
  /** Add the simulated `lifecycle_stage` to customers (hosts rarely have it). Default false. */
  includeLifecycleStage?: boolean;
}

export interface ResolvedSampleOptions {
  seed: number | string;
  customers: number;
  orders: number;
  start: string;
  end: string;
  startDay: number;
  endDay: number;
  includeLifecycleStage: boolean;
}

/** Lifecycle stages written when `includeLifecycleStage` is set (simulated truth at the window's end). */
export const LIFECYCLE_STAGES = ['prospect', 'new', 'active', 'at_risk', 'churned'] as const;

/** Order statuses, by code. */
export const ORDER_STATUSES = ['completed', 'returned', 'cancelled'] as const;

export interface SampleCustomers {
  count: number;
  id: string[];
  name: string[];
  /** Index into `CUSTOMER_TYPES`. */
  type: Uint8Array;
  /** Index into `SAMPLE_CITIES` (which gives province, region, tier). */
  city: Uint16Array;
  signupDay: Int32Array;
  phone: string[];
  email: (string | null)[];
  /** `;`-separated tags, or null. */
  tags: (string | null)[];
  /** Index into `LIFECYCLE_STAGES`. */
  lifecycle: Uint8Array;
  /** The latent truth behind the data, for checking models (never written to the feed). */
  truth: {
    /** Purchase rate (orders / year) after calibration. */
    rate: Float64Array;
    /** Probability of dropping out after each repeat purchase. */
    dropout: Float64Array;
    /** Spend multiplier (mean 1). */
    spend: Float64Array;
    /** 0–1: how strongly discounts and promotions drive this customer. */
    priceSensitivity: Float64Array;
    /** Latent satisfaction (standard normal): drives complaints, NPS and referrals. */
    satisfaction: Float64Array;
    /** Epoch day of the purchase after which the customer dropped out; NaN while still active. */
    dropDay: Float64Array;
  };
}

export interface SampleOrders {
  count: number;
  /** Customer index (row in the customers columns). */
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** Index into `CHANNELS`. */
  channel: Uint8Array;
  /** Index into `PART_CATEGORIES`. */
  category: Uint8Array;
  quantity: Int32Array;
  /** Discount rate (0.1 = 10 % off list price); `amount` is what was paid. */
  discount: Float64Array;
  /** Index into `ORDER_STATUSES`. */
  status: Uint8Array;
  /** Order number; a refund row carries its original order's number. */
  seq: Int32Array;
  /** 1 for a refund row (negative amount, order id `<original>-R`). */
  refund: Uint8Array;
  /** Index into `SampleVehicles.ids` of the vehicle the order was for, or -1. */
  vehicle: Int32Array;
}

export interface SampleInteractions {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  /** Index into `CHANNELS`. */
  channel: Uint8Array;
  /** Index into `KNOWN_INTERACTION_KINDS`. */
  kind: Uint8Array;
  /** 0–10, or -1 when the interaction is not a rated review. */
  nps: Int8Array;
  /** Index into `INTERACTION_NOTES`, or -1. */
  note: Int16Array;
  /** Index into `SampleVehicles.ids`, or -1. */
  vehicle: Int32Array;
}

/**
 * The vehicles table: one row per vehicle plus, for some, a row with an older odometer reading. Per-row
 * columns (`vehicle`, `mileage` …) and per-vehicle ones (`ids`, `owner`, `model`, `year`).
 */
export interface SampleVehicles {
  /** Rows. */
  count: number;
  /** Row → vehicle index. */
  vehicle: Int32Array;
  /** Row → odometer km, NaN when not read. */
  mileage: Float64Array;
  /** Row → epoch day of the reading, NaN when none. */
  mileageDay: Float64Array;
  /** Row → epoch day of the last service, NaN when not on this row. */
  lastServiceDay: Float64Array;
  /** Row → odometer km at the last service, NaN when unknown. */
  lastServiceKm: Float64Array;
  /** Vehicle → plate or VIN (2 % of the VINs carry a typo, so their check digit fails). */
  ids: string[];
  /** Vehicle → customer index. */
  owner: Int32Array;
  /** Vehicle → index into `VEHICLE_MODELS`. */
  model: Uint8Array;
  /** Vehicle → model year. */
  year: Int16Array;
}

export interface SampleColumns {
  options: ResolvedSampleOptions;
  customers: SampleCustomers;
  orders: SampleOrders;
  interactions: SampleInteractions;
  vehicles: SampleVehicles;
}

type Typed = Int32Array | Float64Array | Uint8Array | Int8Array | Int16Array;

/** A set of parallel typed arrays that grow by doubling; `trim()` returns exact-length copies. */
export class GrowableColumns<K extends string> {
  count = 0;
  cols: Record<K, Typed>;
  constructor(
    private readonly kinds: Record<K, new (n: number) => Typed>,
    capacity: number,
  ) {
    this.cols = Object.fromEntries(
      Object.entries(kinds).map(([k, C]) => [k, new (C as new (n: number) => Typed)(Math.max(16, capacity))]),
    ) as Record<K, Typed>;
  }

  /** Index of a new row (columns start at 0 for it). */
  add(): number {
    const first = Object.values<Typed>(this.cols)[0];
    if (this.count === first.length) {
      for (const k of Object.keys(this.cols) as K[]) {
        const old = this.cols[k];
        const next = new this.kinds[k](old.length * 2);
        next.set(old as never);
        this.cols[k] = next;
      }
    }
    return this.count++;
  }

  /** Columns of exactly `count` rows, reordered by `order` (row indices) when given. */
  trim(order?: Int32Array): Record<K, Typed> {
    return Object.fromEntries(
      (Object.keys(this.cols) as K[]).map((k) => {
        const src = this.cols[k];
        if (!order) return [k, src.slice(0, this.count)];
        const out = new this.kinds[k](this.count);
        for (let i = 0; i < this.count; i++) out[i] = src[order[i]];
        return [k, out];
      }),
    ) as Record<K, Typed>;
  }
}

/** Row indices sorted by day (stable: ties keep insertion order). Counting sort: O(n + days). */
export function orderByDay(day: Int32Array, count: number, firstDay: number, lastDay: number): Int32Array {
  const counts = new Int32Array(lastDay - firstDay + 2);
  for (let i = 0; i < count; i++) counts[day[i] - firstDay + 1]++;
  for (let d = 1; d < counts.length; d++) counts[d] += counts[d - 1];
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[counts[day[i] - firstDay]++] = i;
  return order;
}
