import type { QueryDescriptor, QueryFamily } from '../query/protocol.js';
import { checkOptions } from '../metrics/option-keys.js';
import { normalizeFilter } from '../metrics/prepare.js';
import { QueryError } from './query-error.js';

/** Every family of the protocol, and those this server answers. */
export const PROTOCOL_FAMILIES: readonly QueryFamily[] = [
  'rfm',
  'lifecycle',
  'lifecycle-stage-customers',
  'regional',
  'regional-group-customers',
  'channel-mix',
  'channel-customers',
  'forecast',
  'customer-directory',
  'customer-360',
];
export const SERVER_FAMILIES = ['rfm', 'regional', 'regional-group-customers', 'channel-mix', 'channel-customers'] as const satisfies readonly QueryFamily[];
export type ServerFamily = (typeof SERVER_FAMILIES)[number];

const COMMON_KEYS = ['family', 'asOf', 'filter', 'stageMembership'] as const;

/** Keys each answered family's descriptor may have (anything else is a 400 naming it), and its metric's name for option checks. */
const DESCRIPTOR_KEYS: { [F in ServerFamily]: { keys: readonly (keyof Extract<QueryDescriptor, { family: F }>)[]; metric: string } } = {
  rfm: { keys: [...COMMON_KEYS, 'rfm', 'names'], metric: 'rfm' },
  regional: { keys: [...COMMON_KEYS, 'groupBy', 'compare', 'provinceRegions'], metric: 'regionalComparison' },
  'regional-group-customers': { keys: [...COMMON_KEYS, 'groupBy', 'compare', 'key'], metric: 'regionalGroupCustomers' },
  'channel-mix': { keys: [...COMMON_KEYS, 'interval', 'measure'], metric: 'channelMix' },
  'channel-customers': { keys: [...COMMON_KEYS, 'channel'], metric: 'channelCustomerIds' },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Checks a descriptor from a request body: a plain object of a known family, only that family's keys, option
 * objects with known keys, an integer asOf, a filter of string lists. The metric functions check the values of
 * their own options (bins, method…) when they run; their errors are 400s too.
 */
export function checkDescriptor(raw: unknown): QueryDescriptor & { family: ServerFamily } {
  if (!isPlainObject(raw)) throw new QueryError('descriptor: expected a JSON object such as { "family": "rfm", "filter": {}, "rfm": {} }');
  const family = raw.family;
  if (typeof family !== 'string' || !PROTOCOL_FAMILIES.includes(family as QueryFamily))
    throw new QueryError(`descriptor.family: unknown family ${JSON.stringify(family)} (known: ${PROTOCOL_FAMILIES.join(', ')})`);
  if (!(SERVER_FAMILIES as readonly string[]).includes(family))
    throw new QueryError(`descriptor.family: '${family}' is not answered by this server engine (it answers: ${SERVER_FAMILIES.join(', ')})`, 501);
  const { keys: known, metric } = DESCRIPTOR_KEYS[family as ServerFamily];
  const keys = known as readonly string[];
  for (const key of Object.keys(raw))
    if (!keys.includes(key)) throw new QueryError(`descriptor: unknown key "${key}" for family '${family}' (known: ${keys.join(', ')})`);
  if (raw.asOf !== undefined && !Number.isInteger(raw.asOf))
    throw new QueryError(`descriptor.asOf: expected an integer epoch day, found ${JSON.stringify(raw.asOf)}`);
  if (!isPlainObject(raw.filter)) throw new QueryError('descriptor.filter: expected an object ({} selects everything)');
  for (const key of ['rfm', 'stageMembership'] as const)
    if (raw[key] !== undefined && !isPlainObject(raw[key])) throw new QueryError(`descriptor.${key}: expected an object`);
  for (const key of ['names', 'provinceRegions'] as const)
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') throw new QueryError(`descriptor.${key}: expected true or false`);
  if (raw.groupBy !== undefined && typeof raw.groupBy !== 'string') throw new QueryError('descriptor.groupBy: expected a column name');
  if (raw.compare !== undefined) {
    const c = raw.compare as Record<string, unknown>;
    if (!isPlainObject(c) || !Number.isInteger(c.start) || !Number.isInteger(c.end) || Object.keys(c).length !== 2)
      throw new QueryError(`descriptor.compare: expected { start, end } integer epoch days, found ${JSON.stringify(raw.compare)}`);
  }
  if (family === 'channel-customers' && !(raw.channel === null || typeof raw.channel === 'string'))
    throw new QueryError('descriptor.channel: expected the channel (a string) or null for orders without one');
  for (const key of ['interval', 'measure'] as const)
    if (raw[key] !== undefined && typeof raw[key] !== 'string') throw new QueryError(`descriptor.${key}: expected a string`);
  if (family === 'regional-group-customers' && !(raw.key === null || typeof raw.key === 'string'))
    throw new QueryError('descriptor.key: expected the group key (a string) or null for the "(unknown)" group');
  const filter = raw.filter as Record<string, unknown>;
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'dateRange') {
      if (!isPlainObject(value)) throw new QueryError('descriptor.filter.dateRange: expected { start?, end? } epoch days');
      for (const [k, v] of Object.entries(value))
        if (v !== undefined && !Number.isInteger(v)) throw new QueryError(`descriptor.filter.dateRange.${k}: expected an integer epoch day, found ${JSON.stringify(v)}`);
    } else if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw new QueryError(`descriptor.filter.${key}: expected an array of strings`);
  }
  try {
    const options: Record<string, unknown> = { asOf: raw.asOf, filter };
    if (family === 'rfm') options.rfm = raw.rfm;
    else if (family === 'channel-mix') Object.assign(options, { interval: raw.interval, measure: raw.measure });
    else if (family !== 'channel-customers') Object.assign(options, { groupBy: raw.groupBy, compare: raw.compare });
    checkOptions(metric, options);
    normalizeFilter(filter);
  } catch (e) {
    throw new QueryError(`descriptor: ${(e as Error).message.replace(/^\w+\(\): /, '')}`);
  }
  return raw as unknown as QueryDescriptor & { family: ServerFamily };
}
