import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/rfm-matrix/index.js';
import type { CrmRfmMatrix } from '../../src/components/rfm-matrix/index.js';
import type { CrmTables } from '../../src/data/types.js';
import { ordersTable } from '../metrics/tables.js';
import { ONE_TIME_AS_OF, oneTimeBuyerRows, skewedFrequencyRows } from '../metrics/one-time-buyers.js';
import { cells, rendered, segmentButtons, shadow } from './rfm-matrix-fixtures.js';

const note = (el: Element) => shadow(el).querySelector<HTMLElement>('[part~="bins-note"]');
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const colNotes = (el: Element) => [...shadow(el).querySelectorAll('.axis-note')].map((t) => t.textContent!.trim());

async function matrix(tables: CrmTables, attrs = '', lang = 'en'): Promise<CrmRfmMatrix> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrap.innerHTML = `<crm-rfm-matrix as-of="${ONE_TIME_AS_OF}" ${attrs}></crm-rfm-matrix>`;
  const el = wrap.firstElementChild as CrmRfmMatrix;
  el.tables = tables;
  await rendered(el);
  return el;
}

describe('crm-rfm-matrix: collapsed bins on a 97 % one-time-buyer base', () => {
  const tables = { orders: ordersTable(oneTimeBuyerRows()) };

  it('names the empty bins, and one click rebins frequency by its distinct values (method auto)', async () => {
    const el = await matrix(tables);
    expect(cells(el)).to.have.length(25);
    expect(text(note(el))).to.contain('Frequency has only 3 distinct values; bins F2–F4 are empty. F5 holds every customer with 2–3 orders.');
    // The quantile F5 column holds all 3 repeat buyers ("2–3" orders): the collapse the note explains.
    expect(colNotes(el).slice(5)).to.deep.equal(['1', '—', '—', '—', '2–3']);
    const button = note(el)!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Use distinct-value bins');
    button.click();
    await waitUntil(() => cells(el).length === 15, 'grid did not become 5×3');
    expect(el.method).to.equal('auto');
    expect(colNotes(el).slice(5)).to.deep.equal(['1', '2', '3']);
    expect(text(note(el))).to.equal('Frequency: quantile bins collapsed, so its 3 bins follow the distinct values (method auto).');
    expect(note(el)!.querySelector('button') === null, 'no remedy after it was applied').to.equal(true);
    // Hand-computed (test/metrics/rfm-collapse.test.ts): 1 champion, 2 potential loyalists.
    const names = segmentButtons(el).map((b) => `${b.querySelector('.seg-name')!.textContent!.trim()} ${b.querySelector('.seg-count')!.textContent!.trim().split(' ')[0]}`);
    expect(names).to.include.members(['Champions 1', 'Potential Loyalist 2', 'Promising 38', 'Lost 19']);
  });

  it('says it in Chinese too', async () => {
    const el = await matrix(tables, '', 'zh-CN');
    expect(text(note(el))).to.contain('购买频次只有 3 个不同取值；F2–F4 档为空。F5 档包含所有下单 2–3 次的客户。');
    expect(text(note(el)!.querySelector('button'))).to.equal('改用按取值分档');
  });

  it('explicit thresholds (frequency-bins="2,3,4,6") are the other remedy: no note, the bins as given', async () => {
    const el = await matrix({ orders: ordersTable(skewedFrequencyRows()) }, 'frequency-bins="2,3,4,6"');
    expect(text(note(el)), 'no bins note').to.equal('');
    expect(colNotes(el).slice(5)).to.deep.equal(['1', '2', '3', '4–5', '6–9']);
    el.frequencyBins = undefined;
    await waitUntil(() => note(el) !== null);
    // Six distinct values for five bins: the ties wording, not "only N values".
    expect(text(note(el))).to.contain('Frequency: bins F2–F4 are empty (many customers share one value).');
  });

  it('method as a property and attribute; a bad method names the three', async () => {
    const el = await matrix(tables, 'method="auto"');
    expect(cells(el)).to.have.length(15);
    el.method = 'quantile';
    await waitUntil(() => cells(el).length === 25);
    el.setAttribute('method', 'tiles');
    await waitUntil(() => shadow(el).querySelector('[part~="error"]'));
    expect(text(shadow(el).querySelector('[part~="error"]'))).to.contain('expected quantile, ntile, auto');
  });
});
