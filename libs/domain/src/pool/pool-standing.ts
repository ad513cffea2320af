import Decimal from 'decimal.js';
import { standingAt } from './loan-schedule';
import { PoolState, outstandingPrincipal } from './pool.state';

export const PORTFOLIO_AT_RISK_DAYS = 30;

export interface PoolStanding {
  activeLoans: number;
  outstanding: Decimal;
  arrears: Decimal;
  /** outstanding principal of loans with an instalment unpaid more than 30 days after its due date */
  portfolioAtRisk30: Decimal;
}

/** The loan book at a moment: what is owed, what is late, and what is at risk. */
export function poolStanding(state: PoolState, at: string): PoolStanding {
  let activeLoans = 0;
  let outstanding = new Decimal(0);
  let arrears = new Decimal(0);
  let portfolioAtRisk30 = new Decimal(0);
  for (const loan of state.loans.values()) {
    if (loan.status !== 'active') continue;
    activeLoans += 1;
    const owed = outstandingPrincipal(loan);
    const standing = standingAt(loan.schedule, loan.principalPaid.plus(loan.interestPaid), at);
    outstanding = outstanding.plus(owed);
    arrears = arrears.plus(standing.arrears);
    if (standing.daysPastDue > PORTFOLIO_AT_RISK_DAYS) portfolioAtRisk30 = portfolioAtRisk30.plus(owed);
  }
  return { activeLoans, outstanding, arrears, portfolioAtRisk30 };
}
