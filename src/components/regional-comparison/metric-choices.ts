import type { Formatter } from '../../i18n/format.js';
import type { RegionalFigures, RegionalGroup } from '../../metrics/regional/index.js';
import type { RegionalMessageKey } from './messages.js';

/** The metrics `<crm-regional-comparison metric=…>` can compare groups on. */
export const REGIONAL_METRICS = ['revenue', 'orders', 'customers', 'aov', 'revenue-per-customer', 'repeat-rate', 'growth'] as const;
export type RegionalMetric = (typeof REGIONAL_METRICS)[number];

/** Why a change cannot be computed (shown instead of a number; never ±100 %). */
export type ChangeGap = 'reasonNoCurrent' | 'reasonNoPrevious' | 'reasonZeroPrevious' | 'reasonNoValue';

/** A group's change on a metric: a relative growth, a difference in points (rates), or why there is none. */
export type Change = { kind: 'ratio' | 'points'; value: number } | { kind: 'gap'; reason: ChangeGap };

export interface MetricChoice {
  id: RegionalMetric;
  label: RegionalMessageKey;
  /** Value in the period (null = undefined, e.g. AOV without orders). */
  value(g: RegionalGroup): number | null;
  /** Value in the comparison period (null when the group had no rows there). */
  previous(g: RegionalGroup): number | null;
  /** Change against the comparison period. */
  change(g: RegionalGroup): Change;
  /** Full and compact display of a value. */
  format(f: Formatter, v: number | null): string;
  compact(f: Formatter, v: number | null): string;
  /** Table / CSV kind of the value. */
  kind: 'currency' | 'integer' | 'percent';
}

type FigureKey = 'revenue' | 'orders' | 'customers' | 'aov' | 'revenuePerCustomer';

/** Why a group's growth is null (the metric layer returns null for all of these). */
function gap(g: RegionalGroup, prev: number | null): ChangeGap {
  if (g.rank === null) return 'reasonNoCurrent';
  if (!g.previous) return 'reasonNoPrevious';
  return prev === 0 ? 'reasonZeroPrevious' : 'reasonNoValue';
}

function relative(key: FigureKey): (g: RegionalGroup) => Change {
  return (g) => {
    const v = g.growth[key];
    return v === null ? { kind: 'gap', reason: gap(g, g.previous?.[key] ?? null) } : { kind: 'ratio', value: v };
  };
}

const figure = (key: keyof RegionalFigures) => ({
  value: (g: RegionalGroup) => g[key],
  previous: (g: RegionalGroup) => g.previous?.[key] ?? null,
});

const money = {
  format: (f: Formatter, v: number | null) => f.currency(v, 0),
  compact: (f: Formatter, v: number | null) => f.compactCurrency(v),
  kind: 'currency' as const,
};
const count = {
  format: (f: Formatter, v: number | null) => f.integer(v),
  compact: (f: Formatter, v: number | null) => f.compact(v),
  kind: 'integer' as const,
};
const rate = {
  format: (f: Formatter, v: number | null) => f.percent(v),
  compact: (f: Formatter, v: number | null) => f.percent(v),
  kind: 'percent' as const,
};

/** Each metric: how to read it from a `RegionalGroup`, its change, and how to show it. */
export const METRIC_CHOICES: Readonly<Record<RegionalMetric, MetricChoice>> = {
  revenue: { id: 'revenue', label: 'revenue', ...figure('revenue'), change: relative('revenue'), ...money },
  orders: { id: 'orders', label: 'orders', ...figure('orders'), change: relative('orders'), ...count },
  customers: { id: 'customers', label: 'customers', ...figure('customers'), change: relative('customers'), ...count },
  aov: { id: 'aov', label: 'aov', ...figure('aov'), change: relative('aov'), ...money },
  'revenue-per-customer': {
    id: 'revenue-per-customer',
    label: 'revenuePerCustomer',
    ...figure('revenuePerCustomer'),
    change: relative('revenuePerCustomer'),
    ...money,
  },
  // A rate changes in percentage points: a relative change of a rate reads ambiguously.
  'repeat-rate': {
    id: 'repeat-rate',
    label: 'repeatRate',
    ...figure('repeatRate'),
    change: (g) => {
      const now = g.rank === null ? null : g.repeatRate;
      const before = g.previous?.repeatRate ?? null;
      return now === null || before === null ? { kind: 'gap', reason: gap(g, before) } : { kind: 'points', value: now - before };
    },
    ...rate,
  },
  // Revenue growth itself: the bar is its magnitude (coloured by sign), the comparison is revenue's.
  growth: {
    id: 'growth',
    label: 'growth',
    value: (g) => g.growth.revenue,
    previous: () => null,
    change: relative('revenue'),
    format: (f, v) => signedPercent(f, v),
    compact: (f, v) => signedPercent(f, v),
    kind: 'percent',
  },
};

/** "+24.3%" / "−5%" (a real minus sign); "—" for null. */
export function signedPercent(f: Formatter, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return f.percent(null);
  const text = f.percent(Math.abs(v));
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : text;
}

/** True for a known metric id. */
export const isRegionalMetric = (v: string | undefined): v is RegionalMetric =>
  (REGIONAL_METRICS as readonly string[]).includes(v ?? '');
