/**
 * Service-due arithmetic for one vehicle (pure, plain numbers; see docs/metrics.md, vehicles):
 *
 * 1. Readings: odometer readings `(day, km)` on or before asOf, including the last service's when its mileage
 *    is known. Same day → the highest km.
 * 2. Mileage rate: the least-squares slope of the readings when they span ≥ `minReadingSpanDays` and the slope
 *    is positive (`readings`); else the latest reading over the time since 1 January of the model year when
 *    that is ≥ 180 days (`age`); else `defaultKmPerYear` (`default`).
 * 3. Mileage now = latest reading + rate × (asOf − its day).
 * 4. Next service: the earlier of last service + `months` (calendar months) and the day the estimated mileage
 *    reaches last service km + `km`. Without a service on record, the next multiple of `km` (`schedule`).
 */
import { dayFromParts, dayToDate } from '../../data/days.js';
import { intervalFor, type ResolvedVehicleSettings, type ServiceInterval } from './settings.js';

export interface MileageReading {
  /** Epoch day. */
  day: number;
  km: number;
}

export interface ServiceDueInput {
  asOf: number;
  make: string | null;
  /** Model year, NaN when unknown. */
  year: number;
  /** Odometer readings (any order); those after asOf are ignored. */
  readings: readonly MileageReading[];
  /** Last service day (epoch day, NaN when none on record) and its km (NaN when unknown). */
  lastServiceDay: number;
  lastServiceKm: number;
}

export type RateSource = 'readings' | 'age' | 'default';
/** What the due date rests on: the last service, the interval schedule from the mileage alone, or nothing. */
export type DueBasis = 'last-service' | 'schedule' | 'none';
export type ServiceStatus = 'overdue' | 'due-soon' | 'ok' | 'unknown';

export interface ServiceDue {
  interval: ServiceInterval;
  kmPerDay: number;
  rateSource: RateSource;
  /** True when readings exist but give no positive slope (the odometer went back: bad data). */
  inconsistentReadings: boolean;
  /** Readings used (after asOf dropped, same day merged). */
  readings: number;
  /** Latest reading, NaN when none. */
  lastReadingDay: number;
  lastReadingKm: number;
  /** Estimated odometer at asOf, NaN without any reading. */
  mileageNow: number;
  lastServiceDay: number;
  /** Km at the last service: as recorded, or estimated from the readings (`lastServiceKmEstimated`). */
  lastServiceKm: number;
  lastServiceKmEstimated: boolean;
  /** Last service + months; NaN without a last service. */
  dueByTimeDay: number;
  /** Km at which the next service is due, NaN when unknown. */
  dueKm: number;
  /** Day the estimated mileage reaches `dueKm`, NaN when unknown. */
  dueByKmDay: number;
  /** The earlier of the two (whole day), NaN when neither is known. */
  dueDay: number;
  /** Which limit comes first. */
  rule: 'km' | 'time' | null;
  basis: DueBasis;
  /** dueDay − asOf (negative: overdue by that many days). */
  daysLeft: number;
  /** dueKm − mileageNow (negative: overdue by that many km), NaN when unknown. */
  kmLeft: number;
  status: ServiceStatus;
}

