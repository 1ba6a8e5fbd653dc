/**
 * A forecast drawn over a trend (`layoutTrend`): after the last full period, a dashed line of the forecast
 * total from the last actual value, its prediction interval as a band, a divider with a "forecast" label, and,
 * in 100 % mode, lighter outlined bars of the forecast channel shares. Pure layout from plain numbers; styling
 * by classes only (no inline styles), so strict Content-Security-Policies hold.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import { area, line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import type { TrendLayout } from './channel-mix.js';
import { estimateTextWidth } from './text.js';

export interface ForecastOverlayInput {
  /** Trend column of the first forecast period (the trailing partial period, or the first extra one). */
  start: number;
  /** The actual total of the column before `start` (where the dashed line starts), null when there is none. */
  anchor: number | null;
  /** Forecast total per forecast period, and its interval. */
  mean: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  /** Percent mode: forecast share per series per forecast period ([series][period]), and each series' colour slot. */
  shares?: readonly (readonly number[])[];
  slots?: readonly number[];
  /** Text of the divider label and of the legend entry. */
  label: string;
  legendLabel: string;
}

export interface ForecastOverlayLayout {
  line: string;
  band: string;
  points: { x: number; y: number }[];
  divider: { x: number; top: number; bottom: number; labelX: number; labelAnchor: 'start' | 'end' } | null;
  bars: { x: number; y: number; width: number; height: number; slot: number }[];
  legend: TrendLayout['legendExtras'][number] | null;
  label: string;
  fontSize: number;
}

export function layoutForecastOverlay(t: TrendLayout, f: ForecastOverlayInput): ForecastOverlayLayout {
  const y = scaleLinear().domain(t.yDomain).range([t.plot.bottom, t.plot.top]);
  const clampY = (v: number) => Math.max(t.plot.top, Math.min(t.plot.bottom, y(v)));
  const x = (k: number) => t.columns[f.start + k]?.center ?? NaN;
  const points: { x: number; y: number }[] = [];
  const bars: ForecastOverlayLayout['bars'] = [];
  let lineD = '';
  let bandD = '';
  if (t.mode === 'area' || !f.shares) {
    const ks = f.mean.map((_, k) => k).filter((k) => x(k) === x(k));
    for (const k of ks) points.push({ x: x(k), y: clampY(f.mean[k]!) });
    const anchorX = t.columns[f.start - 1]?.center;
    const path = [...(f.anchor !== null && anchorX !== undefined ? [{ x: anchorX, y: clampY(f.anchor), lo: clampY(f.anchor), hi: clampY(f.anchor) }] : []),
      ...ks.map((k) => ({ x: x(k), y: clampY(f.mean[k]!), lo: clampY(f.lower[k]!), hi: clampY(f.upper[k]!) }))];
    lineD = line<(typeof path)[number]>().x((d) => d.x).y((d) => d.y)(path) ?? '';
    bandD = area<(typeof path)[number]>().x((d) => d.x).y0((d) => d.lo).y1((d) => d.hi)(path) ?? '';
  } else {
    // 100 % bars of the forecast shares, only in columns after the data (the partial period keeps its own bar).
    for (let k = 0; k < f.mean.length; k++) {
      const col = t.columns[f.start + k];
      if (!col || f.start + k < t.dataPeriods) continue;
      const bw = col.width * 0.8; // the data bars' band width (inner padding 0.2 of the step)
      let acc = 0;
      f.shares.forEach((series, s) => {
        const share = Math.max(0, series[k] ?? 0);
        const y0 = y(acc), y1 = y(acc + share);
        bars.push({ x: col.center - bw / 2, y: y1, width: bw, height: Math.max(0, y0 - y1), slot: f.slots?.[s] ?? s });
        acc += share;
      });
    }
  }
  const first = t.columns[f.start];
  // The label right of the divider, or left of the plot's right edge when it would not fit there.
  const fits = first ? first.x + 4 + estimateTextWidth(f.label, t.fontSize * 0.85) <= t.width : true;
  const divider = first
    ? { x: first.x, top: t.plot.top, bottom: t.plot.bottom, labelX: fits ? first.x + 4 : first.x - 4, labelAnchor: fits ? ('start' as const) : ('end' as const) }
    : null;
  return { line: lineD, band: bandD, points, divider, bars, legend: t.legendExtras[0] ?? null, label: f.label, fontSize: t.fontSize };
}

/** The overlay (pass as `renderTrend`'s `overlay`). */
export function renderForecastOverlay(o: ForecastOverlayLayout): SVGTemplateResult {
  const fs = o.fontSize;
  return svg`<g class="forecast" aria-hidden="true">
    ${o.divider
      ? svg`<line class="forecast-divider" x1=${o.divider.x} x2=${o.divider.x} y1=${o.divider.top} y2=${o.divider.bottom} stroke-dasharray="2 3"></line>
        <text class="forecast-label" x=${o.divider.labelX} y=${o.divider.top + fs * 0.6} text-anchor=${o.divider.labelAnchor} dominant-baseline="central">${o.label}</text>`
      : nothing}
    ${o.bars.map((b) => svg`<rect class=${`forecast-bar series-fill-${(b.slot % 8) + 1}`} x=${b.x} y=${b.y} width=${b.width} height=${b.height} stroke-dasharray="3 2"></rect>`)}
    ${o.band ? svg`<path class="forecast-band" d=${o.band}></path>` : nothing}
    ${o.line ? svg`<path class="forecast-line" d=${o.line} fill="none" stroke-dasharray="6 4"></path>` : nothing}
    ${o.points.map((p) => svg`<circle class="forecast-point" cx=${p.x} cy=${p.y} r="3"></circle>`)}
    ${o.legend
      ? svg`<g class="forecast-legend">
          <rect class="forecast-band" x=${o.legend.x} y=${o.legend.y - 6} width="20" height="12" rx="2"></rect>
          <line class="forecast-line" x1=${o.legend.x} x2=${o.legend.x + 20} y1=${o.legend.y} y2=${o.legend.y} stroke-dasharray="5 3"></line>
          <text class="legend-label" x=${o.legend.x + 26} y=${o.legend.y} dominant-baseline="central">${o.legend.label}</text>
        </g>`
      : nothing}
  </g>`;
}
