import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  ValidateBy,
  ValidateNested,
  buildMessage,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDay, isIsoDateTimeWithOffset, isWithinMarketEra } from './datetime';
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

const ERA_TEXT = 'must be between 2000-01-01 and 2099-12-31';

/** An ISO 8601 date-time with an explicit offset, within the market's era (see MARKET_ERA). */
export function IsIsoWithOffset(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoWithOffset',
      validator: {
        validate: (value: unknown) => isIsoDateTimeWithOffset(value) && isWithinMarketEra(Date.parse(value)),
        defaultMessage: buildMessage(
          (each, args) =>
            isIsoDateTimeWithOffset(args?.value)
              ? `${each}$property ${ERA_TEXT}`
              : `${each}$property must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)`,
          options,
        ),
      },
    },
    options,
  );
}

/** A calendar day `YYYY-MM-DD` that exists, within the market's era. */
export const IsCalendarDay = (options?: ValidationOptions) =>
  simple('isCalendarDay', isCalendarDay, `must be a date YYYY-MM-DD between 2000-01-01 and 2099-12-31`, options);

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

/**
 * The decorated date is at most `hours` after `property` (e.g. a shift's end after its start), so
 * that nothing downstream walks a span a client chose. Unparseable values are left to format validators.
 */
export function IsAtMostHoursAfter(property: string, hours: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAtMostHoursAfter',
      constraints: [property, hours],
      validator: {
        validate(value: unknown, args?: ValidationArguments): boolean {
          const a = toTime(value);
          const b = toTime((args?.object as Record<string, unknown> | undefined)?.[property]);
          return Number.isNaN(a) || Number.isNaN(b) || a - b <= hours * 3_600_000;
        },
        defaultMessage: buildMessage((each) => `${each}$property must be at most $constraint2 hours after $constraint1`, options),
      },
    },
    options,
  );
}

type Constructor = new (...args: never[]) => object;

/**
 * A nested object of class `type`, validated in full. Refuses an array, text or a number where
 * the object belongs: class-transformer maps an array element by element and `@ValidateNested`
 * alone lets `[]` through, which then reaches the database as missing fields. Every nested DTO
 * uses this (lint forbids `@ValidateNested` in apps). Whether it may be missing is said beside it,
 * with `@IsDefined` or `@IsOptional`.
 */
export function NestedObject(type: () => Constructor, options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    ValidateBy(
      {
        name: 'isNestedObject',
        validator: {
          validate: (value: unknown) => value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value)),
          defaultMessage: buildMessage((each) => `${each}$property must be an object`, options),
        },
      },
      options,
    )(target, property as string);
    ValidateNested(options)(target, property as string);
    Type(type)(target, property as string);
  };
}

/** A list of at most `max` objects of class `type`, each an object (not a list or text) and validated in full. */
export function NestedArrayOf(type: () => Constructor, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsArray(options)(target, property as string);
    ArrayMaxSize(max, options)(target, property as string);
    IsObject({ ...options, each: true, message: `each item of $property must be an object` })(target, property as string);
    ValidateNested({ ...options, each: true })(target, property as string);
    Type(type)(target, property as string);
  };
}

/** Stores the phone as its bare 11 digits (`+86 138-0013-8000` → `13800138000`); invalid input is left for IsMainlandPhone to report. */
export function ToMainlandPhone(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value));
}

/** Trims text fields, so a name of spaces is caught by IsNotEmpty. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
