import { svg, nothing, type SVGTemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { area, stack, stackOffsetExpand, stackOffsetNone, stackOrderNone, curveMonotoneX } from 'd3-shape';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { valueScale } from './scales.js';
import { estimateTextWidth, truncateText } from './text.js';
import type { MarkHandlers } from './marks.js';

/**
 * Channel-mix drawing (pure layouts from plain data, Lit `svg` templates): a 100 % share bar with a legend,
 * a stacked trend (areas or 100 % bars) with a thinned time axis, and small bars of customers by number of
 * channels. Colours are token references chosen by the widget; each channel also gets a fill pattern so
 * colour is never the only signal.
 */

/** One channel as the charts draw it. */
export interface ChannelMark {
  key: string;
  /** Translated name. */
  label: string;
  /** Token reference, e.g. `var(--crm-series-2)`. */
  color: string;
  /** Pattern number (0 = plain fill) from `patternDefs`. */
  pattern: number;
  selected?: boolean;
}

// ——— patterns ———

/** How many distinct fill patterns there are (the 1st is plain). */
export const PATTERN_COUNT = 8;

/** Path of pattern n in a 6×6 tile (n ≥ 1; 0 is plain). */
// Dots are short round-capped dashes, so they stay visible at the thin stroke the widget uses.
const PATTERN_PATHS = ['', 'M-1,7 L7,-1', 'M2.4,3 h1.2', 'M0,3 H6', 'M-1,7 L7,-1 M-1,-1 L7,7', 'M3,0 V6', 'M-1,-1 L7,7', 'M1,1.5 h1 M4,4.5 h1'];

/** Id of pattern `n` for a chart instance (`prefix` keeps ids unique per widget). */
export const patternId = (prefix: string, n: number) => `${prefix}-pat-${n % PATTERN_COUNT}`;

/** `<defs>` with the texture patterns: thin strokes in the background colour over the channel fill. */
export function patternDefs(prefix: string): SVGTemplateResult {
  return svg`<defs>${PATTERN_PATHS.slice(1).map(
    (d, i) => svg`<pattern id=${patternId(prefix, i + 1)} patternUnits="userSpaceOnUse" width="6" height="6">
      <path class="texture" d=${d}></path>
    </pattern>`,
  )}</defs>`;
}

/** A filled shape with its channel colour and, over it, its texture (pattern 0: none). */
function texturedFill(prefix: string, m: ChannelMark, shape: (fill: string, cls: string) => SVGTemplateResult) {
  return svg`${shape(m.color, 'fill')}${m.pattern % PATTERN_COUNT ? shape(`url(#${patternId(prefix, m.pattern)})`, 'texture-fill') : nothing}`;
}

// ——— share bar + legend ———

export interface ShareDatum extends ChannelMark {
  /** Fraction of the total, 0…1 (null/negative draws nothing). */
  share: number | null;
  shareText: string;
  valueText: string;
}

export interface ShareLayout {
  width: number;
  height: number;
  fontSize: number;
  barHeight: number;
  segments: { datum: ShareDatum; index: number; x: number; width: number; label: string }[];
  legend: { datum: ShareDatum; index: number; y: number; rowHeight: number; label: string; valueX: number; shareX: number }[];
  hasSelection: boolean;
}

/**
 * A 100 % horizontal bar (segments in data order, share text inside when it fits) over a legend with one row
 * per channel: swatch, name, share, value (right-aligned columns).
 */
export function layoutShareBar(data: readonly ShareDatum[], options: { width: number; fontSize?: number }): ShareLayout {
  const fontSize = options.fontSize ?? 13;
  const width = Math.max(120, options.width);
  const barHeight = 28;
  let x = 0;
  const segments = data.map((datum, index) => {
    const w = datum.share && datum.share > 0 ? datum.share * width : 0;
    const seg = { datum, index, x, width: w, label: estimateTextWidth(datum.shareText, fontSize) + 8 <= w ? datum.shareText : '' };
    x += w;
    return seg;
  });
  const valueWidth = Math.max(0, ...data.map((d) => estimateTextWidth(d.valueText, fontSize)));
  const shareWidth = Math.max(0, ...data.map((d) => estimateTextWidth(d.shareText, fontSize)));
  const valueX = width;
  const shareX = width - valueWidth - 20;
  const nameSpace = Math.max(24, shareX - shareWidth - 12 - 20);
  const rowHeight = fontSize + 12;
  const top = barHeight + 12;
  const legend = data.map((datum, index) => ({
    datum,
    index,
    y: top + index * rowHeight,
    rowHeight,
    label: truncateText(datum.label, nameSpace, fontSize),
    valueX,
    shareX,
  }));
  return { width, height: top + data.length * rowHeight, fontSize, barHeight, segments, legend, hasSelection: data.some((d) => d.selected) };
}

export interface ShareRenderOptions {
  /** Accessible name of the legend list. */
  label: string;
  /** Unique id prefix for patterns. */
  idPrefix: string;
  markLabel: (d: ShareDatum) => string;
  handlers?: MarkHandlers;
}

/** The share bar (pointer: hover and click) and its legend rows (the keyboard marks: `option`s of a listbox). */
export function renderShareBar(layout: ShareLayout, o: ShareRenderOptions): SVGTemplateResult {
  const h = o.handlers;
  const focus = (i: number) => (h ? (e: Event) => h.focus(i, e.currentTarget as Element) : nothing);
  const blur = h ? () => h.blur() : nothing;
  const fs = layout.fontSize;
  return svg`<svg class=${classMap({ 'share-chart': true, 'has-selection': layout.hasSelection })}
    width=${layout.width} height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}" font-size=${fs}>
    ${patternDefs(o.idPrefix)}
    <g class="share-bar" aria-hidden="true">
      ${layout.segments.map(
        (s) => svg`<g class="segment" data-key=${s.datum.key} aria-selected=${s.datum.selected ? 'true' : 'false'}
          @pointerenter=${focus(s.index)} @pointerleave=${blur} @click=${h ? () => h.activate(s.index) : nothing}>
          ${texturedFill(o.idPrefix, s.datum, (fill, cls) => svg`<rect class=${cls} x=${s.x} y="0" width=${s.width} height=${layout.barHeight} fill=${fill}></rect>`)}
          ${s.label ? svg`<text class="segment-label" x=${s.x + s.width / 2} y=${layout.barHeight / 2} text-anchor="middle" dominant-baseline="central">${s.label}</text>` : nothing}
        </g>`,
      )}
    </g>
    <g role="listbox" aria-label=${o.label} @keydown=${h ? (e: KeyboardEvent) => h.keydown(e) : nothing}>
      ${layout.legend.map(
        (r) => svg`<g class="mark legend-row" role="option" aria-selected=${r.datum.selected ? 'true' : 'false'}
          aria-label=${o.markLabel(r.datum)} tabindex=${h ? h.tabIndex(r.index) : -1} data-mark-index=${r.index}
          @focus=${focus(r.index)} @pointerenter=${focus(r.index)} @blur=${blur} @pointerleave=${blur}
          @click=${h ? () => h.activate(r.index) : nothing}>
          <rect class="hit" x="0" y=${r.y} width=${layout.width} height=${r.rowHeight} fill="transparent"></rect>
          <rect class="focus-ring" x="0.5" y=${r.y + 0.5} width=${layout.width - 1} height=${r.rowHeight - 1} rx="4"></rect>
          ${texturedFill(o.idPrefix, r.datum, (fill, cls) => svg`<rect class=${`${cls} swatch`} x="4" y=${r.y + r.rowHeight / 2 - 6} width="12" height="12" rx="2" fill=${fill}></rect>`)}
          <text class="legend-label" x="24" y=${r.y + r.rowHeight / 2} dominant-baseline="central">${r.label}</text>
          <text class="legend-share" x=${r.shareX} y=${r.y + r.rowHeight / 2} text-anchor="end" dominant-baseline="central">${r.datum.shareText}</text>
          <text class="legend-value" x=${r.valueX - 4} y=${r.y + r.rowHeight / 2} text-anchor="end" dominant-baseline="central">${r.datum.valueText}</text>
        </g>`,
      )}
    </g>
  </svg>`;
}

// ——— time axis ———

export interface PeriodLabel {
  /** Short text under a tick (e.g. "Mar", "3月", "Mar 4"). */
  main: string;
  /** Year, shown under the first visible tick and wherever it changes. */
  year: string;
}

export interface TimeTick {
  index: number;
  position: number;
  main: string;
  sub: string;
}

/**
 * Ticks for equally spaced periods at `positions`: every k-th period, k the smallest step at which the widest
 * label plus a gap fits, so labels never overlap; the year is added on the first tick and where it changes.
 */
export function thinTimeTicks(labels: readonly PeriodLabel[], positions: readonly number[], fontSize: number, gap = 10): TimeTick[] {
  const n = labels.length;
  if (!n) return [];
  const widest = Math.max(...labels.map((l) => Math.max(estimateTextWidth(l.main, fontSize), estimateTextWidth(l.year, fontSize))));
  const step = n > 1 ? Math.abs(positions[1] - positions[0]) : Infinity;
  const k = Math.max(1, Math.ceil((widest + gap) / step));
  const ticks: TimeTick[] = [];
  let lastYear = '';
  for (let i = 0; i < n; i += k) {
    const year = labels[i].year;
    ticks.push({ index: i, position: positions[i], main: labels[i].main, sub: year !== lastYear ? year : '' });
    lastYear = year;
  }
  return ticks;
}

// ——— trend ———

export type TrendMode = 'area' | 'percent';

export interface TrendLayoutOptions {
  width: number;
  height: number;
  mode: TrendMode;
  periods: readonly PeriodLabel[];
  /** Text of a y tick value (compact currency, count, percent). */
  yLabel: (value: number) => string;
  fontSize?: number;
  /** Periods after the data (a forecast): x positions and columns are laid out for them too, nothing stacked. */
  extraPeriods?: readonly PeriodLabel[];
  /** The value axis reaches at least this (a forecast's upper bound). */
  yMax?: number;
  /** More legend entries after the series (e.g. "Forecast"), laid out in `legendExtras`. */
  legendExtras?: readonly string[];
}

export interface TrendLayout {
  width: number;
  height: number;
  fontSize: number;
  mode: TrendMode;
  /** True when drawn as bars (percent mode, or a single period). */
  bars: boolean;
  plot: { left: number; top: number; right: number; bottom: number };
  /** Area path per series (area mode). */
  paths: string[];
  /** Rect per series per period (bar mode): [series][period]. */
  rects: { x: number; y: number; width: number; height: number }[][];
  /** Hit column per period. */
  columns: { x: number; width: number; center: number }[];
  yTicks: { position: number; label: string }[];
  xTicks: TimeTick[];
  legend: { x: number; y: number; label: string }[];
  legendHeight: number;
  /** The `legendExtras` entries (swatch at x, text at x + 26). */
  legendExtras: { x: number; y: number; label: string }[];
  /** The value axis domain [0, max] (niced). */
  yDomain: [number, number];
  /** Periods with data (the first `dataPeriods` columns); the rest are `extraPeriods`. */
  dataPeriods: number;
}

/**
 * Stacked trend of `values[series][period]` (negatives drawn as 0): stacked areas (d3-shape `stack` + `area`)
 * or, in `percent` mode, one 100 % bar per period (`stackOffsetExpand`). The legend (swatch + name per
 * series, wrapped) sits above the plot.
 */
export function layoutTrend(series: readonly ChannelMark[], values: readonly (readonly number[])[], o: TrendLayoutOptions): TrendLayout {
  const fontSize = o.fontSize ?? 12;
  const width = Math.max(160, o.width);
  const P = o.periods.length;
  const allPeriods = o.extraPeriods?.length ? [...o.periods, ...o.extraPeriods] : o.periods;
  const bars = o.mode === 'percent' || P < 2;

  // Legend rows: swatch (12, or 20 for an extra's line) + 6 + label + 16 gap, wrapped at the width.
  const lineHeight = fontSize + 8;
  let lx = 0;
  let ly = lineHeight / 2;
  const place = (text: string, swatch: number) => {
    const label = truncateText(text, width - swatch - 6, fontSize);
    const w = swatch + 6 + estimateTextWidth(label, fontSize) + 16;
    if (lx > 0 && lx + w > width) {
      lx = 0;
      ly += lineHeight;
    }
    const item = { x: lx, y: ly, label };
    lx += w;
    return item;
  };
  const legend: TrendLayout['legend'] = series.map((s) => place(s.label, 12));
  const legendExtras: TrendLayout['legendExtras'] = (o.legendExtras ?? []).map((text) => place(text, 20));
  const legendHeight = series.length || legendExtras.length ? ly + lineHeight / 2 + 6 : 0;

  const rows = Array.from({ length: P }, (_, p) => series.map((_, k) => Math.max(0, values[k]?.[p] ?? 0)));
  const stacked = stack<number[], number>()
    .keys(series.map((_, k) => k))
    .value((row, k) => row[k])
    .order(stackOrderNone)
    .offset(o.mode === 'percent' ? stackOffsetExpand : stackOffsetNone)(rows);
  const top = stacked.length ? Math.max(...stacked[stacked.length - 1].map((d) => d[1])) : 0;
  const yDomainMax = o.mode === 'percent' ? 1 : Math.max(top, o.yMax ?? 0);

  const tickCount = o.height < 200 ? 3 : 5;
  const probe = valueScale([0, yDomainMax], [0, 1]);
  const yTickValues = probe.ticks(tickCount);
  const left = Math.ceil(Math.max(0, ...yTickValues.map((v) => estimateTextWidth(o.yLabel(v), fontSize)))) + 8;
  const plot = { left, top: legendHeight + 6, right: width - 4, bottom: o.height - (fontSize * 2 + 12) };
  const y = scaleLinear().domain(probe.domain()).range([plot.bottom, plot.top]);
  const yTicks = yTickValues.map((v) => ({ position: y(v), label: o.yLabel(v) }));

  let positions: number[];
  let columns: TrendLayout['columns'];
  const paths: string[] = [];
  const rects: TrendLayout['rects'] = [];
  const keys = allPeriods.map((_, p) => String(p));
  if (bars) {
    const x = scaleBand<string>().domain(keys).range([plot.left, plot.right]).paddingInner(0.2).paddingOuter(0.1);
    const bw = x.bandwidth();
    positions = keys.map((k) => x(k)! + bw / 2);
    const step = x.step();
    columns = keys.map((k) => ({ x: x(k)! - (step - bw) / 2, width: step, center: x(k)! + bw / 2 }));
    for (const layer of stacked)
      rects.push(layer.map((d, p) => ({ x: x(keys[p]!)!, y: y(d[1]), width: bw, height: Math.max(0, y(d[0]) - y(d[1])) })));
  } else {
    const x = scalePoint<string>().domain(keys).range([plot.left, plot.right]);
    positions = keys.map((k) => x(k)!);
    const step = x.step();
    columns = positions.map((c) => ({ x: Math.max(plot.left, c - step / 2), width: Math.min(plot.right, c + step / 2) - Math.max(plot.left, c - step / 2), center: c }));
    const shape = area<[number, number]>()
      .x((_, p) => positions[p])
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]))
      .curve(curveMonotoneX);
    for (const layer of stacked) paths.push(shape(layer.map((d) => [d[0], d[1]] as [number, number])) ?? '');
  }
  const xTicks = thinTimeTicks(allPeriods, positions, fontSize);
  const yDomain = y.domain() as [number, number];
  return { width, height: o.height, fontSize, mode: o.mode, bars, plot, paths, rects, columns, yTicks, xTicks, legend, legendHeight, legendExtras, yDomain, dataPeriods: P };
}

