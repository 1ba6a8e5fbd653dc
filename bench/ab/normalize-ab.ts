// Interleaved A/B of normalizeFeed in one Node process (A: another checkout, e.g. `git archive main | tar -x -C /tmp/main-bench`;
// B: this one), by CPU time of the process, so both see the same machine load. Usage:
//   node --max-old-space-size=8000 --import tsx bench/ab/normalize-ab.ts [rounds]
// Records as bench/suites/normalize.ts makes them.
import { normalizeFeed as B } from '../../src/data/index.js';

/** The other checkout's data layer (AB_MAIN, default /tmp/main-bench). */
const other: string = process.env.AB_MAIN ?? '/tmp/main-bench';
const A = ((await import(`${other}/src/data/index.ts`)) as { normalizeFeed: typeof B }).normalizeFeed;
const CHANNELS = ['store', 'ecommerce', 'social', 'phone'];
function makeOrders(n: number) {
  const rows: Record<string, unknown>[] = new Array(n);
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < n; i++) {
    const day = 19000 + Math.floor(rand() * 1095);
    rows[i] = { order_id: `SO${100000000 + i}`, customer_id: `C${Math.floor(rand() * 100000)}`, order_date: new Date(day * 86400000).toISOString().slice(0, 10),
      amount: Math.round(rand() * 500000) / 100, channel: CHANNELS[i % 4], region: `R${i % 7}`, province: `P${i % 31}`, city_tier: `T${i % 5}`,
      category: `cat${i % 20}`, quantity: 1 + (i % 5), discount: (i % 10) / 100, status: i % 50 ? 'completed' : 'returned' };
  }
  return rows;
}
const n = 1_000_000;
const records = JSON.parse(JSON.stringify(makeOrders(n)));
const keys = Object.keys(records[0]);
const csv = [keys.join(','), ...records.map((r: Record<string, unknown>) => keys.map((k) => String(r[k])).join(','))].join('\n');
const t: Record<string, number[]> = { 'A json': [], 'B json': [], 'A csv': [], 'B csv': [] };
const time = (f: () => unknown) => { const c0 = process.cpuUsage(); f(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; }; // CPU ms of this process: less moved by other processes than wall time
const rounds = Number(process.argv[2] ?? 7);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? ['B', 'A'] : ['A', 'B'];
  for (const who of order) {
    const f = who === 'A' ? A : B;
    t[`${who} json`].push(time(() => f(records)));
    t[`${who} csv`].push(time(() => f({ csv })));
  }
  console.log(`round ${r + 1}:`, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v[v.length - 1]!)])));
}
const med = (xs: number[]) => { const s = [...xs].slice(1).sort((a, b) => a - b); return s[s.length >> 1]!; };
for (const k of ['json', 'csv']) console.log(`${k}: A median ${med(t[`A ${k}`]).toFixed(0)} ms, B median ${med(t[`B ${k}`]).toFixed(0)} ms, B/A ${(med(t[`B ${k}`]) / med(t[`A ${k}`])).toFixed(3)} (first round dropped)`);
