/** `crm-lens` sample data: a seeded generator of auto-parts aftermarket CRM feeds (pure; Node or browser). */
export * from './generate.js';
export * from './records.js';
export * from './serialize.js';
export { SAMPLE_ZH_HEADERS, sampleFields, type SampleField, type FieldValue } from './fields.js';
export { Random, cumulative, hashSeed } from './random.js';
export { CITY_TIERS, REGIONS, REGION_PROVINCES, PROVINCE_REGION, SAMPLE_CITIES, type CityTier, type Region, type SampleCity } from './china.js';
export { CUSTOMER_TYPES, CHANNELS, PART_CATEGORIES, type CustomerType, type PartCategory } from './profiles.js';
export { chineseNewYear } from './calendar.js';
export { VEHICLE_MODELS } from './vehicles.js';
