import type { ColumnCodes } from './columns.js';
import type { PreparedOrders } from './prepare.js';

/**
 * A categorical column's dictionary codes in the kept-row order of a base: `codes[row[j]]` gathered once, so the
 * per-customer passes of every family (tallies, grouping) read them in order instead of jumping through the
 * orders table a million times each. Memoized per base and dictionary.
 */
const memo = new WeakMap<PreparedOrders, Map<ColumnCodes, Int32Array>>();

export function keptCodes(base: PreparedOrders, dict: ColumnCodes): Int32Array {
  let perBase = memo.get(base);
  if (!perBase) memo.set(base, (perBase = new Map()));
  let kept = perBase.get(dict);
  if (!kept) {
    const { row, rowCount } = base;
    const { codes } = dict;
    kept = new Int32Array(rowCount);
    for (let j = 0; j < rowCount; j++) kept[j] = codes[row[j]!]!;
    perBase.set(dict, kept);
  }
  return kept;
}
