/**
 * The analyst demo page: five linked crm-lens widgets inside one `<crm-data>`, page filters and controls, the
 * selection as chips, KPIs, data import with a mapping step, cache controls, exports, embed snippets and a
 * theming playground. Everything the analyst chooses is mirrored in the query string.
 *
 * The page uses the package's public API only (`src/index.ts`).
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  clearCache,
  csvBlob,
  filterKey,
  Formatter,
  intersectFilters,
  offerExport,
  withoutField,
  SELECTION_FIELDS,
  type CrmData,
  type CrmDataLoadDetail,
  type CrmFilter,
  type CrmFilterChangeDetail,
  type CrmSelectDetail,
  type CrmTables,
  type SelectionKind,
} from '../../src/index.js';
import geoUrl from '../china-provinces.geojson?url';
import { attrs } from './attrs-directive.js';
import {
  distinct,
  kpis,
  metricOptions,
  pageFilter,
  presetRange,
  referenceDay,
  segmentMembers,
  topCustomer,
  segmentsOf,
  segmentTable,
  dataCounts,
  type Kpis,
} from './data-facts.js';
import type { DemoImport, ImportApplyDetail } from './import-panel.js';
import { messages, type MessageKey } from './messages.js';
import { errorText } from '../../src/data/messages/data-messages.js';
import { CURRENCIES, parseState, RANGES, serializeState, type PageSelection, type PageState } from './url-state.js';
import { commonAttributes, SELECTION_OWNER, WIDGETS } from './widgets.js';

/** The built-in feed (relative: the built page works from any static server and folder). */
export const SAMPLE_SRC = 'data/sample.json';

interface Selected extends PageSelection {
  label: string;
  /** Set when the selection stands for several filter values (an RFM cell's customers). */
  values?: string[];
  owner?: Element;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

const DARK_QUERY = matchMedia('(prefers-color-scheme: dark)');

const FIELD_KIND = Object.fromEntries(Object.entries(SELECTION_FIELDS).map(([k, f]) => [f, k])) as Record<string, SelectionKind>;

export class DemoApp extends LitElement {
  @state() private s: PageState = parseState(location.search);
  @state() private tables?: CrmTables;
  @state() private load?: CrmDataLoadDetail;
  @state() private loadError = '';
  @state() private progress?: { loaded: number; total?: number };
  @state() private selected: Selected[] = [];
  @state() private figures?: Kpis;
  @state() private notice = '';
  @state() private shareOpen = false;
  /** Name of the local file whose tables are on screen. */
  @state() private localFile = '';
  /** Shown in the 360° card until the analyst picks someone: the customer with the highest spend. */
  @state() private topCustomer = '';
  private restored = false;
  private figuresKey = '';
  private figuresTables?: CrmTables;
  private tick?: ReturnType<typeof setInterval>;

  protected override createRenderRoot() {
    return this;
  }

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return messages.t(this.s.lang, key, params);
  }

  private get fmt() {
    return new Formatter(this.s.lang, this.s.currency);
  }

  get crmData(): CrmData | null {
    return this.querySelector('crm-data');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    DARK_QUERY.addEventListener('change', this.applyPageTheme);
    addEventListener('popstate', () => (this.s = parseState(location.search)));
    // Ages ("saved 3 minutes ago") move on.
    this.tick = setInterval(() => this.load?.cache && this.requestUpdate(), 30_000);
    document.addEventListener('dragover', (e) => e.preventDefault());
    document.addEventListener('drop', (e) => {
      if ((e.target as Element).closest?.('.dropzone')) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) this.importPanel?.open(file);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    DARK_QUERY.removeEventListener('change', this.applyPageTheme);
  }

  /** The page's own colours follow the widgets: the chosen theme, or the OS for "system". */
  private readonly applyPageTheme = () => {
    const dark = this.s.theme === 'dark' || (this.s.theme === 'auto' && DARK_QUERY.matches);
    document.documentElement.setAttribute('data-page-theme', dark ? 'dark' : 'light');
  };

  private get importPanel(): DemoImport | null {
    return this.querySelector('demo-import');
  }

  /** Change page state: re-render and write the URL (replace: every tweak is not a history entry). */
  private update_(patch: Partial<PageState>): void {
    this.s = { ...this.s, ...patch };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('s' as keyof DemoApp)) {
      const html = document.documentElement;
      html.lang = this.s.lang;
      if (this.s.theme === 'auto') html.removeAttribute('data-crm-theme');
      else html.setAttribute('data-crm-theme', this.s.theme);
      this.applyPageTheme();
      document.title = this.t('docTitle');
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('s' as keyof DemoApp)) {
      const search = serializeState(this.s);
      if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
    }
    this.refreshFigures();
  }

