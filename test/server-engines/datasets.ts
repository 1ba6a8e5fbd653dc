// The parity datasets as normalized tables (src/data's normalizer, as the browser reads them): the R `rfm`
// orders, the CDNOW transactions (test/fixtures/reference, copies of /work/shared/datasets) and the sample
// generator (cancellations, refunds, missing channels, several regions, a customers table).
import { readFileSync } from 'node:fs';
import { normalizeFeed } from '../../src/data/index.js';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';
import { generateSampleColumns, sampleToJson } from '../../src/sample/index.js';
import type { CrmFilter } from '../../src/metrics/filter-types.js';

export interface ParityDataset {
  name: string;
  tables: CrmTables;
  /** asOf given in the queries (undefined: the default, resolved by each engine). */
  asOf?: number;
  filters: CrmFilter[];
}

const REF = 'test/fixtures/reference';

export function rfmDataset(): ParityDataset {
  const csv = readFileSync(`${REF}/input_rfm_data_orders.csv`, 'utf8');
  const { tables } = normalizeFeed({ csv }, { mapping: { orders: { revenue: 'amount' } } });
  const start = isoToDay('2005-01-01');
  return {
    name: 'R rfm orders',
    tables,
    asOf: isoToDay('2006-12-31'),
    filters: [{}, { dateRange: { start } }, { dateRange: { start: isoToDay('2004-06-01'), end: isoToDay('2006-06-30') } }, { segments: ['champions', 'loyal-customers'] }],
  };
}

export function cdnowDataset(): ParityDataset {
  const lines = readFileSync(`${REF}/CDNOW_sample.txt`, 'utf8').trim().split('\n');
  const csv = ['customer_id,order_date,amount', ...lines.map((l) => {
    const [, id, date, , dollars] = l.trim().split(/\s+/);
    return `${Number(id)},${date},${dollars}`;
  })].join('\n');
  const { tables } = normalizeFeed({ csv });
  return {
    name: 'CDNOW transactions',
    tables,
    filters: [{}, { dateRange: { end: isoToDay('1997-09-30') } }, { customerIds: ['4', '21', '50', '1000', '2357', 'nobody'] }],
  };
}

export function sampleDataset(): ParityDataset {
  const feed = JSON.parse(sampleToJson(generateSampleColumns({ seed: 12, customers: 600, orders: 6000 }))) as {
    orders: Record<string, unknown>[];
  };
  // Gaps a real export has: orders without a channel, without a region or province (the customer's applies).
  feed.orders.forEach((o, i) => {
    if (i % 11 === 3) delete o.channel;
    if (i % 7 === 2) delete o.region;
    if (i % 13 === 5) delete o.province;
  });
  const { tables } = normalizeFeed(feed);
  return {
    name: 'sample generator',
    tables,
    filters: [
      {},
      { regions: ['华东'] },
      { provinces: ['广东', '浙江'], channels: ['store', 'ecommerce'] },
      { categories: ['lubricants', 'brakes'], customerTypes: ['repair_shop', 'fleet'] },
      { regions: ['华南', '西南'], dateRange: { start: 20100 }, segments: ['at-risk', 'champions'] },
    ],
  };
}
