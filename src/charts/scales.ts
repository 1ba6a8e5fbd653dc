import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import { max, min } from 'd3-array';

/** Space around a plot area, CSS px. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * A linear value scale from 0 (or the data minimum when negative) to the data maximum, "niced" so ticks land
 * on round numbers. An all-missing or all-zero domain becomes [0, 1] so marks still have a place.
 */
export function valueScale(values: Iterable<number>, range: [number, number]): ScaleLinear<number, number> {
  const arr = Array.from(values).filter(Number.isFinite);
  const lo = Math.min(0, min(arr) ?? 0);
  const hi = Math.max(0, max(arr) ?? 0);
  return scaleLinear()
    .domain(lo === hi ? [0, 1] : [lo, hi])
    .range(range)
    .nice();
}

/** A band scale for categories (bars), with `padding` between bands as a fraction of the step. */
export function categoryScale(keys: readonly string[], range: [number, number], padding = 0.25): ScaleBand<string> {
  return scaleBand<string>().domain(keys).range(range).paddingInner(padding).paddingOuter(padding / 2);
}