  // ——— data events ———

  private onLoad(e: CustomEvent<CrmDataLoadDetail>): void {
    this.load = e.detail;
    this.loadError = '';
    this.progress = undefined;
    this.tables = this.crmData?.state.tables;
    this.topCustomer = this.tables ? topCustomer(this.tables) : '';
    if (!this.restored) {
      this.restored = true;
      // Widgets are defined and connected by now: restore the bookmarked selection on its owner.
      requestAnimationFrame(() => this.restoreSelection());
    }
  }

  private restoreSelection(): void {
    const data = this.crmData;
    for (const sel of this.s.selection) {
      const owner = this.querySelector(SELECTION_OWNER[sel.kind]) as (Element & { setSelection?: Function }) | null;
      const label = this.selectionLabel(sel.kind, sel.value);
      if (owner?.setSelection) owner.setSelection({ kind: sel.kind, value: sel.value, label, field: sel.field });
      else if (data) {
        data.state.setFilter({ ...data.state.filter, [sel.field]: [sel.value] });
        this.selected = [...this.selected.filter((x) => x.field !== sel.field), { ...sel, label }];
      }
    }
  }

  private selectionLabel(kind: SelectionKind, value: string): string {
    if (kind === 'segment') return segmentsOf(this.s.preset).find((x) => x.id === value)?.labels[this.s.lang] ?? value;
    if (kind === 'channel') return this.channelLabel(value);
    return value;
  }

  private channelLabel(value: string): string {
    const key = `channel_${value}` as MessageKey;
    return messages.catalogs.en[key] ? this.t(key) : value;
  }

  /** Any widget selected or cleared something: mirror the linked filter as chips (and in the URL). */
  private onFilterChange(e: CustomEvent<CrmFilterChangeDetail>): void {
    const { filter, selection } = e.detail;
    const next: Selected[] = [];
    for (const [field, list] of Object.entries(filter)) {
      if (!Array.isArray(list) || !list.length) continue;
      const values = list as string[];
      if (selection && selection.field === field) {
        next.push({ kind: selection.kind, field, value: selection.value, label: selection.label, values: selection.values, owner: e.target as Element });
        continue;
      }
      const old = this.selected.find((x) => x.field === field && sameList(x.values ?? [x.value], values));
      if (old) next.push(old);
      else {
        const kind = FIELD_KIND[field] ?? 'customer';
        const single = values.length === 1;
        next.push({ kind, field, value: single ? values[0] : field, label: single ? this.selectionLabel(kind, values[0]) : String(values.length), values: single ? undefined : values });
      }
    }
    this.selected = next;
    this.persistSelection();
  }

  /** Bookmarkable selections: one value in a filter field (a set such as an RFM cell's customers is not kept). */
  private persistSelection(): void {
    this.update_({ selection: this.selected.filter((x) => !x.values).map(({ kind, field, value }) => ({ kind, field, value })) });
  }

  private onCustomerSelect(e: CustomEvent<CrmSelectDetail>): void {
    const id = e.detail.selection?.value;
    if (id) this.update_({ customer: id });
  }

  private removeChip(chip: Selected): void {
    const owner = chip.owner as (Element & { clearSelection?: () => void }) | undefined;
    if (owner?.isConnected && owner.clearSelection) owner.clearSelection();
    else this.setShared(withoutField(this.crmData?.state.filter ?? {}, chip.field as keyof CrmFilter));
    // The owner's crm-filter-change updates the chips; a chip without an owner is dropped here.
    this.selected = this.selected.filter((x) => x !== chip);
    this.persistSelection();
  }

  private clearAll(): void {
    for (const chip of [...this.selected]) {
      const owner = chip.owner as (Element & { clearSelection?: () => void }) | undefined;
      if (owner?.isConnected) owner.clearSelection?.();
    }
    this.setShared({});
    this.selected = [];
    this.update_({
      selection: [],
      range: 'all',
      regions: [],
      channels: [],
      customerTypes: [],
      segments: [],
    });
  }

