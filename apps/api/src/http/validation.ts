import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** A plain decimal string: digits, an optional fraction, no sign, no exponent. Scale is the domain's check. */
export const DECIMAL_STRING = /^(0|[1-9]\d{0,17})(\.\d{1,18})?$/;
export const DECIMAL_MESSAGE = '$property must be a decimal string such as "2.50"';
/** What an id must be (ID_RULE), after the field's name. */
export const ID_MESSAGE = "must be 1-64 characters of a-z, 0-9, '.', '_' or '-'";

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? `${prefix}${message}` : `${path}: ${message}`,
    );
    return [...own, ...flatten(error.children ?? [], `${path}.`)];
  });
}

/** Known fields only, each of the right type: for every body and query, a list's items too. */
export const STRICT = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, transform: true, validationError: { target: false, value: false } };

/** Bodies and queries: known fields only, each of the right type; anything else is validation_failed. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({ ...STRICT, exceptionFactory: (errors) => new BadRequestException(flatten(errors)) });
}
