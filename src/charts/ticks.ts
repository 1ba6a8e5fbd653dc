import type { ScaleLinear } from 'd3-scale';
import type { Formatter } from '../i18n/format.js';

export interface Tick {
  value: number;
  /** Position in range units (px). */
  position: number;
  label: string;
}

/** How tick labels show numbers: compact suits axes ("1.2万", "12M"); currency adds the sign. */
export type TickStyle = 'compact' | 'compactCurrency' | 'percent' | 'integer' | 'number';

/**
 * Ticks for a linear scale with labels in the widget's locale. `count` is a hint (d3 picks round values);
 * pass fewer for narrow widgets so labels do not collide.
 */
export function numberTicks(
  scale: ScaleLinear<number, number>,
  format: Formatter,
  style: TickStyle = 'compact',
  count = 5,
): Tick[] {
  const label = (v: number): string => {
    switch (style) {
      case 'compactCurrency':
        return format.compactCurrency(v);
      case 'percent':
        return format.percent(v, 0);
      case 'integer':
        return format.integer(v);
      case 'number':
        return format.number(v);
      default:
        return format.compact(v);
    }
  };
  return scale.ticks(count).map((value) => ({ value, position: scale(value), label: label(value) }));
}
