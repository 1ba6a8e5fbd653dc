/**
 * One customer's vehicles with their mileage, repair frequency and next service (the customer-360 card's
 * vehicles section and the service part of `nextCategories`). Pure; reads the vehicles table, the orders of the
 * shared prepared base (so the filter and the cancellation policy apply) and the interactions tied to each
 * vehicle by `vehicle_id`. See docs/metrics.md (vehicles).
 */
import type { CrmTables } from '../../data/types.js';
import { codeOfValue, columnCodes, readColumn, rowCount } from '../columns.js';
import type { MetricOptions } from '../options.js';
import { prepareOrders, slotOfId } from '../prepare.js';
import { baseOptions } from '../base-options.js';
import { serviceDue, type MileageReading, type ServiceDue } from './service-due.js';
import { DAYS_PER_YEAR, resolveVehicleSettings, type ServiceInterval, type VehicleSettings } from './settings.js';
import { checkOptions } from '../option-keys.js';

export interface VehicleOptions extends MetricOptions, VehicleSettings {}

export interface VehicleStatus {
  /** Plate or VIN as in the data (mask it for display: `maskVehicleId`); null when the row had none. */
  vehicleId: string | null;
  make: string | null;
  model: string | null;
  /** Model year, NaN when unknown. */
  year: number;
  /** asOf's calendar year − model year, NaN when the year is unknown. */
  ageYears: number;
  /** Rows of the vehicles table for this vehicle. */
  rows: number;
  /** Distinct days with an order or an interaction tied to the vehicle (on or before asOf). */
  visits: number;
  /** Orders tied to the vehicle and their net amount. */
  orders: number;
  revenue: number;
  firstVisit: number;
  lastVisit: number;
  /** visits per year since the first visit (a first year counts as a whole year). NaN without visits. */
  visitsPerYear: number;
  /** Mileage per year used for the estimates. */
  kmPerYear: number;
  /** Where the last service came from: the vehicles table, a service interaction, or none. */
  lastServiceSource: 'vehicles' | 'interaction' | null;
  service: ServiceDue;
}

export interface CustomerVehicles {
  customerId: string;
  asOf: number;
  /** False when the feed has no vehicles table (then `vehicles` is empty). */
  available: boolean;
  /** By next service day (overdue first), vehicles without a known due day last. */
  vehicles: VehicleStatus[];
  /** Vehicles due within `dueSoonDays` of asOf, overdue ones included. */
  dueSoon: number;
  overdue: number;
  dueSoonDays: number;
  /** The default interval of the settings used (per-make ones are on each vehicle's `service.interval`). */
  interval: ServiceInterval;
  defaultKmPerYear: number;
}

interface VehicleDraft {
  key: string;
  vehicleId: string | null;
  make: string | null;
  model: string | null;
  year: number;
  rows: number;
  readings: MileageReading[];
  serviceDay: number;
  serviceKm: number;
  serviceSource: 'vehicles' | 'interaction' | null;
  days: Set<number>;
  orderKeys: Set<number>;
  revenue: number;
}

/** Vehicle ids compare without case and surrounding space (a VIN typed in lower case is the same vehicle). */
const vehicleKey = (id: string) => id.trim().toUpperCase();

function draftsOf(tables: CrmTables, customerId: string, asOf: number): VehicleDraft[] {
  const v = tables.vehicles;
  const ids = v && columnCodes(v, 'customer_id');
  const code = ids && codeOfValue(ids, customerId);
  if (!v || !ids || code === undefined) return [];
  const vid = readColumn<string | null>(v, 'vehicle_id');
  const make = readColumn<string | null>(v, 'make');
  const model = readColumn<string | null>(v, 'model');
  const year = readColumn<number>(v, 'year');
  const mileage = readColumn<number>(v, 'mileage');
  const mileageDay = readColumn<number>(v, 'mileage_date');
  const serviceDay = readColumn<number>(v, 'last_service_date');
  const serviceKm = readColumn<number>(v, 'last_service_mileage');
  const byKey = new Map<string, VehicleDraft>();
  const n = rowCount(v);
  for (let r = 0; r < n; r++) {
    if (ids.codes[r] !== code) continue;
    const id = vid?.[r] ?? null;
    const key = id ? vehicleKey(id) : `#row${r}`; // a row without an id is a vehicle of its own
    let d = byKey.get(key);
    if (!d) {
      d = { key, vehicleId: id, make: null, model: null, year: NaN, rows: 0, readings: [], serviceDay: NaN, serviceKm: NaN, serviceSource: null, days: new Set(), orderKeys: new Set(), revenue: 0 };
      byKey.set(key, d);
    }
    d.rows++;
    // Attributes: the last row that has them.
    if (make?.[r]) d.make = make[r]!;
    if (model?.[r]) d.model = model[r]!;
    const y = year?.[r] ?? NaN;
    if (y >= 1900 && y <= 2100) d.year = y;
    const km = mileage?.[r] ?? NaN;
    if (km >= 0) d.readings.push({ day: mileageDay && mileageDay[r] === mileageDay[r] ? mileageDay[r]! : asOf, km });
    const sd = serviceDay?.[r] ?? NaN;
    if (sd <= asOf && !(sd <= d.serviceDay)) {
      d.serviceDay = sd;
      const skm = serviceKm?.[r] ?? NaN;
      d.serviceKm = skm >= 0 ? skm : NaN;
      d.serviceSource = 'vehicles';
    }
  }
  return [...byKey.values()];
}

