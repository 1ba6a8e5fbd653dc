import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { extent } from 'd3-array';

/**
 * SVG path data (`d`) of a sparkline over `values` (equally spaced), fitted into `width` × `height` with
 * `pad` px inside. Missing values (NaN) break the line instead of dropping to zero. Empty or all-missing
 * input gives ''.
 */
export function sparklinePath(values: ArrayLike<number>, width: number, height: number, pad = 1): string {
  const n = values.length;
  const [lo, hi] = extent(Array.from(values).filter(Number.isFinite));
  if (!n || lo === undefined || hi === undefined) return '';
  const x = scaleLinear()
    .domain([0, Math.max(1, n - 1)])
    .range([pad, width - pad]);
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([height - pad, pad]);
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(i))
    .y((v) => y(v));
  return path(Array.from(values)) ?? '';
}
