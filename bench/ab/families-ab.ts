// Interleaved A/B of the metric families on a built base, in one Node process (A: another checkout's src, e.g.
// `git archive main src | tar -x -C /tmp/families-a`; B: this one), timed by the CPU time of the process so
// both sides see the same machine load, and checked for identical results (every field, NaN included).
//   AB_OTHER=/tmp/families-a node --expose-gc --max-old-space-size=8000 --import tsx bench/ab/families-ab.ts [orders] [rounds]
// A full GC runs before each timed call (with --expose-gc), so a collection of earlier garbage is not billed to
// the family that happens to trigger it; the table gives the median and the fastest round of each side.
// The families are those the widgets draw: RFM (+ segment summary), customer summary, lifecycle funnel, regional
// comparison, channel mix. Each round builds fresh tables over the same columns, builds the shared base
// (prepareOrders, not timed here), then times each family once.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import * as mineData from '../../src/data/index.js';
import * as mineMetrics from '../../src/metrics/index.js';
import { generateSample } from '../../src/sample/index.js';
import type { CrmTables } from '../../src/data/types.js';

type Metrics = typeof mineMetrics;
type Data = typeof mineData;
const other: string = process.env.AB_OTHER ?? '/tmp/families-a';
const theirs = {
  data: (await import(`${other}/src/data/index.ts`)) as Data,
  metrics: (await import(`${other}/src/metrics/index.ts`)) as Metrics,
};
const mine = { data: mineData, metrics: mineMetrics };

const orders = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 7);
/** Each side normalizes with its own data layer (column dictionaries are recorded per module). */
const tablesOf = (side: typeof mine) => side.data.normalizeFeed(generateSample({ orders, customers: Math.round(orders / 10) }), { feed: 'ab' }).tables;
const tables = { A: tablesOf(theirs), B: tablesOf(mine) };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const FAMILIES: [string, (m: Metrics, t: CrmTables) => unknown][] = [
  ['RFM (scores, segments, summary)', (m, t) => m.rfmSegmentSummary(m.rfm(t, {}))],
  ['customer summary (every customer)', (m, t) => m.customerSummary(t, {})],
  ['lifecycle funnel', (m, t) => m.lifecycleFunnel(t, {})],
  ['regional comparison', (m, t) => m.regionalComparison(t, {})],
  ['channel mix (monthly trend)', (m, t) => m.channelMix(t, {})],
];

const copy = (t: ColumnTable | undefined) => (t ? aq.table(t.data() as Record<string, unknown[]>) : undefined);
const fresh = (t: CrmTables): CrmTables => ({ orders: copy(t.orders)!, customers: copy(t.customers), interactions: copy(t.interactions), vehicles: copy(t.vehicles) });
const cpu = (f: () => unknown): [unknown, number] => {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return [value, (c.user + c.system) / 1000];
};

/** Plain comparable form of a result: typed arrays as arrays, the base and tables left out, NaN kept. */
function plain(v: unknown, seen = new Set<unknown>()): unknown {
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map((x) => plain(x, seen));
  if (v && typeof v === 'object') {
    if (seen.has(v)) return '[seen]';
    seen.add(v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'base' && k !== 'tables') out[k] = plain(x, seen);
    return out;
  }
  return typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v;
}

const times: Record<string, { A: number[]; B: number[] }> = {};
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const);
  const results: Record<string, unknown[]> = { A: [], B: [] };
  for (const side of order) {
    const m = side === 'A' ? theirs.metrics : mine.metrics;
    const t = fresh(tables[side]);
    m.prepareOrders(t, {});
    let all = 0;
    for (const [name, family] of FAMILIES) {
      gc();
      const [value, ms] = cpu(() => family(m, t));
      all += ms;
      results[side]!.push(value);
      ((times[name] ??= { A: [], B: [] })[side]).push(ms);
    }
    (times['all five together'] ??= { A: [], B: [] })[side].push(all);
  }
  if (r === 0) {
    FAMILIES.forEach(([name], i) => {
      const [a, b] = [JSON.stringify(plain(results.A![i])), JSON.stringify(plain(results.B![i]))];
      if (a !== b) throw new Error(`${name}: results differ between A and B`);
    });
    console.log('results identical (A = B) for every family');
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`| family | A, median CPU | B, median CPU | B / A | A, fastest | B, fastest | B / A |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const [name, { A, B }] of Object.entries(times)) {
  // The first round warms up both sides (JIT): dropped.
  const [a, b] = [median(A.slice(1)), median(B.slice(1))];
  const [fa, fb] = [Math.min(...A.slice(1)), Math.min(...B.slice(1))];
  console.log(`| ${name} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(b / a).toFixed(2)} | ${fa.toFixed(0)} ms | ${fb.toFixed(0)} ms | ${(fb / fa).toFixed(2)} |`);
  if (process.env.AB_VERBOSE) console.log(`  A ${A.map((x) => x.toFixed(0)).join(' ')} / B ${B.map((x) => x.toFixed(0)).join(' ')}`);
}
