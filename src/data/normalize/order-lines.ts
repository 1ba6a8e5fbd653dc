/**
 * Order ids across the rows of a table, through one open-addressing hash table (no Map of a million strings):
 * exact duplicate lines (same order id and every value equal to an earlier line's) and distinct order counts.
 */

/** FNV-1a over UTF-16 code units, never 0. */
function hashText(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}

/** The order id text of a raw value: trimmed, '' when missing. */
export function idText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint') return String(v);
  return '';
}

/**
 * Groups rows by order id: `first(row)` is the first row with the same id (−1 for none / itself), and `next`
 * links every row to the previous row with its id, so the lines of one order are walked without a scan.
 */
class IdGroups {
  private table: Int32Array;
  private mask: number;
  readonly prev: Int32Array;
  private readonly texts: string[];

  constructor(n: number) {
    let size = 64;
    while (size < n * 2) size <<= 1;
    this.table = new Int32Array(size); // row + 1 of the latest row with that id; 0 = empty
    this.mask = size - 1;
    this.prev = new Int32Array(n).fill(-1);
    this.texts = new Array(n);
  }

  /** Makes `row` the latest row of `text`, whose latest row is `prev[row]` (already linked by the caller). */
  replaceLatest(text: string, row: number): void {
    this.texts[row] = text;
    this.table[this.lastSlot] = row + 1;
  }

  /** Slot of the id last added or found. */
  private lastSlot = 0;

  /** Adds `row` with id `text`; returns the latest earlier row with the same id, or −1. */
  add(row: number, text: string): number {
    this.texts[row] = text;
    for (let h = hashText(text) & this.mask; ; h = (h + 1) & this.mask) {
      const e = this.table[h]!;
      if (e === 0) {
        this.table[h] = row + 1;
        this.lastSlot = h;
        return -1;
      }
      if (this.texts[e - 1] === text) {
        this.table[h] = row + 1;
        this.lastSlot = h;
        this.prev[row] = e - 1;
        return e - 1;
      }
    }
  }
}

/** Equal as feed values: the same primitive, or both missing. */
const sameValue = (a: unknown, b: unknown) => a === b || ((a === null || a === undefined) && (b === null || b === undefined));

/** The order lines of a table: exact duplicates, and for every row the previous row with its order id. */
export interface OrderLines {
  /** Rows repeating an earlier row exactly (see `orderLines`), in row order. */
  duplicates: number[];
  /** Per input row: the previous row (of those looked at) with the same order id, −1 when none. */
  prev: Int32Array;
}

/**
 * Links the rows of `rows` (in order) by order id and finds those that repeat an earlier row exactly: the same
 * order id and every column equal. Rows without an order id are never duplicates (two equal lines could be
 * two purchases).
 */
export function orderLines(ids: ArrayLike<unknown>, rows: Int32Array, columns: readonly ArrayLike<unknown>[], n: number): OrderLines {
  // Exports sorted by order id (the usual case) cannot repeat an id away from its run: no hashing needed.
  return sortedRuns(ids, rows) ? linesByRuns(ids, rows, columns, n) : linesByHash(ids, rows, columns, n);
}

/** (length, text) order: a strict total order under which numbered ids (SO9 < SO10) grow with their number. */
const before = (a: string, b: string) => a.length < b.length || (a.length === b.length && a < b);

/** True when the ids of `rows`, taken run by run (equal ids in a row), only ever grow or only ever shrink. */
function sortedRuns(ids: ArrayLike<unknown>, rows: Int32Array): boolean {
  let last = '';
  let dir = 0; // 1 growing, −1 shrinking
  for (let j = 0; j < rows.length; j++) {
    const raw = ids[rows[j]!];
    const text = typeof raw === 'string' && raw === last ? raw : idText(raw);
    if (text === '' || text === last) continue;
    if (last !== '') {
      const d = before(last, text) ? 1 : -1;
      if (dir === 0) dir = d;
      else if (d !== dir) return false;
    }
    last = text;
  }
  return true;
}

/** Every line compared with the earlier lines of its order, through `prev` links. */
function compareLine(i: number, prev: Int32Array, columns: readonly ArrayLike<unknown>[]): boolean {
  for (let k = prev[i]!; k >= 0; k = prev[k]!) {
    let same = true;
    for (let c = 0; c < columns.length && same; c++) same = sameValue(columns[c]![i], columns[c]![k]);
    if (same) return true;
  }
  return false;
}

function linesByRuns(ids: ArrayLike<unknown>, rows: Int32Array, columns: readonly ArrayLike<unknown>[], n: number): OrderLines {
  const prev = new Int32Array(n).fill(-1);
  const duplicates: number[] = [];
  let lastText = '';
  let lastRow = -1;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const raw = ids[i];
    const text = typeof raw === 'string' && raw === lastText ? raw : idText(raw);
    if (text === '') continue;
    if (text === lastText) {
      prev[i] = lastRow;
      if (compareLine(i, prev, columns)) duplicates.push(i);
    }
    lastText = text;
    lastRow = i;
  }
  return { duplicates, prev };
}

function linesByHash(ids: ArrayLike<unknown>, rows: Int32Array, columns: readonly ArrayLike<unknown>[], n: number): OrderLines {
  const groups = new IdGroups(n);
  const duplicates: number[] = [];
  let lastText = '';
  let lastRow = -1;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const raw = ids[i];
    // Lines of one order are usually adjacent: the same id as the previous row needs no hashing.
    const text = typeof raw === 'string' && raw === lastText ? raw : idText(raw);
    if (text === '') continue;
    if (text === lastText && lastRow >= 0) {
      groups.prev[i] = lastRow;
      groups.replaceLatest(text, i);
    } else groups.add(i, text);
    lastText = text;
    lastRow = i;
    if (groups.prev[i]! >= 0 && compareLine(i, groups.prev, columns)) duplicates.push(i);
  }
  return { duplicates, prev: groups.prev };
}

/**
 * Distinct orders among rows with `include[row]`: a row counts when no earlier included row has its order id
 * (`prev` from `orderLines`; without it every included row is an order of its own).
 */
export function distinctOrders(include: Uint8Array, prev: Int32Array | undefined): number {
  let count = 0;
  for (let i = 0; i < include.length; i++) {
    if (!include[i]) continue;
    let first = true;
    if (prev) for (let k = prev[i]!; k >= 0 && first; k = prev[k]!) if (include[k]) first = false;
    if (first) count++;
  }
  return count;
}
