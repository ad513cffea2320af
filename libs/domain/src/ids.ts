import { ValidationFailed } from './errors';

// Lower-case slugs keep ids safe in stream names, URLs and CSV; '@' never appears, so
// system accounts such as '@hub' can never collide with a member.
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new ValidationFailed(`${field} must be 1-64 characters of a-z, 0-9, '.', '_' or '-'`);
  }
  return value;
}

export const ID_RULE = ID_PATTERN;