export interface TrendRenderOptions {
  label: string;
  idPrefix: string;
  /** Accessible name of the column of period `p` (every channel's value). */
  periodLabel: (p: number) => string;
  handlers?: MarkHandlers;
  /** The focused column, drawn with a guide line. */
  active?: number;
  /** Drawn over the stack, under the period columns (e.g. a forecast: `renderForecastOverlay`). */
  overlay?: SVGTemplateResult;
}

/** The trend: legend, grid and y ticks, stacked areas or bars, time axis, and focusable period columns. */
export function renderTrend(series: readonly ChannelMark[], l: TrendLayout, o: TrendRenderOptions): SVGTemplateResult {
  const h = o.handlers;
  const fs = l.fontSize;
  const hasSelection = series.some((s) => s.selected);
  const selectedClass = (s: ChannelMark) => classMap({ series: true, selected: !!s.selected });
  return svg`<svg class=${classMap({ 'trend-chart': true, 'has-selection': hasSelection })}
    width=${l.width} height=${l.height} viewBox="0 0 ${l.width} ${l.height}" font-size=${fs}>
    ${patternDefs(o.idPrefix)}
    <g class="trend-legend" aria-hidden="true">
      ${l.legend.map((g, k) => svg`<g class=${selectedClass(series[k])}>
        ${texturedFill(o.idPrefix, series[k], (fill, cls) => svg`<rect class=${`${cls} swatch`} x=${g.x} y=${g.y - 6} width="12" height="12" rx="2" fill=${fill}></rect>`)}
        <text class="legend-label" x=${g.x + 18} y=${g.y} dominant-baseline="central">${g.label}</text></g>`)}
    </g>
    <g class="grid" aria-hidden="true">
      ${l.yTicks.map((t) => svg`<line x1=${l.plot.left} x2=${l.plot.right} y1=${t.position} y2=${t.position}></line>`)}
    </g>
    <g class="axis y-axis" aria-hidden="true">
      ${l.yTicks.map((t) => svg`<text x=${l.plot.left - 6} y=${t.position} text-anchor="end" dominant-baseline="central">${t.label}</text>`)}
    </g>
    <g class="stack" aria-hidden="true">
      ${l.bars
        ? l.rects.map((layer, k) => svg`<g class=${selectedClass(series[k])}>${layer.map((r) =>
            texturedFill(o.idPrefix, series[k], (fill, cls) => svg`<rect class=${cls} x=${r.x} y=${r.y} width=${r.width} height=${r.height} fill=${fill}></rect>`),
          )}</g>`)
        : l.paths.map((d, k) => svg`<g class=${selectedClass(series[k])}>${texturedFill(o.idPrefix, series[k], (fill, cls) => svg`<path class=${cls} d=${d} fill=${fill}></path>`)}</g>`)}
    </g>
    ${o.overlay ?? nothing}
    <g class="axis x-axis" aria-hidden="true">
      <line x1=${l.plot.left} x2=${l.plot.right} y1=${l.plot.bottom} y2=${l.plot.bottom}></line>
      ${l.xTicks.map((t) => svg`<g>
        <line x1=${t.position} x2=${t.position} y1=${l.plot.bottom} y2=${l.plot.bottom + 4}></line>
        <text x=${t.position} y=${l.plot.bottom + 6 + fs / 2} text-anchor="middle" dominant-baseline="central">${t.main}</text>
        ${t.sub ? svg`<text x=${t.position} y=${l.plot.bottom + 10 + fs * 1.5} text-anchor="middle" dominant-baseline="central">${t.sub}</text>` : nothing}
      </g>`)}
    </g>
    ${o.active !== undefined && l.columns[o.active]
      ? svg`<line class="guide" aria-hidden="true" x1=${l.columns[o.active].center} x2=${l.columns[o.active].center} y1=${l.plot.top} y2=${l.plot.bottom}></line>`
      : nothing}
    <g role="listbox" aria-label=${o.label} @keydown=${h ? (e: KeyboardEvent) => h.keydown(e) : nothing}>
      ${l.columns.map((c, p) => {
        const focus = h ? (e: Event) => h.focus(p, e.currentTarget as Element) : nothing;
        return svg`<g class="mark period" role="option" aria-selected="false" aria-label=${o.periodLabel(p)}
          tabindex=${h ? h.tabIndex(p) : -1} data-mark-index=${p}
          @focus=${focus} @pointerenter=${focus} @blur=${h ? () => h.blur() : nothing} @pointerleave=${h ? () => h.blur() : nothing}>
          <rect class="hit" x=${c.x} y=${l.plot.top} width=${c.width} height=${l.plot.bottom - l.plot.top} fill="transparent"></rect>
          <rect class="focus-ring" x=${c.x + 1} y=${l.plot.top} width=${Math.max(0, c.width - 2)} height=${l.plot.bottom - l.plot.top} rx="3"></rect>
        </g>`;
      })}
    </g>
  </svg>`;
}

