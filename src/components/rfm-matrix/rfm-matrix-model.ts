/**
 * The RFM matrix's view model (pure: no DOM): one pass over an `RfmResult` gives the recency × frequency cells
 * with their customers, revenue and segment mix, the segment summary, and each axis's score ranges.
 */
import { rfmGrid, rfmSegmentSummary, type RfmGrid, type RfmResult, type RfmSegmentRow, type RfmThresholds } from '../../metrics/rfm/index.js';
import type { RfmBins, RfmMethod, RfmSettings } from '../../metrics/rfm/index.js';
import { assignSegments, resolveSegmentScheme, type SegmentRule, type SegmentScheme } from '../../metrics/segments.js';
import { codedError } from '../../i18n/coded-error.js';

/** One recency × frequency cell. */
export interface RfmCell {
  r: number;
  f: number;
  /** Customers in the cell (= `rfmGrid(result).customers`). */
  customers: number;
  revenue: number;
  /** revenue / customers (NaN for an empty cell). */
  avgMonetary: number;
  /** Customers per segment index in this cell, largest first (only segments present). */
  mix: { segment: number; customers: number }[];
  /**
   * The segment the cell is shown as: its only possible segment when the rules put every monetary score of
   * the cell in one segment ("pure", e.g. the rf-grid preset); else the segment with most customers here
   * (ties: the earlier rule); an empty mixed cell takes the segment covering most monetary scores.
   */
  segment: number;
  /** True when every customer this cell could hold belongs to `segment` whatever their m score. */
  pure: boolean;
}

/** Inclusive range of one score's values (days or orders); null when the score's bin is empty. */
export type ScoreSpan = { lo: number; hi: number } | null;

export interface RfmMatrixModel {
  result: RfmResult;
  grid: RfmGrid;
  summary: RfmSegmentRow[];
  /** Rows × cols cells in display order: row 0 = the best (highest) recency score, col 0 = F1. */
  cells: RfmCell[];
  rows: number;
  cols: number;
  /** Recency days of each R score (index = score − 1). */
  recencyRanges: ScoreSpan[];
  /** Order counts of each F score (index = score − 1). */
  frequencyRanges: ScoreSpan[];
}

/** Display index of cell (r, f). */
export const cellIndex = (model: Pick<RfmMatrixModel, 'rows' | 'cols'>, r: number, f: number): number =>
  (model.rows - r) * model.cols + (f - 1);

/**
 * The inclusive integer value range behind each score of an integer dimension (recency days, orders).
 * Quantile / explicit bins are half-open `[lower, upper)` by ascending value (recency: score = count − bin);
 * ntile groups are inclusive min/max per score.
 */
export function integerScoreRanges(t: RfmThresholds, method: RfmMethod, count: number, reversed: boolean, explicit: boolean): ScoreSpan[] {
  const out: ScoreSpan[] = [];
  for (let score = 1; score <= count; score++) {
    if (method === 'ntile' && !explicit) {
      const i = score - 1;
      out.push(Number.isFinite(t.lower[i]) ? { lo: t.lower[i], hi: t.upper[i] } : null);
      continue;
    }
    const i = reversed ? count - score : score - 1;
    const lo = Math.ceil(t.lower[i]);
    const hi = Math.ceil(t.upper[i]) - 1;
    out.push(Number.isFinite(lo) && Number.isFinite(hi) && hi >= lo ? { lo, hi } : null);
  }
  return out;
}

/** Segment index of every (r, f, m) score triple, to tell pure cells from mixed ones. */
function cellSegments(result: RfmResult, rules: readonly SegmentRule[], preset: boolean): Uint8Array[] {
  const { recency: nr, frequency: nf, monetary: nm } = result.bins;
  const r = new Uint8Array(nr * nf * nm);
  const f = new Uint8Array(r.length);
  const m = new Uint8Array(r.length);
  let k = 0;
  for (let a = 1; a <= nr; a++)
    for (let b = 1; b <= nf; b++)
      for (let c = 1; c <= nm; c++, k++) [r[k], f[k], m[k]] = [a, b, c];
  const seg = assignSegments(r, f, m, result.bins, rules, preset);
  const out: Uint8Array[] = [];
  for (let i = 0; i < nr * nf; i++) out.push(seg.subarray(i * nm, (i + 1) * nm));
  return out; // out[(r − 1) · nf + (f − 1)] = segment per m score
}

