/**
 * The next categories to offer one customer: categories the customer has not bought yet, scored by the lift of
 * the best rule from a category they did buy (`categoryAssociations`), and — for vehicles due for service
 * within `dueSoonDays` or overdue — the service categories (consumables a service uses, bought again and
 * again). See docs/metrics.md (associations).
 */
import type { CrmTables } from '../../data/types.js';
import { slotOfId } from '../prepare.js';
import { customerVehicles, type CustomerVehicles, type VehicleOptions } from '../vehicles/customer-vehicles.js';
import type { ServiceStatus } from '../vehicles/service-due.js';
import { basketBase, checkAssociationOptions, pairCounts, passes, ruleOf, type AssociationOptions, type AssociationRule } from './associations.js';
import { categoryBaskets, setBits } from './baskets.js';
import { checkOptions } from '../option-keys.js';

/** Categories a routine service uses (the sample's codes); only those present in the data are offered. */
export const DEFAULT_SERVICE_CATEGORIES: readonly string[] = ['lubricants', 'filters'];

export interface NextCategoriesOptions extends AssociationOptions, VehicleOptions {
  /** How many association-based categories at most. Default 3. */
  limit?: number;
  /** Only rules with a lift above this. Default 1 (better than the base rate). */
  minLift?: number;
  /** Categories offered for a vehicle due for service. Default `DEFAULT_SERVICE_CATEGORIES`. */
  serviceCategories?: readonly string[];
  /** The customer's vehicles when already computed (the card has them): saves a second pass. */
  vehicles?: CustomerVehicles;
}

export interface DueVehicle {
  vehicleId: string | null;
  make: string | null;
  model: string | null;
  dueDay: number;
  daysLeft: number;
  kmLeft: number;
  status: ServiceStatus;
}

export interface NextCategory {
  category: string;
  source: 'association' | 'service';
  /** Lift of the evidence rule (association); NaN for service categories. */
  score: number;
  /** The best rule from a bought category to this one (association). */
  rule: AssociationRule | null;
  /** Vehicles due for service (service). */
  vehicles: DueVehicle[];
}

export interface NextCategoriesResult {
  customerId: string;
  basket: 'customer' | 'order';
  /** Categories the customer bought (up to asOf). */
  bought: string[];
  /** Service categories first (time-bound), then association ones by lift. */
  categories: NextCategory[];
}

/** The ranking for one customer (see the module doc). */
export function nextCategories(tables: CrmTables, customerId: string, options: NextCategoriesOptions = {}): NextCategoriesResult {
  checkOptions('nextCategories', options);
  const { basket, minSupport, minCount } = checkAssociationOptions(options);
  const limit = options.limit ?? 3;
  const minLift = options.minLift ?? 1;
  if (!(Number.isInteger(limit) && limit >= 0)) throw new RangeError(`limit: expected a whole number ≥ 0, found ${JSON.stringify(limit)}`);
  if (!(minLift >= 0)) throw new RangeError(`minLift: expected a number ≥ 0, found ${JSON.stringify(minLift)}`);
  const base = basketBase(tables, options);
  const b = categoryBaskets(base, basket);
  const counts = pairCounts(b);
  const C = b.categories.length;
  const slot = slotOfId(base, customerId);
  const own = new Int32Array(C);
  const k = slot >= 0 && b.words ? setBits(b.slotBits, slot * b.words, b.words, own) : 0;
  const bought = new Uint8Array(C);
  for (let i = 0; i < k; i++) bought[own[i]!] = 1;

  const offers: NextCategory[] = [];
  for (let c = 0; c < C; c++) {
    if (bought[c]) continue;
    let best: AssociationRule | null = null;
    for (let i = 0; i < k; i++) {
      const a = own[i]!;
      if (!passes(b, counts, a, c, minSupport, minCount)) continue;
      const rule = ruleOf(b, counts, a, c);
      if (rule.lift > minLift && (!best || rule.lift > best.lift || (rule.lift === best.lift && rule.confidence > best.confidence))) best = rule;
    }
    if (best) offers.push({ category: b.categories[c]!, source: 'association', score: best.lift, rule: best, vehicles: [] });
  }
  offers.sort((x, y) => y.score - x.score || y.rule!.confidence - x.rule!.confidence);

  const vehicles = options.vehicles ?? customerVehicles(tables, customerId, options);
  const due = vehicles.vehicles
    .filter((v) => v.service.status === 'overdue' || v.service.status === 'due-soon')
    .map((v): DueVehicle => ({
      vehicleId: v.vehicleId,
      make: v.make,
      model: v.model,
      dueDay: v.service.dueDay,
      daysLeft: v.service.daysLeft,
      kmLeft: v.service.kmLeft,
      status: v.service.status,
    }));
  const known = new Set(b.categories);
  const service: NextCategory[] = due.length
    ? (options.serviceCategories ?? DEFAULT_SERVICE_CATEGORIES)
        .filter((c) => known.has(c))
        .map((category) => ({ category, source: 'service' as const, score: NaN, rule: null, vehicles: due }))
    : [];
  const serviceSet = new Set(service.map((s) => s.category));
  return {
    customerId,
    basket,
    bought: Array.from(own.subarray(0, k), (i) => b.categories[i]!),
    categories: [...service, ...offers.filter((o) => !serviceSet.has(o.category)).slice(0, limit)],
  };
}
