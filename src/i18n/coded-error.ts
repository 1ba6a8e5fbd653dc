/**
 * Errors a person may see in a widget (a bad attribute, an option value, an export or map problem) that are
 * not feed errors: made with a message code and its values, so the error state can show them in the page's
 * language (`errorText` in src/data/messages). The message is the English text, as before.
 */
import { defineMessages, type MessageParams } from './messages.js';
import type { Locale } from './locales.js';
import { en, type ErrorMessageKey } from './errors/en.js';
import { zhCN } from './errors/zh-CN.js';

export const errorMessages = defineMessages(en, zhCN);
export type { ErrorMessageKey };

/** An Error (or RangeError, TypeError) with a message code and its values. */
export type CodedError<E extends Error = Error> = E & { readonly code: ErrorMessageKey; readonly params: MessageParams };

/**
 * An error of type `Type` whose message is the English text of `code`. A `cause` that is itself coded fills
 * the `{reason}` placeholder in any locale.
 */
export function codedError<E extends Error>(
  Type: new (message: string, options?: ErrorOptions) => E,
  code: ErrorMessageKey,
  params: MessageParams = {},
  cause?: unknown,
): CodedError<E> {
  const error = new Type(errorMessages.t('en', code, params), cause === undefined ? undefined : { cause });
  return Object.assign(error, { code, params });
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as Partial<CodedError>).code === 'string' && Object.hasOwn(en, (error as CodedError).code);
}

/** A coded error's text in `locale` (its cause's text as `{reason}`); undefined for other errors. */
export function codedErrorText(error: unknown, locale: Locale, causeText: (cause: unknown) => string): string | undefined {
  if (!isCodedError(error)) return undefined;
  const params = error.cause === undefined ? error.params : { ...error.params, reason: causeText(error.cause) };
  return errorMessages.t(locale, error.code, params);
}
