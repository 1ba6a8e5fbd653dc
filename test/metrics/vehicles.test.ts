// Service due worked out by hand: the interval rule (km or months, whichever first), the mileage rate from
// readings / age / default, overdue vehicles, missing mileage, and a fleet's list and due count.
import { expect } from '@open-wc/testing';
import * as aq from 'arquero';
import { addMonths, serviceDue, type ServiceDueInput } from '../../src/metrics/vehicles/service-due.js';
import { resolveVehicleSettings } from '../../src/metrics/vehicles/settings.js';
import { customerVehicles } from '../../src/metrics/vehicles/customer-vehicles.js';
import { ordersTable, day } from './tables.js';

const settings = resolveVehicleSettings();
const input = (over: Partial<ServiceDueInput>): ServiceDueInput => ({
  asOf: day('2024-06-01'),
  make: null,
  year: NaN,
  readings: [],
  lastServiceDay: NaN,
  lastServiceKm: NaN,
  ...over,
});

describe('serviceDue', () => {
  it('km limit first: due in 44 days with 2,339 km to go', () => {
    // Serviced 10 Jan at 50,000 km; read 56,000 km on 1 May: 6,000 km in 112 days = 53.571 km a day.
    const s = serviceDue(input({ lastServiceDay: day('2024-01-10'), lastServiceKm: 50_000, readings: [{ day: day('2024-05-01'), km: 56_000 }] }), settings);
    expect(s.rateSource).to.equal('readings');
    expect(s.kmPerDay).to.be.closeTo(6000 / 112, 1e-9);
    // Now (31 days later): 56,000 + 31 · 53.571 = 57,660.7 km; due at 60,000 km.
    expect(s.mileageNow).to.be.closeTo(57_660.714, 1e-3);
    expect(s.dueKm).to.equal(60_000);
    expect(s.kmLeft).to.equal(2339);
    // 4,000 km after the reading: 74.67 days after 1 May → 15 July; the 12 months would end 10 Jan 2025.
    expect(s.dueByKmDay).to.be.closeTo(day('2024-05-01') + 4000 / (6000 / 112), 1e-9);
    expect(s.dueDay).to.equal(day('2024-07-15'));
    expect(s.dueByTimeDay).to.equal(day('2025-01-10'));
    expect(s.rule).to.equal('km');
    expect(s.daysLeft).to.equal(44);
    expect(s.status).to.equal('ok');
  });

  it('time limit first and overdue: serviced 15 Mar 2023, now 78 days past the 12 months', () => {
    // 20,000 km at the service, 26,000 km a year later (366 days, 2024 is a leap year): 16.39 km a day.
    const s = serviceDue(
      input({ lastServiceDay: day('2023-03-15'), lastServiceKm: 20_000, readings: [{ day: day('2024-03-15'), km: 26_000 }] }),
      settings,
    );
    expect(s.dueByTimeDay).to.equal(day('2024-03-15'));
    expect(s.dueByKmDay).to.be.closeTo(day('2024-03-15') + 4000 / (6000 / 366), 1e-9); // 14 Nov 2024
    expect(s.rule).to.equal('time');
    expect(s.daysLeft).to.equal(-78);
    expect(s.status).to.equal('overdue');
    // Mileage now 26,000 + 78 · 16.393 = 27,278.7: the km limit (30,000) is still 2,721 km ahead.
    expect(s.kmLeft).to.equal(2721);
  });

  it('missing mileage: the time rule alone, no km figures', () => {
    const s = serviceDue(input({ lastServiceDay: day('2024-02-01') }), settings);
    expect(s.rateSource).to.equal('default');
    expect(s.kmPerDay).to.be.closeTo(12_000 / 365.25, 1e-12);
    expect(Number.isNaN(s.mileageNow)).to.equal(true);
    expect(Number.isNaN(s.lastServiceKm)).to.equal(true);
    expect(Number.isNaN(s.dueKm) && Number.isNaN(s.kmLeft)).to.equal(true);
    expect(s.dueDay).to.equal(day('2025-02-01'));
    expect(s.daysLeft).to.equal(245);
    expect([s.rule, s.basis, s.status]).to.deep.equal(['time', 'last-service', 'ok']);
  });

  it('no mileage and no service on record: unknown', () => {
    const s = serviceDue(input({ year: 2020 }), settings);
    expect([s.status, s.basis, s.rule]).to.deep.equal(['unknown', 'none', null]);
    expect(Number.isNaN(s.dueDay)).to.equal(true);
  });

  it('no service on record: the next 10,000 km mark, at a rate from the vehicle’s age', () => {
    // 86,400 km on 1 May 2024 for a 2019 model: 1,947 days since 1 Jan 2019 → 44.376 km a day.
    const s = serviceDue(input({ year: 2019, readings: [{ day: day('2024-05-01'), km: 86_400 }] }), settings);
    const rate = 86_400 / (day('2024-05-01') - day('2019-01-01'));
    expect(s.rateSource).to.equal('age');
    expect(s.kmPerDay).to.be.closeTo(rate, 1e-12);
    expect(s.basis).to.equal('schedule');
    expect(s.dueKm).to.equal(90_000);
    expect(s.dueDay).to.equal(Math.round(day('2024-05-01') + 3600 / rate)); // 21 July
    expect(s.dueDay).to.equal(day('2024-07-21'));
    expect(s.kmLeft).to.equal(Math.round(90_000 - (86_400 + 31 * rate)));
  });

  it('a service without its km: estimated from the readings', () => {
    const s = serviceDue(
      input({ lastServiceDay: day('2024-03-01'), readings: [{ day: day('2024-01-01'), km: 10_000 }, { day: day('2024-05-01'), km: 16_100 }] }),
      settings,
    );
    // 6,100 km in 121 days; on 1 Mar (60 days in): 10,000 + 60 · 50.413 = 13,024.8.
    expect(s.lastServiceKmEstimated).to.equal(true);
    expect(s.lastServiceKm).to.be.closeTo(10_000 + (60 * 6100) / 121, 1e-6);
  });

  it('ignores readings after asOf; an odometer that went back gives no rate', () => {
    const s = serviceDue(
      input({ year: 2022, readings: [{ day: day('2024-01-01'), km: 30_000 }, { day: day('2024-04-01'), km: 25_000 }, { day: day('2024-09-01'), km: 99_000 }] }),
      settings,
    );
    expect(s.readings).to.equal(2);
    expect(s.inconsistentReadings).to.equal(true);
    expect(s.rateSource).to.equal('age'); // 25,000 km over 2022-01-01 … 2024-04-01
  });

  it('per-make interval and calendar months', () => {
    const tesla = resolveVehicleSettings({ serviceInterval: { km: 10_000, months: 12, byMake: { Tesla: { km: 20_000, months: 24 } } } });
    const s = serviceDue(input({ make: 'tesla', lastServiceDay: day('2024-01-31'), lastServiceKm: 1000, readings: [{ day: day('2024-05-31'), km: 5000 }] }), tesla);
    expect(s.interval).to.deep.equal({ km: 20_000, months: 24 });
    expect(s.dueByTimeDay).to.equal(day('2026-01-31'));
    expect(addMonths(day('2024-01-31'), 1)).to.equal(day('2024-02-29'));
    expect(addMonths(day('2023-01-31'), 1)).to.equal(day('2023-02-28'));
    expect(addMonths(day('2024-11-15'), 3)).to.equal(day('2025-02-15'));
  });

  it('refuses unusable settings, naming them', () => {
    expect(() => resolveVehicleSettings({ serviceInterval: { km: -5, months: 12 } })).to.throw(RangeError, /serviceInterval\.km/);
    expect(() => resolveVehicleSettings({ serviceInterval: { km: 10_000, months: 1.5 } })).to.throw(RangeError, /serviceInterval\.months/);
    expect(() => resolveVehicleSettings({ serviceInterval: { km: 10_000, months: 12, byMake: { BYD: { km: 0 } } } })).to.throw(RangeError, /byMake\["BYD"\]\.km/);
    expect(() => resolveVehicleSettings({ defaultKmPerYear: 0 })).to.throw(RangeError, /defaultKmPerYear/);
  });
});

