import { Transform } from 'class-transformer';
import { ValidateBy, buildMessage, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isIsoDateTimeWithOffset } from './datetime';
import { normalizeCreditCode } from './credit-code';
import { normalizePhone } from './phone';
import { normalizeResidentId } from './resident-id';

function simple(name: string, test: (value: unknown) => boolean, text: string, options?: ValidationOptions) {
  return ValidateBy(
    { name, validator: { validate: test, defaultMessage: buildMessage((each) => `${each}$property ${text}`, options) } },
    options,
  );
}

const str = (fn: (v: string) => string | null) => (v: unknown) => typeof v === 'string' && fn(v) !== null;

export const IsMainlandPhone = (options?: ValidationOptions) =>
  simple('isMainlandPhone', str(normalizePhone), 'must be a mainland mobile number (11 digits starting 13-19)', options);

export const IsResidentId = (options?: ValidationOptions) =>
  simple('isResidentId', str(normalizeResidentId), 'must be a valid 18-character resident identity number (GB 11643)', options);

export const IsCreditCode = (options?: ValidationOptions) =>
  simple('isCreditCode', str(normalizeCreditCode), 'must be a valid 18-character unified social credit code (GB 32100)', options);

export const IsIsoWithOffset = (options?: ValidationOptions) =>
  simple('isIsoWithOffset', isIsoDateTimeWithOffset, 'must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)', options);

function toTime(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  return typeof v === 'string' ? Date.parse(v) : NaN;
}

/** Decorated date must be strictly after `property`; unparseable values are left to format validators. */
export function IsAfter(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAfter',
      constraints: [property],
      validator: {
        validate(value: unknown, args?: ValidationArguments): boolean {
          const a = toTime(value);
          const b = toTime((args?.object as Record<string, unknown> | undefined)?.[property]);
          return Number.isNaN(a) || Number.isNaN(b) || a > b;
        },
        defaultMessage: buildMessage((each) => `${each}$property must be after $constraint1`, options),
      },
    },
    options,
  );
}

/** Stores the phone as its bare 11 digits (`+86 138-0013-8000` → `13800138000`); invalid input is left for IsMainlandPhone to report. */
export function ToMainlandPhone(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value));
}

/** Trims text fields, so a name of spaces is caught by IsNotEmpty. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
