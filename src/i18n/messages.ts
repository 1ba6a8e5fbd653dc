import type { Locale } from './locales.js';

/**
 * A message: a string with `{name}` placeholders, or plural forms chosen by `Intl.PluralRules` on the
 * `count` parameter (`other` is required; Chinese needs only `other`).
 */
export type Message = string | { readonly one?: string; readonly other: string };

/** Parameters substituted into `{name}` placeholders. Format numbers before passing them. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Every locale's catalog must have exactly the English keys: a missing key is a type error. */
export type Translation<K extends string> = Readonly<Record<K, Message>>;

/** A pair of catalogs with a typed lookup. Widgets define their own with `defineMessages`. */
export interface Catalog<K extends string> {
  readonly catalogs: Readonly<Record<Locale, Translation<K>>>;
  /** The message `key` in `locale`, placeholders filled. */
  t(locale: Locale, key: K, params?: MessageParams): string;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** Fill `{name}` placeholders; an unknown placeholder is left visible so a mistake shows. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Declare a widget's messages: English first (its keys are the type), then zh-CN with the same keys.
 *
 * ```ts
 * const messages = defineMessages({ title: 'Regions' }, { title: '区域' });
 * messages.t(this.locale, 'title');
 * ```
 */
export function defineMessages<K extends string>(en: Translation<K>, zhCN: Translation<NoInfer<K>>): Catalog<K> {
  const catalogs = { en, 'zh-CN': zhCN } as const;
  return {
    catalogs,
    t(locale, key, params) {
      const message = catalogs[locale][key] ?? en[key];
      if (typeof message === 'string') return interpolate(message, params);
      let rules = pluralRules.get(locale);
      if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
      const count = Number(params?.count ?? NaN);
      const form = rules.select(count) === 'one' && message.one !== undefined ? message.one : message.other;
      return interpolate(form, params);
    },
  };
}