  private setShared(filter: CrmFilter): void {
    this.crmData?.state.setFilter(filter);
  }

  // ——— import ———

  private onImportApply(e: CustomEvent<ImportApplyDetail>): void {
    const d = e.detail;
    this.restored = true;
    this.selected = [];
    this.setShared({});
    const reset = { selection: [], customer: '', regions: [], channels: [], customerTypes: [], segments: [] };
    if (d.kind === 'file') {
      this.localFile = d.name;
      this.update_({ ...reset, file: d.name, feed: '', dateFormat: '', sheet: '', fields: JSON.stringify(d.mapping) === '{}' ? '' : JSON.stringify(d.mapping) });
      const data = this.crmData;
      if (data) data.tables = d.tables;
    } else {
      this.localFile = '';
      if (this.crmData) this.crmData.tables = undefined;
      this.update_({
        ...reset,
        file: '',
        feed: d.url,
        fields: JSON.stringify(d.mapping) === '{}' ? '' : JSON.stringify(d.mapping),
        // The choices of the mapping step go to <crm-data> as they did to the import (same tables).
        dateFormat: d.dateFormat ?? '',
        sheet: d.sheet ?? '',
      });
    }
    this.notice = this.t('switched', { name: d.kind === 'file' ? d.name : d.url });
  }

  private useSample(): void {
    this.localFile = '';
    if (this.crmData) this.crmData.tables = undefined;
    this.selected = [];
    this.setShared({});
    this.update_({ feed: '', fields: '', dateFormat: '', sheet: '', file: '', selection: [], customer: '', regions: [], channels: [], customerTypes: [], segments: [] });
  }

  // ——— exports ———

  /** The segment whose customers the campaign export lists: the clicked one, else a single segment filter. */
  private get campaignSegment(): string | undefined {
    return this.selected.find((x) => x.field === 'segments')?.value ?? (this.s.segments.length === 1 ? this.s.segments[0] : undefined);
  }

  private exportSegment(): void {
    const segment = this.campaignSegment;
    if (!segment || !this.tables) return;
    const linked = withoutField(this.crmData?.state.filter ?? {}, 'segments');
    const filter = intersectFilters(withoutField(pageFilter(this.s, this.tables), 'segments'), linked);
    const rows = segmentMembers(this.tables, metricOptions(this.s, filter), segment);
    const button = this.querySelector('#export-segment')!;
    offerExport(button, 'csv', csvBlob(segmentTable(rows, this.s.lang)), `crm-lens-segment-${segment}.csv`);
    this.notice = this.t('segmentExported', { count: this.fmt.integer(rows.length), segment: this.selectionLabel('segment', segment) });
  }

  // ——— figures ———

  private get effectiveFilter(): CrmFilter {
    return intersectFilters(pageFilter(this.s, this.tables), this.crmData?.state.filter ?? {});
  }

