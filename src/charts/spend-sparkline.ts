import { svg, nothing, type SVGTemplateResult } from 'lit';
import { sparklinePath } from './sparkline.js';
import { estimateTextWidth, truncateText } from './text.js';

/**
 * A labelled spend sparkline (one customer's monthly spend): caption line, the line over a light area, the
 * peak and the last month marked with their values, first and last month under it. Pure layout from plain
 * numbers; colours come from CSS (classes `spark-*`, token defaults in the widget).
 */
export interface SpendSparklineOptions {
  width: number;
  /** Total height including caption and month labels (default 112). */
  height?: number;
  /** Text of a value (peak, last). */
  valueLabel: (value: number) => string;
  /** Caption above the line (e.g. who and which period); truncated to fit. */
  caption: string;
  /** Labels under the first and last point. */
  startLabel: string;
  endLabel: string;
  /** Font size of labels, px (default 12). */
  fontSize?: number;
}

export interface SparkPoint {
  x: number;
  y: number;
  label: string;
  /** `text-anchor` keeping the label inside the chart. */
  anchor: 'start' | 'middle' | 'end';
}

export interface SpendSparklineLayout {
  width: number;
  height: number;
  fontSize: number;
  caption: string;
  /** Top of the plot (below the caption). */
  plotTop: number;
  plotHeight: number;
  /** Path data of the line, in plot coordinates (empty when there is nothing to draw). */
  line: string;
  /** The line closed down to the plot's bottom. */
  area: string;
  peak: SparkPoint | null;
  last: SparkPoint | null;
  start: { x: number; label: string };
  end: { x: number; label: string };
}

const PAD = 4;

/** Positions everything; `values` are equally spaced months (NaN-free: months without orders are 0). */
export function layoutSpendSparkline(values: ArrayLike<number>, options: SpendSparklineOptions): SpendSparklineLayout {
  const width = Math.max(80, Math.floor(options.width));
  const fontSize = options.fontSize ?? 12;
  const height = options.height ?? 112;
  const plotTop = fontSize * 2.4; // caption, then room for the peak label
  const plotHeight = Math.max(24, height - plotTop - fontSize * 1.8);
  const n = values.length;
  let lo = Infinity;
  let hi = -Infinity;
  let peakAt = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) (hi = v), (peakAt = i);
  }
  // Same scales as sparklinePath (equal spacing, extent of the values, flat series centred).
  const x = (i: number) => PAD + (i * (width - 2 * PAD)) / Math.max(1, n - 1);
  const y = (v: number) =>
    lo === hi ? plotHeight / 2 : plotHeight - PAD - ((v - lo) / (hi - lo)) * (plotHeight - 2 * PAD);
  const anchor = (px: number): SparkPoint['anchor'] => (px < width * 0.15 ? 'start' : px > width * 0.85 ? 'end' : 'middle');
  const point = (i: number): SparkPoint => ({ x: x(i), y: y(values[i]), label: options.valueLabel(values[i]), anchor: anchor(x(i)) });
  const line = n ? sparklinePath(values, width, plotHeight, PAD) : '';
  const bottom = plotHeight - PAD;
  const area = line && n > 1 ? `${line}L${x(n - 1)},${bottom}L${x(0)},${bottom}Z` : '';
  const last = n ? point(n - 1) : null;
  let peak = peakAt >= 0 && peakAt !== n - 1 && hi > 0 ? point(peakAt) : null;
  // The peak's value would collide with the last one's: keep its dot, drop its text.
  if (peak && last && Math.abs(peak.y - last.y) < fontSize * 1.2) {
    const room = (estimateTextWidth(peak.label, fontSize) + estimateTextWidth(last.label, fontSize)) / 2 + 8;
    if (Math.abs(peak.x - last.x) < room) peak = { ...peak, label: '' };
  }
  return {
    width,
    height,
    fontSize,
    caption: truncateText(options.caption, width - 2, fontSize),
    plotTop,
    plotHeight,
    line,
    area,
    // The peak is marked only when it is not also the last point (one label per point).
    peak,
    last,
    start: { x: x(0), label: options.startLabel },
    end: { x: x(n - 1), label: options.endLabel },
  };
}

/**
 * The sparkline as an `<svg role="img">` labelled by `label` (the text alternative: say the period, total,
 * peak and last value). Its texts are decorative for assistive technology (the label says it all).
 */
export function renderSpendSparkline(layout: SpendSparklineLayout, label: string): SVGTemplateResult {
  const { width, height, fontSize, plotTop, plotHeight } = layout;
  const dot = (p: SparkPoint | null, cls: string) =>
    p
      ? svg`<circle class="spark-dot ${cls}" cx=${p.x} cy=${p.y} r="3"></circle>
          <text class="spark-value" x=${p.x} y=${p.y - 6} text-anchor=${p.anchor}>${p.label}</text>`
      : nothing;
  const labelsY = plotTop + plotHeight + fontSize * 1.3;
  return svg`<svg class="spark" role="img" aria-label=${label} width=${width} height=${height}
      viewBox="0 0 ${width} ${height}" font-size=${fontSize}>
    <text class="spark-caption" x="1" y=${fontSize}>${layout.caption}</text>
    <g transform="translate(0 ${plotTop})">
      <line class="spark-base" x1="0" x2=${width} y1=${plotHeight - 4 + 0.5} y2=${plotHeight - 4 + 0.5}></line>
      ${layout.area ? svg`<path class="spark-area" d=${layout.area}></path>` : nothing}
      <path class="spark-line" d=${layout.line}></path>
      ${dot(layout.peak, 'spark-peak')} ${dot(layout.last, 'spark-last')}
    </g>
    <text class="spark-month" x=${layout.start.x} y=${labelsY} text-anchor="start">${layout.start.label}</text>
    ${layout.end.x > layout.start.x
      ? svg`<text class="spark-month" x=${layout.end.x} y=${labelsY} text-anchor="end">${layout.end.label}</text>`
      : nothing}
  </svg>`;
}
