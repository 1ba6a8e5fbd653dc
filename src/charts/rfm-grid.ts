import { svg, nothing, type SVGTemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { MarkHandlers } from './marks.js';
import { estimateTextWidth, truncateText } from './text.js';

/** One cell of a score grid (heat map with regions): plain data, colours as token references. */
export interface GridCellDatum {
  /** Big text (e.g. the customer count). */
  valueText: string;
  /** Region id: edges are drawn between neighbouring cells of different regions. */
  region: string;
  /** Region name, written once per region (in its first cell, reading order) when cells are big enough. */
  regionLabel: string;
  /** Fill, a token reference (`var(--crm-seq-3)`). */
  fill: string;
  /** Text colour on that fill, a token reference. */
  textColor: string;
  /** Accessible name of the cell. */
  ariaLabel: string;
  selected?: boolean;
  /** Emphasised (e.g. holds customers of the selected region); with `dimOthers`, the rest fade. */
  highlighted?: boolean;
  /** Drawn as empty (no customers): dashed outline. */
  empty?: boolean;
}

export interface GridAxisLabel {
  label: string;
  /** Small second line (e.g. the value range of the score). */
  note?: string;
}

export interface GridLayoutInput {
  rows: number;
  cols: number;
  /** rows × cols cells, row-major from the top-left. */
  cells: readonly GridCellDatum[];
  rowLabels: readonly GridAxisLabel[];
  colLabels: readonly GridAxisLabel[];
  /** Title of the vertical axis (written vertically at the left when wide, above the grid when narrow). */
  yTitle: string;
  xTitle: string;
  /** Available width, CSS px. */
  width: number;
  /** Fade cells that are not `highlighted` (a region is selected). */
  dimOthers?: boolean;
  /** Legend under the grid: swatch fills (token references) and end labels. */
  legend?: { title: string; fills: readonly string[]; min: string; max: string };
}

export interface GridCellBox {
  datum: GridCellDatum;
  index: number;
  row: number;
  col: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Region label to draw here (truncated to the region's run in this row), or ''. */
  label: string;
}

export interface GridLayout {
  width: number;
  height: number;
  cells: GridCellBox[];
  /** Region boundaries: line segments between cells of different regions. */
  edges: { x1: number; y1: number; x2: number; y2: number }[];
  rowLabels: { label: string; note: string; x: number; y: number }[];
  colLabels: { label: string; note: string; x: number; y: number }[];
  yTitle: { text: string; x: number; y: number; vertical: boolean };
  xTitle: { text: string; x: number; y: number };
  grid: { x: number; y: number; w: number; h: number };
  legend?: { title: string; x: number; y: number; swatches: { x: number; w: number; fill: string }[]; min: string; max: string; h: number };
  fontSize: number;
  dimOthers: boolean;
}

const FONT = 13;
const SMALL = 11;
const MAX_CELL = 104;
/** Cells at least this big get their region's name written in. */
const LABEL_MIN_W = 60;
const LABEL_MIN_H = 46;

/**
 * Lays out a score grid (pure): a vertical-axis title (vertical when there is room), row labels with notes,
 * the cells (at most 104 px wide, 0.75 as high, at least 34 px), column labels with notes, the horizontal
 * title, and an optional legend. Region labels go into the first cell of each connected region (reading
 * order), truncated to the run of that region's cells in the row.
 */
export function layoutScoreGrid(input: GridLayoutInput): GridLayout {
  const { rows, cols } = input;
  const width = Math.max(200, input.width);
  const narrow = width < 420;
  const noteW = Math.max(0, ...input.rowLabels.map((l) => Math.max(estimateTextWidth(l.label, FONT), estimateTextWidth(l.note ?? '', SMALL))));
  const verticalTitle = !narrow;
  const titleBand = verticalTitle ? FONT + 10 : 0;
  // × 1.15: the estimate runs short for wide UI fonts ("434–573 d" touched the vertical title).
  const left = titleBand + Math.ceil(noteW * 1.15) + 8;
  const top = verticalTitle ? 4 : FONT + 12;
  const cellW = Math.min(MAX_CELL, Math.floor((width - left - 2) / cols));
  const cellH = Math.max(34, Math.round(cellW * 0.75));
  const gridW = cellW * cols;
  const gridH = cellH * rows;
  const cells: GridCellBox[] = input.cells.map((datum, index) => {
    const row = Math.floor(index / cols);
    const col = index % cols;
    return { datum, index, row, col, x: left + col * cellW, y: top + row * cellH, w: cellW, h: cellH, label: '' };
  });
  // Region labels: first cell of each connected region, if cells are big enough to hold a line of text.
  if (cellW >= LABEL_MIN_W && cellH >= LABEL_MIN_H) {
    const seen = new Uint8Array(cells.length);
    for (const c of cells) {
      if (seen[c.index]) continue;
      const stack = [c.index];
      seen[c.index] = 1;
      while (stack.length) {
        const i = stack.pop()!;
        const r = Math.floor(i / cols);
        const k = i % cols;
        for (const [rr, kk] of [[r - 1, k], [r + 1, k], [r, k - 1], [r, k + 1]]) {
          if (rr < 0 || rr >= rows || kk < 0 || kk >= cols) continue;
          const j = rr * cols + kk;
          if (!seen[j] && cells[j].datum.region === c.datum.region) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
      // The label may run on over the region's next cells in the row, but only those drawn in the same text
      // colour: white text over an empty (light) neighbour would vanish mid-word.
      let run = 1;
      while (
        c.col + run < cols &&
        cells[c.index + run].datum.region === c.datum.region &&
        cells[c.index + run].datum.textColor === c.datum.textColor
      )
        run++;
      // 0.85: the estimate runs a little short for wide UI fonts (DejaVu Sans), and the label must not touch an edge.
      c.label = truncateText(c.datum.regionLabel, (run * cellW - 12) * 0.85, SMALL);
    }
  }
  const edges: GridLayout['edges'] = [];
  for (const c of cells) {
    if (c.col + 1 < cols && cells[c.index + 1].datum.region !== c.datum.region)
      edges.push({ x1: c.x + c.w, y1: c.y, x2: c.x + c.w, y2: c.y + c.h });
    if (c.row + 1 < rows && cells[c.index + cols].datum.region !== c.datum.region)
      edges.push({ x1: c.x, y1: c.y + c.h, x2: c.x + c.w, y2: c.y + c.h });
  }
  const hasColNotes = input.colLabels.some((l) => l.note);
  const colLabelY = top + gridH + FONT;
  const xTitleY = colLabelY + (hasColNotes ? SMALL + 4 : 0) + FONT + 8;
  let height = xTitleY + 6;
  let legend: GridLayout['legend'];
  if (input.legend) {
    const y = height + 10;
    const n = input.legend.fills.length;
    const w = Math.min(gridW, 280);
    const sw = w / n;
    legend = {
      title: input.legend.title,
      x: left,
      y,
      swatches: input.legend.fills.map((fill, i) => ({ x: left + i * sw, w: sw, fill })),
      min: input.legend.min,
      max: input.legend.max,
      h: 10,
    };
    height = y + SMALL + 6 + 10 + SMALL + 8;
  }
  return {
    width: Math.min(width, left + gridW + 2),
    height,
    cells,
    edges,
    rowLabels: input.rowLabels.map((l, i) => ({ label: l.label, note: l.note ?? '', x: left - 8, y: top + i * cellH + cellH / 2 })),
    colLabels: input.colLabels.map((l, i) => ({ label: l.label, note: l.note ?? '', x: left + i * cellW + cellW / 2, y: colLabelY })),
    yTitle: verticalTitle
      ? { text: truncateText(input.yTitle, gridH, FONT), x: FONT / 2 + 2, y: top + gridH / 2, vertical: true }
      : { text: truncateText(input.yTitle, width, FONT), x: 0, y: FONT / 2 + 2, vertical: false },
    xTitle: { text: truncateText(input.xTitle, Math.max(gridW, width - left), FONT), x: left + gridW / 2, y: xTitleY },
    grid: { x: left, y: top, w: gridW, h: gridH },
    legend,
    fontSize: FONT,
    dimOthers: !!input.dimOthers,
  };
}

export interface ScoreGridRenderOptions {
  /** Accessible name of the grid. */
  label: string;
  /** Interaction from the widget; `keydown` must move in two dimensions (see CrmRfmMatrix). */
  handlers?: MarkHandlers;
}

/**
 * Draws a score-grid layout as a Lit `svg` template with ARIA grid semantics (`grid` → `row` → `gridcell`,
 * roving tabindex through `handlers`). Axis texts are hidden from assistive technology: every cell's
 * `ariaLabel` names its scores. Colours are token references (cells) and classes styled by the widget.
 */
export function renderScoreGrid(layout: GridLayout, options: ScoreGridRenderOptions): SVGTemplateResult {
  // Region names sit in their own hidden layer: a cell's accessible name (its aria-label) then contains all
  // of the cell's visible text (WCAG 2.5.3 label in name).
  const h = options.handlers;
  const rows: GridCellBox[][] = [];
  for (const c of layout.cells) (rows[c.row] ??= []).push(c);
  const hasSelection = layout.cells.some((c) => c.datum.selected);
  return svg`<svg
    class=${classMap({ 'score-grid': true, 'has-selection': hasSelection, 'dim-others': layout.dimOthers })}
    width=${layout.width}
    height=${layout.height}
    viewBox="0 0 ${layout.width} ${layout.height}"
    font-size=${layout.fontSize}
  >
    <g aria-hidden="true" class="axis">
      ${layout.yTitle.vertical
        ? svg`<text class="axis-title" text-anchor="middle" dominant-baseline="central" transform="translate(${layout.yTitle.x} ${layout.yTitle.y}) rotate(-90)">${layout.yTitle.text}</text>`
        : svg`<text class="axis-title" x=${layout.yTitle.x} y=${layout.yTitle.y} dominant-baseline="central">${layout.yTitle.text}</text>`}
      ${layout.rowLabels.map(
        (l) => svg`<text class="axis-label" x=${l.x} y=${l.note ? l.y - 7 : l.y} text-anchor="end" dominant-baseline="central">${l.label}</text>
          ${l.note ? svg`<text class="axis-note" x=${l.x} y=${l.y + 8} text-anchor="end" dominant-baseline="central">${l.note}</text>` : nothing}`,
      )}
      ${layout.colLabels.map(
        (l) => svg`<text class="axis-label" x=${l.x} y=${l.y} text-anchor="middle" dominant-baseline="central">${l.label}</text>
          ${l.note ? svg`<text class="axis-note" x=${l.x} y=${l.y + SMALL + 4} text-anchor="middle" dominant-baseline="central">${l.note}</text>` : nothing}`,
      )}
      <text class="axis-title" x=${layout.xTitle.x} y=${layout.xTitle.y} text-anchor="middle" dominant-baseline="central">${layout.xTitle.text}</text>
    </g>
    <g role="grid" aria-label=${options.label} @keydown=${h ? (e: KeyboardEvent) => h.keydown(e) : nothing}>
      ${rows.map(
        (row) => svg`<g role="row">
          ${row.map((c) => {
            const d = c.datum;
            const focus = h ? (e: Event) => h.focus(c.index, e.currentTarget as Element) : nothing;
            return svg`<g
              class=${classMap({ mark: true, cell: true, empty: !!d.empty, highlighted: !!d.highlighted })}
              role="gridcell"
              aria-selected=${d.selected ? 'true' : 'false'}
              aria-label=${d.ariaLabel}
              tabindex=${h ? h.tabIndex(c.index) : -1}
              data-mark-index=${c.index}
              @focus=${focus}
              @pointerenter=${focus}
              @blur=${h ? () => h.blur() : nothing}
              @pointerleave=${h ? () => h.blur() : nothing}
              @click=${h ? () => h.activate(c.index) : nothing}
            >
              <rect class="cell-fill" x=${c.x + 1} y=${c.y + 1} width=${c.w - 2} height=${c.h - 2} rx="3" fill=${d.fill}></rect>
              <text
                class="cell-value"
                x=${c.x + c.w / 2}
                y=${c.y + c.h / 2 + (c.label ? 6 : 0)}
                text-anchor="middle"
                dominant-baseline="central"
                fill=${d.textColor}
              >${d.valueText}</text>
              <rect class="focus-halo" x=${c.x + 3} y=${c.y + 3} width=${c.w - 6} height=${c.h - 6} rx="3"></rect>
              <rect class="focus-ring" x=${c.x + 3} y=${c.y + 3} width=${c.w - 6} height=${c.h - 6} rx="3"></rect>
              <rect class="select-ring" x=${c.x + 2.5} y=${c.y + 2.5} width=${c.w - 5} height=${c.h - 5} rx="3"></rect>
            </g>`;
          })}
        </g>`,
      )}
    </g>
    <g aria-hidden="true" class="region-labels" pointer-events="none">
      ${layout.cells
        .filter((c) => c.label)
        .map(
          (c) =>
            svg`<text class=${classMap({ 'cell-region': true, dim: (hasSelection && !c.datum.selected) || (layout.dimOthers && !c.datum.highlighted) })} x=${c.x + 6} y=${c.y + 6 + SMALL / 2} dominant-baseline="central" fill=${c.datum.textColor}>${c.label}</text>`,
        )}
    </g>
    <g aria-hidden="true" class="regions">
      <rect class="grid-outline" x=${layout.grid.x + 0.5} y=${layout.grid.y + 0.5} width=${layout.grid.w - 1} height=${layout.grid.h - 1} rx="3"></rect>
      ${layout.edges.map((e) => svg`<line class="region-edge" x1=${e.x1} y1=${e.y1} x2=${e.x2} y2=${e.y2}></line>`)}
    </g>
    ${layout.legend
      ? svg`<g part="legend" class="legend" aria-hidden="true">
          <text class="legend-title" x=${layout.legend.x} y=${layout.legend.y + SMALL / 2} dominant-baseline="central">${layout.legend.title}</text>
          ${layout.legend.swatches.map(
            (s) => svg`<rect x=${s.x} y=${layout.legend!.y + SMALL + 6} width=${s.w + 0.5} height=${layout.legend!.h} fill=${s.fill}></rect>`,
          )}
          <text class="legend-end" x=${layout.legend.x} y=${layout.legend.y + SMALL + 6 + layout.legend.h + SMALL / 2 + 3} dominant-baseline="central">${layout.legend.min}</text>
          <text class="legend-end" x=${layout.legend.swatches.at(-1)!.x + layout.legend.swatches.at(-1)!.w} y=${layout.legend.y + SMALL + 6 + layout.legend.h + SMALL / 2 + 3} text-anchor="end" dominant-baseline="central">${layout.legend.max}</text>
        </g>`
      : nothing}
  </svg>`;
}
