/**
 * The five widgets of the dashboard and the attributes the page gives each: one map per widget that both the
 * dashboard (through `attrs()`) and its embed snippet use.
 */
import type { PageState } from './url-state.js';
import type { MessageKey } from './messages.js';

export type AttributeMap = Record<string, string | undefined>;

export interface DashboardWidget {
  tag: string;
  /** Grid area name (styles.css). */
  area: string;
  /** Name of the widget in the page's strings (embed list). */
  label: MessageKey;
  /** Attributes specific to this widget. */
  own(state: PageState, env: { geoUrl: string }): AttributeMap;
}

export const WIDGETS: readonly DashboardWidget[] = [
  { tag: 'crm-rfm-matrix', area: 'rfm', label: 'wRfm', own: (s) => ({ bins: String(s.bins), 'list-size': '8' }) },
  {
    tag: 'crm-customer-360',
    area: 'c360',
    label: 'w360',
    // The sample's Teslas follow their maker's 20,000 km / 24 month schedule.
    own: (s) => ({ 'customer-id': s.customer || undefined, 'service-interval': '{"km":10000,"months":12,"byMake":{"Tesla":{"km":20000,"months":24}}}' }),
  },
  { tag: 'crm-lifecycle-funnel', area: 'funnel', label: 'wFunnel', own: () => ({}) },
  { tag: 'crm-channel-mix', area: 'channel', label: 'wChannel', own: () => ({ measure: 'revenue', interval: 'month', trend: 'area', forecast: '3' }) },
  {
    tag: 'crm-regional-comparison',
    area: 'regional',
    label: 'wRegional',
    own: (_s, env) => ({ 'group-by': 'province', metric: 'revenue', view: 'map', 'geo-src': env.geoUrl }),
  },
];

/** The attributes every widget shares: controls and the page filter. */
export function commonAttributes(s: PageState, range: { from: string; to: string } | undefined): AttributeMap {
  return {
    currency: s.currency || undefined,
    'as-of': s.asOf || undefined,
    segments: s.preset,
    'date-from': range?.from,
    'date-to': range?.to,
    regions: s.regions.join(',') || undefined,
    channels: s.channels.join(',') || undefined,
    'customer-types': s.customerTypes.join(',') || undefined,
    'segments-filter': s.segments.join(',') || undefined,
  };
}

/** Which widget owns a selection kind (restores a bookmarked selection on it). */
export const SELECTION_OWNER: Record<string, string> = {
  segment: 'crm-rfm-matrix',
  region: 'crm-regional-comparison',
  channel: 'crm-channel-mix',
  stage: 'crm-lifecycle-funnel',
  customer: 'crm-customer-360',
};