/** Builds the matrix model; `scheme` must be the one `result` was scored with. */
export function buildRfmMatrix(result: RfmResult, scheme?: SegmentScheme, explicitBins = { recency: false, frequency: false }): RfmMatrixModel {
  const grid = rfmGrid(result, 'f', 'r');
  const rows = grid.yBins;
  const cols = grid.xBins;
  const k = result.segments.length;
  const counts = new Int32Array(rows * cols * k); // per grid cell × segment
  for (let i = 0; i < result.size; i++) counts[((result.r[i] - 1) * cols + (result.f[i] - 1)) * k + result.segment[i]]++;
  const { rules, preset } = resolveSegmentScheme(scheme);
  const possible = cellSegments(result, rules, preset);
  const cells: RfmCell[] = [];
  for (let r = rows; r >= 1; r--)
    for (let f = 1; f <= cols; f++) {
      const g = (r - 1) * cols + (f - 1);
      const mix: RfmCell['mix'] = [];
      for (let s = 0; s < k; s++) if (counts[g * k + s] > 0) mix.push({ segment: s, customers: counts[g * k + s] });
      mix.sort((a, b) => b.customers - a.customers || a.segment - b.segment);
      const options = possible[g];
      const pure = options.every((s) => s === options[0]);
      let segment = options[0];
      if (!pure) {
        if (mix.length) segment = mix[0].segment;
        else {
          const cover = new Int32Array(k);
          for (const s of options) cover[s]++;
          segment = cover.indexOf(Math.max(...cover));
        }
      }
      const customers = grid.customers[g];
      cells.push({ r, f, customers, revenue: grid.revenue[g], avgMonetary: customers ? grid.revenue[g] / customers : NaN, mix, segment, pure });
    }
  return {
    result,
    grid,
    summary: rfmSegmentSummary(result),
    cells,
    rows,
    cols,
    recencyRanges: integerScoreRanges(result.thresholds.recency, result.method, rows, true, explicitBins.recency),
    frequencyRanges: integerScoreRanges(result.thresholds.frequency, result.method, cols, false, explicitBins.frequency),
  };
}

/** A bins option: attribute text, or as a property also a number or an array of thresholds (null = unset). */
export type BinsValue = string | number | readonly number[] | null | undefined;

/** One bins attribute: a bin count ("4") or ascending thresholds ("30, 90, 180"). Throws naming the attribute. */
export function parseBinsAttribute(name: string, input: BinsValue): RfmBins | undefined {
  if (input == null) return undefined;
  const value = typeof input === 'string' ? input : typeof input === 'number' ? String(input) : input.join(', ');
  if (value.trim() === '') return undefined;
  const parts = value.split(/[,，、\s]+/).filter(Boolean);
  const numbers = parts.map(Number);
  if (numbers.some((x) => !Number.isFinite(x)))
    throw codedError(RangeError, 'attr-bins', { name, value: String(value) });
  return parts.length === 1 ? numbers[0] : numbers;
}

/** The widget's attributes as `RfmSettings` (validation of counts/thresholds is the metric's, naming the setting). */
export function rfmSettingsFromAttributes(attrs: {
  bins?: BinsValue;
  recencyBins?: BinsValue;
  frequencyBins?: BinsValue;
  monetaryBins?: BinsValue;
  method?: string | null;
  segments?: SegmentScheme;
}): RfmSettings {
  const settings: RfmSettings = {};
  const bins = parseBinsAttribute('bins', attrs.bins);
  if (Array.isArray(bins)) throw codedError(RangeError, 'attr-bins-one', { value: String(attrs.bins) });
  if (bins !== undefined) settings.bins = bins as number;
  const dims = [
    ['recency-bins', 'recencyBins'],
    ['frequency-bins', 'frequencyBins'],
    ['monetary-bins', 'monetaryBins'],
  ] as const;
  for (const [attr, key] of dims) {
    const v = parseBinsAttribute(attr, attrs[key]);
    if (v !== undefined) settings[key] = v;
  }
  const method = attrs.method?.trim();
  if (method) {
    if (method !== 'quantile' && method !== 'ntile') throw codedError(RangeError, 'attr-method', { value: String(method) });
    settings.method = method;
  }
  if (attrs.segments !== undefined) {
    if (typeof attrs.segments === 'string' && attrs.segments !== 'rfm' && attrs.segments !== 'rf-grid')
      throw codedError(RangeError, 'attr-segments', { value: String(attrs.segments) });
    settings.segments = attrs.segments;
  }
  return settings;
}
