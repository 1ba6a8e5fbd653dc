/**
 * The states a widget shows instead of (or above) its chart — loading with byte progress and Cancel, empty with
 * "Clear filters", error with Retry, the stale-cache banner — as templates from plain inputs, and the controller
 * that re-renders the stale banner's age every minute.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CrmDataState } from '../../data/context.js';
import type { LoadProgress } from '../../data/types.js';
import { dataMessages, errorText } from '../../data/messages/data-messages.js';
import { baseMessages, type BaseMessageKey } from '../../i18n/base/index.js';
import type { Formatter } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import type { MessageParams } from '../../i18n/messages.js';

/** What the state templates need: the locale and its formatter. */
export interface StateView {
  locale: Locale;
  fmt: Formatter;
}

const t = (v: StateView, key: BaseMessageKey, params?: MessageParams) => baseMessages.t(v.locale, key, params);

export function renderLoading(v: StateView, label: string, progress?: LoadProgress, cancel?: () => void): TemplateResult {
  const known = progress?.total !== undefined && progress.total > 0;
  const detail = progress
    ? known
      ? `${t(v, 'loadingBytes', { loaded: v.fmt.bytes(progress.loaded), total: v.fmt.bytes(progress.total!) })} (${v.fmt.percent(progress.loaded / progress.total!, 0)})`
      : t(v, 'loadingBytesUnknown', { loaded: v.fmt.bytes(progress.loaded) })
    : '';
  return html`<div part="loading" class="state loading" role="status">
    <div class="spinner" aria-hidden="true"></div>
    <span>${label}</span>
    ${progress
      ? html`<progress max=${known ? progress.total! : nothing} value=${known ? progress.loaded : nothing} aria-label=${label}></progress>
          <span>${detail}</span>`
      : nothing}
    ${cancel ? html`<button part="button" class="cancel" @click=${cancel}>${dataMessages.t(v.locale, 'ui.cancel')}</button>` : nothing}
  </div>`;
}

export function renderEmpty(v: StateView, message: string, clear?: () => void): TemplateResult {
  return html`<div part="empty" class="state empty">
    <span>${message}</span>
    ${clear ? html`<button part="button" @click=${clear}>${t(v, 'clearFilters')}</button>` : nothing}
  </div>`;
}

export function renderError(v: StateView, title: string, error?: unknown, retry?: () => void): TemplateResult {
  const message = error ? errorText(error, v.locale) : '';
  return html`<div part="error" class="state error" role="alert">
    <strong>${title}</strong>
    ${message ? html`<span class="message">${message}</span>` : nothing}
    ${retry ? html`<button part="button" class="primary" @click=${retry}>${t(v, 'retry')}</button>` : nothing}
  </div>`;
}

/** The banner over data served from a cache that could not be refreshed, with its age and Refresh. */
export function renderStale(v: StateView, data: CrmDataState | undefined): TemplateResult | typeof nothing {
  if (!data?.cache?.stale || !data.info) return nothing;
  return html`<div part="stale" class="stale" role="status">
    <span>${t(v, 'stale', { age: v.fmt.relativeAge(data.cache.fetchedAt) })}</span>
    <button part="button" @click=${() => data.refresh()}>${t(v, 'refresh')}</button>
  </div>`;
}

/** Re-renders the host every minute while its data is stale (the banner says how old it is). */
export class StaleAgeController implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly stale: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.stale() && this.host.requestUpdate(), 60_000);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
