import { parseMoment } from './moment';

describe('moments from queries and the command line', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T10:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:30Z', '2026-03-01T10:00:30.000Z'],
    ['2026-03-01T10:00:30.5Z', '2026-03-01T10:00:30.500Z'],
    ['2026-03-01T10:00:30.123456789Z', '2026-03-01T10:00:30.123Z'],
    ['2026-03-01T10:00+02:00', '2026-03-01T08:00:00.000Z'],
    ['2026-03-01T00:30-05:30', '2026-03-01T06:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (text, moment) => {
    expect(parseMoment(text)).toBe(moment);
  });

  it.each([
    ['an ISO week date', '2026-W10-1'],
    ['an ordinal date', '2026-060'],
    ['the basic format', '20260301T100000Z'],
    ['hours without minutes', '2026-03-01T10Z'],
    ['a comma fraction', '2026-03-01T10:00:00,5Z'],
    ['a date and time without a zone', '2026-03-01T10:00:00'],
    ['a year past 9999', '+010000-01-01'],
    ['a day that is not in its month', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['hour 24', '2026-03-01T24:00Z'],
    ['an offset of 24 hours', '2026-03-01T10:00+24:00'],
    ['words', 'June 30'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_case, text) => {
    expect(parseMoment(text)).toBeNull();
  });
});
