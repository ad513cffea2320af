import Decimal from 'decimal.js';
import { InvariantViolated } from '../errors';
import { Instalment } from './pool.events';
import { ReversalBook, copyReversalBook, initialReversalBook } from '../reversals/reversal.state';

export type LoanStatus = 'applied' | 'approved' | 'rejected' | 'cancelled' | 'active' | 'repaid' | 'written_off';

/** A loan as the pool decides on it. Records are replaced, never edited in place. */
export interface LoanRecord {
  loanId: string;
  borrowerId: string;
  principal: Decimal;
  termMonths: number;
  annualInterestRate: Decimal;
  purpose: string;
  projectId: string | null;
  phase: string | null;
  status: LoanStatus;
  approvals: string[];
  writeOffVotes: string[];
  schedule: Instalment[];
  principalPaid: Decimal;
  interestPaid: Decimal;
}

export interface PoolTotals {
  deposits: Decimal;
  withdrawals: Decimal;
  disbursed: Decimal;
  repaidPrincipal: Decimal;
  interestReceived: Decimal;
  writtenOff: Decimal;
}

/** Amounts are Decimals in the hub's currency; the decider checks their scale on the way in. */
export interface PoolState {
  savings: Map<string, Decimal>;
  totalSavings: Decimal;
  cash: Decimal;
  totals: PoolTotals;
  loans: Map<string, LoanRecord>;
  reversals: ReversalBook;
}

const ZERO = new Decimal(0);

export function initialPoolState(): PoolState {
  return {
    savings: new Map(),
    totalSavings: ZERO,
    cash: ZERO,
    totals: { deposits: ZERO, withdrawals: ZERO, disbursed: ZERO, repaidPrincipal: ZERO, interestReceived: ZERO, writtenOff: ZERO },
    loans: new Map(),
    reversals: initialReversalBook(),
  };
}

export function copyPoolState(state: PoolState): PoolState {
  return { ...state, savings: new Map(state.savings), totals: { ...state.totals }, loans: new Map(state.loans), reversals: copyReversalBook(state.reversals) };
}

export function savingsOf(state: PoolState, memberId: string): Decimal {
  return state.savings.get(memberId) ?? ZERO;
}

export function outstandingPrincipal(loan: LoanRecord): Decimal {
  return loan.status === 'active' ? loan.principal.minus(loan.principalPaid) : ZERO;
}

/** What the member owes the pool on their active loans: savings backing it cannot be withdrawn. */
export function owedBy(state: PoolState, memberId: string): Decimal {
  let owed = ZERO;
  for (const loan of state.loans.values()) if (loan.borrowerId === memberId) owed = owed.plus(outstandingPrincipal(loan));
  return owed;
}

/**
 * Reconciliation, asserted after every event: cash = deposits − withdrawals − disbursed
 * + repaid principal + interest received, and never below zero. Write-offs move no cash.
 */
export function assertPoolReconciles(state: PoolState): void {
  const t = state.totals;
  const expected = t.deposits.minus(t.withdrawals).minus(t.disbursed).plus(t.repaidPrincipal).plus(t.interestReceived);
  if (!state.cash.equals(expected)) throw new InvariantViolated(`pool cash ${state.cash} does not reconcile to ${expected}`);
  if (state.cash.isNegative()) throw new InvariantViolated(`pool cash is negative: ${state.cash}`);
}
