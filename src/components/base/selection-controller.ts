/**
 * Selection and linking of a widget (a ReactiveController): its current selection, the linked filter (shared by
 * a linked `<crm-data>`, else its own), and the `crm-<kind>-select` / `crm-filter-change` events. A selection in
 * another widget that clears this one's field of the shared filter drops this selection.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CrmDataState } from '../../data/context.js';
import type { CrmFilter } from '../../metrics/filter-types.js';
import type { StageMembershipSpec } from '../../query/protocol.js';
import { isAbort } from '../../query/data-host.js';
import { dispatchCrmEvent, FILTER_CHANGE_EVENT, SELECT_EVENTS, SELECTION_FIELDS, type CrmSelection, type SelectionField, type SelectionKind } from '../events.js';
import { withoutField } from './filter.js';

/** Options of `CrmWidget.select`. */
export interface SelectOptions {
  /** Shown text (default: the value). */
  label?: string;
  /**
   * The customers behind the mark, for the event detail; a promise (ids a query computes in the data worker,
   * see `customerIdsOf`) delays the events until they are known — the selection and filter apply at once.
   */
  customerIds?: string[] | Promise<string[]>;
  /**
   * The filter field to set (default: the kind's field, `SELECTION_FIELDS`). E.g. an RFM cell is a segment-like
   * selection that filters by `customerIds`.
   */
  field?: SelectionField;
  /** The values to put in the filter field (default `[value]`), e.g. the customer ids of an RFM cell. */
  values?: string[];
  /**
   * With a `stages` selection: who counts in the selected stages (a funnel with its own stage definitions or
   * mode passes its hook). It travels with the linked filter, so every linked widget resolves the stage the
   * same way. Default: the default stages, mode auto.
   */
  stageMembership?: StageMembershipSpec;
}

export interface SelectionHost extends ReactiveControllerHost, HTMLElement {}

export interface SelectionOptions {
  /** The provider's state when the widget is linked to it, else undefined. */
  linkedTo(): CrmDataState | undefined;
  /** Say something to screen-reader users. */
  announce(what: 'selected' | 'cleared', label?: string): void;
}

export class SelectionController implements ReactiveController {
  /** The current selection (the widget highlights it). */
  selection: CrmSelection | null = null;
  /** The linked filter when there is no linked provider: this widget's own selection. */
  private localFilter: CrmFilter = {};
  private localStageMembership?: StageMembershipSpec;

  constructor(
    private readonly host: SelectionHost,
    private readonly options: SelectionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get linked(): boolean {
    return !!this.options.linkedTo();
  }

  /** The linked filter: shared by the provider when linked, else this widget's own. */
  get linkedFilter(): CrmFilter {
    return this.options.linkedTo()?.filter ?? this.localFilter;
  }

  /** The stage membership resolving the linked filter's `stages`, when the selecting widget gave one. */
  get linkedStageMembership(): StageMembershipSpec | undefined {
    const provider = this.options.linkedTo();
    return provider ? provider.stageMembership : this.localStageMembership;
  }

  /** The linked filter minus this widget's own selection's field. */
  get otherFilter(): CrmFilter {
    return this.selection ? withoutField(this.linkedFilter, this.selection.field) : this.linkedFilter;
  }

  /** A new provider state: drop the selection when someone else changed or cleared its field. */
  provided(state: CrmDataState | undefined): void {
    const s = this.selection;
    if (!s || !state || !this.linked) return;
    const values = state.filter[s.field];
    const mine = s.values ?? [s.value];
    if (!values || values.length !== mine.length || values.some((v, i) => v !== mine[i])) this.set(null);
  }

  /** See `CrmWidget.select`. */
  select(kind: SelectionKind, value: string, options: SelectOptions = {}): void {
    if (this.selection?.kind === kind && this.selection.value === value) return this.clear();
    const field = options.field ?? SELECTION_FIELDS[kind];
    const previous = this.linkedFilter;
    const base = this.selection ? withoutField(previous, this.selection.field) : previous;
    const filter: CrmFilter = { ...base, [field]: options.values ? [...options.values] : [value] };
    const selection: CrmSelection = {
      kind,
      field,
      value,
      label: options.label ?? value,
      // `values` only when the mark stands for a set other than its own value (e.g. an RFM cell's customers).
      ...(options.values && !(options.values.length === 1 && options.values[0] === value) ? { values: [...options.values] } : {}),
    };
    const oldKind = this.selection?.kind;
    this.set(selection);
    this.apply(filter, field === 'stages' ? options.stageMembership : this.linkedStageMembership);
    // Changing kind (a widget with two dimensions) tells listeners of the old kind it was cleared.
    if (oldKind && oldKind !== kind) dispatchCrmEvent(this.host, SELECT_EVENTS[oldKind], { selection: null, filter, customerIds: [] });
    this.options.announce('selected', selection.label);
    const linked = this.linked;
    const fire = (customerIds: string[]) => {
      dispatchCrmEvent(this.host, SELECT_EVENTS[kind], { selection, filter, customerIds });
      dispatchCrmEvent(this.host, FILTER_CHANGE_EVENT, { selection, filter, customerIds, previous, linked });
    };
    const ids = options.customerIds ?? (kind === 'customer' ? [value] : []);
    if (Array.isArray(ids)) return fire(ids);
    // Ids from the data worker: the events follow once they are known (unless the selection moved on).
    void ids.then(
      (list) => this.selection === selection && fire(list),
      (error: unknown) => this.selection === selection && !isAbort(error) && fire([]),
    );
  }

  /** Clear the selection (Esc, the selection chip): its field leaves the linked filter. */
  clear(): void {
    const current = this.selection;
    if (!current) return;
    const previous = this.linkedFilter;
    const filter = withoutField(previous, current.field);
    this.set(null);
    this.apply(filter, this.linkedStageMembership);
    dispatchCrmEvent(this.host, SELECT_EVENTS[current.kind], { selection: null, filter, customerIds: [] });
    dispatchCrmEvent(this.host, FILTER_CHANGE_EVENT, { selection: null, filter, customerIds: [], previous, linked: this.linked });
    this.options.announce('cleared');
  }

  /** Clear the selection and the whole linked filter. */
  clearAll(): void {
    const previous = this.linkedFilter;
    const kind = this.selection?.kind;
    this.set(null);
    this.apply({});
    if (kind) dispatchCrmEvent(this.host, SELECT_EVENTS[kind], { selection: null, filter: {}, customerIds: [] });
    dispatchCrmEvent(this.host, FILTER_CHANGE_EVENT, { selection: null, filter: {}, customerIds: [], previous, linked: this.linked });
    this.options.announce('cleared');
  }

  /** Select from code as a click would (no toggle); null clears. */
  restore(selection: ({ kind: SelectionKind; value: string } & SelectOptions) | null): void {
    if (!selection) return this.clear();
    if (this.selection?.kind === selection.kind && this.selection.value === selection.value) return;
    const { kind, value, ...options } = selection;
    this.select(kind, value, options);
  }

  private set(selection: CrmSelection | null): void {
    this.selection = selection;
    this.host.requestUpdate();
  }

  /** Set the linked filter with the stage membership resolving its `stages` (dropped when it has none). */
  private apply(filter: CrmFilter, stageMembership?: StageMembershipSpec): void {
    const membership = filter.stages?.length ? stageMembership : undefined;
    const provider = this.options.linkedTo();
    if (provider) provider.setFilter(filter, membership);
    else {
      [this.localFilter, this.localStageMembership] = [filter, membership];
      this.host.requestUpdate();
    }
  }
}