describe('customerVehicles', () => {
  // A fleet F with four vehicles and a car owner O; asOf 1 June 2024.
  const vehicles = aq.table({
    customer_id: ['F', 'F', 'F', 'F', 'F', 'O'],
    vehicle_id: ['京A10001', 'LSVAU2180N2183294', '京A10003', '京A10004', 'lsvau2180n2183294', '沪B55555'],
    make: ['BYD', 'Volkswagen', 'Wuling', null, null, 'Toyota'],
    model: ['Qin PLUS', 'Lavida', 'Hongguang', null, null, 'Corolla'],
    year: Float64Array.from([2022, 2021, 2023, NaN, NaN, 2018]),
    mileage: Float64Array.from([80_000, 150_000, NaN, NaN, 140_000, 120_000]),
    mileage_date: Float64Array.from([day('2024-05-01'), day('2024-05-20'), NaN, NaN, day('2024-03-01'), day('2024-05-01')]),
    last_service_date: Float64Array.from([day('2024-04-01'), day('2024-03-01'), day('2023-05-01'), NaN, NaN, day('2024-01-10')]),
    last_service_mileage: Float64Array.from([75_000, 140_000, NaN, NaN, NaN, 115_000]),
  });
  const orders = ordersTable([
    { id: 'F', date: '2023-11-02', amount: 300, order: 'o1', category: 'tyres' },
    { id: 'F', date: '2024-03-01', amount: 200, order: 'o2', category: 'lubricants' },
    { id: 'F', date: '2024-03-01', amount: 50, order: 'o2', category: 'filters' },
    { id: 'F', date: '2024-05-05', amount: 80, order: 'o3', category: 'brakes', status: 'cancelled' },
    { id: 'O', date: '2024-05-01', amount: 120, order: 'o4', category: 'lubricants' },
  ]);
  // Orders 1–3 name the VW (one in lower case), the cancelled one the BYD; o4 names the Toyota.
  const ordersWithVehicles = orders.assign(aq.table({ vehicle_id: ['LSVAU2180N2183294', 'lsvau2180n2183294', 'LSVAU2180N2183294', '京A10001', '沪B55555'] }));
  const tables = { orders: ordersWithVehicles, vehicles };
  const asOf = '2024-06-01';

  it('a fleet: vehicles by next service, the count due in the next 30 days, overdue ones', () => {
    const f = customerVehicles(tables, 'F', { asOf });
    expect(f.vehicles.map((v) => v.vehicleId)).to.deep.equal(['京A10003', 'LSVAU2180N2183294', '京A10001', '京A10004']);
    const [wuling, vw, byd, unknown] = f.vehicles;
    // Wuling: serviced 1 May 2023, no mileage → due 1 May 2024 by time: 31 days overdue.
    expect([wuling!.service.status, wuling!.service.daysLeft]).to.deep.equal(['overdue', -31]);
    // VW: two rows (the id in two cases) → readings 140,000 (1 Mar, also the service) and 150,000 (20 May):
    // 10,000 km in 80 days = 125 km a day; due at 150,000 km = 20 May → 12 days overdue, 1,500 km over.
    expect(vw!.rows).to.equal(2);
    expect(vw!.service.kmPerDay).to.equal(125);
    expect(vw!.service.dueDay).to.equal(day('2024-05-20'));
    expect(vw!.service.kmLeft).to.equal(-1500);
    // BYD: 75,000 (1 Apr) → 80,000 (1 May): 166.7 km a day; 85,000 km is reached 30 days after 1 May, 31 May.
    expect(byd!.service.dueDay).to.equal(day('2024-05-31'));
    expect(byd!.service.status).to.equal('overdue');
    expect(unknown!.service.status).to.equal('unknown');
    expect([f.overdue, f.dueSoon]).to.deep.equal([3, 3]);
    expect(f.dueSoonDays).to.equal(30);
  });

  it('repair frequency from the orders tied to a vehicle (cancelled ones excluded)', () => {
    const f = customerVehicles(tables, 'F', { asOf });
    const vw = f.vehicles.find((v) => v.make === 'Volkswagen')!;
    expect([vw.orders, vw.visits, vw.revenue]).to.deep.equal([2, 2, 550]);
    // 2 visits since 2 Nov 2023 (213 days, under a year) → 2 a year.
    expect(vw.visitsPerYear).to.equal(2);
    const byd = f.vehicles.find((v) => v.make === 'BYD')!;
    expect(byd.visits).to.equal(0); // its only order was cancelled
    expect([byd.ageYears, vw.ageYears]).to.deep.equal([2, 3]);
  });

  it('a car owner, and customers without vehicles or without a vehicles table', () => {
    const o = customerVehicles(tables, 'O', { asOf });
    expect(o.vehicles).to.have.length(1);
    expect(o.vehicles[0]!.visits).to.equal(1);
    expect(customerVehicles(tables, 'nobody', { asOf }).vehicles).to.deep.equal([]);
    const none = customerVehicles({ orders }, 'F', { asOf });
    expect([none.available, none.vehicles.length]).to.deep.equal([false, 0]);
  });

  it('service interactions tied to a vehicle count as its last service', () => {
    const interactions = aq.table({
      customer_id: ['O', 'O'],
      date: Int32Array.from([day('2024-05-20'), day('2024-05-25')]),
      kind: ['service', 'complaint'],
      vehicle_id: ['沪B55555', '沪B55555'],
    });
    const o = customerVehicles({ ...tables, interactions }, 'O', { asOf }).vehicles[0]!;
    expect(o.lastServiceSource).to.equal('interaction');
    expect(o.service.lastServiceDay).to.equal(day('2024-05-20'));
    expect(o.visits).to.equal(3);
  });
});
