/**
 * Identifiers in generated SQL come only from the host's configuration (table names, column mapping, scope
 * columns) and the fixed canonical field names below — never from a request. Each is checked against a plain
 * identifier pattern before it is quoted, so even a misconfigured host cannot splice SQL through a name.
 */

/** The orders fields the server reads (docs/data.md names), and the customers fields the filter joins. */
export const ORDERS_FIELDS = [
  'customer_id',
  'order_id',
  'order_date',
  'amount',
  'status',
  'order_kind',
  'region',
  'province',
  'city_tier',
  'channel',
  'category',
] as const;
export type OrdersField = (typeof ORDERS_FIELDS)[number];

export const CUSTOMERS_FIELDS = ['customer_id', 'name', 'type', 'region', 'province', 'city_tier'] as const;
export type CustomersField = (typeof CUSTOMERS_FIELDS)[number];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Throws unless `name` is a plain identifier (letters, digits, underscore; not starting with a digit). */
export function checkIdentifier(name: unknown, what: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name))
    throw new TypeError(`${what}: ${JSON.stringify(name)} is not a plain identifier (letters, digits, _; at most 128)`);
  return name;
}

/** A table name, optionally qualified (`db.orders`, `analytics.main.orders`): each part an identifier. */
export function checkTableName(name: unknown, what: string): string[] {
  if (typeof name !== 'string' || name === '') throw new TypeError(`${what}: expected a table name, found ${JSON.stringify(name)}`);
  const parts = name.split('.');
  if (parts.length > 3) throw new TypeError(`${what}: ${JSON.stringify(name)} has more than three dotted parts`);
  return parts.map((p) => checkIdentifier(p, what));
}

/** Attributes a regional comparison may group by (orders column, else the customer's own value). */
export const GROUP_FIELDS = ['region', 'province', 'city_tier', 'channel', 'category', 'type'] as const;