  private refreshFigures(): void {
    if (!this.tables) return;
    const filter = this.effectiveFilter;
    const key = `${filterKey(filter)}|${this.s.asOf}|${this.s.bins}|${this.s.preset}`;
    const tables = this.tables;
    if (key === this.figuresKey && tables === this.figuresTables) return;
    this.figuresKey = key;
    this.figuresTables = tables;
    queueMicrotask(() => {
      try {
        this.figures = kpis(tables, metricOptions(this.s, filter));
      } catch {
        this.figures = undefined;
      }
    });
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const s = this.s;
    const range = presetRange(s.range, referenceDay(this.tables, s.asOf));
    const common = commonAttributes(s, range);
    const src = s.feed || SAMPLE_SRC;
    return html`
      ${this.renderHeader()}
      <main id="main" class="page">
        ${this.renderDataBar()} ${this.renderMissingFile()} ${this.renderFilters(range)} ${this.renderChips()}
        ${this.renderKpis()}
        <section id="dashboard" class="dashboard" lang=${s.lang} aria-label=${this.t('dashboard')} tabindex="-1">
          <crm-data
            src=${src}
            fields=${s.feed && s.fields ? s.fields : nothing}
            date-format=${s.feed && s.dateFormat ? s.dateFormat : nothing}
            sheet=${s.feed && s.sheet ? s.sheet : nothing}
            @crm-data-load=${this.onLoad}
            @crm-data-error=${(e: CustomEvent<{ error: Error }>) => (this.loadError = errorText(e.detail.error, s.lang))}
            @crm-data-progress=${(e: CustomEvent<{ loaded: number; total?: number }>) => (this.progress = e.detail)}
            @crm-filter-change=${this.onFilterChange}
            @crm-customer-select=${this.onCustomerSelect}
          >
            <div class="grid">
              ${WIDGETS.map(
                (w) => html`<div class="cell cell-${w.area}">${this.widgetElement(w.tag, { ...common, ...w.own(s.customer ? s : { ...s, customer: this.topCustomer }, { geoUrl }) })}</div>`,
              )}
            </div>
          </crm-data>
        </section>
      </main>
      <footer class="page-footer"><p>${this.t('footer')}</p></footer>
      <demo-share
        ?open=${this.shareOpen}
        .locale=${s.lang}
        .snippetState=${{
          s,
          common,
          geoUrl,
          src,
          fields: s.feed ? s.fields : '',
          data: s.feed ? { 'date-format': s.dateFormat || undefined, sheet: s.sheet || undefined } : undefined,
          local: !!this.localFile,
        }}
        @demo-share-close=${() => (this.shareOpen = false)}
      ></demo-share>
      <demo-import
        .locale=${s.lang}
        .remembered=${s.file && s.fields ? { name: s.file, mapping: safeJson(s.fields) } : undefined}
        @demo-import-apply=${this.onImportApply}
      ></demo-import>
    `;
  }

  /** A widget tag with its attributes (Lit cannot bind a dynamic tag name: one branch per tag). */
  private widgetElement(tag: string, a: Record<string, string | undefined>): TemplateResult {
    switch (tag) {
      case 'crm-rfm-matrix':
        return html`<crm-rfm-matrix ${attrs(a)}></crm-rfm-matrix>`;
      case 'crm-customer-360':
        return html`<crm-customer-360 ${attrs(a)}></crm-customer-360>`;
      case 'crm-lifecycle-funnel':
        return html`<crm-lifecycle-funnel ${attrs(a)}></crm-lifecycle-funnel>`;
      case 'crm-channel-mix':
        return html`<crm-channel-mix ${attrs(a)}></crm-channel-mix>`;
      default:
        return html`<crm-regional-comparison ${attrs(a)}></crm-regional-comparison>`;
    }
  }

  private renderHeader(): TemplateResult {
    const s = this.s;
    return html`<header class="app-header">
      <a class="skip-link" href="#dashboard">${this.t('skip')}</a>
      <div class="brand">
        <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="8" fill="currentColor"></rect>
          <circle cx="14" cy="14" r="7" fill="none" stroke="var(--page-bg)" stroke-width="3"></circle>
          <path d="M19 19l6 6" stroke="var(--page-bg)" stroke-width="3" stroke-linecap="round"></path>
        </svg>
        <div>
          <h1 class="product">crm-lens</h1>
          <p class="tagline">${this.t('tagline')}</p>
        </div>
      </div>
      <div class="toolbar" role="toolbar" aria-label=${this.t('controls')}>
        <label class="control">
          <span>${this.t('language')}</span>
          <select id="lang" @change=${(e: Event) => this.update_({ lang: (e.target as HTMLSelectElement).value as PageState['lang'] })}>
            <option value="en" ?selected=${s.lang === 'en'}>English</option>
            <option value="zh-CN" ?selected=${s.lang === 'zh-CN'}>简体中文</option>
          </select>
        </label>
        <label class="control">
          <span>${this.t('theme')}</span>
          <select id="theme" @change=${(e: Event) => this.update_({ theme: (e.target as HTMLSelectElement).value as PageState['theme'] })}>
            <option value="light" ?selected=${s.theme === 'light'}>${this.t('themeLight')}</option>
            <option value="dark" ?selected=${s.theme === 'dark'}>${this.t('themeDark')}</option>
            <option value="auto" ?selected=${s.theme === 'auto'}>${this.t('themeSystem')}</option>
          </select>
        </label>
        <label class="control">
          <span>${this.t('currency')}</span>
          <select id="currency" @change=${(e: Event) => this.update_({ currency: (e.target as HTMLSelectElement).value })}>
            ${CURRENCIES.map((c) => html`<option ?selected=${s.currency === c}>${c}</option>`)}
          </select>
        </label>
        <button class="button primary" id="open-import" @click=${() => this.importPanel?.open()}>${this.t('bringData')}</button>
        <button class="button" id="open-share" aria-expanded=${this.shareOpen ? 'true' : 'false'} @click=${() => (this.shareOpen = !this.shareOpen)}>
          ${this.t('embedTheme')}
        </button>
      </div>
    </header>`;
  }

