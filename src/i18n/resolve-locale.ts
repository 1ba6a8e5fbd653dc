import { parentAcrossShadow } from '../components/base/ancestors.js';
import { normalizeLocale, type Locale } from './locales.js';

/**
 * The locale of an element: `own` (its `locale` property, which frameworks set instead of the attribute), its
 * own `locale` or `lang` attribute, else the closest ancestor's `lang` (walking across shadow roots), else
 * `navigator.language`; normalized to a supported locale. An empty `lang=""` means "unknown" (as in HTML) and
 * is skipped.
 */
export function resolveLocale(element: Element, own?: string | null): Locale {
  if (own) return normalizeLocale(own);
  return inheritedLocale(element);
}

function inheritedLocale(element: Element): Locale {
  const own = element.getAttribute('locale') || element.getAttribute('lang');
  if (own) return normalizeLocale(own);
  for (let el = parentAcrossShadow(element); el; el = parentAcrossShadow(el)) {
    const lang = el.getAttribute('lang');
    if (lang) return normalizeLocale(lang);
  }
  return normalizeLocale(typeof navigator === 'undefined' ? 'en' : navigator.language);
}
