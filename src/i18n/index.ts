/** i18n: en / zh-CN messages, locale resolution and Intl formatting for crm-lens widgets. */
export * from './locales.js';
export * from './messages.js';
export * from './format.js';
export { resolveLocale } from './resolve-locale.js';
export { LocaleController } from './locale-controller.js';
export { baseMessages, type BaseMessageKey } from './base/index.js';
export { valueLabel, unknownValueLabel, VALUE_NAMES, type ValueField } from './values.js';