  private renderDataBar(): TemplateResult {
    const load = this.load;
    const name = this.localFile || this.s.feed || this.t('sampleData');
    const rows = load?.rows;
    const cache = load?.cache;
    let cacheText = '';
    if (this.localFile) cacheText = this.t('localNotCached');
    else if (cache?.fromCache)
      cacheText = this.t(cache.stale ? 'fromCacheStale' : 'fromCache', { age: this.fmt.relativeAge(cache.fetchedAt) });
    else if (cache) cacheText = this.t('fromNetwork', { age: this.fmt.relativeAge(cache.fetchedAt) });
    return html`<section class="data-bar card" aria-label=${this.t('dataSource')}>
      <div class="data-source">
        <span class="label">${this.t('dataSource')}</span>
        <strong class="source-name" title=${name}>${name.split('/').pop()}</strong>
        ${rows && this.tables
          ? html`<span class="muted" id="row-counts">${this.t('rowCounts', {
              orders: this.fmt.integer(dataCounts(this.tables).orders),
              customers: this.fmt.integer(dataCounts(this.tables).customers),
            })}</span>`
          : nothing}
        ${cacheText ? html`<span class="badge" id="cache-status">${cacheText}</span>` : nothing}
        ${cache?.cacheProblem ? html`<span class="muted">${cache.cacheProblem}</span>` : nothing}
        ${this.progress
          ? html`<span role="status" class="muted"
              ><progress max=${this.progress.total ?? nothing} value=${this.progress.loaded} aria-label=${this.t('loading')}></progress>
              ${this.fmt.bytes(this.progress.loaded)}</span
            >`
          : nothing}
        ${this.loadError ? html`<span class="negative" role="alert">${this.loadError}</span>` : nothing}
      </div>
      <div class="data-actions">
        ${this.localFile || this.s.feed ? html`<button class="button" @click=${() => this.useSample()}>${this.t('useSample')}</button>` : nothing}
        <button class="button" id="refresh" ?disabled=${!!this.localFile} @click=${() => this.crmData?.state.refresh()}>${this.t('refresh')}</button>
        <button
          class="button"
          id="clear-cache"
          @click=${async () => {
            await clearCache();
            this.notice = this.t('cacheCleared');
          }}
        >
          ${this.t('clearCache')}
        </button>
      </div>
      <p class="notice" role="status" aria-live="polite">${this.notice}</p>
    </section>`;
  }

  private renderMissingFile(): TemplateResult | typeof nothing {
    if (!this.s.file || this.localFile === this.s.file) return nothing;
    return html`<div class="banner card" role="status">
      <span>${this.t('fileMissing', { name: this.s.file })}</span>
      <button class="button primary" @click=${() => this.importPanel?.open()}>${this.t('chooseAgain')}</button>
    </div>`;
  }

