import { expect } from '@open-wc/testing';
import { normalizeFeed } from '../../src/data/index.js';
import { dayFromParts } from '../../src/data/days.js';

// Epoch days computed by hand: 2024-01-01 = 54 years after 1970 = 54 * 365 + 13 leap days = 19723;
// 2024-03-05 = 19723 + 31 (Jan) + 29 (Feb) + 4 = 19787.
const MAR_5 = 19787;

/** Normalizes one order whose date (or amount) is the value under test; returns the orders table and report. */
function one(order_date: unknown, amount: unknown, timeZone?: string) {
  const { tables, report } = normalizeFeed([{ customer_id: 'C1', order_date, amount }], { timeZone });
  return { orders: tables.orders, report: report.tables.orders! };
}
const dayOf = (v: unknown, tz?: string) => {
  const { orders, report } = one(v, 1, tz);
  return report.rowsAccepted ? (orders.column('order_date') as unknown as Int32Array)[0] : report.rejections[0]!.reason;
};
const amountOf = (v: unknown) => {
  const { orders, report } = one('2024-03-05', v);
  return report.rowsAccepted ? (orders.column('amount') as unknown as Float64Array)[0] : report.rejections[0]!.reason;
};

describe('normalizeFeed date coercion', () => {
  it('checks the hand-computed anchor day', () => {
    expect(dayFromParts(2024, 3, 5)).to.equal(MAR_5);
  });

  it('reads date spellings as the calendar day written', () => {
    for (const v of ['2024-03-05', '2024/03/05', '2024/3/5', '2024.03.05', '2024年3月5日', '20240305', 20240305, ' 2024-03-05 ']) {
      expect(dayOf(v), String(v)).to.equal(MAR_5);
    }
  });

  it('reads date-times without an offset as the day written, in any time zone', () => {
    expect(dayOf('2024-03-05T23:30:00')).to.equal(MAR_5);
    expect(dayOf('2024-03-05 23:30:00', 'Asia/Shanghai')).to.equal(MAR_5);
    expect(dayOf('2024/03/05 23:30', 'America/New_York')).to.equal(MAR_5);
  });

  it('places instants on the calendar of the timeZone option', () => {
    // 23:30 UTC on 5 March is 07:30 on 6 March in Shanghai (UTC+8).
    expect(dayOf('2024-03-05T23:30:00Z')).to.equal(MAR_5);
    expect(dayOf('2024-03-05T23:30:00Z', 'Asia/Shanghai')).to.equal(MAR_5 + 1);
    // 23:30 at +08:00 is 15:30 UTC, the same day in both.
    expect(dayOf('2024-03-05T23:30:00+08:00')).to.equal(MAR_5);
    expect(dayOf('2024-03-05T23:30:00+08:00', 'Asia/Shanghai')).to.equal(MAR_5);
    // 01:00 at +08:00 on 6 March is 17:00 UTC on 5 March.
    expect(dayOf('2024-03-06T01:00:00+0800')).to.equal(MAR_5);
    expect(dayOf('2024-03-06T01:00:00.250+08', 'Asia/Shanghai')).to.equal(MAR_5 + 1);
  });

  it('reads epoch milliseconds (number or 11+ digit string) as instants', () => {
    // 1709596800000 = 19787 * 86,400,000: midnight UTC of 2024-03-05.
    expect(dayOf(1709596800000)).to.equal(MAR_5);
    expect(dayOf('1709596800000')).to.equal(MAR_5);
    expect(dayOf(1709596800000, 'Asia/Shanghai')).to.equal(MAR_5); // 08:00 in Shanghai
    expect(dayOf(1709596800000, 'America/Los_Angeles')).to.equal(MAR_5 - 1); // 16:00 the day before
  });

  it('follows daylight saving changes (America/New_York, 2024-03-10 02:00 EST → EDT)', () => {
    const MAR_10 = MAR_5 + 5;
    expect(dayOf('2024-03-10T03:00:00Z', 'America/New_York')).to.equal(MAR_10 - 1); // 22:00 EST on the 9th
    expect(dayOf('2024-03-10T12:00:00Z', 'America/New_York')).to.equal(MAR_10); // 08:00 EDT
    expect(dayOf('2024-03-11T04:30:00Z', 'America/New_York')).to.equal(MAR_10 + 1); // 00:30 EDT (EST would say the 10th)
    expect(dayOf('2024-11-03T04:30:00Z', 'America/New_York')).to.equal(MAR_10 + 238); // 00:30 EDT on 3 November
  });

  it('rejects impossible dates, epoch seconds, small serials and other non-dates', () => {
    for (const v of ['2023-02-29', '02/30/2024', 1709596800, 2024, '2024', '2024-13-01', '2024-03-05T25:00', '3/5/2024 13:00 PM', 'soon', true]) {
      expect(dayOf(v), String(v)).to.equal('invalid-date');
    }
    for (const v of [null, undefined, '', '   ']) expect(dayOf(v), String(v)).to.equal('missing-date');
  });

  it('throws a RangeError for an unknown time zone', () => {
    expect(() => one('2024-03-05', 1, 'Mars/Olympus')).to.throw(RangeError, /Mars\/Olympus/);
  });
});

describe('normalizeFeed number coercion', () => {
  it('reads numbers and numeric strings', () => {
    const cases: [unknown, number][] = [
      [1234.5, 1234.5],
      ['1234.5', 1234.5],
      [' 1,234.50 ', 1234.5],
      ['12,345,678', 12345678],
      ['-3', -3],
      ['+3', 3],
      ['1e3', 1000],
      ['.5', 0.5],
      ['¥1,234.50', 1234.5],
      ['￥ 8', 8],
      ['-¥8', -8],
      ['¥-8', -8],
      ['$5', 5],
      [0, 0],
    ];
    for (const [v, want] of cases) expect(amountOf(v), JSON.stringify(v)).to.equal(want);
  });

  it('rejects non-numeric amounts', () => {
    for (const v of ['10%', '0x10', '12 units', 'Infinity', NaN, Infinity, '1,2,3', '¥', '-', true, {}]) {
      expect(amountOf(v), String(v)).to.equal('invalid-amount');
    }
    for (const v of [null, undefined, '', '  ']) expect(amountOf(v), String(v)).to.equal('missing-amount');
  });
});
