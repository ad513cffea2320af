import { ValidationFailed } from './errors';

/** Free text from a request, trimmed; refused unless it has `min` to `max` characters. */
export function checkText(value: unknown, field: string, max: number, min = 1): string {
  if (typeof value !== 'string' || value.trim().length < min || value.length > max) {
    throw new ValidationFailed(`${field} must be ${min}-${max} characters`);
  }
  return value.trim();
}
