/**
 * Display names of data values (channels, customer types, part categories, interaction kinds, city tiers,
 * sales regions, order statuses) in every locale: ONE table for every widget, so a channel reads the same in
 * the channel mix, the customer 360 and a selection chip. Values the table does not know (a host's own
 * channel, a province) are shown as given; a missing value (`null`, `''`) is "(unknown)".
 */
import type { Locale } from './locales.js';

/** The data fields whose values have display names. */
export type ValueField = 'channel' | 'customerType' | 'category' | 'interactionKind' | 'cityTier' | 'region' | 'orderStatus';

type Names = Readonly<Record<Locale, string>>;
const n = (en: string, zh: string): Names => ({ en, 'zh-CN': zh });

/** Known values per field (keys as the feed writes them; matched case-insensitively). */
export const VALUE_NAMES: Readonly<Record<ValueField, Readonly<Record<string, Names>>>> = {
  channel: {
    store: n('Store', '门店'),
    ecommerce: n('E-commerce', '电商'),
    social: n('Social', '社交'),
    phone: n('Phone', '电话'),
  },
  customerType: {
    repair_shop: n('Repair shop', '汽修厂'),
    service_chain: n('Service chain', '连锁快修'),
    modification_shop: n('Modification shop', '改装店'),
    dealer: n('Dealer', '经销商'),
    fleet: n('Fleet', '车队'),
    consumer: n('Car owner', '个人车主'),
  },
  category: {
    brakes: n('Brakes', '刹车片'),
    filters: n('Filters', '滤清器'),
    tyres: n('Tyres', '轮胎'),
    batteries: n('Batteries', '蓄电池'),
    lighting: n('Lighting', '车灯'),
    lubricants: n('Lubricants', '机油'),
    ev_parts: n('EV parts', '新能源配件'),
    suspension: n('Suspension', '减震器'),
    ac: n('Air conditioning', '空调配件'),
    electrical: n('Electrical', '电器配件'),
  },
  interactionKind: {
    visit: n('Visit', '拜访'),
    inquiry: n('Inquiry', '咨询'),
    quote: n('Quote', '报价'),
    service: n('Service', '服务'),
    complaint: n('Complaint', '投诉'),
    review: n('Review', '评价'),
    referral: n('Referral', '推荐'),
    campaign: n('Campaign', '营销活动'),
  },
  cityTier: {
    tier1: n('Tier 1', '一线城市'),
    tier2: n('Tier 2', '二线城市'),
    tier3: n('Tier 3', '三线城市'),
    tier4: n('Tier 4', '四线及以下'),
  },
  // The customary sales regions are written in Chinese in the data (as the sample and most feeds do).
  region: {
    华东: n('East China', '华东'),
    华南: n('South China', '华南'),
    华北: n('North China', '华北'),
    华中: n('Central China', '华中'),
    西南: n('Southwest China', '西南'),
    西北: n('Northwest China', '西北'),
    东北: n('Northeast China', '东北'),
  },
  orderStatus: {
    completed: n('Completed', '已完成'),
    returned: n('Returned', '已退货'),
    cancelled: n('Cancelled', '已取消'),
  },
};

const UNKNOWN: Names = n('(unknown)', '（未知）');

/** "(unknown)" in `locale`: the name of a missing value. */
export function unknownValueLabel(locale: Locale): string {
  return UNKNOWN[locale];
}

/**
 * The display name of `value` of `field` in `locale`: a known value translated, any other value as given,
 * a missing one (`null`, `undefined`, blank) as "(unknown)".
 */
export function valueLabel(locale: Locale, field: ValueField, value: string | null | undefined): string {
  if (value == null || value.trim() === '') return UNKNOWN[locale];
  const names = VALUE_NAMES[field];
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined);
  const known = own(value) ?? own(value.toLowerCase());
  return known ? known[locale] : value;
}
