/** The locales crm-lens ships messages for. */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/**
 * Maps any BCP 47 tag to a supported locale: every Chinese tag (`zh`, `zh-Hans`, `zh-TW`, `zh_CN`) →
 * `zh-CN`, everything else (including empty or malformed tags) → `en`.
 */
export function normalizeLocale(tag: string | null | undefined): Locale {
  return /^zh(?:[-_]|$)/i.test((tag ?? '').trim()) ? 'zh-CN' : 'en';
}
