/**
 * How each feed field of the sample is read from the columns: one list per table, shared by the record
 * builder (`records.ts`) and the JSON / CSV writers (`serialize.ts`), so the three forms cannot drift apart.
 */
import { dayToIso } from '../data/days.js';
import { KNOWN_INTERACTION_KINDS, type TableName } from '../data/schema.js';
import { CITY_TIERS, REGIONS, SAMPLE_CITIES } from './china.js';
import { CHANNELS, CUSTOMER_TYPES, PART_CATEGORIES } from './profiles.js';
import { VEHICLE_MODELS } from './vehicles.js';
import { INTERACTION_NOTES } from './generate.js';
import { LIFECYCLE_STAGES, ORDER_STATUSES, type SampleColumns } from './columns.js';

export type FieldValue = string | number | null;

/**
 * `plain`: strings that never need JSON escaping (ids, dates, codes); `text`: free text; `number`.
 */
export interface SampleField {
  name: string;
  kind: 'plain' | 'text' | 'number';
  value: (row: number) => FieldValue;
}

/** Chinese column headers of the sample's tables (for the bring-your-own-data test: map them back). */
export const SAMPLE_ZH_HEADERS: Readonly<Record<TableName, Readonly<Record<string, string>>>> = {
  orders: {
    order_id: '订单号', customer_id: '客户编号', vehicle_id: '车辆编号', order_date: '下单日期', amount: '金额', channel: '渠道',
    region: '大区', province: '省份', city_tier: '城市等级', category: '品类', quantity: '数量', discount: '折扣',
    status: '状态',
  },
  customers: {
    customer_id: '客户编号', name: '客户名称', type: '客户类型', region: '大区', province: '省份', city: '城市',
    city_tier: '城市等级', signup_date: '注册日期', phone: '电话', email: '邮箱', tags: '标签',
    lifecycle_stage: '生命周期阶段',
  },
  interactions: {
    customer_id: '客户编号', date: '日期', channel: '渠道', kind: '类型', nps: 'NPS', note: '备注', vehicle_id: '车辆编号',
  },
  vehicles: {
    customer_id: '客户编号', vehicle_id: '车辆编号', make: '品牌', model: '车型', year: '年款', mileage: '行驶里程',
    mileage_date: '里程日期', last_service_date: '上次保养日期', last_service_mileage: '上次保养里程',
  },
};

/** Days of the window as ISO strings, computed once per sample. */
function isoDays(first: number, last: number): string[] {
  const out: string[] = new Array(last - first + 1);
  for (let d = first; d <= last; d++) out[d - first] = dayToIso(d);
  return out;
}

/** The fields of one table, in feed order. */
export function sampleFields(sample: SampleColumns, table: TableName): SampleField[] {
  const { customers: c, orders: o, interactions: x, vehicles: v, options } = sample;
  let first = options.startDay;
  for (let i = 0; i < c.count; i++) if (c.signupDay[i] < first) first = c.signupDay[i];
  const iso = isoDays(first, options.endDay);
  const date = (day: number) => iso[day - first];
  const city = (cust: number) => SAMPLE_CITIES[c.city[cust]];
  const f = (name: string, kind: SampleField['kind'], value: SampleField['value']): SampleField => ({ name, kind, value });
  const width = Math.max(7, String(o.count).length);
  const vehicleId = (index: number) => (index < 0 ? null : v.ids[index]!);
  // Vehicle dates reach back before the window (a car bought years ago): outside the table, convert directly.
  const day = (d: number) => (d === d ? iso[d - first] ?? dayToIso(d) : null);
  const km = (x: number) => (x === x ? x : null);

  if (table === 'orders') {
    const geo = (row: number) => city(o.customer[row]);
    return [
      f('order_id', 'plain', (r) => `SO${String(o.seq[r]).padStart(width, '0')}${o.refund[r] ? '-R' : ''}`),
      f('customer_id', 'plain', (r) => c.id[o.customer[r]]),
      f('vehicle_id', 'plain', (r) => vehicleId(o.vehicle[r])),
      f('order_date', 'plain', (r) => date(o.day[r])),
      f('amount', 'number', (r) => o.amount[r]),
      f('channel', 'plain', (r) => CHANNELS[o.channel[r]]),
      f('region', 'plain', (r) => REGIONS[geo(r).region]),
      f('province', 'plain', (r) => geo(r).province),
      f('city_tier', 'plain', (r) => CITY_TIERS[geo(r).tier]),
      f('category', 'plain', (r) => PART_CATEGORIES[o.category[r]]),
      f('quantity', 'number', (r) => o.quantity[r]),
      f('discount', 'number', (r) => o.discount[r]),
      f('status', 'plain', (r) => ORDER_STATUSES[o.status[r]]),
    ];
  }
  if (table === 'vehicles') {
    const vehicle = (r: number) => v.vehicle[r]!;
    return [
      f('customer_id', 'plain', (r) => c.id[v.owner[vehicle(r)]!]),
      f('vehicle_id', 'plain', (r) => v.ids[vehicle(r)]!),
      f('make', 'plain', (r) => VEHICLE_MODELS[v.model[vehicle(r)]!]![0]),
      f('model', 'text', (r) => VEHICLE_MODELS[v.model[vehicle(r)]!]![1]),
      f('year', 'number', (r) => v.year[vehicle(r)]!),
      f('mileage', 'number', (r) => km(v.mileage[r]!)),
      f('mileage_date', 'plain', (r) => day(v.mileageDay[r]!)),
      f('last_service_date', 'plain', (r) => day(v.lastServiceDay[r]!)),
      f('last_service_mileage', 'number', (r) => km(v.lastServiceKm[r]!)),
    ];
  }
  if (table === 'customers') {
    const fields = [
      f('customer_id', 'plain', (r) => c.id[r]),
      f('name', 'text', (r) => c.name[r]),
      f('type', 'plain', (r) => CUSTOMER_TYPES[c.type[r]]),
      f('region', 'plain', (r) => REGIONS[city(r).region]),
      f('province', 'plain', (r) => city(r).province),
      f('city', 'plain', (r) => city(r).name),
      f('city_tier', 'plain', (r) => CITY_TIERS[city(r).tier]),
      f('signup_date', 'plain', (r) => date(c.signupDay[r])),
      f('phone', 'plain', (r) => c.phone[r]),
      f('email', 'plain', (r) => c.email[r]),
      f('tags', 'text', (r) => c.tags[r]),
    ];
    if (options.includeLifecycleStage) fields.push(f('lifecycle_stage', 'plain', (r) => LIFECYCLE_STAGES[c.lifecycle[r]]));
    return fields;
  }
  return [
    f('customer_id', 'plain', (r) => c.id[x.customer[r]]),
    f('date', 'plain', (r) => date(x.day[r])),
    f('channel', 'plain', (r) => CHANNELS[x.channel[r]]),
    f('kind', 'plain', (r) => KNOWN_INTERACTION_KINDS[x.kind[r]]),
    f('nps', 'number', (r) => (x.nps[r] < 0 ? null : x.nps[r])),
    f('note', 'text', (r) => (x.note[r] < 0 ? null : INTERACTION_NOTES[x.note[r]])),
    f('vehicle_id', 'plain', (r) => vehicleId(x.vehicle[r])),
  ];
}

/** Number of rows of a table. */
export function sampleRowCount(sample: SampleColumns, table: TableName): number {
  return sample[table].count;
}
