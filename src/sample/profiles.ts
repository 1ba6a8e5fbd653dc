/**
 * The behaviour of each customer type in the sample: how many there are, how often and how much they buy,
 * through which channels, which part categories, and how loyal they are. All numbers are assumptions chosen
 * to look like an auto-parts aftermarket distributor that sells both to trade customers and to car owners.
 */
import { KNOWN_CHANNELS } from '../data/schema.js';

export const CUSTOMER_TYPES = [
  'repair_shop', // 汽修厂
  'service_chain', // 连锁快修
  'modification_shop', // 改装店
  'dealer', // 经销商
  'fleet', // 车队
  'consumer', // 个人车主
] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** Order channels, in `KNOWN_CHANNELS` order: store, ecommerce, social, phone. */
export const CHANNELS = KNOWN_CHANNELS;
export const [STORE, ECOMMERCE, SOCIAL, PHONE] = [0, 1, 2, 3];

export const PART_CATEGORIES = [
  'brakes',
  'filters',
  'tyres',
  'batteries',
  'lighting',
  'lubricants',
  'ev_parts',
  'suspension',
  'ac',
  'electrical',
] as const;
export type PartCategory = (typeof PART_CATEGORIES)[number];
export const CATEGORY = Object.fromEntries(PART_CATEGORIES.map((c, i) => [c, i])) as Record<PartCategory, number>;

/** Chinese names of the categories (used in interaction notes). */
export const CATEGORY_ZH = ['刹车片', '滤清器', '轮胎', '蓄电池', '车灯', '机油', '新能源配件', '减震器', '空调配件', '电器配件'];

/** Median unit price (yuan) per category, in `PART_CATEGORIES` order. */
export const UNIT_PRICE = [180, 45, 520, 460, 120, 260, 850, 420, 300, 150];

/** Category seasonality by calendar month (Jan … Dec): winter batteries, summer tyres and air conditioning. */
export const CATEGORY_MONTH_FACTOR: Partial<Record<PartCategory, readonly number[]>> = {
  batteries: [1.9, 1.7, 1.1, 0.9, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.9],
  tyres: [0.8, 0.7, 1.0, 1.15, 1.25, 1.35, 1.4, 1.3, 1.1, 1.0, 0.95, 0.85],
  ac: [0.4, 0.4, 0.6, 0.9, 1.5, 2.2, 2.5, 2.2, 1.2, 0.6, 0.4, 0.4],
  lighting: [1.2, 1.1, 1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.1, 1.2, 1.3],
};

export interface TypeProfile {
  /** Share of all customers. */
  share: number;
  /** Mean latent purchase rate (orders / year) before calibration to the requested order count. */
  rate: number;
  /** Gamma shape of the latent rate across customers: smaller = more uneven. */
  rateShape: number;
  /** Beta(a, b) of the dropout probability after each repeat purchase (BG/NBD); a > 1 keeps E[1/p] finite. */
  dropout: [number, number];
  /** Mean quantity per order. */
  quantity: number;
  /** Channel weights (store, ecommerce, social, phone) at the start of the window. */
  channels: [number, number, number, number];
  /** Category weights, in `PART_CATEGORIES` order. */
  categories: number[];
  /** Share of customers that never order (prospects with interactions only). */
  prospects: number;
  /** Probability that a business email is on file. */
  email: number;
}

/** Profiles, in `CUSTOMER_TYPES` order. */
export const TYPE_PROFILES: readonly TypeProfile[] = [
  {
    share: 0.22, rate: 9, rateShape: 1.3, dropout: [1.6, 35], quantity: 4,
    channels: [0.4, 0.25, 0.1, 0.25], categories: [18, 16, 10, 10, 6, 16, 4, 10, 5, 5], prospects: 0.1, email: 0.4,
  },
  {
    share: 0.06, rate: 16, rateShape: 1.6, dropout: [1.6, 48], quantity: 8,
    channels: [0.25, 0.35, 0.05, 0.35], categories: [15, 20, 12, 10, 4, 22, 5, 5, 4, 3], prospects: 0.08, email: 0.8,
  },
  {
    share: 0.07, rate: 5, rateShape: 1.0, dropout: [1.6, 18], quantity: 2,
    channels: [0.3, 0.3, 0.3, 0.1], categories: [10, 3, 12, 3, 25, 4, 6, 25, 2, 10], prospects: 0.12, email: 0.3,
  },
  {
    share: 0.07, rate: 18, rateShape: 1.4, dropout: [1.6, 45], quantity: 22,
    channels: [0.4, 0.1, 0.05, 0.45], categories: [14, 14, 14, 12, 8, 14, 6, 8, 5, 5], prospects: 0.1, email: 0.6,
  },
  {
    share: 0.05, rate: 11, rateShape: 1.2, dropout: [1.6, 28], quantity: 12,
    channels: [0.35, 0.1, 0.05, 0.5], categories: [16, 14, 20, 14, 3, 20, 8, 5, 0, 0], prospects: 0.1, email: 0.5,
  },
  {
    share: 0.53, rate: 2.5, rateShape: 0.9, dropout: [2, 10], quantity: 1.3,
    channels: [0.2, 0.5, 0.25, 0.05], categories: [8, 10, 18, 14, 12, 10, 10, 3, 5, 10], prospects: 0.16, email: 0.15,
  },
];
export const CONSUMER = CUSTOMER_TYPES.indexOf('consumer');

/** Yearly drift of each channel's weight (store, ecommerce, social, phone): trade moves online. */
export const CHANNEL_DRIFT_PER_YEAR = [-0.08, 0.18, 0.3, -0.1];

/** Yearly growth of the ev_parts weight: the EV fleet keeps growing. */
export const EV_GROWTH_PER_YEAR = 0.4;