/** Adds the orders (kept rows of the base) and interactions tied to each vehicle. */
function addActivity(tables: CrmTables, customerId: string, options: VehicleOptions, drafts: VehicleDraft[], serviceKinds: ReadonlySet<string>): void {
  const byKey = new Map(drafts.filter((d) => d.vehicleId).map((d) => [d.key, d]));
  if (!byKey.size) return;
  const base = prepareOrders(tables, baseOptions(options));
  const orderVehicle = readColumn<string | null>(tables.orders, 'vehicle_id');
  const slot = slotOfId(base, customerId);
  if (orderVehicle && slot >= 0) {
    for (let j = base.start[slot]; j < base.start[slot + 1]; j++) {
      const id = orderVehicle[base.row[j]!];
      const d = id ? byKey.get(vehicleKey(id)) : undefined;
      if (!d) continue;
      d.days.add(base.day[j]!);
      d.orderKeys.add(base.orderKey[j]!);
      d.revenue += base.amount[j]!;
    }
  }
  const x = tables.interactions;
  const xIds = x && columnCodes(x, 'customer_id');
  const xCode = xIds && codeOfValue(xIds, customerId);
  const xVehicle = x && readColumn<string | null>(x, 'vehicle_id');
  const xDay = x && readColumn<number>(x, 'date');
  if (!x || !xIds || xCode === undefined || !xVehicle || !xDay) return;
  const kind = readColumn<string | null>(x, 'kind');
  const range = base.filter.dateRange;
  const lo = range?.start ?? -Infinity;
  const hi = Math.min(range?.end ?? Infinity, base.asOf);
  const n = rowCount(x);
  for (let r = 0; r < n; r++) {
    if (xIds.codes[r] !== xCode) continue;
    const id = xVehicle[r];
    const day = xDay[r]!;
    const d = id ? byKey.get(vehicleKey(id)) : undefined;
    if (!d || !(day >= lo && day <= hi)) continue;
    d.days.add(day);
    const k = kind?.[r];
    if (k && serviceKinds.has(k.toLowerCase()) && !(day <= d.serviceDay)) {
      d.serviceDay = day;
      d.serviceKm = NaN;
      d.serviceSource = 'interaction';
    }
  }
}

/** Due day order: overdue first, unknown last; ties by make/model, then id. */
function byDue(a: VehicleStatus, b: VehicleStatus): number {
  const da = a.service.dueDay, db = b.service.dueDay;
  if (da === da && db === db && da !== db) return da - db;
  if ((da === da) !== (db === db)) return da === da ? -1 : 1;
  return `${a.make} ${a.model} ${a.vehicleId}`.localeCompare(`${b.make} ${b.model} ${b.vehicleId}`);
}

/**
 * The vehicles of one customer (see `CustomerVehicles`). Throws a RangeError for an unusable setting (naming
 * it); a customer without vehicles gets an empty list.
 */
export function customerVehicles(tables: CrmTables, customerId: string, options: VehicleOptions = {}): CustomerVehicles {
  checkOptions('customerVehicles', options);
  const settings = resolveVehicleSettings(options);
  const asOf = prepareOrders(tables, baseOptions(options)).asOf;
  const drafts = draftsOf(tables, customerId, asOf);
  addActivity(tables, customerId, options, drafts, settings.serviceKinds);
  const asOfYear = new Date(asOf * 86_400_000).getUTCFullYear();
  const vehicles = drafts.map((d): VehicleStatus => {
    const service = serviceDue(
      { asOf, make: d.make, year: d.year, readings: d.readings, lastServiceDay: d.serviceDay, lastServiceKm: d.serviceKm },
      settings,
    );
    const days = [...d.days].sort((a, b) => a - b);
    const first = days.length ? days[0]! : NaN;
    const last = days.length ? days[days.length - 1]! : NaN;
    return {
      vehicleId: d.vehicleId,
      make: d.make,
      model: d.model,
      year: d.year,
      ageYears: d.year === d.year ? asOfYear - d.year : NaN,
      rows: d.rows,
      visits: days.length,
      orders: d.orderKeys.size,
      revenue: d.revenue,
      firstVisit: first,
      lastVisit: last,
      visitsPerYear: days.length ? (days.length * DAYS_PER_YEAR) / Math.max(DAYS_PER_YEAR, asOf - first + 1) : NaN,
      kmPerYear: service.kmPerDay * DAYS_PER_YEAR,
      lastServiceSource: d.serviceDay === d.serviceDay ? d.serviceSource : null,
      service,
    };
  });
  vehicles.sort(byDue);
  const horizon = asOf + settings.dueSoonDays;
  return {
    customerId,
    asOf,
    available: !!tables.vehicles,
    vehicles,
    dueSoon: vehicles.filter((x) => x.service.dueDay <= horizon).length,
    overdue: vehicles.filter((x) => x.service.status === 'overdue').length,
    dueSoonDays: settings.dueSoonDays,
    interval: settings.serviceInterval,
    defaultKmPerYear: settings.defaultKmPerYear,
  };
}
