import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

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

/** Names that reach an object's prototype: refused like any unknown field, wherever they are nested. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Each path of a body or query whose name reaches a prototype (class-transformer skips them silently). */
function prototypeKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => [
    ...(PROTOTYPE_KEYS.has(key) ? [`${prefix}${key} is not a field of this request`] : []),
    ...prototypeKeys((value as Record<string, unknown>)[key], `${prefix}${key}.`),
  ]);
}

/** Bodies and queries: known fields only, each of the right type; anything else is validation_failed. */
class LedgerValidationPipe extends ValidationPipe {
  constructor() {
    super({ ...STRICT, exceptionFactory: (errors) => new BadRequestException(flatten(errors)) });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const refused = prototypeKeys(value);
      if (refused.length > 0) throw new BadRequestException(refused);
    }
    return super.transform(value, metadata);
  }
}

export function validationPipe(): ValidationPipe {
  return new LedgerValidationPipe();
}
