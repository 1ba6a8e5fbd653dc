/**
 * "Bring your own data": a modal dialog that takes a file (drop or choose) or a feed URL, reads it with
 * progress, decodes and normalizes it in a worker, shows the columns with a guessed canonical field each
 * (`guessMapping`) for the analyst to correct, previews the first normalized rows and the load report, and
 * hands the result to the page on Apply. A file that cannot be read leaves the dashboard as it was.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  Formatter,
  guessMapping,
  SCHEMA,
  tablesFromArrow,
  TABLE_NAMES,
  type CrmTables,
  type FieldMapping,
  type Locale,
  type LoadReport,
  type TableName,
} from '../../src/index.js';
import type { ImportRequest, ImportResponse, PreviewTable } from './import-protocol.js';
import { messages, type MessageKey } from './messages.js';
import { importMessages } from './import-messages.js';
import { errorText, invalidReasonText, noticeText, rejectReasonText } from '../../src/data/messages/data-messages.js';
import { errorFromData, FeedError } from '../../src/data/errors.js';
import type { DateFormatOption } from '../../src/data/normalize/dates.js';

/** Detail of `demo-import-apply`: a local file's tables, or a URL to load through `<crm-data src fields>`. */
export type ImportApplyDetail =
  | { kind: 'file'; name: string; tables: CrmTables; report: LoadReport; mapping: FieldMapping }
  | { kind: 'url'; url: string; mapping: FieldMapping; dateFormat?: DateFormatOption; sheet?: string };

type Stage = 'idle' | 'reading' | 'decoding' | 'mapping' | 'normalizing';

/** Value of a column's select meaning "no canonical field: keep it as an extra text column". */
const KEEP = '';

export class DemoImport extends LitElement {
  @property() locale: Locale = 'en';
  /** Mapping to start from when the analyst re-opens the file a bookmark named (instead of the guesses). */
  @property({ attribute: false }) remembered?: { name: string; mapping: FieldMapping };

  @state() private stage: Stage = 'idle';
  @state() private error = '';
  @state() private name = '';
  @state() private url = '';
  @state() private loaded = 0;
  @state() private total = 0;
  @state() private format = '';
  @state() private columns: Partial<Record<TableName, string[]>> = {};
  @state() private mapping: Partial<Record<TableName, Record<string, string>>> = {};
  @state() private report?: LoadReport;
  @state() private preview: Partial<Record<TableName, PreviewTable>> = {};
  @state() private rows: Partial<Record<TableName, number>> = {};
  @state() private dragging = false;
  @state() private dateFormat: DateFormatOption = 'auto';
  /** A workbook: the sheet read and all its sheets (the mapping step offers the others). */
  @state() private sheet?: { name: string; sheets: string[] };
  private samples?: Record<string, unknown[]>;
  private arrow?: Partial<Record<TableName, Uint8Array>>;
  private worker?: Worker;
  private requestId = 0;
  private debounce?: ReturnType<typeof setTimeout>;
  private source: { kind: 'file' } | { kind: 'url'; url: string } = { kind: 'file' };

