import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import { layoutBars, renderBars, type BarDatum } from '../../src/charts/bar-chart.js';
import { estimateTextWidth } from '../../src/charts/text.js';

// The bar-chart `note` extension the regional comparison uses for growth.
describe('layoutBars / renderBars notes (regional comparison)', () => {
  const data: BarDatum[] = [
    { key: 'a', label: 'East China', value: 200, secondary: 160, note: '▲ +25%', noteTone: 'positive' },
    { key: 'b', label: 'South China', value: 100, note: 'n/a' },
  ];
  const valueLabel = (d: BarDatum) => `¥${d.value}`;

  it('wide: reserves room for value + note after the bar and draws the note inline', async () => {
    const layout = layoutBars(data, { width: 600, valueLabel });
    const r = layout.rows[0];
    expect(r.note).to.equal('▲ +25%');
    expect(r.noteX).to.equal(undefined);
    // value text + 6 px + note fit between the bar's end and the width (by the same estimate the layout uses).
    const end = r.valueX + estimateTextWidth('¥200', 13) + 6 + estimateTextWidth('▲ +25%', 13);
    expect(end).to.be.at.most(600);
    const host = await fixture<HTMLDivElement>('<div></div>');
    render(renderBars(layout, { label: 'x' }), host);
    const tspan = host.querySelector('.bar-value tspan.bar-note.positive');
    expect(tspan?.textContent).to.equal(' ▲ +25%');
    expect(host.querySelectorAll('.bar-note.muted')[0].textContent).to.equal(' n/a');
  });

  it('stacked: note right-aligned on the label line; the label is shortened to leave it room', async () => {
    const long: BarDatum[] = [{ key: 'x', label: 'A very long group label that needs cutting', value: 5, note: '▼ −12.5%', noteTone: 'negative' }];
    const layout = layoutBars(long, { width: 200, valueLabel });
    const r = layout.rows[0];
    expect(r.noteX).to.equal(194); // the width minus the row inset (clear of the focus ring)
    expect(r.label.endsWith('…')).to.equal(true);
    expect(estimateTextWidth(r.label, 13) + estimateTextWidth('▼ −12.5%', 13)).to.be.at.most(200);
    const host = await fixture<HTMLDivElement>('<div></div>');
    render(renderBars(layout, { label: 'x' }), host);
    const note = host.querySelector('text.bar-note.negative')!;
    expect(note.getAttribute('text-anchor')).to.equal('end');
    expect(note.getAttribute('x')).to.equal('194');
  });
});
