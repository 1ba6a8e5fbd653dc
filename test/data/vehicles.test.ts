// The vehicles table in the data layer: VIN check digits (reported, never dropped), masked display, the
// normalizer's flagged values, mapping guesses for vehicle headers, and the cache round trip.
import { expect } from '@open-wc/testing';
import { guessMapping, normalizeFeed } from '../../src/data/index.js';
import { maskVehicleId, vehicleIdFlag, vinCheckDigit } from '../../src/data/vehicle-id.js';
import { tablesFromArrow, tablesToArrow } from '../../src/data/arrow-tables.js';
import { isoToDay } from '../../src/data/days.js';

describe('VINs', () => {
  it('computes the check digit of ISO 3779 / 49 CFR 565 (GB 16735)', () => {
    // The worked example of 49 CFR 565: 1M8GDM9A_KP042788 → X.
    expect(vinCheckDigit('1M8GDM9AXKP042788')).to.equal('X');
    // All ones: 1 · (8+7+6+5+4+3+2+10+0+9+8+7+6+5+4+3+2) = 89 = 8·11 + 1.
    expect(vinCheckDigit('11111111111111111')).to.equal('1');
    expect(vehicleIdFlag('1M8GDM9AXKP042788')).to.equal(null);
    expect(vehicleIdFlag('1M8GDM9A1KP042788')).to.equal('vin-check-digit');
    expect(vehicleIdFlag('1M8GDM9AXKP04278O')).to.equal('vin-characters'); // letter O
    // Plates and other ids are not VINs: nothing to check.
    expect(vehicleIdFlag('京A12345')).to.equal(null);
    expect(vehicleIdFlag('1M8GDM9AXKP04278')).to.equal(null); // 16 characters
  });

  it('masks ids as phone numbers are masked', () => {
    expect(maskVehicleId('LSVAU218XN2183294')).to.equal('LSV**********3294');
    expect(maskVehicleId('京A12345')).to.equal('京A***45');
    expect(maskVehicleId('粤BD12345')).to.equal('粤B****45');
    expect(maskVehicleId('A123')).to.equal('A***');
  });
});

describe('normalizeFeed with vehicles', () => {
  const feed = {
    orders: [
      { customer_id: 'c1', order_date: '2024-05-01', amount: 100, vehicle_id: 'LSVAU218XN2183294' },
      { customer_id: 'c1', order_date: '2024-05-02', amount: 50, vehicle_id: 'LSVAU218XN2183295' },
    ],
    vehicles: [
      { customer_id: 'c1', vehicle_id: 'LSVAU218XN2183294', make: 'Volkswagen', model: 'Lavida', year: 2021, mileage: 52000, mileage_date: '2024-05-01', last_service_date: '2024-01-10', last_service_mileage: 45000 },
      { customer_id: 'c1', vehicle_id: 'LSVAU218XN2183295', make: 'Volkswagen', model: 'Lavida', year: 2021, mileage: -3, mileage_date: '2024-05-01' },
      { customer_id: 'c2', vehicle_id: '京A12345', make: 'BYD', year: 1850, mileage: 'lots' },
      { vehicle_id: '沪B00001', make: 'Tesla' },
    ],
  };

  it('keeps every vehicle row with a customer; flags failed checks with examples; rejects rows without customer', () => {
    const { tables, report } = normalizeFeed(feed);
    const v = report.tables.vehicles!;
    expect([v.rowsIn, v.rowsAccepted, v.rowsRejected]).to.deep.equal([4, 3, 1]);
    expect(v.rejections[0]).to.include({ reason: 'missing-customer-id', field: 'customer_id', count: 1 });
    const flags = v.flaggedValues!.map((g) => [g.field, g.flag, g.count, g.examples.map((e) => e.row)]);
    expect(flags).to.deep.equal([
      ['vehicle_id', 'vin-check-digit', 1, [1]],
      ['year', 'implausible-year', 1, [2]],
      ['mileage', 'negative', 1, [1]],
    ]);
    // "lots" is not a number: an invalid value (dropped to missing), as for every number field.
    expect(v.invalidValues.map((g) => [g.field, g.count])).to.deep.equal([['mileage', 1]]);
    // Flagged values are kept as they are.
    expect(tables.vehicles!.array('vehicle_id')).to.deep.equal(['LSVAU218XN2183294', 'LSVAU218XN2183295', '京A12345']);
    expect(Array.from(tables.vehicles!.array('mileage') as Float64Array)).to.deep.equal([52000, -3, NaN]);
    expect(Array.from(tables.vehicles!.array('last_service_date') as Float64Array)).to.deep.equal([isoToDay('2024-01-10'), NaN, NaN]);
    // The orders' vehicle_id is checked too.
    expect(report.tables.orders!.flaggedValues!.map((g) => [g.field, g.count])).to.deep.equal([['vehicle_id', 1]]);
  });

  it('round-trips through the cache form', () => {
    const { tables } = normalizeFeed(feed);
    const back = tablesFromArrow(tablesToArrow(tables));
    expect(back.vehicles!.numRows()).to.equal(3);
    expect(back.vehicles!.array('make')).to.deep.equal(['Volkswagen', 'Volkswagen', 'BYD']);
    expect(Array.from(back.vehicles!.array('year') as Float64Array)).to.deep.equal([2021, 2021, 1850]);
  });
});

describe('guessMapping for vehicles', () => {
  it('maps Chinese and English vehicle headers', () => {
    expect(guessMapping(['客户编号', '车牌号', '品牌', '车型', '年款', '行驶里程', '里程日期', '上次保养日期', '上次保养里程'], 'vehicles')).to.deep.equal({
      客户编号: 'customer_id',
      车牌号: 'vehicle_id',
      品牌: 'make',
      车型: 'model',
      年款: 'year',
      行驶里程: 'mileage',
      里程日期: 'mileage_date',
      上次保养日期: 'last_service_date',
      上次保养里程: 'last_service_mileage',
    });
    expect(guessMapping(['Customer No', 'VIN', 'Brand', 'Car Model', 'Model Year', 'Odometer', 'Reading Date', 'Last Service', 'Service Mileage'], 'vehicles')).to.deep.equal({
      'Customer No': 'customer_id',
      VIN: 'vehicle_id',
      Brand: 'make',
      'Car Model': 'model',
      'Model Year': 'year',
      Odometer: 'mileage',
      'Reading Date': 'mileage_date',
      'Last Service': 'last_service_date',
      'Service Mileage': 'last_service_mileage',
    });
    // On orders, the plate or VIN column.
    expect(guessMapping(['客户编号', '车架号'], 'orders')).to.deep.equal({ 客户编号: 'customer_id', 车架号: 'vehicle_id' });
  });
});
