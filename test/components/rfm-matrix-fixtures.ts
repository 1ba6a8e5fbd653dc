// Fixtures for the <crm-rfm-matrix> tests: a seeded sample (300 customers / 3,000 orders) and the R rfm
// reference orders, normalized like a feed.
import { waitUntil } from '@open-wc/testing';
import { generateSample } from '../../src/sample/index.js';
import { normalizeFeed } from '../../src/data/normalize/index.js';
import type { CrmTables } from '../../src/data/types.js';
import type { CrmRfmMatrix } from '../../src/components/rfm-matrix/index.js';
import { RFM_CSV_PATH, rfmOrdersFromCsv } from '../metrics/rfm-reference.js';

let sample: CrmTables | undefined;

/** The seeded sample feed (seed 7), normalized; built once. */
export function sampleTables(): CrmTables {
  sample ??= normalizeFeed(generateSample({ seed: 7, customers: 300, orders: 3000 })).tables;
  return sample;
}

/** The R rfm package's rfm_data_orders (customer names are the ids). */
export async function referenceTables(): Promise<CrmTables> {
  const text = await (await fetch(`/${RFM_CSV_PATH}`)).text();
  return { orders: rfmOrdersFromCsv(text) };
}

export const shadow = (el: Element) => el.shadowRoot!;
export const cells = (el: Element) => [...shadow(el).querySelectorAll<SVGGElement>('[role="gridcell"]')];
export const segmentButtons = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button.segment')];
export const rendered = (el: CrmRfmMatrix) => waitUntil(() => cells(el).length > 0, 'grid did not render', { timeout: 5000 });
export const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, ...init }));
