// Writes the orders of a seeded sample as an Arrow IPC file: the "Arrow feed" of the widgets suite, as a host
// exporting from a warehouse would serve it (dates as Arrow dates, repeated strings dictionary-encoded, numbers
// as float64). Same seed and sizes as the JSON feed, so both feeds hold the same orders.
// Usage: npx tsx bench/widgets/arrow-feed.ts --orders N --customers N --out PATH
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { table, toArrowIPC } from 'arquero';
import { dateDay, dictionary, float64, utf8, type DataType } from '@uwdata/flechette';
import { generateSampleColumns, sampleFields } from '../../src/sample/index.js';

const { values } = parseArgs({ options: { orders: { type: 'string' }, customers: { type: 'string' }, out: { type: 'string' } } });
const sample = generateSampleColumns({ orders: Number(values.orders), customers: Number(values.customers) });
const n = sample.orders.count;
const columns: Record<string, unknown[]> = {};
const types: Record<string, DataType> = {};
for (const f of sampleFields(sample, 'orders')) {
  const col: unknown[] = new Array(n);
  for (let r = 0; r < n; r++) col[r] = f.value(r);
  if (f.name.endsWith('_date')) {
    for (let r = 0; r < n; r++) col[r] = col[r] === null ? null : new Date(`${col[r] as string}T00:00:00Z`);
    types[f.name] = dateDay();
  } else if (f.kind === 'number') types[f.name] = float64();
  else types[f.name] = f.name === 'order_id' ? utf8() : dictionary(utf8());
  columns[f.name] = col;
}
const bytes = toArrowIPC(table(columns), { format: 'file', types });
const out = resolve(values.out!);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, bytes);
renameSync(`${out}.tmp`, out);
console.log(`Wrote ${out}: ${n.toLocaleString('en')} orders, ${(bytes.length / 1e6).toFixed(1)} MB`);
