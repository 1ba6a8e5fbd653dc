import { columnCodes, readColumn, type ColumnCodes } from '../columns.js';
import type { PreparedOrders } from '../prepare.js';
import { eventWindow, type CustomerUniverse } from './universe.js';

/** The interactions table as the lifecycle reads it: rows in the event window only. */
export interface InteractionData {
  /** Row count of the table (rows outside the window are skipped by `inWindow`). */
  n: number;
  code: Int32Array;
  day: ArrayLike<number>;
  kind: ColumnCodes | undefined;
  /** Per kind dictionary entry: the lower-cased kind. */
  kindLower: string[];
  nps: ArrayLike<number> | undefined;
  lo: number;
  hi: number;
}

/** The interactions of the feed, or null when it has none. */
export function interactionData(base: PreparedOrders, universe: CustomerUniverse): InteractionData | null {
  const table = base.tables.interactions;
  const day = table && readColumn<number>(table, 'date');
  if (!table || !day) return null;
  const kind = columnCodes(table, 'kind');
  const { lo, hi } = eventWindow(base);
  return {
    n: universe.interactionCode.length,
    code: universe.interactionCode,
    day,
    kind,
    kindLower: kind ? kind.values.map((k) => k.toLowerCase()) : [],
    nps: readColumn<number>(table, 'nps'),
    lo,
    hi,
  };
}

export interface InteractionCondition {
  /** Only interactions of these kinds (case-insensitive); omitted = any kind. */
  kinds?: readonly string[];
  /** Only interactions with `nps ≥ minNps`. */
  minNps?: number;
  /** Per universe code: only interactions on or after this day (NaN = the customer never qualifies). */
  notBefore?: Float64Array;
}

/** First day per universe code of an in-window interaction meeting the condition; NaN when none. */
export function firstInteractionDay(data: InteractionData | null, size: number, cond: InteractionCondition): Float64Array {
  const first = new Float64Array(size).fill(NaN);
  if (!data) return first;
  let kindOk: Uint8Array | null = null;
  if (cond.kinds) {
    if (!data.kind) return first;
    const wanted = new Set(cond.kinds.map((k) => k.toLowerCase()));
    kindOk = Uint8Array.from(data.kindLower, (k) => (wanted.has(k) ? 1 : 0));
  }
  const { minNps, notBefore } = cond;
  if (minNps !== undefined && !data.nps) return first;
  for (let i = 0; i < data.n; i++) {
    const c = data.code[i];
    const d = data.day[i];
    if (c < 0 || !(d >= data.lo && d <= data.hi)) continue;
    if (kindOk) {
      const k = data.kind!.codes[i];
      if (k < 0 || !kindOk[k]) continue;
    }
    if (minNps !== undefined && !(data.nps![i] >= minNps)) continue;
    if (notBefore && !(d >= notBefore[c])) continue;
    if (!(d >= first[c])) first[c] = d; // NaN compares false: the first hit always lands
  }
  return first;
}
