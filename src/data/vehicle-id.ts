/**
 * Vehicle identifiers: a `vehicle_id` is a licence plate or a VIN. A 17-character VIN carries a check digit
 * in position 9 (ISO 3779 as applied by China's GB 16735 and the US 49 CFR 565.15): each character is
 * transliterated to a number, weighted by position, and the sum modulo 11 must equal position 9 (10 = `X`).
 * The normalizer reports VINs that fail it and keeps them; displays show ids masked like phone numbers.
 */
import type { ValueFlag } from './types.js';

/** Transliteration of VIN letters (I, O and Q are never used in a VIN). */
const LETTER_VALUE: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** True for 17 Latin letters and digits: written as a VIN (anything else is taken for a plate). */
export function looksLikeVin(id: string): boolean {
  return id.length === 17 && /^[0-9A-Za-z]{17}$/.test(id);
}

/** The check digit a VIN should carry in position 9 (`0`–`9` or `X`), or null when it has I, O or Q. */
export function vinCheckDigit(vin: string): string | null {
  const v = vin.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i]!;
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : LETTER_VALUE[c];
    if (value === undefined) return null;
    sum += value * WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * What is wrong with a vehicle id written as a VIN: `vin-characters` (it has I, O or Q), `vin-check-digit`
 * (position 9 does not match), or null (a valid VIN, or not a VIN at all — a plate).
 */
export function vehicleIdFlag(id: string): ValueFlag | null {
  if (!looksLikeVin(id)) return null;
  const digit = vinCheckDigit(id);
  if (digit === null) return 'vin-characters';
  return id[8]!.toUpperCase() === digit ? null : 'vin-check-digit';
}

/**
 * A vehicle id for display, masked as phone numbers are: a VIN keeps its maker code (3) and last 4
 * (`LSV**********3294`); a plate or other id of 6+ characters keeps its first 2 and last 2 (`京A***45`);
 * shorter ids keep their first character.
 */
export function maskVehicleId(id: string): string {
  const chars = Array.from(id.trim());
  const n = chars.length;
  if (n === 0) return '';
  const [head, tail] = looksLikeVin(id.trim()) ? [3, 4] : n >= 6 ? [2, 2] : [1, 0];
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}