  private renderFilters(range: { from: string; to: string } | undefined): TemplateResult {
    const s = this.s;
    const tables = this.tables;
    const select = (id: string, label: MessageKey, all: MessageKey, values: { value: string; label: string }[], chosen: string[], key: keyof PageState) =>
      html`<label class="control">
        <span>${this.t(label)}</span>
        <select id=${id} @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.update_({ [key]: v ? [v] : [] } as Partial<PageState>);
        }}>
          <option value="" ?selected=${!chosen.length}>${this.t(all)}</option>
          ${values.map((o) => html`<option value=${o.value} ?selected=${chosen[0] === o.value}>${o.label}</option>`)}
        </select>
      </label>`;
    const plain = (v: string) => ({ value: v, label: v });
    return html`<section class="filters card" aria-label=${this.t('filters')}>
      <fieldset class="range">
        <legend>${this.t('dateRange')} <span class="range-text">· ${range ? `${range.from} – ${range.to}` : this.t('allDates')}</span></legend>
        <div class="segmented">
          ${RANGES.map(
            (r) => html`<button class="seg" aria-pressed=${s.range === r ? 'true' : 'false'} data-range=${r} @click=${() => this.update_({ range: r })}>
              ${this.t(`range_${r}` as MessageKey)}
            </button>`,
          )}
        </div>
      </fieldset>
      <label class="control">
        <span>${this.t('asOf')}</span>
        <input id="as-of" type="date" .value=${s.asOf} @change=${(e: Event) => this.update_({ asOf: (e.target as HTMLInputElement).value })} />
      </label>
      ${select('f-region', 'region', 'allRegions', distinct(tables, 'orders', 'region').map(plain), s.regions, 'regions')}
      ${select('f-channel', 'channel', 'allChannels', distinct(tables, 'orders', 'channel').map((v) => ({ value: v, label: this.channelLabel(v) })), s.channels, 'channels')}
      ${select('f-ctype', 'customerType', 'allTypes', distinct(tables, 'customers', 'type').map(plain), s.customerTypes, 'customerTypes')}
      ${select('f-segment', 'segment', 'allSegments', segmentsOf(s.preset).map((x) => ({ value: x.id, label: x.labels[s.lang] })), s.segments, 'segments')}
      <label class="control">
        <span>${this.t('bins')}</span>
        <select id="bins" @change=${(e: Event) => this.update_({ bins: Number((e.target as HTMLSelectElement).value) })}>
          ${[3, 4, 5, 6, 7].map((n) => html`<option ?selected=${s.bins === n}>${n}</option>`)}
        </select>
      </label>
      <label class="control">
        <span>${this.t('preset')}</span>
        <select id="preset" @change=${(e: Event) => this.update_({ preset: (e.target as HTMLSelectElement).value as PageState['preset'], segments: [] })}>
          <option value="rfm" ?selected=${s.preset === 'rfm'}>${this.t('presetRfm')}</option>
          <option value="rf-grid" ?selected=${s.preset === 'rf-grid'}>${this.t('presetGrid')}</option>
        </select>
      </label>
    </section>`;
  }

  private renderChips(): TemplateResult {
    const s = this.s;
    const active = this.selected.length || s.range !== 'all' || s.regions.length || s.channels.length || s.customerTypes.length || s.segments.length;
    return html`<div class="chips-row" role="region" aria-label=${this.t('selection')}>
      <span class="label">${this.t('selection')}</span>
      ${this.selected.length
        ? html`<ul class="chips">
            ${this.selected.map(
              (chip) => html`<li>
                <button class="chip" data-kind=${chip.kind} aria-label=${this.t('removeChip', { kind: this.t(`kind_${chip.kind}` as MessageKey), label: chip.label })} @click=${() => this.removeChip(chip)}>
                  <span class="chip-kind">${this.t(`kind_${chip.kind}` as MessageKey)}</span> ${chip.label} <span aria-hidden="true">×</span>
                </button>
              </li>`,
            )}
          </ul>`
        : html`<span class="muted">${this.t('noSelection')}</span>`}
      <span class="spacer"></span>
      <button class="button" id="export-segment" ?disabled=${!this.campaignSegment || !this.tables} @click=${() => this.exportSegment()}
        title=${this.campaignSegment ? '' : this.t('exportSegmentHint')}>
        ${this.t('exportSegment')}
      </button>
      <button class="button" id="clear-all" ?disabled=${!active} @click=${() => this.clearAll()}>${this.t('clearAll')}</button>
    </div>`;
  }

  private renderKpis(): TemplateResult {
    const k = this.figures;
    const item = (id: string, label: MessageKey, value: string) =>
      html`<div class="kpi card" id=${id}><span class="kpi-label">${this.t(label)}</span><span class="kpi-value">${value}</span></div>`;
    return html`<section class="kpis" aria-label=${this.t('keyFigures')}>
      ${item('kpi-customers', 'kpiCustomers', k ? this.fmt.integer(k.customers) : '—')}
      ${item('kpi-orders', 'kpiOrders', k ? this.fmt.integer(k.orders) : '—')}
      ${item('kpi-revenue', 'kpiRevenue', k ? this.fmt.compactCurrency(k.revenue) : '—')}
      ${item('kpi-aov', 'kpiAov', k ? this.fmt.currency(k.aov, 0) : '—')}
    </section>`;
  }
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

