/** The sample as feed records: `{ orders, customers, interactions, vehicles }`, each an array of plain objects. */
import { TABLE_NAMES, type TableName } from '../data/schema.js';
import { generateSampleColumns } from './generate.js';
import { sampleFields, type FieldValue } from './fields.js';
import type { SampleColumns, SampleOptions } from './columns.js';

export type SampleRecord = Record<string, FieldValue>;

/** A feed bundle, as the loader accepts it. */
export interface SampleBundle {
  orders: SampleRecord[];
  customers: SampleRecord[];
  interactions: SampleRecord[];
  vehicles: SampleRecord[];
}

/** Records of one table. */
export function sampleTableRecords(sample: SampleColumns, table: TableName): SampleRecord[] {
  const fields = sampleFields(sample, table);
  const out: SampleRecord[] = new Array(sample[table].count);
  for (let r = 0; r < out.length; r++) {
    const rec: SampleRecord = {};
    for (const f of fields) rec[f.name] = f.value(r);
    out[r] = rec;
  }
  return out;
}

/** The columns as a bundle of records. */
export function sampleToBundle(sample: SampleColumns): SampleBundle {
  const [orders, customers, interactions, vehicles] = TABLE_NAMES.map((t) => sampleTableRecords(sample, t));
  return { orders: orders!, customers: customers!, interactions: interactions!, vehicles: vehicles! };
}

/** Generates a sample bundle of records (deterministic for a given seed and options). */
export function generateSample(options: SampleOptions = {}): SampleBundle {
  return sampleToBundle(generateSampleColumns(options));
}
