import { ValidationFailed } from './errors';

// The forms a moment may take in a query or on the command line: a calendar date (midnight UTC),
// or a date and time with its zone. Every other ISO 8601 form is refused, never guessed at.
const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

export const MOMENT_RULE =
  'an ISO 8601 date (2026-03-01, midnight UTC) or date and time with its zone (2026-03-01T10:00:00Z, 2026-03-01T10:00+02:00)';

/** The canonical UTC form (`2026-03-01T10:00:00.000Z`) of a moment, or null when it is not one. */
export function parseMoment(text: string): string | null {
  const m = MOMENT.exec(text);
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // 2026-02-30 is no day at all, not 2 March
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const [hours, minutes] = zone.slice(1).split(':').map(Number);
    if (hours > 23 || minutes > 59) return null;
    const offset = (hours * 60 + minutes) * 60_000 * (zone.startsWith('-') ? -1 : 1);
    date.setTime(date.getTime() - offset);
  }
  return date.toISOString();
}

/** As `parseMoment`, refusing what is not a moment with a validation error naming the field. */
export function momentOf(text: string, field: string): string {
  const moment = parseMoment(text);
  if (moment === null) throw new ValidationFailed(`${field} must be ${MOMENT_RULE}`);
  return moment;
}