/** The same calendar day `months` later (clamped to the month's last day: 31 Jan + 1 month = 29 Feb 2024). */
export function addMonths(day: number, months: number): number {
  const d = dayToDate(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = dayFromParts(y, m + 1, 1);
  const last = dayFromParts(y, m + 2, 1) - 1;
  return Math.min(target + d.getUTCDate() - 1, last);
}

/** Readings on or before asOf, sorted by day, one per day (the highest km). */
function usableReadings(input: ServiceDueInput): MileageReading[] {
  const all: MileageReading[] = [];
  const ok = (day: number, km: number) => day === day && km === km && km >= 0 && day <= input.asOf;
  for (const r of input.readings) if (ok(r.day, r.km)) all.push(r);
  if (ok(input.lastServiceDay, input.lastServiceKm)) all.push({ day: input.lastServiceDay, km: input.lastServiceKm });
  all.sort((a, b) => a.day - b.day || b.km - a.km);
  return all.filter((r, i) => i === 0 || r.day !== all[i - 1]!.day);
}

/** Least-squares slope of km on day. */
function slope(readings: readonly MileageReading[]): number {
  const n = readings.length;
  let sx = 0, sy = 0;
  for (const r of readings) {
    sx += r.day;
    sy += r.km;
  }
  const mx = sx / n, my = sy / n;
  let sxy = 0, sxx = 0;
  for (const r of readings) {
    sxy += (r.day - mx) * (r.km - my);
    sxx += (r.day - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : NaN;
}

/** When the next service of a vehicle is due, and how it was worked out. */
export function serviceDue(input: ServiceDueInput, settings: ResolvedVehicleSettings): ServiceDue {
  const { asOf } = input;
  const interval = intervalFor(settings, input.make);
  const readings = usableReadings(input);
  const latest = readings[readings.length - 1];

  let kmPerDay = settings.kmPerDayDefault;
  let rateSource: RateSource = 'default';
  let inconsistentReadings = false;
  const span = readings.length >= 2 ? latest!.day - readings[0]!.day : 0;
  const fitted = span >= settings.minReadingSpanDays ? slope(readings) : NaN;
  if (fitted > 0) {
    kmPerDay = fitted;
    rateSource = 'readings';
  } else {
    inconsistentReadings = span >= settings.minReadingSpanDays;
    const since = input.year === input.year ? dayFromParts(input.year, 1, 1) : NaN;
    if (latest && latest.km > 0 && latest.day - since >= 180) {
      kmPerDay = latest.km / (latest.day - since);
      rateSource = 'age';
    }
  }
  const kmAt = (day: number) => (latest ? Math.max(0, latest.km + kmPerDay * (day - latest.day)) : NaN);
  const mileageNow = kmAt(asOf);

  const hasService = input.lastServiceDay === input.lastServiceDay && input.lastServiceDay <= asOf;
  const lastServiceDay = hasService ? input.lastServiceDay : NaN;
  const recordedKm = hasService && input.lastServiceKm >= 0 ? input.lastServiceKm : NaN;
  const lastServiceKm = recordedKm === recordedKm ? recordedKm : hasService ? kmAt(lastServiceDay) : NaN;

  const dueByTimeDay = hasService ? addMonths(lastServiceDay, interval.months) : NaN;
  let dueKm = NaN;
  let basis: DueBasis = 'none';
  if (hasService) {
    basis = 'last-service';
    dueKm = lastServiceKm + interval.km;
  } else if (latest) {
    basis = 'schedule';
    dueKm = (Math.floor(mileageNow / interval.km) + 1) * interval.km;
  }
  const dueByKmDay = latest && dueKm === dueKm ? latest.day + (dueKm - latest.km) / kmPerDay : NaN;
  const candidates = [dueByTimeDay, dueByKmDay].filter((d) => d === d);
  const dueDay = candidates.length ? Math.round(Math.min(...candidates)) : NaN;
  const rule = !candidates.length ? null : !(dueByKmDay === dueByKmDay) || dueByTimeDay <= dueByKmDay ? 'time' : 'km';
  const daysLeft = dueDay - asOf;
  const kmLeft = dueKm === dueKm && mileageNow === mileageNow ? Math.round(dueKm - mileageNow) : NaN;
  const status: ServiceStatus = !(daysLeft === daysLeft)
    ? 'unknown'
    : daysLeft < 0
      ? 'overdue'
      : daysLeft <= settings.dueSoonDays
        ? 'due-soon'
        : 'ok';
  return {
    interval,
    kmPerDay,
    rateSource,
    inconsistentReadings,
    readings: readings.length,
    lastReadingDay: latest ? latest.day : NaN,
    lastReadingKm: latest ? latest.km : NaN,
    mileageNow,
    lastServiceDay,
    lastServiceKm,
    lastServiceKmEstimated: hasService && recordedKm !== recordedKm && lastServiceKm === lastServiceKm,
    dueByTimeDay,
    dueKm,
    dueByKmDay,
    dueDay,
    rule,
    basis,
    daysLeft,
    kmLeft,
    status,
  };
}
