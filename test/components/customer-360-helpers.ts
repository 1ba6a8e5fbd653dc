// Fixtures and queries shared by the <crm-customer-360> tests.
import { waitUntil } from '@open-wc/testing';
import * as aq from 'arquero';
import { isoToDay as day } from '../../src/data/days.js';
import { normalizeFeed } from '../../src/data/normalize/index.js';
import { generateSample } from '../../src/sample/index.js';
import type { CrmTables } from '../../src/data/types.js';
import type { CrmCustomer360 } from '../../src/components/customer-360/index.js';
import type { CrmExportDetail } from '../../src/components/events.js';
import { ordersTable } from '../metrics/tables.js';

let sample: CrmTables | undefined;
/** The seeded sample (300 customers, ~3,000 orders), normalized once. */
export function sampleTables(): CrmTables {
  return (sample ??= normalizeFeed(generateSample({ seed: 7, customers: 300, orders: 3000 })).tables);
}

/**
 * Hand-made tables (values worked out in the tests): customer a with 4 orders / 400, b with one order, p a
 * prospect with only a record and an interaction.
 */
export function tinyTables(): CrmTables {
  const orders = ordersTable([
    { id: 'a', date: '2024-01-05', amount: 100, order: 'o1', channel: 'store', category: 'brakes' },
    { id: 'a', date: '2024-01-05', amount: 20, order: 'o1', channel: 'store', category: 'lubricants' },
    { id: 'a', date: '2024-02-10', amount: 50, order: 'o2', channel: 'ecommerce', category: 'lubricants' },
    { id: 'a', date: '2024-02-20', amount: 30, order: 'o3', channel: 'ecommerce', category: 'brakes' },
    { id: 'a', date: '2024-04-01', amount: 200, order: 'o4', channel: 'store', category: 'tyres' },
    { id: 'b', date: '2024-03-01', amount: 40, order: 'o5', channel: 'phone', category: 'lubricants' },
  ]);
  const customers = aq.table({
    customer_id: ['a', 'b', 'p'],
    name: ['Auto A 华汽', 'Bo Repair', 'Prospect Motors'],
    type: ['repair_shop', 'dealer', null],
    region: ['华东', '华南', null],
    province: ['浙江', '广东', null],
    phone: ['138 0000 1111', null, null],
    email: ['a@example.cn', null, null],
  });
  const interactions = aq.table({
    customer_id: ['a', 'a', 'a', 'a', 'p'],
    date: Int32Array.from(['2024-01-01', '2024-03-15', '2024-04-20', '2024-06-01', '2024-02-02'].map(day)),
    channel: ['store', 'phone', 'phone', 'store', 'social'],
    kind: ['visit', 'service', 'complaint', 'visit', 'inquiry'],
    nps: Float64Array.from([NaN, 9, NaN, 3, NaN]),
    note: [null, 'oil change', 'late delivery', null, null],
  });
  return { orders, customers, interactions };
}

export const q = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector) as T | null;
export const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the card (or the picker) has rendered from a finished computation. */
export async function ready(el: CrmCustomer360, what: 'card' | 'picker' | 'any' = 'card'): Promise<void> {
  const sel = what === 'card' ? '.c360 .grid' : what === 'picker' ? '.c360 .picker' : '.c360';
  await waitUntil(() => q(el, sel) && q(el, '.body')?.getAttribute('aria-busy') === 'false', `${what} did not render`, {
    timeout: 15000,
  });
  // Let the ResizeObserver deliver the measured width and the card re-render at it (layout-dependent figures,
  // such as the spend chart's path, are compared after this).
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
}

/** The KPI list as label → text. */
export function kpis(el: Element): Record<string, string> {
  return Object.fromEntries(qa(el, '.kpi').map((k) => [text(k.querySelector('dt')), text(k.querySelector('dd'))]));
}

/** Runs an export and returns its detail (the download is prevented). */
export async function exported(el: CrmCustomer360, format: 'csv' | 'svg' | 'png'): Promise<CrmExportDetail> {
  let detail: CrmExportDetail | undefined;
  const listener = (e: Event) => {
    e.preventDefault();
    detail = (e as CustomEvent<CrmExportDetail>).detail;
  };
  el.addEventListener('crm-export', listener);
  try {
    await el.exportAs(format);
    await waitUntil(() => detail, `no ${format} export`);
  } finally {
    el.removeEventListener('crm-export', listener);
  }
  return detail!;
}

/** RFC 4180 CSV (no embedded newlines in these tests) without the BOM, as rows of fields. */
export function parseCsv(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
          else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') out.push(cur), (cur = '');
        else cur += c;
      }
      out.push(cur);
      return out;
    });
}
