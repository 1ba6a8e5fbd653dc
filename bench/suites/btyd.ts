// The BTYD suite: fit times of BG/NBD, MBG/NBD and Pareto/NBD on 100k customers (per-customer typed arrays,
// time in days), then the holdout check of all three and `auto` end to end, on two synthetic bases: one where
// 95 % buy once and one CDNOW-like (56 % once). Synthetic Pareto/NBD data, seeded: bench/btyd-population.ts.
import { fitBgNbd, fitMbgNbd, fitParetoNbd, lifetimeSummary, modelCheck, predictCustomers } from '../../src/metrics/index.js';
import { syntheticOrders, type PopulationShape } from '../btyd-population.js';
import { collectGarbage, timed, type BenchRow } from '../types.js';

const BASES: [string, PopulationShape][] = [
  ['one-time heavy', { customers: 100_000, r: 0.25, alpha: 400, s: 0.8, beta: 40, days: 730, seed: 1 }],
  ['CDNOW-like', { customers: 100_000, r: 0.5, alpha: 60, s: 0.6, beta: 150, days: 730, seed: 2 }],
];

export async function run(_params: URLSearchParams, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (name: string, value: number, unit: string, note?: string) => {
    rows.push({ name, value, unit, note });
    log(`${name}: ${value.toFixed(0)} ${unit}`);
  };
  for (const [label, shape] of BASES) {
    const { orders, oneTimeShare, asOf } = syntheticOrders(shape);
    const tables = { orders };
    const s = lifetimeSummary(tables, { asOf });
    const data = { frequency: s.frequency, recency: s.recency, T: s.T };
    const base = `${label}, ${shape.customers / 1000}k customers (${Math.round(oneTimeShare * 100)} % once, ${orders.numRows()} orders)`;
    collectGarbage();
    for (const [name, fit] of [['BG/NBD', fitBgNbd], ['MBG/NBD', fitMbgNbd], ['Pareto/NBD', fitParetoNbd]] as const) {
      const [result, ms] = await timed(() => fit(data));
      add(`${base}: ${name} fit`, ms, 'ms', `${result.iterations} iterations${result.converged ? '' : ', not converged'}`);
    }
    const [check, checkMs] = await timed(() => modelCheck(tables, { asOf }));
    const scores = check.available ? check.models.map((m) => (m.available ? `${m.label} ${m.customerErrorPct.toFixed(0)} %` : `${m.label} ${m.reason}`)).join(', ') : check.reason;
    add(`${base}: model check, three calibration fits`, checkMs, 'ms', scores);
    const [p, autoMs] = await timed(() => predictCustomers(tables, { asOf }));
    add(`${base}: predictCustomers auto after the check (final fit, CLV)`, autoMs, 'ms', `picked ${p.modelChoice.model}`);
  }
  return rows;
}