// ——— customers by number of channels ———

export interface CountDatum {
  /** "1", "2", "3", "4+". */
  label: string;
  /** Bar length (average spend). */
  value: number | null;
  /** Text after the bar (average spend). */
  valueText: string;
  /** Line under the bar (customers, share, orders). */
  detail: string;
}

export interface CountLayout {
  width: number;
  height: number;
  fontSize: number;
  rows: { datum: CountDatum; y: number; barX: number; barWidth: number; valueX: number; detail: string }[];
}

/** Small horizontal bars of average spend per channel-count bucket, each with a detail line under it. */
export function layoutChannelCounts(data: readonly CountDatum[], options: { width: number; fontSize?: number }): CountLayout {
  const fontSize = options.fontSize ?? 12;
  const width = Math.max(120, options.width);
  const labelWidth = Math.max(...data.map((d) => estimateTextWidth(d.label, fontSize)), 0) + 10;
  const valueWidth = Math.max(...data.map((d) => estimateTextWidth(d.valueText, fontSize)), 0) * 1.1 + 16;
  const span = Math.max(1, width - labelWidth - valueWidth);
  const max = Math.max(0, ...data.map((d) => (d.value !== null && Number.isFinite(d.value) ? d.value : 0)));
  const x = scaleLinear().domain([0, max || 1]).range([0, span]);
  const rowHeight = 16 + fontSize + 14;
  const rows = data.map((datum, i) => {
    const w = datum.value !== null && Number.isFinite(datum.value) ? Math.max(0, x(Math.max(0, datum.value))) : 0;
    return {
      datum,
      y: i * rowHeight,
      barX: labelWidth,
      barWidth: w,
      valueX: labelWidth + w + 6,
      detail: truncateText(datum.detail, width - labelWidth, fontSize),
    };
  });
  return { width, height: Math.max(rowHeight, data.length * rowHeight - 6), fontSize, rows };
}

/** The channel-count bars: a static picture (`role="img"` named by `label`, which carries every number). */
export function renderChannelCounts(layout: CountLayout, label: string): SVGTemplateResult {
  const fs = layout.fontSize;
  return svg`<svg class="count-chart" role="img" aria-label=${label} width=${layout.width} height=${layout.height}
    viewBox="0 0 ${layout.width} ${layout.height}" font-size=${fs}>
    ${layout.rows.map(
      (r) => svg`<g>
        <text class="bar-label" x="0" y=${r.y + 8} dominant-baseline="central">${r.datum.label}</text>
        <rect class="count-bar" x=${r.barX} y=${r.y} width=${r.barWidth} height="16" rx="2"></rect>
        <text class="bar-value" x=${r.valueX} y=${r.y + 8} dominant-baseline="central">${r.datum.valueText}</text>
        <text class="count-detail" x=${r.barX} y=${r.y + 16 + 4 + fs / 2} dominant-baseline="central">${r.detail}</text>
      </g>`,
    )}
  </svg>`;
}
