/**
 * The trading calendar of the sample: weekdays, the Chinese New Year (a dip in the holiday fortnight after
 * a stock-up in the weeks before), Double 11 (11.11, the biggest online shopping day) and 618. Turned into a
 * per-day order-intensity multiplier per customer type, precomputed once for the whole simulated range.
 */
import { dayFromParts, dayToDate } from '../data/days.js';
import { CUSTOMER_TYPES, CONSUMER } from './profiles.js';

/** Chinese New Year's day (Gregorian) by year. */
const CNY: Record<number, [number, number]> = {
  2015: [2, 19], 2016: [2, 8], 2017: [1, 28], 2018: [2, 16], 2019: [2, 5], 2020: [1, 25], 2021: [2, 12],
  2022: [2, 1], 2023: [1, 22], 2024: [2, 10], 2025: [1, 29], 2026: [2, 17], 2027: [2, 6], 2028: [1, 26],
  2029: [2, 13], 2030: [2, 3], 2031: [1, 23], 2032: [2, 11], 2033: [1, 31], 2034: [2, 19], 2035: [2, 8],
};

/** Epoch day of Chinese New Year in a year (outside the table: 5 February, near its average). */
export function chineseNewYear(year: number): number {
  const [m, d] = CNY[year] ?? [2, 5];
  return dayFromParts(year, m, d);
}

/** What is going on commercially on a day. */
export const Promo = { None: 0, Double11: 1, Mid618: 2, PreNewYear: 3, NewYear: 4 } as const;

/** Per-day facts for a range of epoch days [first, first + length). */
export interface Calendar {
  first: number;
  length: number;
  /** Calendar month 0–11 of each day. */
  month: Uint8Array;
  promo: Uint8Array;
  /** Order-intensity multiplier per customer type (mean 1 over the range), indexed [type][day - first]. */
  intensity: Float32Array[];
  /** Largest multiplier of each type (for thinning). */
  maxIntensity: number[];
}

const isTrade = (type: number) => type !== CONSUMER && CUSTOMER_TYPES[type] !== 'modification_shop';

export function buildCalendar(first: number, last: number): Calendar {
  const length = last - first + 1;
  const month = new Uint8Array(length);
  const promo = new Uint8Array(length);
  const dom = new Uint8Array(length);
  const weekday = new Uint8Array(length);
  const cnyOffset = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    const date = dayToDate(first + i);
    const y = date.getUTCFullYear();
    month[i] = date.getUTCMonth();
    dom[i] = date.getUTCDate();
    weekday[i] = date.getUTCDay();
    // Offset to the nearest New Year (this year's or next year's).
    const a = first + i - chineseNewYear(y);
    const b = first + i - chineseNewYear(y + 1);
    cnyOffset[i] = Math.abs(a) < Math.abs(b) ? a : b;
    const off = cnyOffset[i];
    if (month[i] === 10 && dom[i] <= 11) promo[i] = Promo.Double11;
    else if (month[i] === 5 && dom[i] <= 18) promo[i] = Promo.Mid618;
    else if (off >= -28 && off <= -8) promo[i] = Promo.PreNewYear;
    else if (off >= -7 && off <= 15) promo[i] = Promo.NewYear;
  }
  const intensity = CUSTOMER_TYPES.map((_, type) => {
    const trade = isTrade(type);
    const out = new Float32Array(length);
    let sum = 0;
    for (let i = 0; i < length; i++) {
      const wd = weekday[i];
      let m = trade ? (wd === 0 ? 0.55 : wd === 6 ? 0.85 : 1.05) : wd === 0 || wd === 6 ? 1.25 : 0.93;
      const off = cnyOffset[i];
      if (promo[i] === Promo.PreNewYear) m *= trade ? 1.35 : 1.1; // stock-up before the holiday
      else if (off >= -7 && off <= 7) m *= 0.3; // shops closed, drivers home
      else if (off > 7 && off <= 15) m *= 0.75;
      if (promo[i] === Promo.Double11) m *= dom[i] === 11 ? (trade ? 1.4 : 3.5) : trade ? 1.1 : 1.4;
      if (promo[i] === Promo.Mid618 && !trade) m *= dom[i] === 18 ? 2 : 1.15;
      out[i] = m;
      sum += m;
    }
    const mean = sum / length;
    for (let i = 0; i < length; i++) out[i] /= mean;
    return out;
  });
  const maxIntensity = intensity.map((a) => a.reduce((m, v) => Math.max(m, v), 0));
  return { first, length, month, promo, intensity, maxIntensity };
}
