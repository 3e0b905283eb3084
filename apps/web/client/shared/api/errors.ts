import type { ErrorCode } from '@lingong/error-codes';
import type { Schemas } from './types';

export type ApiError = Schemas['ApiError'];
export type { ErrorCode };

/** A face's texts for the codes it explains (`errors.code.*`): only codes the API answers, checked against the services' list. */
export type ErrorCodeMessages = Partial<Record<ErrorCode, string>>;

/** The field a validation message is about: class-validator starts each with the property's path (`pay.amountFen must…`). */
export function fieldOf(message: string): string | undefined {
  return /^([a-zA-Z]+)(?:[.\s[])/.exec(message)?.[1];
}

/**
 * An error answer as people read it: a business rule by its code, bad input by the field it names,
 * anything else as "try again". `t` looks the texts up in `errors.*` (Chinese first).
 */
export function explain(
  t: (key: string, named?: Record<string, unknown>) => string,
  te: (key: string) => boolean,
  error: ApiError | undefined,
): { field?: string; text: string }[] {
  if (!error) return [{ text: t('errors.network') }];
  if (error.code && te(`errors.code.${error.code}`))
    return [{ text: t(`errors.code.${error.code}`, { seconds: error.retryAfterSeconds ?? 60 }) }];
  if (error.statusCode === 400) {
    return error.message.map((message) => {
      const field = fieldOf(message);
      return { field, text: field && te(`errors.field.${field}`) ? t(`errors.field.${field}`) : t('errors.badInput') };
    });
  }
  if (error.statusCode === 404) return [{ text: t('errors.notFound') }];
  return [{ text: t('errors.unknown') }];
}
