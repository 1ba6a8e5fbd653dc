/**
 * Answers a query descriptor over tables by calling the pure metric functions — the one implementation every
 * local engine uses (the data worker, and the main thread where no worker can start). No second copy of any
 * metric: a family is a call (or a few) with the descriptor's options.
 */
import type { CrmTables } from '../data/types.js';
import type { MetricOptions } from '../metrics/options.js';
import { rfm } from '../metrics/rfm/rfm.js';
import { lifecycleFunnel } from '../metrics/lifecycle/funnel.js';
import { customersInStage } from '../metrics/lifecycle/membership.js';
import type { LifecycleOptions } from '../metrics/lifecycle/options.js';
import type { StageDefinition } from '../metrics/lifecycle/stages.js';
import { regionalComparison, type RegionalOptions } from '../metrics/regional/regional.js';
import { regionalGroupCustomers } from '../metrics/regional/group-customers.js';
import { provinceRegions } from '../metrics/regional/province-regions.js';
import { emptyComparison, groupableColumns, hasGroupColumn } from '../metrics/regional/group-columns.js';
import { channelMix } from '../metrics/channel/channel-mix.js';
import { channelCustomerIds } from '../metrics/channel/channel-customers.js';
import { forecast } from '../metrics/forecast/forecast.js';
import { customerSummary } from '../metrics/profile/summary.js';
import { customerDirectory } from '../metrics/profile/directory.js';
import { customerProfile, type CustomerProfile } from '../metrics/profile/profile.js';
import { suggestActions } from '../metrics/profile/actions.js';
import { customerVehicles } from '../metrics/vehicles/customer-vehicles.js';
import { nextCategories } from '../metrics/associations/next-categories.js';
import type { SegmentPreset } from '../metrics/segments.js';
import { customerNames } from './customer-names.js';
import { membershipOf } from './stage-spec.js';
import type { Customer360QueryResult, QueryCommon, QueryDescriptor, QueryResultOf, RegionalQuery } from './protocol.js';

/** The options every metric takes, from a descriptor's common part. */
function common(q: QueryCommon): MetricOptions {
  return {
    ...(q.asOf !== undefined ? { asOf: q.asOf } : {}),
    filter: q.filter,
    ...(q.filter.stages?.length ? { stageMembership: membershipOf(q.stageMembership) } : {}),
  };
}

function lifecycleOptions(q: QueryCommon & Pick<LifecycleOptions, 'mode'> & { stages?: readonly unknown[] }): LifecycleOptions {
  return {
    ...common(q),
    ...(q.mode ? { mode: q.mode } : {}),
    ...(q.stages ? { stages: q.stages as readonly StageDefinition[] } : {}),
  };
}

function regionalOptions(q: Omit<RegionalQuery, 'family' | 'provinceRegions'>): RegionalOptions {
  return { ...common(q), ...(q.groupBy ? { groupBy: q.groupBy } : {}), ...(q.compare ? { compare: q.compare } : {}) };
}

/** The lifetime options of the customer-360 card: as-of and the segment scheme, never the filter. */
function lifetimeOptions(q: { asOf?: number; segmentPreset?: string }): MetricOptions {
  return {
    ...(q.asOf !== undefined ? { asOf: q.asOf } : {}),
    ...(q.segmentPreset ? { rfm: { segments: q.segmentPreset as SegmentPreset } } : {}),
  };
}

function customer360(tables: CrmTables, q: Extract<QueryDescriptor, { family: 'customer-360' }>): Customer360QueryResult {
  const options = lifetimeOptions(q);
  let profile: CustomerProfile;
  try {
    profile = customerProfile(tables, q.customerId, { ...options, ...(q.churnModel ? { churnModel: q.churnModel } : {}) });
  } catch (error) {
    // customerProfile's RangeError for an id in none of the tables; an unreadable option throws earlier.
    const directory = customerDirectory(tables, customerSummary(tables, options));
    if (error instanceof RangeError && !directory.indexOf.has(q.customerId))
      return { profile: null, unknown: true, actions: [], vehicles: null, next: null };
    throw error;
  }
  const serviceInterval = q.serviceInterval;
  const vehicles = customerVehicles(tables, q.customerId, { ...options, serviceInterval });
  const next = nextCategories(tables, q.customerId, { ...options, serviceInterval, vehicles });
  return { profile, unknown: false, actions: suggestActions(profile, {}, { vehicles, next }), vehicles, next };
}

/** The result of `q` over `tables` (throws what the metric throws). */
export function runQuery<D extends QueryDescriptor>(tables: CrmTables, q: D): QueryResultOf<D> {
  return answer(tables, q) as QueryResultOf<D>;
}

function answer(tables: CrmTables, q: QueryDescriptor): unknown {
  switch (q.family) {
    case 'rfm': {
      const { base: _base, ...wire } = rfm(tables, { ...common(q), rfm: q.rfm });
      return { rfm: wire, ...(q.names ? { names: customerNames(tables) } : {}) };
    }
    case 'lifecycle':
      return lifecycleFunnel(tables, lifecycleOptions(q));
    case 'lifecycle-stage-customers':
      return { ids: customersInStage(tables, q.stageId, lifecycleOptions(q)) };
    case 'regional': {
      const groupBy = q.groupBy ?? 'region';
      if (!hasGroupColumn(tables, groupBy))
        return { comparison: emptyComparison(groupBy), missing: { column: groupBy, available: groupableColumns(tables) } };
      const comparison = regionalComparison(tables, regionalOptions(q));
      return { comparison, ...(q.provinceRegions ? { provinceRegions: provinceRegions(tables) } : {}) };
    }
    case 'regional-group-customers':
      return { ids: regionalGroupCustomers(tables, regionalOptions(q), q.key) };
    case 'channel-mix':
      return channelMix(tables, { ...common(q), ...(q.interval ? { interval: q.interval } : {}), ...(q.measure ? { measure: q.measure } : {}) });
    case 'channel-customers':
      return { ids: channelCustomerIds(tables, common(q), q.channel) };
    case 'forecast': {
      const { family: _f, asOf: _a, filter: _fl, stageMembership: _s, ...rest } = q;
      return forecast(tables, { ...common(q), ...rest });
    }
    case 'customer-directory': {
      const options = lifetimeOptions(q);
      return customerDirectory(tables, customerSummary(tables, options));
    }
    case 'customer-360':
      return customer360(tables, q);
    case 'customer-names':
      return { names: customerNames(tables) };
  }
}
