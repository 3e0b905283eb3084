import { BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // Nested messages name the whole path: `pay.amountFen must be an integer number`.
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      if (!parent || message.startsWith(path)) return message;
      if (constraint === 'whitelistValidation') return `property ${path} should not exist`;
      return message.startsWith(`${error.property} `) ? `${path}${message.slice(error.property.length)}` : `${path}: ${message}`;
    });
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Bodies are typed strictly (a number where text is expected is a 400, not converted) and unknown
 * fields are refused; query DTOs convert with explicit `@Type`. Every problem is listed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    // The same packages the DTOs were decorated with, not whichever copy Nest would load lazily.
    validatorPackage: classValidator,
    transformerPackage: classTransformer,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
  });
}
