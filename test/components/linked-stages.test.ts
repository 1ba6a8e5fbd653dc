// A funnel with its own stage definitions, linked to an RFM matrix in one <crm-data>: selecting a custom stage
// filters the matrix to exactly that stage's customers (the funnel's membership travels with the filter).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { customersInStage, type StageDefinition } from '../../src/metrics/lifecycle/index.js';
import { rfm } from '../../src/metrics/rfm/index.js';
import { sampleTables } from './rfm-matrix-fixtures.js';

const STAGES: StageDefinition[] = [
  { id: 'buyer', labels: { en: 'Buyer', 'zh-CN': '买家' }, rule: { minOrders: 1 } },
  { id: 'regular', labels: { en: 'Regular', 'zh-CN': '常客' }, rule: { minOrders: 3 } },
  { id: 'devoted', labels: { en: 'Devoted', 'zh-CN': '忠实' }, rule: { minOrders: 8 } },
];

const cellCounts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[role="gridcell"] .cell-value')].map((t) => Number(t.textContent!.replace(/\D/g, '')));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const stageMarks = (el: Element) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('.mark')];

describe('linked custom lifecycle stages', () => {
  for (const mode of ['auto', 'observed'] as const) {
    it(`mode ${mode}: selecting a custom stage filters a linked RFM matrix to customersInStage`, async () => {
      const tables = sampleTables();
      const data = await fixture<HTMLElement>(html`<crm-data .tables=${tables}>
        <crm-lifecycle-funnel lang="en" mode=${mode} .stageDefinitions=${STAGES}></crm-lifecycle-funnel>
        <crm-rfm-matrix lang="en"></crm-rfm-matrix>
        <crm-regional-comparison lang="en"></crm-regional-comparison>
        <crm-channel-mix lang="en"></crm-channel-mix>
      </crm-data>`);
      const funnel = data.querySelector('crm-lifecycle-funnel')!;
      const matrix = data.querySelector('crm-rfm-matrix')!;
      await waitUntil(() => stageMarks(funnel).length === 3, 'funnel did not draw the custom stages');
      await waitUntil(() => cellCounts(matrix).length > 0, 'matrix did not render');
      const all = sum(cellCounts(matrix));

      const regular = customersInStage(tables, 'regular', { stages: STAGES, mode });
      expect(regular.length).to.be.within(1, all - 1); // a real narrowing
      stageMarks(funnel)[1].dispatchEvent(new MouseEvent('click'));
      await waitUntil(() => sum(cellCounts(matrix)) === regular.length, 'matrix not filtered to the regular stage');
      // Every linked widget computes with the stage (none fails on a stage it cannot resolve).
      for (const tag of ['crm-rfm-matrix', 'crm-regional-comparison', 'crm-channel-mix']) {
        const w = data.querySelector(tag)!;
        await waitUntil(() => w.shadowRoot!.querySelector('[part~="chart"], [part~="error"], [part~="empty"]'), `${tag} did not settle`);
        expect(w.shadowRoot!.querySelector('[part~="error"]'), `${tag} error`).to.equal(null);
      }
      // The same customers as the metric given exactly those ids.
      expect(rfm(tables, { filter: { customerIds: regular } }).size).to.equal(regular.length);

      // Another linked selection keeps the stage resolved the same way.
      const deeper = customersInStage(tables, 'devoted', { stages: STAGES, mode });
      stageMarks(funnel)[2].dispatchEvent(new MouseEvent('click'));
      await waitUntil(() => sum(cellCounts(matrix)) === deeper.length, 'matrix not filtered to the devoted stage');

      stageMarks(funnel)[2].dispatchEvent(new MouseEvent('click')); // toggles off
      await waitUntil(() => sum(cellCounts(matrix)) === all, 'matrix not restored');
      expect((data as unknown as { state: { stageMembership?: unknown } }).state.stageMembership).to.equal(undefined);
    });
  }
});
