/**
 * RFM segments: ordered rules over the r/f/m scores, first match wins, unmatched → `others`.
 * Presets are written on the 1–5 scale; see `toFivePointScale` for other bin counts.
 */

/** Inclusive score range `[low, high]`. */
export type ScoreRange = readonly [number, number];

/** Display names of a segment. */
export interface SegmentLabels {
  en: string;
  'zh-CN': string;
}

export interface SegmentRule {
  /** Stable id (used in `filter.segments`, events, exports). Not `others`. */
  id: string;
  /** Display names; a custom rule without them shows its id. */
  labels?: SegmentLabels;
  /** Score ranges; an omitted dimension matches every score. */
  r?: ScoreRange;
  f?: ScoreRange;
  m?: ScoreRange;
}

export type SegmentPreset = 'rfm' | 'rf-grid';
export type SegmentScheme = SegmentPreset | readonly SegmentRule[];

/** A segment as results list it: id + labels (custom rules without labels use their id). */
export interface SegmentInfo {
  id: string;
  labels: SegmentLabels;
}

export const OTHERS_SEGMENT: SegmentInfo = { id: 'others', labels: { en: 'Others', 'zh-CN': '其他' } };

const rule = (id: string, en: string, zh: string, r: ScoreRange, f: ScoreRange, m?: ScoreRange): SegmentRule => ({
  id,
  labels: { en, 'zh-CN': zh },
  r,
  f,
  ...(m ? { m } : {}),
});

/**
 * The R `rfm` package README's ten segments (r / f / m ranges, in this order, first match wins).
 * Source: rsquaredacademy/rfm README and `rfm_segment` examples.
 */
export const RFM_PRESET: readonly SegmentRule[] = [
  rule('champions', 'Champions', '冠军客户', [5, 5], [5, 5], [5, 5]),
  rule('potential-loyalist', 'Potential Loyalist', '潜在忠诚客户', [3, 5], [3, 5], [2, 5]),
  rule('loyal-customers', 'Loyal Customers', '忠诚客户', [2, 4], [2, 4], [2, 4]),
  rule('promising', 'Promising', '有潜力客户', [3, 4], [1, 3], [3, 5]),
  rule('new-customers', 'New Customers', '新客户', [4, 5], [1, 3], [1, 5]),
  rule('cant-lose-them', "Can't Lose Them", '不能失去的客户', [1, 2], [3, 4], [4, 5]),
  rule('at-risk', 'At Risk', '有流失风险客户', [1, 2], [2, 5], [4, 5]),
  rule('need-attention', 'Need Attention', '需要关注客户', [1, 3], [3, 5], [3, 5]),
  rule('about-to-sleep', 'About To Sleep', '即将沉睡客户', [2, 3], [1, 3], [1, 4]),
  rule('lost', 'Lost', '已流失客户', [1, 1], [1, 5], [1, 5]),
];

/**
 * The common 5×5 recency × frequency map (monetary ignored). Every cell is covered exactly once:
 *
 * | r \ f | 1 | 2 | 3 | 4 | 5 |
 * |---|---|---|---|---|---|
 * | 5 | new customers | potential loyalists | potential loyalists | champions | champions |
 * | 4 | promising | potential loyalists | potential loyalists | loyal customers | loyal customers |
 * | 3 | about to sleep | about to sleep | need attention | loyal customers | loyal customers |
 * | 2 | hibernating | hibernating | at risk | at risk | can't lose them |
 * | 1 | hibernating | hibernating | at risk | at risk | can't lose them |
 */
export const RF_GRID_PRESET: readonly SegmentRule[] = [
  rule('champions', 'Champions', '冠军客户', [5, 5], [4, 5]),
  rule('loyal-customers', 'Loyal Customers', '忠诚客户', [3, 4], [4, 5]),
  rule('potential-loyalist', 'Potential Loyalist', '潜在忠诚客户', [4, 5], [2, 3]),
  rule('new-customers', 'New Customers', '新客户', [5, 5], [1, 1]),
  rule('promising', 'Promising', '有潜力客户', [4, 4], [1, 1]),
  rule('need-attention', 'Need Attention', '需要关注客户', [3, 3], [3, 3]),
  rule('about-to-sleep', 'About To Sleep', '即将沉睡客户', [3, 3], [1, 2]),
  rule('at-risk', 'At Risk', '有流失风险客户', [1, 2], [3, 4]),
  rule('cant-lose-them', "Can't Lose Them", '不能失去的客户', [1, 2], [5, 5]),
  rule('hibernating', 'Hibernating', '休眠客户', [1, 2], [1, 2]),
];

