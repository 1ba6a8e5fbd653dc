import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { searchCustomers, type CustomerDirectory } from '../../metrics/profile/directory.js';
import type { Formatter } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { messages } from './messages.js';

/** Options listed at most (type more to narrow). */
export const PICKER_LIMIT = 50;

/**
 * A customer combobox (ARIA 1.2 combobox + listbox, focus stays in the input): type to filter by id or name,
 * ArrowDown/ArrowUp move the active option (opening the list), Home/End jump when the list is open, Enter
 * chooses, Escape closes the list (then clears the text). One per widget; `idPrefix` keeps ids unique in the
 * shadow root.
 */
export class CustomerPicker implements ReactiveController {
  query = '';
  open = false;
  active = -1;
  private indices: number[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChoose: (id: string) => void,
    private readonly idPrefix = 'picker',
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Empty the search text and close the list. */
  reset(): void {
    this.query = '';
    this.open = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  /** Focus the input (after the next render). */
  async focus(): Promise<void> {
    await this.host.updateComplete;
    this.input()?.focus();
  }

  private input(): HTMLInputElement | null {
    return this.host.shadowRoot?.querySelector<HTMLInputElement>(`#${this.idPrefix}-input`) ?? null;
  }

  private optionId(i: number): string {
    return `${this.idPrefix}-option-${i}`;
  }

  private choose(dir: CustomerDirectory, i: number): void {
    const index = this.indices[i];
    if (index === undefined) return;
    this.reset();
    this.onChoose(dir.ids[index]);
  }

  private move(to: number): void {
    const n = this.indices.length;
    if (!n) return;
    this.open = true;
    this.active = Math.max(0, Math.min(n - 1, to));
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.shadowRoot?.getElementById(this.optionId(this.active))?.scrollIntoView({ block: 'nearest' }),
    );
  }

  private keydown(e: KeyboardEvent, dir: CustomerDirectory): void {
    switch (e.key) {
      case 'ArrowDown':
        this.move(this.open ? this.active + 1 : Math.max(0, this.active));
        break;
      case 'ArrowUp':
        this.move(this.open ? this.active - 1 : this.indices.length - 1);
        break;
      case 'Home':
      case 'End':
        if (!this.open) return;
        this.move(e.key === 'Home' ? 0 : this.indices.length - 1);
        break;
      case 'Enter':
        if (!this.open || this.active < 0) return;
        this.choose(dir, this.active);
        break;
      case 'Escape':
        // Handled here: the widget's own Escape (clear selection) must not also run.
        if (this.open) this.open = false;
        else if (this.query) this.query = '';
        else return;
        this.active = -1;
        this.host.requestUpdate();
        e.stopPropagation();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  /** The combobox for `dir`, in `locale`; `current` marks the customer shown. */
  render(dir: CustomerDirectory, fmt: Formatter, locale: Locale, current?: string): TemplateResult {
    const t = (k: Parameters<typeof messages.t>[1], p?: Record<string, string | number>) => messages.t(locale, k, p);
    const { indices, total } = searchCustomers(dir, this.query, PICKER_LIMIT);
    this.indices = indices;
    if (this.active >= indices.length) this.active = indices.length - 1;
    const listId = `${this.idPrefix}-list`;
    const status = !total
      ? t('noMatches', { query: this.query.trim() })
      : total > indices.length
        ? t('showingFirst', { shown: fmt.integer(indices.length), count: fmt.integer(total) })
        : t('matches', { count: total });
    return html`<div class="picker">
      <label class="picker-label" for="${this.idPrefix}-input">${t('picker')}</label>
      <input
        id="${this.idPrefix}-input"
        class="picker-input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        placeholder=${t('pickerPlaceholder')}
        aria-autocomplete="list"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${this.open && this.active >= 0 ? this.optionId(this.active) : nothing}
        .value=${this.query}
        @input=${(e: InputEvent) => {
          this.query = (e.target as HTMLInputElement).value;
          this.open = true;
          this.active = this.query.trim() ? 0 : -1;
          this.host.requestUpdate();
        }}
        @focus=${() => {
          this.open = true;
          this.host.requestUpdate();
        }}
        @blur=${() => {
          this.open = false;
          this.host.requestUpdate();
        }}
        @keydown=${(e: KeyboardEvent) => this.keydown(e, dir)}
      />
      <ul id=${listId} class="picker-list" role="listbox" aria-label=${t('pickerResults')} ?hidden=${!this.open || !indices.length}>
        ${indices.map((index, i) => {
          const id = dir.ids[index];
          const name = dir.names[index];
          const figures = dir.orders[index]
            ? t('optionFigures', { revenue: fmt.currency(dir.revenue[index], 0), count: dir.orders[index] })
            : t('prospect');
          return html`<li
            id=${this.optionId(i)}
            role="option"
            class="picker-option ${i === this.active ? 'active' : ''}"
            aria-selected=${i === this.active ? 'true' : 'false'}
            aria-current=${id === current ? 'true' : nothing}
            @pointerdown=${(e: PointerEvent) => e.preventDefault() /* keep focus in the input */}
            @click=${() => this.choose(dir, i)}
          >
            <span class="option-name">${name ?? id}</span>
            <span class="option-meta">${name ? `${id} · ` : ''}${figures}</span>
          </li>`;
        })}
      </ul>
      <div class="picker-status" role="status">${this.open || this.query ? status : ''}</div>
    </div>`;
  }
}
