import { svg, nothing, type SVGTemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { valueScale } from './scales.js';
import { estimateTextWidth, truncateText } from './text.js';
import type { MarkHandlers } from './marks.js';

/** One funnel stage: plain, already formatted data (the widget translates and formats). */
export interface FunnelStageDatum {
  /** Stable id (the value a selection carries). */
  key: string;
  /** Stage name, translated. */
  label: string;
  /** Customers at this stage; null when the stage cannot be observed (drawn as a hatched box, never as 0). */
  value: number | null;
  /** Text in the value column / after the label (e.g. "2,345 · 61%"); empty for an unobservable stage. */
  valueText: string;
  /** Text in the hatched box of an unobservable stage (e.g. "Not observable: needs …"). */
  note?: string;
  /** Text of the step INTO this stage from the previous observable one (conversion, drop-off, days). */
  stepText?: string;
  selected?: boolean;
}

export interface FunnelLayoutOptions {
  /** Available width, CSS px. */
  width: number;
  /** `center`: a funnel (bars centred); `left`: bars from the left edge. Default `center`. */
  align?: 'center' | 'left';
  /** Narrow layout: label and value on a line above each bar (default: width < 480). */
  stacked?: boolean;
  /** Font size of labels, px (default 13). */
  fontSize?: number;
  /** Bar height, px (default 28). */
  barHeight?: number;
}

/** A line of text placed in the SVG. */
export interface FunnelText {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/** One positioned stage row (geometry in px) with the datum it came from. */
export interface FunnelRow {
  datum: FunnelStageDatum;
  index: number;
  /** Top of the row (its step band, if any, comes first). */
  y: number;
  height: number;
  /** Step text lines, centred on the bars, above this stage's bar. */
  step: FunnelText[];
  label: FunnelText;
  value: FunnelText | null;
  barX: number;
  barY: number;
  barWidth: number;
  barHeight: number;
  /** Unobservable: the hatched box spans the whole bar area; these are its note lines. */
  note: FunnelText[];
}

export interface FunnelLayout {
  width: number;
  height: number;
  fontSize: number;
  stacked: boolean;
  rows: FunnelRow[];
  hasSelection: boolean;
}

const ROW_GAP = 6;
const MIN_BAR = 2;
const PAD = 8;
/** Inset of the content from the mark's focus ring. */
const INSET = 6;

/**
 * Split `text` into lines no wider than `maxWidth` px (by estimate): breaks at spaces, and between any two
 * wide (CJK) characters. At most `maxLines` lines; the last one is truncated with "…".
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const tokens = text.match(/\s+|[\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line.trim() && estimateTextWidth(next.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trim() ? token : '';
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines.map((l) => truncateText(l, maxWidth, fontSize));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateText(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, maxWidth, fontSize);
  return kept;
}

/**
 * Lay out a lifecycle funnel from plain data (pure: no DOM). Wide: label column left, value column right,
 * bars (width ∝ customers) between them, centred as a funnel or left-aligned. Stacked (narrow): a line with
 * label and value above each full-width bar. Between stages a step band carries `stepText`. An unobservable
 * stage is a hatched box over the whole bar area with its note inside.
 */
export function layoutFunnel(data: readonly FunnelStageDatum[], options: FunnelLayoutOptions): FunnelLayout {
  const fontSize = options.fontSize ?? 13;
  const small = Math.round(fontSize * 0.92);
  const lineHeight = small + 5;
  const barHeight = options.barHeight ?? 28;
  const width = Math.max(160, options.width);
  const stacked = options.stacked ?? width < 480;
  const centre = (options.align ?? 'center') === 'center';
  const valueWidth = stacked ? 0 : Math.min(width * 0.3, Math.max(0, ...data.map((d) => estimateTextWidth(d.valueText, fontSize))) + 12);
  const labelWidth = stacked ? 0 : Math.min(width * 0.3, Math.max(0, ...data.map((d) => estimateTextWidth(d.label, fontSize))) + 12);
  const inner = width - 2 * INSET;
  const barX = INSET + labelWidth;
  const span = Math.max(1, inner - labelWidth - valueWidth);
  const max = Math.max(0, ...data.map((d) => d.value ?? 0));
  const x = valueScale([0, max || 1], [0, span]);
  const labelLine = stacked ? fontSize + 8 : 0;
  let y = 0;
  const rows = data.map((datum, index): FunnelRow => {
    const top = y;
    const stepLines = datum.stepText ? wrapText(datum.stepText, span - PAD, small, 2) : [];
    const step = stepLines.map((text, k) => ({ text, x: barX + span / 2, y: top + k * lineHeight + lineHeight / 2 + 2, anchor: 'middle' as const }));
    const stepBand = stepLines.length ? stepLines.length * lineHeight + 6 : 0;
    const barY = top + stepBand + labelLine;
    const observable = datum.value !== null;
    const noteLines = observable || !datum.note ? [] : wrapText(datum.note, span - 2 * PAD, small, stacked ? 3 : 2);
    const height = observable ? barHeight : Math.max(barHeight, noteLines.length * lineHeight + PAD);
    const w = observable ? Math.max(datum.value! > 0 ? MIN_BAR : 0, x(datum.value!)) : span;
    const valueText = truncateText(datum.valueText, stacked ? inner / 2 : valueWidth - 6, fontSize);
    const labelMax = stacked ? inner - estimateTextWidth(valueText, fontSize) - 12 : labelWidth - 12;
    const labelY = stacked ? top + stepBand + labelLine / 2 : barY + height / 2;
    const row: FunnelRow = {
      datum,
      index,
      y: top,
      height: stepBand + labelLine + height + ROW_GAP,
      step,
      label: { text: truncateText(datum.label, labelMax, fontSize), x: INSET, y: labelY, anchor: 'start' },
      value: valueText ? { text: valueText, x: width - INSET, y: labelY, anchor: 'end' } : null,
      barX: observable && centre ? barX + (span - w) / 2 : barX,
      barY,
      barWidth: w,
      barHeight: height,
      note: noteLines.map((text, k) => ({
        text,
        x: barX + span / 2,
        y: barY + (height - noteLines.length * lineHeight) / 2 + k * lineHeight + lineHeight / 2,
        anchor: 'middle' as const,
      })),
    };
    y += row.height;
    return row;
  });
  return { width, height: Math.max(1, y - ROW_GAP), fontSize, stacked, rows, hasSelection: data.some((d) => d.selected) };
}

export interface FunnelRenderOptions {
  /** Accessible name of the group of stages (e.g. the widget title). */
  label: string;
  /** Accessible name of one stage (default: label, value, note, step). */
  markLabel?: (row: FunnelRow) => string;
  /** Interaction from the widget (`CrmWidget.markHandlers`); without it the stages are static. */
  handlers?: MarkHandlers;
}

const text = (t: FunnelText, cls: string, more = false) =>
  svg`<text class=${cls} x=${t.x} y=${t.y} text-anchor=${t.anchor} dominant-baseline="central">${t.text}${more ? ' ' : ''}</text>`;
/** Wrapped lines; each but the last ends in a space so their text reads as the accessible name does ("43 days", not "43days"). */
const lines = (ts: readonly FunnelText[], cls: string) => ts.map((t, i) => text(t, cls, i < ts.length - 1));

/**
 * Draw a funnel layout as a Lit `svg` template: a `listbox` of `option` marks (roving tabindex; Enter/Space
 * select; tooltip on focus and hover through `handlers`). Colours come from classes styled with tokens; an
 * unobservable stage is hatched with a dashed outline and labelled in words (colour is never the only signal).
 */
export function renderFunnel(layout: FunnelLayout, options: FunnelRenderOptions): SVGTemplateResult {
  const h = options.handlers;
  const name =
    options.markLabel ??
    ((r: FunnelRow) => [r.datum.label, r.datum.valueText, r.datum.note, r.datum.stepText].filter(Boolean).join(', '));
  const w = layout.width;
  return svg`<svg
    class=${classMap({ 'funnel-chart': true, 'has-selection': layout.hasSelection, stacked: layout.stacked })}
    width=${w}
    height=${layout.height}
    viewBox="0 0 ${w} ${layout.height}"
    font-size=${layout.fontSize}
  >
    <defs>
      <pattern id="crm-funnel-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line class="funnel-hatch" x1="0" y1="0" x2="0" y2="8"></line>
      </pattern>
    </defs>
    <g role="listbox" aria-label=${options.label} @keydown=${h ? (e: KeyboardEvent) => h.keydown(e) : nothing}>
      ${layout.rows.map((r) => {
        const focus = h ? (e: Event) => h.focus(r.index, e.currentTarget as Element) : nothing;
        const observable = r.datum.value !== null;
        return svg`<g
          class=${classMap({ mark: true, 'funnel-stage': true, unobservable: !observable })}
          role="option"
          aria-selected=${r.datum.selected ? 'true' : 'false'}
          aria-label=${name(r)}
          tabindex=${h ? h.tabIndex(r.index) : -1}
          data-mark-index=${r.index}
          data-stage=${r.datum.key}
          @focus=${focus}
          @pointerenter=${focus}
          @blur=${h ? () => h.blur() : nothing}
          @pointerleave=${h ? () => h.blur() : nothing}
          @click=${h ? () => h.activate(r.index) : nothing}
        >
          <!-- Text in the order of the accessible name: label, value, note, step (the step is drawn above). -->
          <rect class="hit" x="0" y=${r.y} width=${w} height=${r.height} fill="transparent"></rect>
          <rect class="focus-ring" x="1" y=${r.y + 1} width=${w - 2} height=${r.height - 4} rx="4"></rect>
          ${text(r.label, 'bar-label')}
          ${r.value ? text(r.value, 'bar-value') : nothing}
          ${observable
            ? svg`<rect class="bar" x=${r.barX} y=${r.barY} width=${r.barWidth} height=${r.barHeight} rx="3"></rect>`
            : svg`<rect class="funnel-unobservable-box" x=${r.barX + 0.5} y=${r.barY + 0.5} width=${r.barWidth - 1} height=${r.barHeight - 1} rx="3"></rect>
                ${lines(r.note, 'funnel-note')}`}
          ${lines(r.step, 'funnel-step')}
        </g>`;
      })}
    </g>
  </svg>`;
}
