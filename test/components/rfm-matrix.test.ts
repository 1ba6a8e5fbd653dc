import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rfm-matrix/index.js';
import '../../src/components/data/index.js';
import type { CrmRfmMatrix } from '../../src/components/rfm-matrix/index.js';
import { rfm, rfmGrid, rfmSegmentSummary } from '../../src/metrics/rfm/index.js';
import { Formatter } from '../../src/i18n/format.js';
import { cells, rendered, sampleTables, segmentButtons, shadow } from './rfm-matrix-fixtures.js';

describe('crm-rfm-matrix: numbers', () => {
  it('shows rfmGrid counts in every cell, R5 on top and F1 on the left', async () => {
    const tables = sampleTables();
    const el = await fixture<CrmRfmMatrix>(html`<crm-rfm-matrix lang="en" .tables=${tables}></crm-rfm-matrix>`);
    await rendered(el);
    const grid = rfmGrid(rfm(tables), 'f', 'r');
    const shown = cells(el).map((c) => c.querySelector('.cell-value')!.textContent!.trim());
    const expected: string[] = [];
    for (let r = 5; r >= 1; r--) for (let f = 1; f <= 5; f++) expected.push(new Formatter('en').integer(grid.customers[(r - 1) * 5 + (f - 1)]));
    expect(shown).to.deep.equal(expected);
    expect(segmentButtons(el).length).to.equal(rfmSegmentSummary(rfm(tables)).filter((s) => s.customers > 0).length);
  });
});
