import { ValidateBy, type ValidationArguments } from 'class-validator';
import { parseNear } from './shift-board.types';

const nearOf = (args?: ValidationArguments) => (args?.object as { near?: unknown } | undefined)?.near;

/** One clear message for a converted query number (`limit=abc` converts to NaN), not one per constraint. */
export function IsNumberFrom(min: number, max: number, options: { integer?: boolean; message: string }): PropertyDecorator {
  return ValidateBy({
    name: 'isNumberFrom',
    constraints: [min, max],
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= min &&
        value <= max &&
        (!options.integer || Number.isInteger(value)),
      defaultMessage: () => options.message,
    },
  });
}

export function IsNear(): PropertyDecorator {
  return ValidateBy({
    name: 'isNear',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseNear(value) !== null,
      defaultMessage: () => 'near must be "lat,lng" in degrees (latitude -90..90, longitude -180..180), e.g. near=27.93,120.80',
    },
  });
}

/** Fails when the property is given (or, with `when`, has that value) but `near` is not. */
export function NeedsNear(message: string, when?: unknown): PropertyDecorator {
  return ValidateBy({
    name: 'needsNear',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => (when !== undefined && value !== when) || nearOf(args) !== undefined,
      defaultMessage: () => message,
    },
  });
}
