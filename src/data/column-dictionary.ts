/**
 * Dictionary codes of string columns, recorded by whoever builds the column (the normalizer, which interns
 * strings anyway; the worker transfer, which receives codes) so metrics never hash every row's string again.
 * Keyed on the column array itself, so the record follows the column into any table built over it and is
 * dropped with it; a filtered or copied column simply has none, and readers fall back to hashing.
 */

/** A string column as one Int32 code per row plus its distinct values. */
export interface ColumnDictionary {
  /** Distinct non-missing values, in order of first appearance. */
  readonly values: string[];
  /** Per row: index into `values`, or −1 when the value is missing (null). */
  readonly codes: Int32Array;
  /** When known: each value's id in a key space shared by columns built together (see `DictionaryKeys`). */
  readonly keys?: DictionaryKeys;
}

/**
 * Integer ids of dictionary values in a key space shared by several columns (the normalizer's interner for one
 * feed): within one `space`, equal ids mean equal strings, so two columns are matched with array lookups.
 */
export interface DictionaryKeys {
  /** Identity of the key space (compare with ===). */
  readonly space: object;
  /** Per value: its id (≥ 0) in the space. */
  readonly of: Int32Array;
}

const dictionaries = new WeakMap<object, ColumnDictionary>();

/** Records the dictionary of `column`; the caller promises `values[codes[i]] === column[i]` (null for −1). */
export function attachDictionary(column: object, dictionary: ColumnDictionary): void {
  dictionaries.set(column, dictionary);
}

/** The recorded dictionary of a column array, if its builder recorded one. */
export function dictionaryOf(column: object): ColumnDictionary | undefined {
  return dictionaries.get(column);
}

/**
 * Codes of a subset (or reordering) of rows, renumbered so values stay in order of first appearance among
 * those rows and values absent from them are dropped. `codes` is rewritten in place.
 */
export function compactDictionary(codes: Int32Array, values: readonly string[], keys?: DictionaryKeys): ColumnDictionary {
  const renumber = new Int32Array(values.length).fill(-1);
  const kept: string[] = [];
  const keptIds: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) continue;
    let r = renumber[c]!;
    if (r < 0) {
      r = renumber[c] = kept.length;
      kept.push(values[c]!);
      if (keys) keptIds.push(keys.of[c]!);
    }
    codes[i] = r;
  }
  return keys ? { values: kept, codes, keys: { space: keys.space, of: Int32Array.from(keptIds) } } : { values: kept, codes };
}
