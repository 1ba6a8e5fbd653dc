import { expect } from '@open-wc/testing';
import { isoToDay } from '../../src/data/days.js';
import { periodIndex, periodOf, periodsBetween } from '../../src/metrics/channel/periods.js';

describe('trend periods', () => {
  it('lists every month between two days, including empty ones', () => {
    const p = periodsBetween(isoToDay('2023-11-30'), isoToDay('2024-02-01'), 'month');
    expect(p.map((x) => x.iso)).to.deep.equal(['2023-11', '2023-12', '2024-01', '2024-02']);
    // February 2024 is a leap month: 1st to 29th.
    expect(p[3].start).to.equal(isoToDay('2024-02-01'));
    expect(p[3].end).to.equal(isoToDay('2024-02-29'));
  });
  it('uses Monday weeks with ISO week labels', () => {
    // 2024-01-01 was a Monday: ISO week 2024-W01. 2023-01-01 was a Sunday: it belongs to 2022-W52.
    const w = periodOf(periodIndex(isoToDay('2024-01-03'), 'week'), 'week');
    expect(w).to.deep.equal({ iso: '2024-01-01', label: '2024-W01', start: isoToDay('2024-01-01'), end: isoToDay('2024-01-07') });
    expect(periodOf(periodIndex(isoToDay('2023-01-01'), 'week'), 'week').label).to.equal('2022-W52');
    // 2020-12-31 (Thursday) is in 2020-W53; 2021-01-03 (Sunday) too.
    expect(periodOf(periodIndex(isoToDay('2021-01-03'), 'week'), 'week').label).to.equal('2020-W53');
    expect(periodOf(periodIndex(isoToDay('1970-01-01'), 'week'), 'week').iso).to.equal('1969-12-29');
  });
  it('is empty for an empty or reversed range', () => {
    expect(periodsBetween(10, 9, 'week')).to.deep.equal([]);
    expect(periodsBetween(NaN, 9, 'month')).to.deep.equal([]);
  });
});
