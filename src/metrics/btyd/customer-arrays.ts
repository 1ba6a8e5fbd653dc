import type { ColumnTable } from 'arquero';

/** A numeric column as the BTYD functions accept it: a typed array or a plain array of numbers. */
export type NumericColumn = ArrayLike<number>;

/** Anything with Arquero's table API for reading a column as an array. */
function isTable(value: unknown): value is ColumnTable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ColumnTable).columnNames === 'function' &&
    typeof (value as ColumnTable).array === 'function'
  );
}

/**
 * Reads the named numeric columns from an object of arrays or from an Arquero table, checking that each is
 * present and that all have the same length. `what` names the caller in error messages.
 */
export function readColumns<K extends string>(
  input: Record<K, NumericColumn> | ColumnTable,
  names: readonly K[],
  what: string,
): Record<K, NumericColumn> {
  const out = {} as Record<K, NumericColumn>;
  if (isTable(input)) {
    const present = new Set(input.columnNames());
    for (const name of names) {
      if (!present.has(name)) throw new TypeError(`${what}: the table has no column '${name}'`);
      out[name] = input.array(name, Float64Array) as Float64Array;
    }
  } else {
    if (typeof input !== 'object' || input === null) throw new TypeError(`${what}: expected an object of arrays or an Arquero table`);
    for (const name of names) {
      const col = (input as Record<K, NumericColumn>)[name];
      if (col === undefined || col === null || typeof col.length !== 'number') {
        throw new TypeError(`${what}: '${name}' must be an array of numbers`);
      }
      out[name] = col;
    }
  }
  const n = out[names[0]].length;
  for (const name of names) {
    if (out[name].length !== n) {
      throw new RangeError(`${what}: '${name}' has ${out[name].length} values but '${names[0]}' has ${n}`);
    }
  }
  return out;
}
