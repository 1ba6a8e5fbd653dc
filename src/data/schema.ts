/**
 * The canonical feed schema: four tables (only `orders` is required), their fields, and the column types the
 * data layer produces.
 *
 * Column conventions of a normalized table (what every metric and widget may rely on):
 * - **day** columns hold whole calendar days as "epoch days" (days since 1970-01-01), see `src/data/days.ts`.
 *   Required day columns (`orders.order_date`, `interactions.date`) are `Int32Array`; optional ones
 *   (`customers.signup_date`) are `Float64Array` with `NaN` for a missing value.
 * - **number** columns are `Float64Array`; a missing or invalid optional value is `NaN`.
 * - **string** columns are plain arrays of trimmed strings (or `null` when missing). Equal values share one
 *   string instance (dictionary-style interning), and the cache stores them as codes into one dictionary.
 *   Near-unique columns (such as `order_id`) are trimmed but not interned: sharing would save nothing.
 * - An optional field the feed does not supply is **absent** from the table (not a column of nulls), so a metric
 *   can tell "not observed" from "zero". Columns the feed has beyond the schema are kept, trimmed, as strings.
 * - `orders.status` is present only when the feed has it; missing values mean `completed`.
 * - `orders.amount` is required, but may be **derived**: when no column is mapped to it and `unit_price` is,
 *   amount = quantity × unit_price − discount (quantity 1 when absent, discount 0 when absent or blank).
 * - `orders.order_kind` is always present and always derived by the normalizer (see `ORDER_KINDS` and
 *   docs/data.md, "Cancellations, returns and credit notes"): a `Uint8Array` of kind codes per row.
 */

/** Bumped whenever normalized tables change shape: part of every cache key. */
export const SCHEMA_VERSION = 2;

export type TableName = 'orders' | 'customers' | 'interactions' | 'vehicles';
export const TABLE_NAMES: readonly TableName[] = ['orders', 'customers', 'interactions', 'vehicles'];

export type FieldType = 'string' | 'number' | 'day';

export interface FieldSpec {
  /** Canonical field name. */
  name: string;
  type: FieldType;
  /** A row without a usable value in a required field is rejected (and counted in the load report). */
  required: boolean;
  /** A plausibility check whose failures are reported (`flaggedValues`) but kept (see `src/data/vehicle-id.ts`). */
  check?: FieldCheck;
}

/**
 * `vin`: a 17-character VIN must pass its check digit; `non-negative`: ≥ 0; `model-year`: 1900–2100. A field
 * with a check keeps every value: values that fail it are counted in the load report's `flaggedValues` (e.g. a
 * VIN whose check digit does not match), never dropped or changed.
 */
export type FieldCheck = 'vin' | 'non-negative' | 'model-year';

const f = (name: string, type: FieldType, required = false, check?: FieldCheck): FieldSpec =>
  check ? { name, type, required, check } : { name, type, required };

/** The canonical fields of each table, in display order. */
export const SCHEMA: Readonly<Record<TableName, readonly FieldSpec[]>> = {
  orders: [
    f('order_id', 'string'),
    f('customer_id', 'string', true),
    // The vehicle the order was for (plate or VIN, as in the vehicles table).
    f('vehicle_id', 'string', false, 'vin'),
    f('order_date', 'day', true),
    f('amount', 'number', true),
    f('channel', 'string'),
    f('region', 'string'),
    f('province', 'string'),
    f('country', 'string'),
    f('city_tier', 'string'),
    f('category', 'string'),
    f('quantity', 'number'),
    f('unit_price', 'number'),
    f('discount', 'number'),
    f('status', 'string'),
    f('payment_method', 'string'),
    // ISO 4217 code of `amount` (one currency per feed; see docs/data.md "Currency").
    f('currency', 'string'),
  ],
  customers: [
    f('customer_id', 'string', true),
    f('name', 'string'),
    f('type', 'string'),
    f('region', 'string'),
    f('province', 'string'),
    f('country', 'string'),
    f('city_tier', 'string'),
    f('signup_date', 'day'),
    f('phone', 'string'),
    f('email', 'string'),
    f('lifecycle_stage', 'string'),
    f('tags', 'string'),
  ],
  interactions: [
    f('customer_id', 'string', true),
    f('date', 'day', true),
    f('channel', 'string'),
    f('kind', 'string'),
    f('nps', 'number'),
    f('note', 'string'),
    f('vehicle_id', 'string', false, 'vin'),
  ],
  // One row per vehicle, or one per mileage reading (rows sharing customer_id + vehicle_id are one vehicle).
  vehicles: [
    f('customer_id', 'string', true),
    f('vehicle_id', 'string', false, 'vin'),
    f('make', 'string'),
    f('model', 'string'),
    f('year', 'number', false, 'model-year'),
    f('mileage', 'number', false, 'non-negative'),
    f('mileage_date', 'day'),
    f('last_service_date', 'day'),
    f('last_service_mileage', 'number', false, 'non-negative'),
  ],
};

/** Order statuses with meaning to the metrics; any other value is kept and treated as completed. */
export type OrderStatus = 'completed' | 'returned' | 'cancelled';

/**
 * What an order row is, by the one cancellation policy every metric follows (derived by the normalizer into
 * the `order_kind` column, code = index here):
 * - `purchase`: counts as an order, its amount as spend;
 * - `credit`: a refund or credit note (a negative amount, or an order id matching the credit-note pattern):
 *   its amount nets against spend, but it is never an order and never makes someone a customer;
 * - `cancelled`: status cancelled or returned (any spelling in `CANCELLED_STATUSES`): not an order, no spend.
 */
export const ORDER_KINDS = ['purchase', 'credit', 'cancelled'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export const ORDER_KIND_PURCHASE = 0;
export const ORDER_KIND_CREDIT = 1;
export const ORDER_KIND_CANCELLED = 2;
/** The derived column of kind codes (a Uint8Array) in every normalized orders table. */
export const ORDER_KIND_COLUMN = 'order_kind';

/** Channels the sample data and the labels know; feeds may carry any other value. */
export const KNOWN_CHANNELS = ['store', 'ecommerce', 'social', 'phone'] as const;

/** Interaction kinds the lifecycle stages look at; feeds may carry any other value. */
export const KNOWN_INTERACTION_KINDS = [
  'visit',
  'inquiry',
  'quote',
  'service',
  'complaint',
  'review',
  'referral',
  'campaign',
] as const;

/** Host field names → canonical field names, per table. Unmapped host fields keep their own name. */
export type FieldMapping = Partial<Record<TableName, Record<string, string>>>;
