import type { CrmFilter } from '../metrics/filter-types.js';

/**
 * Typed widget events. All bubble and are composed (they cross shadow roots), so a host can listen on the
 * widget, on `<crm-data>`, or on `document`:
 *
 * ```ts
 * document.addEventListener('crm-region-select', (e) => console.log(e.detail.selection?.value));
 * ```
 */

/** What the user can select in a widget. */
export type SelectionKind = 'segment' | 'region' | 'channel' | 'stage' | 'customer';

/** The `CrmFilter` list field each selection kind sets. */
export const SELECTION_FIELDS = {
  segment: 'segments',
  region: 'regions',
  channel: 'channels',
  stage: 'stages',
  customer: 'customerIds',
} as const satisfies Record<SelectionKind, keyof CrmFilter>;

/**
 * The `CrmFilter` list field a selection sets: its kind's default field, or another list field a widget chose
 * (e.g. a region-comparison widget grouped by province selects `provinces`).
 */
export type SelectionField = Exclude<keyof CrmFilter, 'dateRange'>;

/** One selected value. */
export interface CrmSelection {
  kind: SelectionKind;
  /** The filter field it sets (`regions` for a region by default; see `SELECTION_FIELDS`). */
  field: SelectionField;
  /** The value as in the data (segment name, region, channel, stage id, customer id). */
  value: string;
  /** The value as shown to the user (translated label). */
  label: string;
  /**
   * The filter values when the selection stands for a set of values rather than `value` itself (e.g. a cell of
   * the RFM matrix: `field` `customerIds`, `values` = the cell's customers). Absent: the filter holds `[value]`.
   */
  values?: string[];
}

/** Detail of the five `crm-*-select` events. */
export interface CrmSelectDetail {
  /** What was selected; `null` when the selection was cleared. */
  selection: CrmSelection | null;
  /**
   * The linked filter after the change: what `<crm-data>` now shares with every linked widget (or, without a
   * linked provider, the widget's own selection filter). The widget's attribute filter is not included.
   */
  filter: CrmFilter;
  /** The customers behind the selected mark (e.g. every customer in the segment); empty when cleared. */
  customerIds: string[];
}

/** Detail of `crm-filter-change`: fired after every select or clear, whatever the kind. */
export interface CrmFilterChangeDetail extends CrmSelectDetail {
  /** The linked filter before the change. */
  previous: CrmFilter;
  /** True when the change went to a shared (linked) provider. */
  linked: boolean;
}

/** Event name of each selection kind. */
export const SELECT_EVENTS = {
  segment: 'crm-segment-select',
  region: 'crm-region-select',
  channel: 'crm-channel-select',
  stage: 'crm-stage-select',
  customer: 'crm-customer-select',
} as const satisfies Record<SelectionKind, `crm-${string}-select`>;

export const FILTER_CHANGE_EVENT = 'crm-filter-change';

/** File formats a widget exports. */
export type ExportFormat = 'csv' | 'svg' | 'png';

/** Detail of `crm-export` (cancelable): `preventDefault()` stops the download; the blob is yours. */
export interface CrmExportDetail {
  format: ExportFormat;
  blob: Blob;
  filename: string;
}

/**
 * What a widget shows: no source (`idle`), the feed `loading`, a result being `computing` (the last one may stay
 * on screen meanwhile), a `ready` chart or table, `empty`, or `error`. The widget's host carries it as its
 * `data-state` attribute.
 */
export type RenderState = 'idle' | 'loading' | 'computing' | 'ready' | 'empty' | 'error';

/**
 * Fired (bubbling, composed) after a widget drew a new result (`ready`, or an `empty` one) or reached `error`:
 * the public "drawn" signal for hosts, tests and benchmarks. A redraw of the same result (hover, resize) does not fire it.
 */
export const RENDER_EVENT = 'crm-render';

/** Detail of `crm-render`. */
export interface CrmRenderDetail {
  state: RenderState;
}

/** Every typed crm-lens widget event and its detail. */
export interface CrmWidgetEventMap {
  'crm-segment-select': CustomEvent<CrmSelectDetail>;
  'crm-region-select': CustomEvent<CrmSelectDetail>;
  'crm-channel-select': CustomEvent<CrmSelectDetail>;
  'crm-stage-select': CustomEvent<CrmSelectDetail>;
  'crm-customer-select': CustomEvent<CrmSelectDetail>;
  'crm-filter-change': CustomEvent<CrmFilterChangeDetail>;
  'crm-export': CustomEvent<CrmExportDetail>;
  'crm-render': CustomEvent<CrmRenderDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CrmWidgetEventMap {}
  // The events bubble and are composed: a page listens on the document too.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends CrmWidgetEventMap {}
}

/**
 * Dispatch a typed crm-lens event from `target`: bubbling and composed. Returns false when a listener called
 * `preventDefault()` (the event is cancelable).
 */
export function dispatchCrmEvent<K extends keyof CrmWidgetEventMap>(
  target: EventTarget,
  type: K,
  detail: CrmWidgetEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}
