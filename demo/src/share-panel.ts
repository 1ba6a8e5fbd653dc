/**
 * The "Embed & theme" drawer: a copyable HTML snippet per widget reproducing what is on screen, and a theming
 * playground whose token edits apply live to the dashboard and can be copied as CSS.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale } from '../../src/index.js';
import { DEFAULT_THEME_EDITS, embedSnippet, themeCss, themeProperties, type ThemeEdits } from './embed.js';
import { messages, type MessageKey } from './messages.js';
import type { PageState } from './url-state.js';
import { WIDGETS, type AttributeMap } from './widgets.js';

export interface SnippetState {
  s: PageState;
  common: AttributeMap;
  geoUrl: string;
  src: string;
  fields: string;
  /** `<crm-data>` options of a feed URL (`date-format`, `sheet`). */
  data?: Record<string, string | undefined>;
  /** True when the dashboard shows a local file (the snippet then needs the analyst's own feed URL). */
  local: boolean;
}

const FONTS = [
  { id: '', label: 'fontSystem' },
  { id: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif', label: 'fontNoto' },
  { id: 'Georgia, "Noto Serif CJK SC", serif', label: 'fontSerif' },
  { id: 'ui-monospace, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace', label: 'fontMono' },
] as const;

/**
 * The playground's live tokens: an adopted stylesheet on the page (not a `<style>` element, which a strict CSP
 * blocks) holding the same `:root { … }` CSS the user copies — tokens on :root reach every widget.
 */
const playgroundSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, playgroundSheet];

export class DemoShare extends LitElement {
  @property({ type: Boolean, reflect: true }) open = false;
  @property() locale: Locale = 'en';
  @property({ attribute: false }) snippetState?: SnippetState;
  @state() private edits: ThemeEdits = { ...DEFAULT_THEME_EDITS };
  @state() private copied = '';
  @state() private scriptUrl = new URL('../crm-lens.bundle.js', location.href).href;

  protected override createRenderRoot() {
    return this;
  }

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return messages.t(this.locale, key, params);
  }

  private setEdits(patch: Partial<ThemeEdits>): void {
    this.edits = { ...this.edits, ...patch };
    playgroundSheet.replaceSync(Object.keys(themeProperties(this.edits)).length ? themeCss(this.edits) : '');
  }

  private async copy(id: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (http, iframe): select the text so Ctrl+C / long-press copies it.
      const pre = this.querySelector(`#${id}`);
      const range = document.createRange();
      if (pre) {
        range.selectNodeContents(pre);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        document.execCommand?.('copy');
      }
    }
    this.copied = id;
    setTimeout(() => this.copied === id && (this.copied = ''), 2500);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.open || !this.snippetState) return nothing;
    const st = this.snippetState;
    const feedUrl = st.local ? 'https://example.com/your-feed.csv' : new URL(st.src, location.href).href;
    const geo = new URL(st.geoUrl, location.href).href;
    const css = themeCss(this.edits);
    return html`<aside class="drawer" aria-labelledby="share-title">
      <div class="dialog-head">
        <h2 id="share-title">${this.t('embedTheme')}</h2>
        <button class="icon-button" aria-label=${this.t('close')} @click=${() => this.dispatchEvent(new CustomEvent('demo-share-close'))}>×</button>
      </div>
      <section aria-labelledby="theme-title" class="playground">
        <h3 id="theme-title">${this.t('playground')}</h3>
        <div class="playground-grid">
          <label class="control"><span>${this.t('accent')}</span>
            <input id="pg-accent" type="color" .value=${this.edits.accent} @input=${(e: Event) => this.setEdits({ accent: (e.target as HTMLInputElement).value })} /></label>
          <label class="control"><span>${this.t('font')}</span>
            <select id="pg-font" @change=${(e: Event) => this.setEdits({ font: (e.target as HTMLSelectElement).value })}>
              ${FONTS.map((f) => html`<option value=${f.id} ?selected=${this.edits.font === f.id}>${this.t(f.label)}</option>`)}
            </select></label>
          <label class="control"><span>${this.t('radius')} (${this.edits.radius}px)</span>
            <input id="pg-radius" type="range" min="0" max="20" step="1" .value=${String(this.edits.radius)}
              @input=${(e: Event) => this.setEdits({ radius: Number((e.target as HTMLInputElement).value) })} /></label>
          <label class="control"><span>${this.t('spacing')} (×${this.edits.spacing})</span>
            <input id="pg-spacing" type="range" min="0.75" max="1.5" step="0.125" .value=${String(this.edits.spacing)}
              @input=${(e: Event) => this.setEdits({ spacing: Number((e.target as HTMLInputElement).value) })} /></label>
        </div>
        <pre class="code" id="theme-css"><code>${css}</code></pre>
        <div class="row">
          <button class="button primary" @click=${() => this.copy('theme-css', css)}>${this.t('copyCss')}</button>
          <button class="button" @click=${() => this.setEdits({ ...DEFAULT_THEME_EDITS })}>${this.t('resetTheme')}</button>
          <span role="status" class="muted">${this.copied === 'theme-css' ? this.t('copied') : ''}</span>
        </div>
      </section>
      <section aria-labelledby="embed-title">
        <h3 id="embed-title">${this.t('embedSnippets')}</h3>
        <p class="muted">${this.t(st.local ? 'embedLocal' : 'embedHelp')}</p>
        <label class="control wide"><span>${this.t('scriptUrl')}</span>
          <input id="script-url" type="url" .value=${this.scriptUrl} @input=${(e: Event) => (this.scriptUrl = (e.target as HTMLInputElement).value)} /></label>
        ${WIDGETS.map((w) => {
          const id = `snippet-${w.area}`;
          const own = w.own(st.s, { geoUrl: geo });
          const snippet = embedSnippet(
            { tag: w.tag, attributes: { ...st.common, ...own } },
            { scriptUrl: this.scriptUrl, feedUrl, fields: st.fields || undefined, data: st.local ? undefined : st.data, lang: st.s.lang, theme: st.s.theme },
          );
          return html`<div class="snippet">
            <div class="row"><h4>${this.t(w.label)} <code>&lt;${w.tag}&gt;</code></h4>
              <button class="button" data-copy=${w.tag} @click=${() => this.copy(id, snippet)}>${this.t('copy')}</button>
              <span role="status" class="muted">${this.copied === id ? this.t('copied') : ''}</span></div>
            <pre class="code" id=${id} tabindex="0" aria-label=${this.t('snippetFor', { name: this.t(w.label) })}><code>${snippet}</code></pre>
          </div>`;
        })}
      </section>
    </aside>`;
  }
}
