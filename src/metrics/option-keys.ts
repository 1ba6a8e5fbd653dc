/**
 * Option keys every public metric function accepts, checked on each call: an unknown or misspelled key
 * (`rfm(orders, { bins: 3 })`, where `{ rfm: { bins: 3 } }` is meant) is an error naming it, never silently
 * ignored.
 *
 * Registering an option: add its key to the metric's entry in `METRIC_OPTIONS` below (and nested keys to
 * `NESTED_OPTIONS`). The entries are typed against the options interfaces (`keysOf<…>`), so a field added to an
 * interface without registering it here fails `npm run typecheck`. A new metric adds an entry and calls
 * `checkOptions('<name>', options)` first thing. (`prepareOrders` is not checked: it is the building block every
 * metric hands its whole, extended options to.)
 */
import type { MetricOptions } from './options.js';
import type { CrmFilter } from './filter-types.js';
import type { RfmSettings } from './rfm/settings.js';
import type { ChannelMixOptions } from './channel/channel-mix.js';
import type { ProfileOptions } from './profile/profile.js';
import type { RegionalOptions } from './regional/regional.js';
import type { LifecycleOptions } from './lifecycle/options.js';
import type { LifetimeOptions } from './btyd/lifetime-summary.js';
import type { PredictOptions } from './btyd/predict-customers.js';
import type { ModelCheckOptions } from './btyd/model-check.js';
import type { ForecastOptions } from './forecast/forecast.js';
import type { AssociationOptions } from './associations/associations.js';
import type { NextCategoriesOptions } from './associations/next-categories.js';
import type { VehicleOptions } from './vehicles/customer-vehicles.js';
import { codedError } from '../i18n/coded-error.js';

/** Exactly the keys of `T` beyond `Base` (a missing or extra key is a type error). */
const keysOf = <T, Base = MetricOptions>(keys: Record<Exclude<keyof T, keyof Base>, true>): string[] => Object.keys(keys);

const COMMON = keysOf<MetricOptions, object>({ asOf: true, filter: true, rfm: true, stageMembership: true });

const ASSOCIATION_KEYS = keysOf<AssociationOptions>({ basket: true, minSupport: true, minCount: true });
const VEHICLE_KEYS = keysOf<VehicleOptions>({ serviceInterval: true, defaultKmPerYear: true, minReadingSpanDays: true, dueSoonDays: true, serviceKinds: true });

/** Metric function → the keys of its options object. */
export const METRIC_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  rfm: COMMON,
  customerSummary: COMMON,
  channelCustomerIds: COMMON,
  channelMix: [...COMMON, ...keysOf<ChannelMixOptions>({ interval: true, measure: true })],
  customerProfile: [
    ...COMMON,
    ...keysOf<ProfileOptions>({ lifecycleStageOf: true, predictions: true, churnModel: true, horizonDays: true, clvMonths: true, topCategories: true }),
  ],
  regionalComparison: [...COMMON, ...keysOf<RegionalOptions>({ groupBy: true, compare: true })],
  regionalGroupCustomers: [...COMMON, ...keysOf<RegionalOptions>({ groupBy: true, compare: true })],
  lifecycleFunnel: [...COMMON, ...keysOf<LifecycleOptions>({ stages: true, mode: true })],
  customersInStage: [...COMMON, ...keysOf<LifecycleOptions>({ stages: true, mode: true })],
  currentLifecycleStage: [...COMMON, ...keysOf<LifecycleOptions>({ stages: true, mode: true })],
  lifetimeSummary: [...COMMON, ...keysOf<LifetimeOptions>({ unit: true })],
  predictCustomers: [
    ...COMMON,
    ...keysOf<PredictOptions>({ unit: true, horizonDays: true, months: true, monthlyDiscountRate: true, churnModel: true, holdoutDays: true }),
  ],
  modelCheck: [...COMMON, ...keysOf<ModelCheckOptions>({ unit: true, holdoutDays: true, churnModel: true })],
  forecast: [
    ...COMMON,
    ...keysOf<ForecastOptions>({ interval: true, measure: true, by: true, horizon: true, level: true, seasonality: true }),
  ],
  categoryAssociations: [...COMMON, ...ASSOCIATION_KEYS],
  customerVehicles: [...COMMON, ...VEHICLE_KEYS],
  nextCategories: [
    ...COMMON,
    ...ASSOCIATION_KEYS,
    ...VEHICLE_KEYS,
    ...keysOf<NextCategoriesOptions, AssociationOptions & VehicleOptions>({ limit: true, minLift: true, serviceCategories: true, vehicles: true }),
  ],
};

/** Option objects inside the options (`rfm`, `filter`, `filter.dateRange`): their keys. */
export const NESTED_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  rfm: keysOf<RfmSettings, object>({
    method: true,
    bins: true,
    recencyBins: true,
    frequencyBins: true,
    monetaryBins: true,
    frequencyBy: true,
    segments: true,
  }),
  filter: keysOf<CrmFilter, object>({
    dateRange: true,
    regions: true,
    provinces: true,
    channels: true,
    categories: true,
    customerTypes: true,
    segments: true,
    customerIds: true,
    stages: true,
  }),
  'filter.dateRange': ['start', 'end'],
};

/**
 * Throws a TypeError naming the first unknown key of `options` (or of a nested option object), with the
 * likely meant key or the nested object where it belongs. Cheap: a few `Object.keys` per call.
 */
export function checkOptions(metric: string, options: object | undefined): void {
  if (options === undefined || options === null || checked.has(options)) return;
  const known = METRIC_OPTIONS[metric];
  if (!known) throw new Error(`checkOptions: no option keys registered for "${metric}" (src/metrics/option-keys.ts)`);
  checkKeys(`${metric}()`, 'options', options, known);
  const o = options as Record<string, unknown>;
  for (const nested of ['rfm', 'filter'] as const) {
    const value = o[nested];
    if (value && typeof value === 'object' && known.includes(nested)) checkKeys(`${metric}()`, nested, value, NESTED_OPTIONS[nested]);
  }
  const range = (o.filter as CrmFilter | undefined)?.dateRange;
  if (range && typeof range === 'object') checkKeys(`${metric}()`, 'filter.dateRange', range, NESTED_OPTIONS['filter.dateRange']);
  checked.add(options);
}

/**
 * Option objects already checked by the metric they were given to: metrics hand their whole options on to the
 * metrics they build on (`customerProfile` → `lifetimeSummary`), whose own key lists are narrower.
 */
const checked = new WeakSet<object>();

/** Options a metric builds for another one from its own, already checked ones (e.g. `{ ...options, months }`). */
export function checkedOptions<T extends object>(options: T): T {
  checked.add(options);
  return options;
}

function checkKeys(where: string, path: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const home = path === 'options' ? Object.keys(NESTED_OPTIONS).find((n) => !n.includes('.') && NESTED_OPTIONS[n].includes(key)) : undefined;
    const near = known.find((k) => closeTo(k, key));
    const params = {
      where,
      key: path === 'options' ? key : `${path}.${key}`,
      what: path === 'options' ? 'options' : `${path} keys`,
      path,
      known: known.join(', '),
    };
    if (home) throw codedError(TypeError, 'option-unknown-belongs', { ...params, home });
    throw near ? codedError(TypeError, 'option-unknown-near', { ...params, near }) : codedError(TypeError, 'option-unknown', params);
  }
}

/** Same letters ignoring case and `-`/`_`, or at most two edits apart (typos like `asof`, `groupby`, `measures`). */
function closeTo(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const [x, y] = [norm(a), norm(b)];
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 2) return false;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] <= 2;
}
