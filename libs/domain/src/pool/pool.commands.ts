import { ReversalCommand } from '../reversals/reversal.commands';

/** Every pool command names who gives it (`actorId`, a member id) and when (`at`). */
interface PoolCommandBase {
  actorId: string;
  at: string;
}

export interface DepositSavings extends PoolCommandBase {
  type: 'DepositSavings';
  memberId: string;
  amount: string;
}

export interface WithdrawSavings extends PoolCommandBase {
  type: 'WithdrawSavings';
  memberId: string;
  amount: string;
}

export interface ApplyForLoan extends PoolCommandBase {
  type: 'ApplyForLoan';
  loanId: string;
  borrowerId: string;
  principal: string;
  termMonths: number;
  annualInterestRate: string;
  purpose: string;
  projectId?: string;
  /** a phase of the hub project `projectId` names */
  phase?: string;
}

export interface ApproveLoan extends PoolCommandBase {
  type: 'ApproveLoan';
  loanId: string;
  note: string;
}

export interface RejectLoan extends PoolCommandBase {
  type: 'RejectLoan';
  loanId: string;
  reason: string;
}

export interface CancelLoan extends PoolCommandBase {
  type: 'CancelLoan';
  loanId: string;
}

export interface DisburseLoan extends PoolCommandBase {
  type: 'DisburseLoan';
  loanId: string;
}

export interface RepayLoan extends PoolCommandBase {
  type: 'RepayLoan';
  loanId: string;
  amount: string;
}

export interface VoteToWriteOff extends PoolCommandBase {
  type: 'VoteToWriteOff';
  loanId: string;
  reason: string;
}

export type PoolCommand =
  | ReversalCommand
  | DepositSavings
  | WithdrawSavings
  | ApplyForLoan
  | ApproveLoan
  | RejectLoan
  | CancelLoan
  | DisburseLoan
  | RepayLoan
  | VoteToWriteOff;
