import { expect } from '@open-wc/testing';
import { table, type ColumnTable } from 'arquero';
import { normalizeFeed, tablesFromArrow, tablesToArrow } from '../../src/data/index.js';
import { dictionaryOf } from '../../src/data/column-dictionary.js';
import { tablesFromTransfer, tablesToTransfer } from '../../src/data/transfer-tables.js';
import { columnCodes } from '../../src/metrics/columns.js';
import { customerRows } from '../../src/metrics/prepare.js';
import type { CrmTables } from '../../src/data/types.js';

// Rows 3 and 4 are rejected (missing customer id, bad date), so 'C9' must not reach the customer_id dictionary.
const FEED = {
  orders: [
    { order_id: 'A1', customer_id: ' C2 ', order_date: '2024-01-05', amount: 1, channel: ' store ', status: 'Completed', note: 'x' },
    { order_id: 'A2', customer_id: 'C1', order_date: '2024-01-06', amount: 2, channel: 'app', status: null, note: { a: 1 } },
    { order_id: 'A3', customer_id: '', order_date: '2024-01-07', amount: 3, channel: 'web' },
    { order_id: 'A4', customer_id: 'C9', order_date: 'soon', amount: 4, channel: 'web' },
    { order_id: 'A5', customer_id: 'C2', order_date: '2024-01-08', amount: 5, channel: 'store', status: 'RETURNED' },
    { order_id: 'A6', customer_id: 'C1', order_date: '2024-01-09', amount: 6, channel: null, status: 'completed' },
    { order_id: 'A7', customer_id: 'C2', order_date: '2024-01-10', amount: 7, channel: 'store', status: 'completed' },
  ],
  customers: [
    { customer_id: 'C1', region: '华东' },
    { customer_id: 'C2', region: '  ' },
  ],
};

/** What `columnCodes` computes by hashing, from a copy of the column that has no recorded dictionary. */
function hashed(t: ColumnTable, column: string) {
  const c = columnCodes(table({ [column]: Array.from(t.column(column) as unknown as ArrayLike<unknown>) }), column)!;
  return { values: c.values, codes: Array.from(c.codes) };
}

function expectSameAsHashing(tables: CrmTables, recorded: string[]) {
  for (const name of ['orders', 'customers'] as const) {
    const t = tables[name]!;
    for (const column of t.columnNames()) {
      const data = t.column(column) as unknown as object;
      if (!Array.isArray(data)) continue;
      const c = columnCodes(t, column)!;
      expect({ values: c.values, codes: Array.from(c.codes) }, `${name}.${column}`).to.deep.equal(hashed(t, column));
      if (recorded.includes(`${name}.${column}`)) expect(dictionaryOf(data), `${name}.${column}`).to.not.equal(undefined);
    }
  }
}

describe('recorded column dictionaries', () => {
  const { tables } = normalizeFeed(FEED, { feed: 'dictionary-test' });

  it('the normalizer codes kept rows only, trimmed, lower-cased statuses, in order of first appearance', () => {
    const ids = dictionaryOf(tables.orders.column('customer_id') as unknown as object)!;
    expect(ids.values).to.deep.equal(['C2', 'C1']);
    expect(Array.from(ids.codes)).to.deep.equal([0, 1, 0, 1, 0]);
    const channel = dictionaryOf(tables.orders.column('channel') as unknown as object)!;
    expect(channel.values).to.deep.equal(['store', 'app']);
    expect(Array.from(channel.codes)).to.deep.equal([0, 1, 0, -1, 0]);
    const status = dictionaryOf(tables.orders.column('status') as unknown as object)!;
    expect(status.values).to.deep.equal(['completed', 'returned']);
    expect(Array.from(status.codes)).to.deep.equal([0, -1, 1, 0, 0]);
    const note = dictionaryOf(tables.orders.column('note') as unknown as object)!;
    expect(note.values).to.deep.equal(['x', '{"a":1}']);
    expect(Array.from(note.codes)).to.deep.equal([0, 1, -1, -1, -1]);
  });

  it('columnCodes over normalized tables equals hashing every row', () => {
    expectSameAsHashing(tables, ['orders.customer_id', 'orders.channel', 'customers.customer_id', 'customers.region']);
  });

  it('survives the worker transfer with the same codes', () => {
    const { value } = tablesToTransfer(tables);
    expectSameAsHashing(tablesFromTransfer(value), ['orders.customer_id', 'orders.channel', 'customers.region']);
  });

  it('is rebuilt from the Arrow cache with the same codes', () => {
    expectSameAsHashing(tablesFromArrow(tablesToArrow(tables)), ['orders.customer_id']);
  });

  it('joins customers to orders through the shared keys exactly as by hashing ids', () => {
    /** The same table with string columns copied, so nothing is recorded and ids are hashed. */
    const plain = (t: ColumnTable) =>
      table(Object.fromEntries(t.columnNames().map((c) => {
        const col = t.column(c) as unknown as ArrayLike<unknown>;
        return [c, Array.isArray(col) ? Array.from(col) : col];
      })));
    const transferred = tablesFromTransfer(tablesToTransfer(tables).value);
    for (const t of [tables, transferred]) {
      const keys = (name: 'orders' | 'customers') => dictionaryOf(t[name]!.column('customer_id') as unknown as object)!.keys!;
      expect(keys('orders').space).to.equal(keys('customers').space);
      // Orders codes: C2 → 0, C1 → 1; customers rows: C1 → 0, C2 → 1.
      expect(Array.from(customerRows(t.orders, t.customers))).to.deep.equal([1, 0]);
      expect(Array.from(customerRows(plain(t.orders), plain(t.customers!)))).to.deep.equal([1, 0]);
    }
  });
});
