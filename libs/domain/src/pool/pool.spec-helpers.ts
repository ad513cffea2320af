import Decimal from 'decimal.js';
import { HUB_PEOPLE, at, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { HubState } from '../hub/hub.state';
import { loanSchedule } from './loan-schedule';
import { PoolCommand } from './pool.commands';
import { poolDecider } from './pool.decider';
import { PoolEvent } from './pool.events';
import { PoolState } from './pool.state';

export { at };

/** A hub with savers, treasurers (two of whom also save), coordinators and an auditor. */
export function poolHub(options: { approvalQuorum?: number; reserveRatio?: string } = {}): HubState {
  return hubOf(hubCreated(options), ...HUB_PEOPLE);
}

/** The pool as its recorded events leave it: the "given" of a spec. */
export function givenPool(...events: PoolEvent[]): PoolState {
  return events.reduce(poolDecider.evolve, poolDecider.initialState());
}

export function when(command: PoolCommand, state: PoolState, hub: HubState): PoolEvent[] {
  return poolDecider.decide(command, state, hub);
}

// events, as the pool records them (amounts at the currency's scale)
const money = (amount: string) => new Decimal(amount).toFixed(2);
export const deposited = (memberId: string, amount: string): PoolEvent => ({ type: 'SavingsDeposited', data: { memberId, amount: money(amount), at } });
export const withdrawn = (memberId: string, amount: string): PoolEvent => ({ type: 'SavingsWithdrawn', data: { memberId, amount: money(amount), at } });
/** A loan's terms: 4 months at 12 % unless a spec says otherwise. */
export interface LoanTerms {
  termMonths?: number;
  annualInterestRate?: string;
  projectId?: string;
  phase?: string;
}
export const applied = (loanId: string, borrowerId: string, principal: string, terms: LoanTerms = {}): PoolEvent => ({
  type: 'LoanApplied',
  data: {
    loanId, borrowerId, principal: money(principal), termMonths: terms.termMonths ?? 4, annualInterestRate: terms.annualInterestRate ?? '0.12',
    purpose: 'greenhouse glazing', projectId: terms.projectId ?? null, phase: terms.phase ?? null, appliedBy: borrowerId, at,
  },
});
export const approvalGiven = (loanId: string, treasurerId: string): PoolEvent => ({
  type: 'LoanApprovalGiven', data: { loanId, treasurerId, role: 'treasurer', note: 'known to the hub', at },
});
export const approvedBy = (loanId: string, ...approvers: string[]): PoolEvent[] => [
  ...approvers.map((treasurerId) => approvalGiven(loanId, treasurerId)),
  { type: 'LoanApproved', data: { loanId, approvers, at } },
];
export const rejectedBy = (loanId: string, treasurerId: string): PoolEvent => ({
  type: 'LoanRejected', data: { loanId, treasurerId, role: 'treasurer', reason: 'pool too thin', at },
});
export const cancelledBy = (loanId: string, by: string): PoolEvent => ({ type: 'LoanCancelled', data: { loanId, by, at } });
export const disbursed = (loanId: string, borrowerId: string, principal: string, when = at, terms: LoanTerms = {}): PoolEvent => ({
  type: 'LoanDisbursed',
  data: {
    loanId, borrowerId, amount: money(principal), treasurerId: 'ted', at: when,
    schedule: loanSchedule(new Decimal(principal), new Decimal(terms.annualInterestRate ?? '0.12'), terms.termMonths ?? 4, when, 2),
  },
});
export const repaid = (loanId: string, borrowerId: string, interest: string, principal: string, when = at): PoolEvent => ({
  type: 'LoanRepaymentReceived',
  data: { loanId, borrowerId, amount: money(new Decimal(interest).plus(principal).toString()), interest: money(interest), principal: money(principal), treasurerId: 'ted', at: when },
});
export const closed = (loanId: string): PoolEvent => ({ type: 'LoanRepaid', data: { loanId, at } });
export const writeOffVoted = (loanId: string, treasurerId: string): PoolEvent => ({
  type: 'LoanWriteOffVoted', data: { loanId, treasurerId, role: 'treasurer', reason: 'moved away', at },
});

// commands
export const deposit = (memberId: string, amount: string, actorId = 'tia'): PoolCommand => ({ type: 'DepositSavings', memberId, amount, actorId, at });
export const withdraw = (memberId: string, amount: string, actorId = 'tia'): PoolCommand => ({ type: 'WithdrawSavings', memberId, amount, actorId, at });
export const applyFor = (loanId: string, borrowerId: string, principal: string, extra: Partial<PoolCommand> = {}): PoolCommand =>
  ({
    type: 'ApplyForLoan', loanId, borrowerId, principal, termMonths: 4, annualInterestRate: '0.12', purpose: 'greenhouse glazing',
    actorId: borrowerId, at, ...extra,
  }) as PoolCommand;
export const approve = (loanId: string, actorId: string, when = at): PoolCommand => ({ type: 'ApproveLoan', loanId, note: 'known to the hub', actorId, at: when });
export const reject = (loanId: string, actorId: string): PoolCommand => ({ type: 'RejectLoan', loanId, reason: 'pool too thin', actorId, at });
export const cancel = (loanId: string, actorId: string): PoolCommand => ({ type: 'CancelLoan', loanId, actorId, at });
export const disburse = (loanId: string, actorId = 'ted', when = at): PoolCommand => ({ type: 'DisburseLoan', loanId, actorId, at: when });
export const repay = (loanId: string, amount: string, when = at, actorId = 'ted'): PoolCommand => ({ type: 'RepayLoan', loanId, amount, actorId, at: when });
export const voteWriteOff = (loanId: string, actorId: string): PoolCommand => ({ type: 'VoteToWriteOff', loanId, reason: 'moved away', actorId, at });