  protected override createRenderRoot() {
    return this;
  }

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return messages.t(this.locale, key, params);
  }

  private get fmt() {
    return new Formatter(this.locale);
  }

  private get dialog(): HTMLDialogElement {
    return this.querySelector('dialog')!;
  }

  /** Opens the dialog (with a file dropped on the page, if any). */
  open(file?: File): void {
    if (!this.dialog.open) this.dialog.showModal();
    if (file) void this.readFile(file);
  }

  close(): void {
    this.dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
  }

  // ——— reading ———

  private reset(name: string): void {
    this.name = name;
    this.error = '';
    this.report = undefined;
    this.preview = {};
    this.columns = {};
    this.mapping = {};
    this.arrow = undefined;
    this.loaded = 0;
    this.total = 0;
    this.sheet = undefined;
  }

  /** Reads a local file with progress (FileReader), then decodes it in the worker. */
  async readFile(file: File): Promise<void> {
    this.reset(file.name);
    this.source = { kind: 'file' };
    this.stage = 'reading';
    this.total = file.size;
    try {
      const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onprogress = (e) => (this.loaded = e.loaded);
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
        reader.readAsArrayBuffer(file);
      });
      await this.openBytes(file.name, bytes, file.type || undefined);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Downloads a feed URL with progress, then decodes it in the worker. */
  private async readUrl(url: string): Promise<void> {
    let absolute: string;
    try {
      absolute = new URL(url, location.href).href;
    } catch {
      return this.fail(new Error(this.t('badUrl', { url })));
    }
    this.reset(absolute);
    this.source = { kind: 'url', url: absolute };
    this.stage = 'reading';
    try {
      const response = await fetch(absolute).catch((cause: unknown) => {
        throw new FeedError({ kind: 'network', feed: absolute, expected: 'a response', found: String(cause), cause });
      });
      if (!response.ok) {
        const found = `HTTP ${response.status} ${response.statusText}`.trim();
        throw new FeedError({ kind: 'http', feed: absolute, status: response.status, expected: 'HTTP 200 with the feed', found });
      }
      this.total = Number(response.headers.get('content-length')) || 0;
      const chunks: Uint8Array[] = [];
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        this.loaded += value.byteLength;
      }
      const bytes = new Uint8Array(this.loaded);
      let at = 0;
      for (const c of chunks) bytes.set(c, (at += c.byteLength) - c.byteLength);
      await this.openBytes(absolute, bytes.buffer, response.headers.get('content-type') ?? undefined);
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.stage = this.report || Object.keys(this.columns).length ? 'mapping' : 'idle';
    this.error = errorText(error, this.locale);
  }

  private call(request: ImportRequest, transfer: Transferable[] = []): Promise<ImportResponse> {
    this.worker ??= new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const worker = this.worker;
    return new Promise((resolve) => {
      const onMessage = (event: MessageEvent<ImportResponse>) => {
        const response = event.data;
        if (response.id !== request.id) return;
        if (response.type === 'progress') {
          this.stage = response.stage === 'decoding' ? 'decoding' : 'normalizing';
          return;
        }
        worker.removeEventListener('message', onMessage);
        resolve(response);
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage(request, transfer);
    });
  }

  private async openBytes(name: string, bytes: ArrayBuffer, contentType?: string): Promise<void> {
    this.stage = 'decoding';
    await this.opened(await this.call({ type: 'open', id: ++this.requestId, name, bytes, contentType }, [bytes]), name);
  }

  /** Reads another sheet of the open workbook, with fresh guesses for its columns. */
  private async chooseSheet(sheet: string): Promise<void> {
    this.error = '';
    this.report = undefined;
    this.arrow = undefined;
    this.stage = 'decoding';
    await this.opened(await this.call({ type: 'sheet', id: ++this.requestId, sheet }), this.name);
  }

  /** The worker read a file (or a sheet): guess the mapping, then normalize. */
  private async opened(response: ImportResponse, name: string): Promise<void> {
    if (response.type === 'error') return this.fail(errorFromData(response.error));
    if (response.type !== 'columns') return;
    this.sheet = response.sheet;
    this.format = response.format;
    this.columns = response.tables;
    this.samples = response.samples;
    const r = this.remembered;
    const remembered = r && r.name === name.split("/").pop() ? r.mapping : undefined;
    const mapping: Partial<Record<TableName, Record<string, string>>> = {};
    for (const table of TABLE_NAMES) {
      const cols = response.tables[table];
      if (!cols) continue;
      const samples = this.samples;
      mapping[table] = remembered?.[table]
        ? { ...remembered[table] }
        : guessMapping(cols, table, samples && table === 'orders' ? (c) => samples[c] ?? [] : undefined);
    }
    this.mapping = mapping;
    this.stage = 'mapping';
    await this.runNormalize();
  }

  // ——— mapping ———

  /** Host → canonical pairs that actually rename something (identity entries are implied). */
  private effectiveMapping(): FieldMapping {
    const out: FieldMapping = {};
    for (const table of TABLE_NAMES) {
      const m = this.mapping[table];
      if (!m) continue;
      // "" keeps a column named like a field as an extra (another column is that field).
      const renames = Object.fromEntries(Object.entries(m).filter(([host, field]) => (field ? host !== field : isField(table, host))));
      if (Object.keys(renames).length) out[table] = renames;
    }
    return out;
  }

  /** Canonical fields chosen for more than one column (the analyst must pick one). */
  private duplicates(table: TableName): Set<string> {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const field of Object.values(this.mapping[table] ?? {})) {
      if (!field) continue;
      if (seen.has(field)) twice.add(field);
      seen.add(field);
    }
    return twice;
  }

  private setField(table: TableName, column: string, field: string): void {
    const m = { ...(this.mapping[table] ?? {}) };
    if (field === KEEP && !isField(table, column)) delete m[column];
    else m[column] = field;
    this.mapping = { ...this.mapping, [table]: m };
    this.report = undefined;
    this.arrow = undefined;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.runNormalize(), 250);
  }

  private async runNormalize(): Promise<void> {
    if (TABLE_NAMES.some((t) => this.duplicates(t).size)) return;
    this.error = '';
    this.stage = 'normalizing';
    const id = ++this.requestId;
    const response = await this.call({ type: 'normalize', id, mapping: this.effectiveMapping(), dateFormat: this.dateFormat });
    if (id !== this.requestId) return; // superseded by a newer mapping
    this.stage = 'mapping';
    if (response.type === 'error') {
      this.report = undefined;
      this.error = errorText(errorFromData(response.error), this.locale);
      return;
    }
    if (response.type !== 'normalized') return;
    this.report = response.report;
    this.preview = response.preview;
    this.rows = response.rows;
    this.arrow = response.arrow;
  }

  private apply(): void {
    if (!this.arrow || !this.report) return;
    const mapping = this.effectiveMapping();
    const detail: ImportApplyDetail =
      this.source.kind === 'url'
        ? {
            kind: 'url',
            url: this.source.url,
            mapping,
            dateFormat: this.dateFormat === 'auto' ? undefined : this.dateFormat,
            // The sheet as a name: positions change when sheets are added.
            sheet: this.sheet && this.sheet.name !== this.sheet.sheets[0] ? this.sheet.name : undefined,
          }
        : { kind: 'file', name: this.name, tables: tablesFromArrow(this.arrow, this.name), report: this.report, mapping };
    this.dispatchEvent(new CustomEvent('demo-import-apply', { detail, bubbles: true }));
    this.close();
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const busy = this.stage === 'reading' || this.stage === 'decoding' || this.stage === 'normalizing';
    const canApply = !busy && !!this.arrow && !!this.report && (this.rows.orders ?? 0) > 0;
    return html`<dialog class="import-dialog" aria-labelledby="import-title" @close=${() => (this.dragging = false)}>
      <form method="dialog" class="dialog-head">
        <h2 id="import-title">${this.t('importTitle')}</h2>
        <button class="icon-button" aria-label=${this.t('close')}>×</button>
      </form>
      <div class="dialog-body">
        ${this.renderPick()} ${busy ? this.renderProgress() : nothing}
        ${this.error ? html`<div class="alert" role="alert"><strong>${this.t('importFailed')}</strong> ${this.error}<br />${this.t('dataUnchanged')}</div>` : nothing}
        ${Object.keys(this.columns).length ? this.renderMapping() : nothing}
        ${this.report ? this.renderReport(this.report) : nothing}
        ${this.report ? this.renderPreview() : nothing}
      </div>
      <div class="dialog-foot">
        <button class="button" @click=${() => this.close()}>${this.t('cancel')}</button>
        <button class="button primary" ?disabled=${!canApply} @click=${() => this.apply()}>${this.t('apply')}</button>
      </div>
    </dialog>`;
  }

  private renderPick(): TemplateResult {
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      this.dragging = false;
      const file = e.dataTransfer?.files[0];
      if (file) void this.readFile(file);
    };
    return html`<div
        class="dropzone ${this.dragging ? 'dragging' : ''}"
        @dragover=${(e: DragEvent) => (e.preventDefault(), (this.dragging = true))}
        @dragleave=${() => (this.dragging = false)}
        @drop=${onDrop}
      >
        <p>${this.t('dropHere')}</p>
        <label class="button primary file-button">
          ${this.t('chooseFile')}
          <input
            type="file"
            class="visually-hidden"
            accept=".json,.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.arrow,.arrows,.feather,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void this.readFile(file);
              input.value = '';
            }}
          />
        </label>
        <p class="muted">${this.t('formatsHint')}</p>
      </div>
      <form
        class="url-row"
        @submit=${(e: Event) => {
          e.preventDefault();
          if (this.url.trim()) void this.readUrl(this.url.trim());
        }}
      >
        <label for="feed-url">${this.t('feedUrl')}</label>
        <input id="feed-url" type="url" placeholder="https://example.com/crm/orders.json" .value=${this.url}
          @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)} />
        <button class="button">${this.t('load')}</button>
      </form>`;
  }

  private renderProgress(): TemplateResult {
    const known = this.stage === 'reading' && this.total > 0;
    const label =
      this.stage === 'reading'
        ? this.t('reading', { name: this.name.split('/').pop()! })
        : this.stage === 'decoding'
          ? this.t('decoding')
          : this.t('normalizing');
    return html`<div class="progress-row" role="status">
      <progress max=${known ? this.total : nothing} value=${known ? this.loaded : nothing} aria-label=${label}></progress>
      <span>${label}${known ? ` ${this.fmt.bytes(this.loaded)} / ${this.fmt.bytes(this.total)}` : ''}</span>
    </div>`;
  }

  private renderMapping(): TemplateResult {
    const im = (key: Parameters<typeof importMessages.t>[1]) => importMessages.t(this.locale, key);
    const formats: [DateFormatOption, Parameters<typeof importMessages.t>[1]][] = [
      ['auto', 'dateAuto'],
      ['mdy', 'dateMdy'],
      ['dmy', 'dateDmy'],
      ['ymd', 'dateYmd'],
    ];
    return html`<section class="mapping" aria-labelledby="mapping-title">
      <h3 id="mapping-title">${this.t('mappingTitle', { name: this.name.split('/').pop()!, format: this.format.toUpperCase() })}</h3>
      <p class="muted">${this.t('mappingHelp')}</p>
      <div class="row mapping-options">
      ${this.sheet && this.sheet.sheets.length > 1
        ? html`<label class="control sheet">
            <span>${im('sheet')}</span>
            <select id="import-sheet" @change=${(e: Event) => void this.chooseSheet((e.target as HTMLSelectElement).value)}>
              ${this.sheet.sheets.map((name) => html`<option value=${name} ?selected=${this.sheet!.name === name}>${name}</option>`)}
            </select>
          </label>`
        : nothing}
      <label class="control date-format">
        <span>${im('dateFormat')}</span>
        <select
          id="import-date-format"
          @change=${(e: Event) => {
            this.dateFormat = (e.target as HTMLSelectElement).value as DateFormatOption;
            this.report = undefined;
            this.arrow = undefined;
            void this.runNormalize();
          }}
        >
          ${formats.map(([value, key]) => html`<option value=${value} ?selected=${this.dateFormat === value}>${im(key)}</option>`)}
        </select>
      </label>
      </div>
      ${TABLE_NAMES.filter((t) => this.columns[t]).map((table) => {
        const dup = this.duplicates(table);
        const fields = SCHEMA[table];
        return html`<table class="data-table mapping-table">
          <caption>${this.t('tableLabel', { table: this.t(`table_${table}` as MessageKey) })}</caption>
          <thead><tr><th scope="col">${this.t('fileColumn')}</th><th scope="col">${this.t('canonicalField')}</th></tr></thead>
          <tbody>
            ${this.columns[table]!.map((column) => {
              const chosen = this.mapping[table]?.[column] ?? (fields.some((f) => f.name === column) ? column : KEEP);
              const id = `map-${table}-${column}`;
              return html`<tr>
                <th scope="row"><label for=${id}>${column}</label></th>
                <td>
                  <select id=${id} class=${dup.has(chosen) ? 'invalid' : ''} aria-invalid=${dup.has(chosen) ? 'true' : 'false'}
                    @change=${(e: Event) => this.setField(table, column, (e.target as HTMLSelectElement).value)}>
                    <option value=${KEEP} ?selected=${chosen === KEEP}>${this.t('keepExtra')}</option>
                    ${fields.map(
                      (f) => html`<option value=${f.name} ?selected=${chosen === f.name}>
                        ${f.name}${f.required ? ` (${this.t('required')})` : ''}
                      </option>`,
                    )}
                  </select>
                  ${dup.has(chosen) ? html`<span class="field-error">${this.t('chosenTwice')}</span>` : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>`;
      })}
    </section>`;
  }

  private renderReport(report: LoadReport): TemplateResult {
    return html`<section class="report" aria-labelledby="report-title">
      <h3 id="report-title">${this.t('reportTitle')}</h3>
      ${TABLE_NAMES.filter((t) => report.tables[t]).map((table) => {
        const r = report.tables[table]!;
        return html`<div class="report-table">
          <p>
            <strong>${this.t(`table_${table}` as MessageKey)}</strong>:
            ${this.t('rowsAccepted', { accepted: this.fmt.integer(r.rowsAccepted), total: this.fmt.integer(r.rowsIn) })}
            ${r.rowsRejected ? html`· <span class="negative">${this.t('rowsRejected', { count: this.fmt.integer(r.rowsRejected) })}</span>` : nothing}
          </p>
          ${r.summary
            ? html`<p class="summary">
                  ${importMessages.t(this.locale, 'summary', {
                    orders: this.fmt.integer(r.summary.orders),
                    customers: this.fmt.integer(r.summary.customers),
                    revenue: this.fmt.number(r.summary.revenue),
                  })}
                </p>
                ${r.orderKinds && (r.orderKinds.credit || r.orderKinds.cancelled)
                  ? html`<p class="muted">${importMessages.t(this.locale, 'kinds', {
                      purchase: this.fmt.integer(r.orderKinds.purchase),
                      credit: this.fmt.integer(r.orderKinds.credit),
                      cancelled: this.fmt.integer(r.orderKinds.cancelled),
                    })}</p>`
                  : nothing}`
            : nothing}
          ${r.rejections.length
            ? html`<ul class="reasons">
                ${r.rejections.map(
                  (g) => html`<li>
                    ${rejectReasonText(g.reason, this.locale, g.field)}: ${this.fmt.integer(g.count)}
                    — ${this.t('examples')}: ${g.examples.slice(0, 3).map((x) => html`<code>${this.t('rowN', { n: x.row + 1 })} ${JSON.stringify(x.values)}</code> `)}
                  </li>`,
                )}
              </ul>`
            : nothing}
          ${r.invalidValues.length
            ? html`<p class="muted">
                ${this.t('invalidValues')}:
                ${r.invalidValues
                  .map((g) =>
                    importMessages.t(this.locale, 'invalidReason', { field: g.field, reason: invalidReasonText(g.reason, this.locale), count: this.fmt.integer(g.count) }),
                  )
                  .join(', ')}
              </p>`
            : nothing}
          ${r.flaggedValues?.length
            ? html`<p class="muted flagged">
                ${this.t('flaggedValues')}:
                ${r.flaggedValues.map(
                  (g) => html`${g.field} (${this.t(`flag_${g.flag}` as MessageKey)}) × ${this.fmt.integer(g.count)}
                    — ${this.t('examples')}: ${g.examples.slice(0, 1).map((x) => html`<code>${this.t('rowN', { n: x.row + 1 })} ${JSON.stringify(x.values)}</code> `)}`,
                )}
              </p>`
            : nothing}
          ${r.extraFields.length ? html`<p class="muted">${this.t('extraKept', { fields: r.extraFields.join(', ') })}</p>` : nothing}
        </div>`;
      })}
      ${(report.notices ?? []).length
        ? html`<ul class="muted notices" aria-label=${importMessages.t(this.locale, 'notes')}>
            ${report.notices!.map((n) => html`<li>${noticeText(n, this.locale)}</li>`)}
          </ul>`
        : report.warnings.length
          ? html`<ul class="muted notices">${report.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
          : nothing}
    </section>`;
  }

  private renderPreview(): TemplateResult {
    return html`<section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">${this.t('previewTitle')}</h3>
      ${TABLE_NAMES.filter((t) => this.preview[t]).map((table) => {
        const p = this.preview[table]!;
        return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${this.t(`table_${table}` as MessageKey)}>
          <table class="data-table">
            <caption>${this.t(`table_${table}` as MessageKey)} (${this.fmt.integer(this.rows[table] ?? 0)})</caption>
            <thead><tr>${p.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
            <tbody>${p.rows.map((row) => html`<tr>${row.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody>
          </table>
        </div>`;
      })}
    </section>`;
  }
}

/** True when `column` is spelled as a canonical field of `table`. */
function isField(table: TableName, column: string): boolean {
  return SCHEMA[table].some((f) => f.name === column);
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-import': DemoImport;
  }
}
