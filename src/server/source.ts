import { checkIdentifier, checkTableName, CUSTOMERS_FIELDS, ORDERS_FIELDS, type CustomersField, type OrdersField } from './identifiers.js';
import type { Dialect } from './dialect.js';

/** Where the data is: the host names its tables and, when they differ, the columns of each field. */
export interface SourceConfig {
  /** The orders table (`orders`, `db.orders`; a ClickHouse `Distributed` table works the same). */
  orders: string;
  /** Optional customers table (customer type, and the region/province fallback of the filter). */
  customers?: string;
  /** Column of each orders field when it is not the field's own name. */
  ordersColumns?: Partial<Record<OrdersField, string>>;
  customersColumns?: Partial<Record<CustomersField, string>>;
  /**
   * A column giving the feed's line order (the loader writes `row_no`). With it customers are listed in order
   * of first appearance, as in the browser (it breaks `ntile` ties the same way); without it by customer id.
   */
  rowOrder?: string;
}

/** One table as the queries see it: its quoted name and, per field, the quoted column and its engine type. */
export interface ResolvedTable {
  from: string;
  /** field → { sql: quoted column, type } for the fields the table has. */
  fields: Map<string, { sql: string; type: string }>;
  /** Every column of the table (for checking scope columns), name → type. */
  columns: Map<string, string>;
}

export interface ResolvedSource {
  orders: ResolvedTable;
  customers: ResolvedTable | null;
  rowOrder: string | null;
}

/** Reads a table's columns (name → engine type), as an engine does it. */
export type DescribeTable = (quotedName: string) => Promise<Map<string, string>>;

async function resolveTable(
  dialect: Dialect,
  describe: DescribeTable,
  name: string,
  fieldNames: readonly string[],
  mapping: Record<string, string | undefined> | undefined,
  what: string,
  required: readonly string[],
): Promise<ResolvedTable> {
  const from = checkTableName(name, what).map((p) => dialect.quote(p)).join('.');
  for (const key of Object.keys(mapping ?? {}))
    if (!fieldNames.includes(key)) throw new TypeError(`${what}Columns: unknown field '${key}' (known: ${fieldNames.join(', ')})`);
  const columns = await describe(from);
  const fields = new Map<string, { sql: string; type: string }>();
  for (const field of fieldNames) {
    const column = checkIdentifier(mapping?.[field] ?? field, `${what}Columns.${field}`);
    const type = columns.get(column);
    if (type === undefined) {
      if (mapping?.[field] !== undefined) throw new TypeError(`${what}Columns.${field}: the table ${name} has no column '${column}'`);
      continue;
    }
    fields.set(field, { sql: dialect.quote(column), type });
  }
  const missing = required.filter((f) => !fields.has(f));
  if (missing.length)
    throw new TypeError(`${what} table ${name}: no column for ${missing.join(', ')} (it has ${[...columns.keys()].join(', ')}); map them in ${what}Columns`);
  return { from, fields, columns };
}

/** Checks the configuration against the engine's tables once, at start. */
export async function resolveSource(dialect: Dialect, describe: DescribeTable, config: SourceConfig): Promise<ResolvedSource> {
  const orders = await resolveTable(dialect, describe, config.orders, ORDERS_FIELDS, config.ordersColumns, 'orders', [
    'customer_id',
    'order_date',
    'amount',
  ]);
  const customers = config.customers
    ? await resolveTable(dialect, describe, config.customers, CUSTOMERS_FIELDS, config.customersColumns, 'customers', ['customer_id'])
    : null;
  let rowOrder: string | null = null;
  if (config.rowOrder !== undefined) {
    const column = checkIdentifier(config.rowOrder, 'rowOrder');
    if (!orders.columns.has(column)) throw new TypeError(`rowOrder: the orders table has no column '${column}'`);
    rowOrder = dialect.quote(column);
  }
  return { orders, customers, rowOrder };
}
