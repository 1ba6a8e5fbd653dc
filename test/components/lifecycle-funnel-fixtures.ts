// Fixtures of the <crm-lifecycle-funnel> tests: the seeded sample, hand-made tiny tables, a linked consumer.
import { html, type TemplateResult } from 'lit';
import * as aq from 'arquero';
import { CrmWidget, queryCommon, type WidgetQueryContext, type WidgetQueries, type WidgetResults } from '../../src/components/base/crm-widget.js';
import type { TableData } from '../../src/components/base/table-data.js';
import { defineElement } from '../../src/components/define.js';
import { isoToDay } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';
import { normalizeFeed } from '../../src/data/normalize/index.js';
import type { RfmQueryResult } from '../../src/query/protocol.js';
import { generateSample } from '../../src/sample/index.js';

let sample: CrmTables | undefined;

/** The seeded sample (300 customers, ~3,000 orders, interactions), normalized once. */
export function sampleFunnelTables(): CrmTables {
  sample ??= normalizeFeed(generateSample({ seed: 7, customers: 300, orders: 3000 })).tables;
  return sample;
}

const D = isoToDay('2024-01-01');

/** Orders only: A buys d0, d10; B d5; C d2, d7, d30. */
export function ordersOnly(): CrmTables {
  return {
    orders: aq.table({
      order_id: ['a1', 'a2', 'b1', 'c1', 'c2', 'c3'],
      customer_id: ['A', 'A', 'B', 'C', 'C', 'C'],
      order_date: Int32Array.from([0, 10, 5, 2, 7, 30], (o) => D + o),
      amount: Float64Array.from([100, 50, 80, 10, 20, 30]),
    }),
  };
}

/** Declared stages: A purchase, B repurchase, C awareness, D none (orders as `ordersOnly`). */
export function tinyDeclared(): CrmTables {
  return {
    ...ordersOnly(),
    customers: aq.table({
      customer_id: ['A', 'B', 'C', 'D'],
      lifecycle_stage: ['purchase', 'Repurchase', '认知', null],
    }),
  };
}

/** A plain consumer widget: shows how many customers the shared base keeps under the linked filter. */
export class FunnelConsumer extends CrmWidget<{ customers: number }> {
  protected override queries(context: WidgetQueryContext): WidgetQueries {
    // The common part goes to the query whole: it carries `stageMembership`, which `filter.stages` needs.
    return { rfm: { family: 'rfm', ...queryCommon(context), rfm: {} } };
  }

  /** RFM's size: the customers the shared base keeps (one slot per customer with a kept order). */
  protected override compose(results: WidgetResults): { customers: number } {
    return { customers: (results.rfm as RfmQueryResult).rfm.size };
  }

  protected override renderChart(r: { customers: number }): TemplateResult {
    return html`<p class="count">${r.customers}</p>`;
  }

  protected override tableData(r: { customers: number }): TableData<{ customers: number }> {
    return { columns: [{ key: 'customers', label: 'Customers', kind: 'integer' }], rows: [r] };
  }

  protected override defaultHeading(): string {
    return 'Customers';
  }

  /** The count on screen, or null before the first result. */
  shownCount(): number | null {
    const p = this.shadowRoot?.querySelector('.count');
    return p ? Number(p.textContent) : null;
  }
}
defineElement('funnel-test-consumer', FunnelConsumer);
