/**
 * The service-interval rule and the mileage defaults of the vehicle metrics (see docs/metrics.md, vehicles).
 * Settings are plain JSON-able objects, so a widget attribute, a host and a worker can all pass them.
 */
import { codedError } from '../../i18n/coded-error.js';

/** Kilometres and months between two services; whichever is reached first makes the service due. */
export interface ServiceInterval {
  km: number;
  months: number;
}

/** `serviceInterval`: the default interval and overrides per make (matched case-insensitively, trimmed). */
export interface ServiceIntervalSettings extends ServiceInterval {
  /** E.g. `{ "Tesla": { "km": 20000, "months": 24 } }`; a missing part takes the default's. */
  byMake?: Readonly<Record<string, Partial<ServiceInterval>>>;
}

export interface VehicleSettings {
  /** Default 10,000 km / 12 months, no per-make overrides. */
  serviceInterval?: ServiceIntervalSettings;
  /** Mileage rate (km per year) when a vehicle's readings cannot give one. Default 12,000. */
  defaultKmPerYear?: number;
  /** Readings must span at least this many days to give a rate. Default 30. */
  minReadingSpanDays?: number;
  /** A service due within this many days of asOf (or overdue) counts as "due soon". Default 30. */
  dueSoonDays?: number;
  /** Interaction kinds that are a service visit (last service when later than the vehicles table's). Default `['service']`. */
  serviceKinds?: readonly string[];
}

export interface ResolvedVehicleSettings {
  serviceInterval: ServiceInterval;
  /** Lower-cased make → its interval. */
  byMake: ReadonlyMap<string, ServiceInterval>;
  kmPerDayDefault: number;
  defaultKmPerYear: number;
  minReadingSpanDays: number;
  dueSoonDays: number;
  serviceKinds: ReadonlySet<string>;
}

export const DEFAULT_SERVICE_INTERVAL: ServiceInterval = { km: 10_000, months: 12 };
export const DEFAULT_KM_PER_YEAR = 12_000;
export const DAYS_PER_YEAR = 365.25;

const positive = (where: string, v: unknown, integer = false): number => {
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v) || (integer && !Number.isInteger(v)))
    throw codedError(RangeError, integer ? 'positive-integer' : 'positive-number', { where, value: String(JSON.stringify(v)) });
  return v;
};

/** Fills in defaults and checks every value; throws a RangeError naming the bad setting. */
export function resolveVehicleSettings(settings: VehicleSettings = {}): ResolvedVehicleSettings {
  const si = settings.serviceInterval ?? DEFAULT_SERVICE_INTERVAL;
  if (!si || typeof si !== 'object') throw codedError(RangeError, 'service-interval-shape', { value: String(JSON.stringify(si)) });
  const base: ServiceInterval = {
    km: positive('serviceInterval.km', si.km ?? DEFAULT_SERVICE_INTERVAL.km),
    months: positive('serviceInterval.months', si.months ?? DEFAULT_SERVICE_INTERVAL.months, true),
  };
  const byMake = new Map<string, ServiceInterval>();
  const overrides = (si as ServiceIntervalSettings).byMake;
  if (overrides !== undefined) {
    if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides))
      throw new RangeError(`serviceInterval.byMake: expected { "<make>": { km?, months? } }, found ${JSON.stringify(overrides)}`);
    for (const [make, o] of Object.entries(overrides)) {
      if (!o || typeof o !== 'object') throw new RangeError(`serviceInterval.byMake["${make}"]: expected { km?, months? }, found ${JSON.stringify(o)}`);
      byMake.set(make.trim().toLowerCase(), {
        km: o.km === undefined ? base.km : positive(`serviceInterval.byMake["${make}"].km`, o.km),
        months: o.months === undefined ? base.months : positive(`serviceInterval.byMake["${make}"].months`, o.months, true),
      });
    }
  }
  const defaultKmPerYear = positive('defaultKmPerYear', settings.defaultKmPerYear ?? DEFAULT_KM_PER_YEAR);
  const kinds = settings.serviceKinds ?? ['service'];
  if (!Array.isArray(kinds) || kinds.some((k) => typeof k !== 'string'))
    throw new RangeError(`serviceKinds: expected a list of interaction kinds, found ${JSON.stringify(kinds)}`);
  return {
    serviceInterval: base,
    byMake,
    defaultKmPerYear,
    kmPerDayDefault: defaultKmPerYear / DAYS_PER_YEAR,
    minReadingSpanDays: positive('minReadingSpanDays', settings.minReadingSpanDays ?? 30),
    dueSoonDays: positive('dueSoonDays', settings.dueSoonDays ?? 30, true),
    serviceKinds: new Set(kinds.map((k) => k.trim().toLowerCase())),
  };
}

/** The interval that applies to a make. */
export function intervalFor(settings: ResolvedVehicleSettings, make: string | null): ServiceInterval {
  return (make && settings.byMake.get(make.trim().toLowerCase())) || settings.serviceInterval;
}
