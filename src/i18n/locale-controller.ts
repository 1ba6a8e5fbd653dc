import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AncestorAttributeController } from '../components/base/ancestors.js';
import { Formatter, DEFAULT_CURRENCY } from './format.js';
import type { Locale } from './locales.js';
import { resolveLocale } from './resolve-locale.js';

/**
 * Keeps a host's locale and formatter current: resolves the locale before every update (the host's `locale`
 * property, own `locale`/`lang` attribute, ancestor `lang`, `navigator.language`) and re-renders the host when
 * an ancestor's `lang` changes.
 */
export class LocaleController implements ReactiveController {
  /** The resolved locale (valid from the first update on). */
  locale: Locale = 'en';
  /** Formatter for `locale` and the currency `getCurrency` returns. */
  format: Formatter = new Formatter('en');
  /** The currency asked for (may differ from `format.currencyCode` when unknown). */
  private requested = DEFAULT_CURRENCY;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly getCurrency: () => string | undefined = () => undefined,
    /** The host's own `locale` property (set from JS it need not be an attribute). */
    private readonly getLocale: () => string | undefined = () => undefined,
  ) {
    host.addController(this);
    new AncestorAttributeController(host, ['lang'], () => {}, true);
  }

  hostConnected(): void {
    this.resolve();
  }

  hostUpdate(): void {
    this.resolve();
  }

  private resolve(): void {
    const locale = resolveLocale(this.host, this.getLocale());
    const currency = (this.getCurrency() || DEFAULT_CURRENCY).toUpperCase();
    if (locale !== this.locale || currency !== this.requested) {
      this.locale = locale;
      this.requested = currency;
      const known = isCurrency(currency);
      if (!known) console.warn(`crm-lens: currency="${currency}" is not an ISO 4217 code Intl knows; showing ${DEFAULT_CURRENCY}.`);
      this.format = new Formatter(locale, known ? currency : DEFAULT_CURRENCY);
    }
  }
}

/** True when Intl knows the ISO 4217 code (a typo falls back to CNY instead of throwing mid-render). */
function isCurrency(code: string): boolean {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}
