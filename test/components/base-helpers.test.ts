import { expect } from '@open-wc/testing';
import { csvField, toCsv, exportFilename } from '../../src/components/base/export.js';
import { FILTER_ATTRIBUTE_NAMES, filterFromAttributes, intersectFilters, filterKey, parseList } from '../../src/components/base/filter.js';
import { sizeOf } from '../../src/components/base/size-controller.js';
import { layoutBars } from '../../src/charts/bar-chart.js';
import { sparklinePath } from '../../src/charts/sparkline.js';
import { numberTicks } from '../../src/charts/ticks.js';
import { valueScale } from '../../src/charts/scales.js';
import { truncateText } from '../../src/charts/text.js';
import { Formatter } from '../../src/i18n/format.js';
import { seriesColor, seqColor } from '../../src/styles/tokens.js';
import { isoToDay } from '../../src/data/days.js';

describe('export helpers', () => {
  it('guards every formula-starting character and quotes per RFC 4180', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map((t) => csvField(t))).to.deep.equal([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(csvField('-1', true)).to.equal('-1');
    expect(csvField('say "hi", then\nleave')).to.equal('"say ""hi"", then\nleave"');
    expect(csvField('普通文本')).to.equal('普通文本');
  });

  it('writes days as ISO dates and missing numbers as empty cells', () => {
    const csv = toCsv({
      columns: [
        { key: 'd', label: 'Day', kind: 'day' },
        { key: 'v', label: 'Value', kind: 'number' },
      ],
      rows: [{ d: isoToDay('2024-02-29'), v: NaN }],
    });
    expect(csv).to.equal('Day,Value\r\n2024-02-29,\r\n');
  });

  it('makes safe file names', () => {
    expect(exportFilename('Sales / 区域: Q1', 'csv', new Date(Date.UTC(2024, 0, 2)))).to.equal('Sales-区域-Q1-2024-01-02.csv');
    expect(exportFilename('  ', 'png', new Date(Date.UTC(2024, 0, 2)))).to.equal('crm-lens-2024-01-02.png');
  });
});

describe('filter helpers', () => {
  const names = FILTER_ATTRIBUTE_NAMES;

  it('parses list and date attributes', () => {
    expect(parseList(' 华东，华南、 North ,')).to.deep.equal(['华东', '华南', 'North']);
    expect(parseList('  ')).to.equal(undefined);
    const parsed = filterFromAttributes({ dateFrom: '2024-01-01', regions: 'East' }, names);
    expect(parsed).to.deep.equal({ filter: { dateRange: { start: isoToDay('2024-01-01'), end: undefined }, regions: ['East'] }, problems: [] });
    expect(filterFromAttributes({ dateFrom: '2024-02-01', dateTo: '2024-01-01' }, names).problems[0]!.message).to.contain(
      'date-from="2024-02-01" is after date-to="2024-01-01"',
    );
  });

  it('intersects lists and date ranges', () => {
    const f = intersectFilters(
      { regions: ['A', 'B'], dateRange: { start: 10 }, channels: ['web'] },
      { regions: ['B', 'C'], dateRange: { start: 5, end: 20 } },
    );
    expect(f).to.deep.equal({ dateRange: { start: 10, end: 20 }, regions: ['B'], channels: ['web'] });
    expect(intersectFilters({ regions: ['A'] }, { regions: ['B'] }).regions).to.deep.equal([]);
    expect(filterKey({ channels: ['x'], regions: ['y'] })).to.equal(filterKey({ regions: ['y'], channels: ['x'] }));
  });

  it('classifies widths', () => {
    expect([320, 479, 480, 899, 900].map(sizeOf)).to.deep.equal(['narrow', 'narrow', 'medium', 'medium', 'wide']);
  });
});

describe('chart helpers', () => {
  const en = new Formatter('en');

  it('lays out bars proportionally, with labels beside (wide) or above (narrow)', () => {
    const data = [
      { key: 'a', label: 'A', value: 100 },
      { key: 'b', label: 'B', value: 50, secondary: 25 },
    ];
    const wide = layoutBars(data, { width: 600, valueLabel: (d) => String(d.value) });
    expect(wide.rows[1].barWidth * 2).to.be.closeTo(wide.rows[0].barWidth, 1e-9);
    expect(wide.rows[1].secondaryWidth! * 2).to.be.closeTo(wide.rows[1].barWidth, 1e-9);
    expect(wide.rows[0].barX).to.be.greaterThan(0);
    const narrow = layoutBars(data, { width: 320, valueLabel: (d) => String(d.value) });
    expect(narrow.rows[0].barX).to.equal(6); // stacked: bars start at the row inset (clear of the focus ring)
    expect(narrow.rows[0].labelX).to.equal(narrow.rows[0].barX);
    expect(narrow.rows[0].barY).to.be.greaterThan(narrow.rows[0].labelY);
    // Nothing drawn past the width.
    for (const r of [...wide.rows, ...narrow.rows]) expect(r.barX + r.barWidth).to.be.at.most(r === wide.rows[0] || r === wide.rows[1] ? 600 : 320);
  });

  it('truncates long labels with an ellipsis', () => {
    expect(truncateText('华东地区汽车配件经销商', 60, 12)).to.equal('华东地区…');
    expect(truncateText('East', 60, 12)).to.equal('East');
  });

  it('draws sparklines with gaps for missing values', () => {
    expect(sparklinePath([0, 1, 2], 20, 10, 0)).to.equal('M0,10L10,5L20,0');
    expect(sparklinePath([0, NaN, 2], 20, 10, 0)).to.equal('M0,10ZM20,0Z');
    expect(sparklinePath([], 20, 10)).to.equal('');
  });

  it('labels ticks with the locale formatter', () => {
    const ticks = numberTicks(valueScale([0, 2_400_000], [0, 100]), en, 'compact', 3);
    // The scale is niced to [0, 2.4M] (step 0.2M); three ticks land on whole millions.
    expect(ticks.map((t) => t.label)).to.deep.equal(['0', '1M', '2M']);
    expect(ticks[0].position).to.equal(0);
  });

  it('names palette colours as token references', () => {
    expect([0, 7, 8, -1].map(seriesColor)).to.deep.equal([
      'var(--crm-series-1)',
      'var(--crm-series-8)',
      'var(--crm-series-1)',
      'var(--crm-series-8)',
    ]);
    expect([0, 0.5, 1, NaN].map(seqColor)).to.deep.equal(['var(--crm-seq-1)', 'var(--crm-seq-4)', 'var(--crm-seq-7)', 'var(--crm-seq-1)']);
  });
});
