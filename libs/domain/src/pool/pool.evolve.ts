import Decimal from 'decimal.js';
import { InvariantViolated } from '../errors';
import { PoolEvent } from './pool.events';
import { RecordedEntry } from '../reversals/reversal.events';
import { foldReversal } from '../reversals/reversal.state';
import { LoanRecord, PoolState, assertPoolReconciles, savingsOf } from './pool.state';

/** Folds one pool event into the state (in place, on a working copy) and checks the books still reconcile. */
export function evolvePool(state: PoolState, event: PoolEvent): PoolState {
  applyPoolEvent(state, event);
  assertPoolReconciles(state);
  return state;
}

function applyPoolEvent(state: PoolState, event: PoolEvent): void {
  const t = state.totals;
  switch (event.type) {
    case 'SavingsDeposited':
      moveSavings(state, event.data.memberId, new Decimal(event.data.amount));
      t.deposits = t.deposits.plus(event.data.amount);
      return;
    case 'SavingsWithdrawn':
      moveSavings(state, event.data.memberId, new Decimal(event.data.amount).negated());
      t.withdrawals = t.withdrawals.plus(event.data.amount);
      return;
    case 'LoanApplied': {
      const d = event.data;
      state.loans.set(d.loanId, {
        loanId: d.loanId,
        borrowerId: d.borrowerId,
        principal: new Decimal(d.principal),
        termMonths: d.termMonths,
        annualInterestRate: new Decimal(d.annualInterestRate),
        purpose: d.purpose,
        projectId: d.projectId,
        phase: d.phase,
        status: 'applied',
        approvals: [],
        writeOffVotes: [],
        schedule: [],
        principalPaid: new Decimal(0),
        interestPaid: new Decimal(0),
      });
      return;
    }
    case 'LoanApprovalGiven':
      return change(state, event.data.loanId, (loan) => ({ approvals: [...loan.approvals, event.data.treasurerId] }));
    case 'LoanApproved':
      return change(state, event.data.loanId, () => ({ status: 'approved' }));
    case 'LoanRejected':
      return change(state, event.data.loanId, () => ({ status: 'rejected' }));
    case 'LoanCancelled':
      return change(state, event.data.loanId, () => ({ status: 'cancelled' }));
    case 'LoanDisbursed': {
      const amount = new Decimal(event.data.amount);
      state.cash = state.cash.minus(amount);
      t.disbursed = t.disbursed.plus(amount);
      return change(state, event.data.loanId, () => ({ status: 'active', schedule: event.data.schedule }));
    }
    case 'LoanRepaymentReceived':
      return bookRepayment(state, event.data, 1);
    case 'LoanRepaid':
      return change(state, event.data.loanId, () => ({ status: 'repaid' }));
    case 'LoanWriteOffVoted':
      return change(state, event.data.loanId, (loan) => ({ writeOffVotes: [...loan.writeOffVotes, event.data.treasurerId] }));
    case 'LoanWrittenOff':
      t.writtenOff = t.writtenOff.plus(event.data.principal);
      return change(state, event.data.loanId, () => ({ status: 'written_off' }));
    case 'ReversalProposed':
    case 'ReversalRejected':
    case 'EntryReversed':
      foldReversal(state, event, undoPoolEntry);
      return;
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown pool event ${(unhandled as { type: string }).type}`);
    }
  }
}

/** Exactly the original's amounts, back the other way, in the same totals: the books still reconcile. */
function undoPoolEntry(state: PoolState, entry: RecordedEntry): void {
  const t = state.totals;
  switch (entry.type) {
    case 'SavingsDeposited':
      moveSavings(state, entry.data.memberId, new Decimal(entry.data.amount).negated());
      t.deposits = t.deposits.minus(entry.data.amount);
      return;
    case 'SavingsWithdrawn':
      moveSavings(state, entry.data.memberId, new Decimal(entry.data.amount));
      t.withdrawals = t.withdrawals.minus(entry.data.amount);
      return;
    case 'LoanRepaymentReceived':
      bookRepayment(state, entry.data, -1);
      // a loan repaid in full owes again what the reversed repayment paid
      return change(state, entry.data.loanId, (loan) => ({ status: loan.status === 'repaid' ? 'active' : loan.status }));
    default:
      throw new InvariantViolated(`a pool reversal names a ${entry.type}`);
  }
}

/** A repayment into the pool's cash, interest and the loan's paid figures (`way` −1: given back). */
function bookRepayment(state: PoolState, repayment: { loanId: string; interest: string; principal: string }, way: 1 | -1): void {
  const t = state.totals;
  const interest = new Decimal(repayment.interest).times(way);
  const principal = new Decimal(repayment.principal).times(way);
  state.cash = state.cash.plus(interest).plus(principal);
  t.interestReceived = t.interestReceived.plus(interest);
  t.repaidPrincipal = t.repaidPrincipal.plus(principal);
  change(state, repayment.loanId, (loan) => ({ principalPaid: loan.principalPaid.plus(principal), interestPaid: loan.interestPaid.plus(interest) }));
}

/** Savings and cash move together: a deposit is cash the pool holds for the member. */
function moveSavings(state: PoolState, memberId: string, amount: Decimal): void {
  state.savings.set(memberId, savingsOf(state, memberId).plus(amount));
  state.totalSavings = state.totalSavings.plus(amount);
  state.cash = state.cash.plus(amount);
}

function change(state: PoolState, loanId: string, update: (loan: LoanRecord) => Partial<LoanRecord>): void {
  const loan = state.loans.get(loanId);
  if (!loan) throw new InvariantViolated(`event names unknown loan ${loanId}`);
  state.loans.set(loanId, { ...loan, ...update(loan) });
}
