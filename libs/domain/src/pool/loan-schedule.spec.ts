import Decimal from 'decimal.js';
import { addMonths, interestDue, loanSchedule, standingAt } from './loan-schedule';

describe('loan schedule', () => {
  it('splits principal and simple interest into equal monthly instalments, the last taking the rounding', () => {
    const schedule = loanSchedule(new Decimal('1000'), new Decimal('0.05'), 3, '2026-01-15T12:00:00.000Z', 2);
    // interest 1000 × 5 % × 3/12 = 12.50; principal 333.33 + 333.33 + 333.34
    expect(schedule).toEqual([
      { number: 1, dueDate: '2026-02-15T12:00:00.000Z', principal: '333.33', interest: '4.16', total: '337.49' },
      { number: 2, dueDate: '2026-03-15T12:00:00.000Z', principal: '333.33', interest: '4.16', total: '337.49' },
      { number: 3, dueDate: '2026-04-15T12:00:00.000Z', principal: '333.34', interest: '4.18', total: '337.52' },
    ]);
  });

  it('has no interest at a zero rate', () => {
    const schedule = loanSchedule(new Decimal('90'), new Decimal('0'), 3, '2026-01-01T00:00:00.000Z', 2);
    expect(schedule.map((i) => i.total)).toEqual(['30.00', '30.00', '30.00']);
  });

  it('falls back to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31T09:00:00.000Z', 1)).toBe('2026-02-28T09:00:00.000Z');
    expect(addMonths('2028-01-31T09:00:00.000Z', 1)).toBe('2028-02-29T09:00:00.000Z');
    expect(addMonths('2026-12-15T09:00:00.000Z', 2)).toBe('2027-02-15T09:00:00.000Z');
  });

  it('counts interest due only for instalments whose date has come', () => {
    const schedule = loanSchedule(new Decimal('1200'), new Decimal('0.1'), 12, '2026-01-01T00:00:00.000Z', 2);
    expect(interestDue(schedule, new Decimal(0), '2026-01-31T00:00:00.000Z').toFixed(2)).toBe('0.00');
    expect(interestDue(schedule, new Decimal(0), '2026-03-01T00:00:00.000Z').toFixed(2)).toBe('20.00');
    expect(interestDue(schedule, new Decimal(15), '2026-03-01T00:00:00.000Z').toFixed(2)).toBe('5.00');
  });

  it('computes arrears and days past due from the earliest instalment not covered', () => {
    const schedule = loanSchedule(new Decimal('300'), new Decimal('0'), 3, '2026-01-01T00:00:00.000Z', 2);
    expect(standingAt(schedule, new Decimal(0), '2026-01-20T00:00:00.000Z')).toEqual({ arrears: new Decimal(0), daysPastDue: 0 });
    const late = standingAt(schedule, new Decimal(50), '2026-03-10T00:00:00.000Z');
    expect(late.arrears.toFixed(2)).toBe('150.00');
    expect(late.daysPastDue).toBe(37); // the first instalment, due 1 February, is still 50 short
    expect(standingAt(schedule, new Decimal(200), '2026-03-10T00:00:00.000Z').daysPastDue).toBe(0);
  });
});
