import { svg, nothing, type SVGTemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { valueScale } from './scales.js';
import { estimateTextWidth, truncateText } from './text.js';
import { MARK_INDEX_ATTRIBUTE, type MarkHandlers } from './marks.js';

/** One bar: plain data from a metric result. */
export interface BarDatum {
  /** Stable id (the value a selection carries: region name, channel, stage id…). */
  key: string;
  /** Shown text (translated). */
  label: string;
  value: number;
  /** A second measure drawn as a thin bar under the main one (e.g. share of customers vs share of revenue). */
  secondary?: number;
  selected?: boolean;
  /**
   * A short annotation after the value (e.g. growth "▲ +24%"); in the stacked layout it is right-aligned on
   * the label line. `noteTone` colours it with the positive / negative / muted text token.
   */
  note?: string;
  noteTone?: 'positive' | 'negative' | 'muted';
  /** Fill as a token reference, e.g. `var(--crm-series-2)`; default `--crm-bar-color`. Never a raw colour. */
  color?: string;
}

export interface BarLayoutOptions {
  /** Available width, CSS px. */
  width: number;
  /** Text of the value at the bar's end. */
  valueLabel: (d: BarDatum) => string;
  /** Font size of labels, px (default 13). */
  fontSize?: number;
  /** Height of a main bar, px (default 20). */
  barHeight?: number;
  /** Narrow layout: labels above the bars so the bars get the full width (default: width < 480). */
  stacked?: boolean;
  /** Scale maximum shared across charts (default: from the data). */
  domainMax?: number;
}

/** One positioned bar: geometry only (px), plus the datum it came from. */
export interface BarRow {
  datum: BarDatum;
  index: number;
  /** Top of the row. */
  y: number;
  rowHeight: number;
  label: string;
  labelX: number;
  labelY: number;
  barX: number;
  barY: number;
  barWidth: number;
  barHeight: number;
  secondaryWidth?: number;
  secondaryY: number;
  valueText: string;
  valueX: number;
  /** `datum.note`; drawn after the value, or at `noteX` (right-aligned, on the label line) when stacked. */
  note?: string;
  noteX?: number;
}

export interface BarLayout {
  width: number;
  height: number;
  fontSize: number;
  rows: BarRow[];
  hasSelection: boolean;
}

const SECONDARY_HEIGHT = 4;
const ROW_GAP = 8;
/** Inset of the row content from the mark's focus ring (drawn at the chart's edges), as in the funnel. */
const INSET = 6;

/**
 * Lay out a horizontal bar chart from plain data (pure: no DOM, testable in Node). Wide: label column on the
 * left (up to 35% of the width), bars, value text after the bar. Stacked (narrow): label line above each bar.
 * Negative values are clamped to a zero-width bar (bars here are magnitudes; use another mark for signs).
 */
export function layoutBars(data: readonly BarDatum[], options: BarLayoutOptions): BarLayout {
  const fontSize = options.fontSize ?? 13;
  const barHeight = options.barHeight ?? 20;
  const width = Math.max(120, options.width);
  const stacked = options.stacked ?? width < 480;
  const valueTexts = data.map((d) => options.valueLabel(d));
  // Wide: the note follows the value (a space + 2 px, ≈ 6 px), so both share the value column. The space keeps
  // the texts apart for assistive tech and text extraction too.
  const noteWidth = (d: BarDatum) => (d.note ? estimateTextWidth(d.note, fontSize) + 6 : 0);
  const endTexts = valueTexts.map((t, i) => estimateTextWidth(t, fontSize) + (stacked ? 0 : noteWidth(data[i])));
  const hasNotes = !stacked && data.some((d) => d.note);
  const valueWidth = Math.min(width * (hasNotes ? 0.4 : 0.3), Math.max(0, ...endTexts) + 8) + INSET;
  const labelWidth = stacked
    ? 0
    : Math.min(width * 0.35, Math.max(0, ...data.map((d) => estimateTextWidth(d.label, fontSize))) + 12);
  const barX = INSET + labelWidth;
  const barSpan = Math.max(1, width - barX - valueWidth);
  const hasSecondary = data.some((d) => d.secondary !== undefined && Number.isFinite(d.secondary));
  const max = options.domainMax ?? Math.max(...data.map((d) => d.value), ...data.map((d) => d.secondary ?? 0));
  const x = valueScale([0, max], [0, barSpan]);
  const labelLine = stacked ? fontSize + 6 : 0;
  const rowHeight = labelLine + barHeight + (hasSecondary ? SECONDARY_HEIGHT + 2 : 0) + ROW_GAP;
  const rows = data.map((datum, index): BarRow => {
    const y = index * rowHeight;
    const barY = y + labelLine;
    const w = Number.isFinite(datum.value) ? Math.max(0, x(Math.max(0, datum.value))) : 0;
    const sec = datum.secondary;
    return {
      datum,
      index,
      y,
      rowHeight,
      label: truncateText(datum.label, stacked ? width - 2 * INSET - noteWidth(datum) - 6 : labelWidth - 12, fontSize),
      labelX: INSET,
      labelY: stacked ? y + labelLine / 2 : barY + barHeight / 2,
      barX,
      barY,
      barWidth: w,
      barHeight,
      secondaryWidth: sec !== undefined && Number.isFinite(sec) ? Math.max(0, x(Math.max(0, sec))) : undefined,
      secondaryY: barY + barHeight + 2,
      valueText: valueTexts[index],
      valueX: barX + w + 6,
      note: datum.note,
      noteX: stacked && datum.note ? width - INSET : undefined,
    };
  });
  return {
    width,
    height: Math.max(rowHeight, rows.length * rowHeight - ROW_GAP),
    fontSize,
    rows,
    hasSelection: data.some((d) => d.selected),
  };
}

export interface BarRenderOptions {
  /** Accessible name of the group of bars (e.g. the widget title). */
  label: string;
  /** Accessible name of one bar (default `label: value`). */
  markLabel?: (row: BarRow) => string;
  /** Interaction from the widget (`CrmWidget.markHandlers`); without it the bars are static. */
  handlers?: MarkHandlers;
}

const noteClass = (r: BarRow) => `bar-note ${r.datum.noteTone ?? 'muted'}`;

/**
 * Draw a bar layout as a Lit `svg` template: a `listbox` of `option` marks (roving tabindex, Enter/Space to
 * select, tooltip on focus and hover through `handlers`). Colours are token references; the widget's styles
 * (base `widgetStyles`) give marks their focus ring and selection look.
 */
export function renderBars(layout: BarLayout, options: BarRenderOptions): SVGTemplateResult {
  const h = options.handlers;
  const name = options.markLabel ?? ((r: BarRow) => `${r.datum.label}: ${r.valueText}`);
  return svg`<svg
    class=${classMap({ 'bar-chart': true, 'has-selection': layout.hasSelection })}
    width=${layout.width}
    height=${layout.height}
    viewBox="0 0 ${layout.width} ${layout.height}"
    font-size=${layout.fontSize}
  >
    <g role="listbox" aria-label=${options.label} @keydown=${h ? (e: KeyboardEvent) => h.keydown(e) : nothing}>
      ${layout.rows.map((r) => {
        const focus = h ? (e: Event) => h.focus(r.index, e.currentTarget as Element) : nothing;
        return svg`<g
          class="mark"
          role="option"
          aria-selected=${r.datum.selected ? 'true' : 'false'}
          aria-label=${name(r)}
          tabindex=${h ? h.tabIndex(r.index) : -1}
          data-mark-index=${r.index}
          @focus=${focus}
          @pointerenter=${focus}
          @blur=${h ? () => h.blur() : nothing}
          @pointerleave=${h ? () => h.blur() : nothing}
          @click=${h ? () => h.activate(r.index) : nothing}
        >
          <rect class="hit" x="0" y=${r.y} width=${layout.width} height=${r.rowHeight} fill="transparent"></rect>
          <rect class="focus-ring" x="0.5" y=${r.y - 2} width=${layout.width - 1} height=${r.rowHeight - 4} rx="4"></rect>
          <text class="bar-label" x=${r.labelX} y=${r.labelY} dominant-baseline="central">${r.label}</text>
          <rect
            class="bar"
            x=${r.barX}
            y=${r.barY}
            width=${r.barWidth}
            height=${r.barHeight}
            rx="2"
            fill=${r.datum.color ?? 'var(--crm-bar-color, var(--crm-series-1))'}
          ></rect>
          ${r.secondaryWidth === undefined
            ? nothing
            : svg`<rect class="bar-secondary" x=${r.barX} y=${r.secondaryY} width=${r.secondaryWidth} height=${SECONDARY_HEIGHT} rx="1"></rect>`}
          <text class="bar-value" x=${r.valueX} y=${r.barY + r.barHeight / 2} dominant-baseline="central">${r.valueText}${
            r.note && r.noteX === undefined ? svg`<tspan class=${noteClass(r)} dx="2"> ${r.note}</tspan>` : nothing
          }</text>
          ${r.note && r.noteX !== undefined
            ? svg`<text class=${noteClass(r)} x=${r.noteX} y=${r.labelY} text-anchor="end" dominant-baseline="central">${r.note}</text>`
            : nothing}
        </g>`;
      })}
    </g>
  </svg>`;
}
