import { DomainEvent } from '../decider';
import { ReversalEvent } from '../reversals/reversal.events';

/** One instalment of a disbursed loan's fixed schedule. */
export interface Instalment {
  number: number;
  dueDate: string;
  principal: string;
  interest: string;
  total: string;
}

export type SavingsDeposited = DomainEvent<'SavingsDeposited', { memberId: string; amount: string; at: string }>;
export type SavingsWithdrawn = DomainEvent<'SavingsWithdrawn', { memberId: string; amount: string; at: string }>;

export type LoanApplied = DomainEvent<
  'LoanApplied',
  {
    loanId: string;
    borrowerId: string;
    principal: string;
    termMonths: number;
    annualInterestRate: string;
    purpose: string;
    projectId: string | null;
    /** the project's phase the loan finances, or null (schema version 2; version 1 had none) */
    phase: string | null;
    /** the borrower, or the treasurer who applied on their behalf */
    appliedBy: string;
    at: string;
  }
>;

/** One treasurer's approval, with their note; the quorum's last one is followed by LoanApproved. */
export type LoanApprovalGiven = DomainEvent<
  'LoanApprovalGiven',
  { loanId: string; treasurerId: string; role: 'treasurer'; note: string; at: string }
>;
export type LoanApproved = DomainEvent<'LoanApproved', { loanId: string; approvers: string[]; at: string }>;
export type LoanRejected = DomainEvent<
  'LoanRejected',
  { loanId: string; treasurerId: string; role: 'treasurer'; reason: string; at: string }
>;
export type LoanCancelled = DomainEvent<'LoanCancelled', { loanId: string; by: string; at: string }>;

/** Cash leaves the pool and the schedule is fixed. */
export type LoanDisbursed = DomainEvent<
  'LoanDisbursed',
  { loanId: string; borrowerId: string; amount: string; schedule: Instalment[]; treasurerId: string; at: string }
>;

/** A repayment, split as the rule says: interest due first, then principal. */
export type LoanRepaymentReceived = DomainEvent<
  'LoanRepaymentReceived',
  { loanId: string; borrowerId: string; amount: string; interest: string; principal: string; treasurerId: string; at: string }
>;
export type LoanRepaid = DomainEvent<'LoanRepaid', { loanId: string; at: string }>;

export type LoanWriteOffVoted = DomainEvent<
  'LoanWriteOffVoted',
  { loanId: string; treasurerId: string; role: 'treasurer'; reason: string; at: string }
>;
/** The unpaid principal leaves the pool's assets. */
export type LoanWrittenOff = DomainEvent<
  'LoanWrittenOff',
  { loanId: string; borrowerId: string; principal: string; voters: string[]; at: string }
>;

export type PoolEvent = PoolEntry | ReversalEvent;

/** The pool's own events; its reversal events are named in REVERSAL_EVENT_TYPES. */
export type PoolEntry =
  | SavingsDeposited
  | SavingsWithdrawn
  | LoanApplied
  | LoanApprovalGiven
  | LoanApproved
  | LoanRejected
  | LoanCancelled
  | LoanDisbursed
  | LoanRepaymentReceived
  | LoanRepaid
  | LoanWriteOffVoted
  | LoanWrittenOff;

export const POOL_EVENT_TYPES: ReadonlySet<string> = new Set<PoolEntry['type']>([
  'SavingsDeposited',
  'SavingsWithdrawn',
  'LoanApplied',
  'LoanApprovalGiven',
  'LoanApproved',
  'LoanRejected',
  'LoanCancelled',
  'LoanDisbursed',
  'LoanRepaymentReceived',
  'LoanRepaid',
  'LoanWriteOffVoted',
  'LoanWrittenOff',
]);
