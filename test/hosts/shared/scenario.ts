// What every host app does with the kit, the same in React, Vue and Angular (test/hosts/run.mjs checks it):
// object properties passed the framework's way, an event listened to the framework's way, locale and one
// setting switched from the app's own state, and a feed large enough for the feed worker.
import type { FieldMapping, SegmentRule, StageDefinition } from 'crm-lens';

/** The feed names the amount `total`: the mapping object must reach `<crm-data>` as a property. */
export const FIELDS: FieldMapping = { orders: { total: 'amount' } };
export const FEED = './feed.json';

export const SEGMENT_RULES: SegmentRule[] = [
  { id: 'host-vip', labels: { en: 'Host VIP', 'zh-CN': '宿主贵宾' }, r: [4, 5], f: [4, 5] },
  { id: 'host-rest', labels: { en: 'Host others', 'zh-CN': '宿主其他' } },
];

export const STAGES: StageDefinition[] = [
  { id: 'host-buyers', labels: { en: 'Host buyers', 'zh-CN': '宿主购买者' }, rule: { minOrders: 1 } },
  { id: 'host-loyal', labels: { en: 'Host loyal', 'zh-CN': '宿主忠诚' }, rule: { minOrders: 3 } },
];

/** The app's state shown for the checks: what the events told it. */
export interface HostState {
  locale: 'en' | 'zh-CN';
  measure: 'revenue' | 'orders';
  picked: number;
  parsedIn: string;
}
