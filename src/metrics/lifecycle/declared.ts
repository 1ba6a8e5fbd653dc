import { columnCodes } from '../columns.js';
import type { PreparedOrders } from '../prepare.js';
import type { StageDefinition } from './stages.js';
import { customerUniverse, slotOfUniverseCode } from './universe.js';
import { codedError } from '../../i18n/coded-error.js';

/** Declared lifecycle stages: the `customers.lifecycle_stage` column, matched to stage definitions. */
export interface DeclaredStages {
  /** Per universe code: index of the declared stage, or −1 (no record, empty or unknown value). */
  stageIndex: Int32Array;
  /** Per universe code: 1 when the customer counts in declared mode (a record the filter keeps). */
  inScope: Uint8Array;
  /** In-scope customers whose record has no stage value. */
  unassigned: number;
  /** In-scope values that match no stage, with how many customers carry each (most frequent first). */
  unknownValues: { value: string; count: number }[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** value (lower-cased) → stage index; a value matches a stage's id, English label or Chinese label. */
function stageLookup(stages: readonly StageDefinition[]): Map<string, number> {
  const lookup = new Map<string, number>();
  stages.forEach((s, i) => {
    for (const name of [s.id, s.labels.en, s.labels['zh-CN']]) if (!lookup.has(norm(name))) lookup.set(norm(name), i);
  });
  return lookup;
}

/** Whether the feed declares stages this definition list recognizes (at least one value matches). */
export function hasDeclaredStages(base: PreparedOrders, stages: readonly StageDefinition[]): boolean {
  const dict = base.tables.customers && columnCodes(base.tables.customers, 'lifecycle_stage');
  if (!dict) return false;
  const lookup = stageLookup(stages);
  return dict.values.some((v) => lookup.has(norm(v)));
}

/**
 * Reads declared stages. A customer record counts when the filter keeps it; when the filter has a date
 * range or order-level parts, the customer must also have a kept order (a declared stage has no date).
 */
export function declaredStages(base: PreparedOrders, stages: readonly StageDefinition[]): DeclaredStages {
  const universe = customerUniverse(base);
  const size = universe.ids.length;
  const dict = base.tables.customers && columnCodes(base.tables.customers, 'lifecycle_stage');
  if (!dict) throw codedError(Error, 'lifecycle-declared-missing');
  const lookup = stageLookup(stages);
  const indexOfValue = Int32Array.from(dict.values, (v) => lookup.get(norm(v)) ?? -1);
  const f = base.filter;
  const needsOrder = !!(f.dateRange || f.channels || f.categories || f.segments);
  const stageIndex = new Int32Array(size).fill(-1);
  const inScope = new Uint8Array(size);
  const unknown = new Map<string, number>();
  let unassigned = 0;
  for (let c = 0; c < size; c++) {
    const r = universe.recordRow[c];
    if (r < 0 || !universe.inScope[c] || (needsOrder && slotOfUniverseCode(base, c) < 0)) continue;
    inScope[c] = 1;
    const d = dict.codes[r];
    if (d < 0) unassigned++;
    else if (indexOfValue[d] < 0) unknown.set(dict.values[d], (unknown.get(dict.values[d]) ?? 0) + 1);
    else stageIndex[c] = indexOfValue[d];
  }
  const unknownValues = [...unknown].map(([value, count]) => ({ value, count }));
  unknownValues.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { stageIndex, inScope, unassigned, unknownValues };
}
