// Writes a seeded sample feed (a JSON bundle of orders, customers, interactions, vehicles; optionally the orders as CSV).
// Usage: npx tsx scripts/generate-sample.ts [--orders N] [--customers N] [--seed S] [--out PATH]
//        [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--lifecycle-stage] [--csv] [--zh-headers] [--if-missing]
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSampleColumns, sampleCsvChunks, sampleJsonChunks, type SampleOptions } from '../src/sample/index.js';

const HELP = `Generate a seeded auto-parts CRM sample feed.

  --orders N          approximate number of order rows (default 40000, or 10 x --customers)
  --customers N       customers, prospects included (default 4000, or --orders / 10)
  --seed S            random seed, number or text (default 1): same seed, same file
  --start, --end      window as YYYY-MM-DD (default the 3 years ending 2026-10-31)
  --lifecycle-stage   add the simulated lifecycle_stage to customers
  --out PATH          JSON bundle to write (default demo/public/data/sample.json)
  --csv               also write the orders table as CSV next to it (<out>.orders.csv)
  --zh-headers        Chinese column headers in the CSV (订单号, 客户编号, 下单日期, 金额, …)
  --if-missing        do nothing when the output file already exists
  --help              this text`;

const { values } = parseArgs({
  options: {
    orders: { type: 'string' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    'lifecycle-stage': { type: 'boolean' },
    out: { type: 'string', default: 'demo/public/data/sample.json' },
    csv: { type: 'boolean' },
    'zh-headers': { type: 'boolean' },
    'if-missing': { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const out = resolve(values.out);
if (values['if-missing'] && existsSync(out)) process.exit(0);

function count(flag: 'orders' | 'customers'): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${flag}: expected a positive whole number, found "${raw}"`);
    process.exit(2);
  }
  return n;
}

const orders = count('orders');
const customers = count('customers');
const seed = values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
const options: SampleOptions = {
  seed,
  orders: orders ?? (customers ? customers * 10 : undefined),
  customers: customers ?? (orders ? Math.max(1, Math.round(orders / 10)) : undefined),
  start: values.start,
  end: values.end,
  includeLifecycleStage: values['lifecycle-stage'],
};

/** Writes chunks to a temporary file renamed into place at the end (a crash leaves no half file behind). */
function writeChunks(path: string, chunks: Iterable<string>): number {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  let bytes = 0;
  try {
    for (const chunk of chunks) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return bytes;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const t0 = performance.now();
let sample;
try {
  sample = generateSampleColumns(options);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}
const t1 = performance.now();
const bytes = writeChunks(out, sampleJsonChunks(sample));
const t2 = performance.now();
const { options: o } = sample;
console.log(
  `Wrote ${out}: ${sample.orders.count.toLocaleString('en')} orders, ${sample.customers.count.toLocaleString('en')} customers, ` +
    `${sample.interactions.count.toLocaleString('en')} interactions, ${sample.vehicles.count.toLocaleString('en')} vehicle rows (${o.start} … ${o.end}, seed ${o.seed}), ${mb(bytes)} ` +
    `— generated in ${((t1 - t0) / 1000).toFixed(1)} s, written in ${((t2 - t1) / 1000).toFixed(1)} s`,
);
if (values.csv) {
  const csvPath = out.replace(/\.json$/i, '') + '.orders.csv';
  const csvBytes = writeChunks(csvPath, sampleCsvChunks(sample, 'orders', { zhHeaders: values['zh-headers'] }));
  console.log(`Wrote ${csvPath}: ${sample.orders.count.toLocaleString('en')} orders${values['zh-headers'] ? ' (Chinese headers)' : ''}, ${mb(csvBytes)}`);
}
