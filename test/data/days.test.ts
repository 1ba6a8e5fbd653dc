import { expect } from '@open-wc/testing';
import { dayFromParts, dayToIso, dayToMonthIndex, isoToDay, monthIndexToIso } from '../../src/data/days.js';

describe('epoch days', () => {
  it('counts days since 1970-01-01', () => {
    expect(dayFromParts(1970, 1, 1)).to.equal(0);
    // 2000-03-01: 30 years incl. 7 leap days (72..96) = 10957 to 2000-01-01, +31 +29 = 11017
    expect(dayFromParts(2000, 3, 1)).to.equal(11017);
  });
  it('rejects impossible calendar dates', () => {
    expect(isoToDay('2023-02-29')).to.be.NaN;
    expect(isoToDay('2024-02-29')).to.equal(dayFromParts(2024, 2, 29));
  });
  it('maps days to months', () => {
    expect(monthIndexToIso(dayToMonthIndex(isoToDay('2024-12-31')))).to.equal('2024-12');
    expect(dayToIso(-1)).to.equal('1969-12-31');
  });
});
