/**
 * Plausibility checks of normalized columns (`FieldSpec.check`): values that fail are reported in the load
 * report's `flaggedValues` and kept unchanged — a VIN with a wrong check digit is still the customer's vehicle.
 */
import type { FieldCheck } from '../schema.js';
import type { ValueFlag } from '../types.js';
import { vehicleIdFlag } from '../vehicle-id.js';

/** The flag of one normalized value under a check, or null when it passes (missing values pass). */
export function valueFlag(check: FieldCheck, value: unknown): ValueFlag | null {
  if (check === 'vin') return typeof value === 'string' ? vehicleIdFlag(value) : null;
  if (typeof value !== 'number' || value !== value) return null;
  if (check === 'non-negative') return value < 0 ? 'negative' : null;
  return value < 1900 || value > 2100 || !Number.isInteger(value) ? 'implausible-year' : null;
}

/**
 * Runs `check` over a normalized column (kept rows) and calls `onFlag(flag, sourceRow)` for each failure.
 * String columns repeat instances (interned), so a value's verdict is remembered for its next occurrences.
 */
export function checkColumn(
  check: FieldCheck,
  column: ArrayLike<unknown>,
  keep: Int32Array,
  onFlag: (flag: ValueFlag, sourceRow: number) => void,
): void {
  const seen = new Map<unknown, ValueFlag | null>();
  for (let j = 0; j < column.length; j++) {
    const v = column[j];
    if (v === null || v === undefined) continue;
    let flag = seen.get(v);
    if (flag === undefined) {
      flag = valueFlag(check, v);
      if (seen.size < 65_536) seen.set(v, flag);
    }
    if (flag) onFlag(flag, keep[j]!);
  }
}