/**
 * A score on `bins` bins mapped onto the presets' 1–5 scale: `1 + round((s − 1) · 4 / (bins − 1))`.
 * Both ends are kept (1 → 1, bins → 5), so "best" and "worst" keep their meaning; e.g. 10 bins map
 * 1,2→1 · 3,4→2 · 5,6→3 · 7,8→4 · 9,10→5 and 3 bins map 1→1 · 2→3 · 3→5. Only presets use it; custom
 * rules see the raw scores.
 */
export function toFivePointScale(score: number, bins: number): number {
  return bins === 5 ? score : 1 + Math.round(((score - 1) * 4) / (bins - 1));
}

/** A scheme's rules, validated (RangeError/TypeError naming the rule and what is wrong). */
export function resolveSegmentScheme(scheme: SegmentScheme | undefined): {
  rules: readonly SegmentRule[];
  preset: boolean;
} {
  if (scheme === undefined || scheme === 'rfm') return { rules: RFM_PRESET, preset: true };
  if (scheme === 'rf-grid') return { rules: RF_GRID_PRESET, preset: true };
  if (!Array.isArray(scheme))
    throw new TypeError(`rfm.segments: expected 'rfm', 'rf-grid' or an array of rules, found ${String(scheme)}`);
  if (scheme.length > 250) throw new RangeError(`rfm.segments: at most 250 rules, found ${scheme.length}`);
  const ids = new Set<string>();
  scheme.forEach((r: SegmentRule, i) => {
    if (!r || typeof r.id !== 'string' || !r.id) throw new TypeError(`rfm.segments[${i}]: a rule needs a non-empty id`);
    if (r.id === OTHERS_SEGMENT.id) throw new RangeError(`rfm.segments[${i}]: the id 'others' is reserved for unmatched customers`);
    if (ids.has(r.id)) throw new RangeError(`rfm.segments[${i}]: duplicate id '${r.id}'`);
    ids.add(r.id);
    for (const d of ['r', 'f', 'm'] as const) {
      const range = r[d];
      if (range === undefined) continue;
      if (!Array.isArray(range) || range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1]) || range[0] > range[1])
        throw new RangeError(`rfm.segments[${i}] ('${r.id}').${d}: expected [low, high] with low ≤ high`);
    }
  });
  return { rules: scheme, preset: false };
}

/** Segment list of a scheme as results report it: the rules in order, then `others`. */
export function segmentInfos(rules: readonly SegmentRule[]): SegmentInfo[] {
  return [...rules.map((r) => ({ id: r.id, labels: r.labels ?? { en: r.id, 'zh-CN': r.id } })), OTHERS_SEGMENT];
}

const inRange = (s: number, range: ScoreRange | undefined) => !range || (s >= range[0] && s <= range[1]);

/**
 * Segment index per customer (into `segmentInfos(rules)`; `rules.length` = others), first match wins.
 * With `preset`, scores are first mapped to the 1–5 scale (`toFivePointScale`).
 */
export function assignSegments(
  r: Uint8Array,
  f: Uint8Array,
  m: Uint8Array,
  bins: { recency: number; frequency: number; monetary: number },
  rules: readonly SegmentRule[],
  preset: boolean,
): Uint8Array {
  const n = r.length;
  const out = new Uint8Array(n);
  // Precompute the segment of every (r, f, m) cell: at most 10³ cells, then one lookup per customer.
  const { recency: nr, frequency: nf, monetary: nm } = bins;
  const cell = new Uint8Array((nr + 1) * (nf + 1) * (nm + 1));
  for (let a = 1; a <= nr; a++)
    for (let b = 1; b <= nf; b++)
      for (let c = 1; c <= nm; c++) {
        const [ra, fb, mc] = preset ? [toFivePointScale(a, nr), toFivePointScale(b, nf), toFivePointScale(c, nm)] : [a, b, c];
        let seg = rules.length;
        for (let i = 0; i < rules.length; i++) {
          const rl = rules[i];
          if (inRange(ra, rl.r) && inRange(fb, rl.f) && inRange(mc, rl.m)) {
            seg = i;
            break;
          }
        }
        cell[(a * (nf + 1) + b) * (nm + 1) + c] = seg;
      }
  for (let i = 0; i < n; i++) out[i] = cell[(r[i] * (nf + 1) + f[i]) * (nm + 1) + m[i]];
  return out;
}
