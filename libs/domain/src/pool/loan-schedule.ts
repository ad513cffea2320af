import Decimal from 'decimal.js';
import { Instalment } from './pool.events';

const MS_PER_DAY = 86_400_000;

/** The same moment `months` calendar months later, on the month's last day when it is shorter. */
export function addMonths(iso: string, months: number): string {
  const start = new Date(iso);
  const target = new Date(start.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(start.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target.toISOString();
}

/**
 * Equal monthly instalments over `termMonths` with simple interest: total interest is
 * principal × rate × months / 12, rounded half-up to the currency's scale. Principal and interest
 * are each split evenly, rounded down; the last instalment takes what rounding left over.
 */
export function loanSchedule(
  principal: Decimal,
  annualInterestRate: Decimal,
  termMonths: number,
  disbursedAt: string,
  scale: number,
): Instalment[] {
  const totalInterest = principal.times(annualInterestRate).times(termMonths).dividedBy(12).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  const principalEach = principal.dividedBy(termMonths).toDecimalPlaces(scale, Decimal.ROUND_DOWN);
  const interestEach = totalInterest.dividedBy(termMonths).toDecimalPlaces(scale, Decimal.ROUND_DOWN);
  return Array.from({ length: termMonths }, (_, i) => {
    const last = i === termMonths - 1;
    const principalPart = last ? principal.minus(principalEach.times(termMonths - 1)) : principalEach;
    const interestPart = last ? totalInterest.minus(interestEach.times(termMonths - 1)) : interestEach;
    return {
      number: i + 1,
      dueDate: addMonths(disbursedAt, i + 1),
      principal: principalPart.toFixed(scale),
      interest: interestPart.toFixed(scale),
      total: principalPart.plus(interestPart).toFixed(scale),
    };
  });
}

/** Interest of the instalments due at `at`, less what was paid: what a repayment settles first. */
export function interestDue(schedule: Instalment[], interestPaid: Decimal, at: string): Decimal {
  let due = new Decimal(0);
  for (const instalment of schedule) if (instalment.dueDate <= at) due = due.plus(instalment.interest);
  return Decimal.max(0, due.minus(interestPaid));
}

export interface Standing {
  /** what fell due by `at` and was not paid */
  arrears: Decimal;
  /** days since the earliest instalment that is not covered by what was paid */
  daysPastDue: number;
}

/** A loan's standing at a moment, from its schedule and what was paid in all. */
export function standingAt(schedule: Instalment[], paid: Decimal, at: string): Standing {
  let dueByNow = new Decimal(0);
  let cumulative = new Decimal(0);
  let daysPastDue = 0;
  for (const instalment of schedule) {
    cumulative = cumulative.plus(instalment.total);
    if (instalment.dueDate > at) break;
    dueByNow = cumulative;
    if (daysPastDue === 0 && cumulative.greaterThan(paid)) {
      daysPastDue = Math.floor((Date.parse(at) - Date.parse(instalment.dueDate)) / MS_PER_DAY);
    }
  }
  return { arrears: Decimal.max(0, dueByNow.minus(paid)), daysPastDue };
}
