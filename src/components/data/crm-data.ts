import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { crmDataContext } from '../../data/context.js';
import { FeedController } from '../../data/feed-controller.js';
import { parseFieldsOption } from '../../data/fields-option.js';
import { CRM_DATA_ERROR, CRM_DATA_LOAD, CRM_DATA_PROGRESS, dispatchDataEvent } from '../../data/events.js';
import type { FieldMapping, TableName } from '../../data/schema.js';
import type { CrmTables, FeedFormat } from '../../data/types.js';
import type { DateFormatOption } from '../../data/normalize/dates.js';

/**
 * `<crm-data>`: one data source for every widget inside it. Loads `src` (or takes `tables` from the application),
 * and provides the live `CrmDataState` (`crmDataContext`) to descendants, so several widgets share one download,
 * one parse and one linked filter. It has no UI of its own: widgets show the loading and error states.
 *
 * @tag crm-data
 * @summary One data source (feed, cache, linked filter) shared by every widget inside it.
 *
 * @slot - The widgets using this data.
 * @fires crm-data-load - Tables ready (detail: CrmDataLoadDetail: rows, report, cache incl. fromCache / stale).
 * @fires crm-data-error - The feed could not be loaded (detail: CrmDataErrorDetail with the FeedError).
 * @fires crm-data-progress - Download progress (detail: LoadProgress `{ loaded, total? }`).
 */
export class CrmData extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Feed URL (JSON, CSV or Arrow; resolved against the page). */
  @property({ reflect: true }) src?: string;

  /**
   * Host field names → canonical names: `{"cust_no": "customer_id"}` maps orders; `{"orders": {…}, "customers": {…}}`
   * maps each table. JSON text in the attribute, an object as a property. Invalid JSON puts the source in an error state.
   */
  @property({ attribute: 'fields', converter: { fromAttribute: (v: string | null) => v ?? undefined } })
  fields?: FieldMapping | Record<string, string> | string;

  /** Seconds a cached copy is used without asking the server (default 300); older copies show at once and are revalidated. */
  @property({ attribute: 'max-age', type: Number }) maxAge?: number;

  /** Keeps cached data of different tenants or users apart (e.g. a user id). */
  @property({ attribute: 'cache-scope' }) cacheScope?: string;

  /** `json`, `csv`, `arrow` or `xlsx`; by default chosen from the bytes, the Content-Type and the URL. */
  @property() format?: FeedFormat;

  /**
   * The sheet of an Excel workbook (`.xlsx`) to read: its name, or its position from 1 when no sheet has that
   * name (default: the first sheet). The load report names the sheet read and the others.
   */
  @property() sheet?: string;

  /** Table a plain list of records (or a CSV / Arrow file) fills (default `orders`). */
  @property() table?: TableName;

  /** IANA time zone that puts timestamps with an offset on calendar days (default `UTC`). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /**
   * Order of day-first / month-first dates: `auto` (default: decided per column, month-first when a column never
   * tells), `mdy`, `dmy`, or `ymd` (only year-first dates). ISO dates and Excel serials are read in any case.
   */
  @property({ attribute: 'date-format' }) dateFormat?: DateFormatOption;

  /** Credit-note order ids: a prefix (`C`), `/regex/flags`, or `none`. Default: detected from negative lines. */
  @property({ attribute: 'credit-notes' }) creditNotes?: string;

  /** Exact duplicate order lines: `drop` (default: counted as rejected) or `keep`. */
  @property() duplicates?: 'drop' | 'keep';

  /** Seconds without a byte after which a download fails with Retry (default 30; 0 for none). */
  @property({ attribute: 'stall-timeout', type: Number }) stallTimeout?: number;

  /** Turns linked filtering off: selections in one widget no longer filter the others. */
  @property({ attribute: 'no-link', type: Boolean }) noLink = false;

  /** Tables the application normalized itself; they take precedence over `src`. */
  @property({ attribute: false }) tables?: CrmTables;

  private readonly feed = new FeedController(this, {
    onChange: (state) => this.provider.setValue(state),
    onLoad: (detail) => dispatchDataEvent(this, CRM_DATA_LOAD, detail),
    onError: (error) => dispatchDataEvent(this, CRM_DATA_ERROR, { src: this.src, error }),
    onProgress: (progress) => dispatchDataEvent(this, CRM_DATA_PROGRESS, progress),
  });

  private readonly provider = new ContextProvider(this, { context: crmDataContext, initialValue: this.feed.state });

  /** The state provided to descendants. */
  get state() {
    return this.feed.state;
  }

  override connectedCallback(): void {
    // Before the controllers connect: widgets connecting right after see `loading`, not a passing `idle`.
    this.sync();
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.sync();
  }

  /** Hands the properties to the controller; idempotent (unchanged inputs are ignored). */
  private sync(): void {
    this.feed.setLinked(!this.noLink);
    this.feed.setTables(this.tables);
    const inputs = [
      this.src,
      this.fields,
      this.maxAge,
      this.cacheScope,
      this.format,
      this.table,
      this.timeZone,
      this.dateFormat,
      this.creditNotes,
      this.duplicates,
      this.sheet,
      this.stallTimeout,
    ];
    if (this.applied && inputs.every((v, i) => v === this.applied![i])) return;
    this.applied = inputs;
    this.applyRequest();
  }

  private applied?: unknown[];

  private applyRequest(): void {
    if (!this.src) return this.feed.setRequest(undefined);
    let mapping: FieldMapping | undefined;
    try {
      mapping = parseFieldsOption(this.fields, this.src);
    } catch (error) {
      return this.feed.setError(error as Error);
    }
    this.feed.setRequest({
      src: this.src,
      mapping,
      maxAge: this.maxAge,
      cacheScope: this.cacheScope || undefined,
      format: this.format || undefined,
      table: this.table || undefined,
      timeZone: this.timeZone || undefined,
      dateFormat: this.dateFormat || undefined,
      creditNotes: this.creditNotes ?? undefined,
      duplicates: this.duplicates || undefined,
      sheet: this.sheet || undefined,
      stallTimeout: this.stallTimeout,
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
