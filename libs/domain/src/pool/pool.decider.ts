import Decimal from 'decimal.js';
import { Decider } from '../decider';
import {
  AlreadyExists,
  Forbidden,
  InsufficientFunds,
  InsufficientLiquidity,
  InvalidState,
  NotFound,
  Overpayment,
  SeparationOfDuties,
  ValidationFailed,
} from '../errors';
import { actingAs, activeMember, notForThemselves, requireMember } from '../hub/acting';
import { RecordedEntry } from '../reversals/reversal.events';
import { confirmReversal, proposeReversal, rejectReversal } from '../reversals/reversal.rules';
import { poolStream } from '../streams';
import { HubSettings, HubState, MemberRecord, hasRole } from '../hub/hub.state';
import { checkId } from '../ids';
import { checkText } from '../text';
import { checkPhase } from '../projects/project';
import { requireProject } from '../projects/project-finance.rules';
import { Amount, scaleOf } from '../money';
import { interestDue, loanSchedule } from './loan-schedule';
import {
  ApplyForLoan,
  ApproveLoan,
  CancelLoan,
  DepositSavings,
  DisburseLoan,
  PoolCommand,
  RejectLoan,
  RepayLoan,
  VoteToWriteOff,
  WithdrawSavings,
} from './pool.commands';
import { PoolEvent } from './pool.events';
import { evolvePool } from './pool.evolve';
import { LoanRecord, LoanStatus, PoolState, copyPoolState, initialPoolState, owedBy, savingsOf } from './pool.state';

export const TERM_MONTHS_MAX = 60;
const TEXT_LENGTH_MAX = 500;
const RATE = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;

export const poolDecider: Decider<PoolCommand, PoolEvent, PoolState, HubState> = {
  initialState: initialPoolState,
  evolve: evolvePool,
  decide: decidePool,
  copy: copyPoolState,
};

/**
 * Refusals, by command (separation_of_duties: on the actor's own savings, repayment or loan):
 * - DepositSavings: forbidden (not a treasurer), separation_of_duties, not_found, validation_failed.
 * - WithdrawSavings: forbidden, separation_of_duties, not_found, validation_failed,
 *   insufficient_funds (more than the member's free savings), insufficient_liquidity (more than
 *   the pool's cash).
 * - ApplyForLoan: forbidden (neither the borrower nor a treasurer), not_found, invalid_state
 *   (suspended borrower), already_exists (loan id), validation_failed.
 * - ApproveLoan, RejectLoan, VoteToWriteOff: forbidden (not a treasurer), separation_of_duties
 *   (the borrower), not_found, invalid_state (wrong status, or this treasurer already did).
 * - CancelLoan: forbidden (not the borrower), not_found, invalid_state.
 * - DisburseLoan: forbidden (not a treasurer), separation_of_duties (the borrower), not_found,
 *   invalid_state, insufficient_liquidity (cash less the reserve does not cover the principal).
 * - RepayLoan: forbidden, separation_of_duties (the borrower), not_found, invalid_state,
 *   validation_failed, overpayment.
 * - Reversals: as the reversal rules list them; undoing a deposit takes money that must still be
 *   the member's free savings (insufficient_funds) and in the pool (insufficient_liquidity).
 */
export function decidePool(command: PoolCommand, state: PoolState, hubState: HubState): PoolEvent[] {
  const hub = hubState.hub;
  if (!hub) throw new NotFound('hub not found');
  switch (command.type) {
    case 'DepositSavings':
      return deposit(command, state, hubState, hub);
    case 'WithdrawSavings':
      return withdraw(command, state, hubState, hub);
    case 'ApplyForLoan':
      return apply(command, state, hubState, hub);
    case 'ApproveLoan':
      return approve(command, state, hubState, hub);
    case 'RejectLoan':
      return reject(command, state, hubState);
    case 'CancelLoan':
      return cancel(command, state);
    case 'DisburseLoan':
      return disburse(command, state, hubState, hub);
    case 'RepayLoan':
      return repay(command, state, hubState, hub);
    case 'VoteToWriteOff':
      return voteToWriteOff(command, state, hubState, hub);
    case 'ProposeReversal':
      return proposeReversal(command, state.reversals, hubState, poolStream(hub.hubId), (entry) => undoable(state, entry, hub));
    case 'ConfirmReversal':
      return confirmReversal(command, state.reversals, hubState, (entry) => undoable(state, entry, hub));
    case 'RejectReversal':
      return rejectReversal(command, state.reversals, hubState);
    default: {
      const unhandled: never = command;
      throw new ValidationFailed(`unknown command ${(unhandled as { type: string }).type}`);
    }
  }
}

function deposit(command: DepositSavings, state: PoolState, hubState: HubState, hub: HubSettings): PoolEvent[] {
  notForThemselves(treasurer(hubState, command.actorId), command.memberId, 'no-own-savings', 'records a deposit');
  const saver = requireMember(hubState, command.memberId);
  if (saver.status !== 'active') throw new InvalidState(`member ${saver.memberId} is suspended`);
  const amount = Amount.parsePositive(command.amount, hub.currency);
  return [{ type: 'SavingsDeposited', data: { memberId: saver.memberId, amount: amount.toString(), at: command.at } }];
}

function withdraw(command: WithdrawSavings, state: PoolState, hubState: HubState, hub: HubSettings): PoolEvent[] {
  notForThemselves(treasurer(hubState, command.actorId), command.memberId, 'no-own-savings', 'records a withdrawal');
  const saver = requireMember(hubState, command.memberId);
  const amount = Amount.parsePositive(command.amount, hub.currency);
  takeSavings(state, saver.memberId, amount.value, hub);
  return [{ type: 'SavingsWithdrawn', data: { memberId: saver.memberId, amount: amount.toString(), at: command.at } }];
}

/** Savings leave the pool only from what is the member's and free, and from cash the pool holds. */
function takeSavings(state: PoolState, memberId: string, amount: Decimal, hub: HubSettings): void {
  const free = Decimal.max(0, savingsOf(state, memberId).minus(owedBy(state, memberId)));
  if (amount.greaterThan(free)) {
    throw new InsufficientFunds(`${memberId} has ${free.toFixed(scaleOf(hub.currency))} ${hub.currency} of free savings`);
  }
  if (amount.greaterThan(state.cash)) {
    throw new InsufficientLiquidity(`the pool holds ${state.cash.toFixed(scaleOf(hub.currency))} ${hub.currency} in cash`);
  }
}

/** Whether the pool can take back `entry` now: money it moves back must still be there. */
function undoable(state: PoolState, entry: RecordedEntry, hub: HubSettings): void {
  switch (entry.type) {
    case 'SavingsDeposited':
      return takeSavings(state, entry.data.memberId, new Decimal(entry.data.amount), hub);
    case 'SavingsWithdrawn':
      return;
    case 'LoanRepaymentReceived': {
      const loan = loanFor(state, entry.data.loanId);
      inStatus(loan, ['active', 'repaid'], 'given back a repayment');
      if (new Decimal(entry.data.amount).greaterThan(state.cash)) {
        throw new InsufficientLiquidity(`the pool holds ${state.cash.toFixed(scaleOf(hub.currency))} ${hub.currency} in cash, less than ${entry.data.amount}`);
      }
      return;
    }
    default:
      throw new InvalidState(`a ${entry.type} is not a pool entry`);
  }
}

function apply(command: ApplyForLoan, state: PoolState, hubState: HubState, hub: HubSettings): PoolEvent[] {
  const actor = activeMember(hubState, command.actorId, 'apply for loans');
  if (command.actorId !== command.borrowerId && !hasRole(actor, 'treasurer')) {
    throw new Forbidden('only the borrower or a treasurer may apply for a loan');
  }
  checkId(command.loanId, 'loanId');
  if (state.loans.has(command.loanId)) throw new AlreadyExists(`loan ${command.loanId} already exists`);
  const borrower = requireMember(hubState, command.borrowerId);
  if (borrower.status !== 'active') throw new InvalidState(`member ${borrower.memberId} is suspended`);
  if (!hasRole(borrower, 'member')) throw new ValidationFailed(`${borrower.memberId} is not a member of the pool`);
  const principal = Amount.parsePositive(command.principal, hub.currency, 'principal');
  if (!Number.isInteger(command.termMonths) || command.termMonths < 1 || command.termMonths > TERM_MONTHS_MAX) {
    throw new ValidationFailed(`termMonths must be a whole number from 1 to ${TERM_MONTHS_MAX}`);
  }
  if (typeof command.annualInterestRate !== 'string' || !RATE.test(command.annualInterestRate)) {
    throw new ValidationFailed('annualInterestRate must be a decimal string from 0 to 1, at most 6 places');
  }
  const purpose = checkText(command.purpose, 'purpose', TEXT_LENGTH_MAX);
  const projectId = command.projectId === undefined ? null : checkId(command.projectId, 'projectId');
  // a loan may name a project before the hub records it; a phase needs the project to exist
  if (command.phase !== undefined && projectId === null) throw new ValidationFailed('a phase needs its projectId');
  const phase = command.phase === undefined ? null : checkPhase(requireProject(hubState, projectId!), command.phase);
  return [
    {
      type: 'LoanApplied',
      data: {
        loanId: command.loanId,
        borrowerId: borrower.memberId,
        principal: principal.toString(),
        termMonths: command.termMonths,
        annualInterestRate: command.annualInterestRate,
        purpose,
        projectId,
        phase,
        appliedBy: actor.memberId,
        at: command.at,
      },
    },
  ];
}

function approve(command: ApproveLoan, state: PoolState, hubState: HubState, hub: HubSettings): PoolEvent[] {
  const loan = loanFor(state, command.loanId);
  const approver = independentTreasurer(hubState, command.actorId, loan);
  inStatus(loan, ['applied'], 'approved');
  if (loan.approvals.includes(approver.memberId)) {
    throw new InvalidState(`${approver.memberId} has already approved loan ${loan.loanId}`);
  }
  const note = checkText(command.note, 'note', TEXT_LENGTH_MAX);
  const events: PoolEvent[] = [
    { type: 'LoanApprovalGiven', data: { loanId: loan.loanId, treasurerId: approver.memberId, role: 'treasurer', note, at: command.at } },
  ];
  const approvers = [...loan.approvals, approver.memberId];
  if (approvers.length >= hub.pool.approvalQuorum) {
    events.push({ type: 'LoanApproved', data: { loanId: loan.loanId, approvers, at: command.at } });
  }
  return events;
}

function reject(command: RejectLoan, state: PoolState, hubState: HubState): PoolEvent[] {
  const loan = loanFor(state, command.loanId);
  const treasurerId = independentTreasurer(hubState, command.actorId, loan).memberId;
  inStatus(loan, ['applied'], 'rejected');
  const reason = checkText(command.reason, 'reason', TEXT_LENGTH_MAX);
  return [{ type: 'LoanRejected', data: { loanId: loan.loanId, treasurerId, role: 'treasurer', reason, at: command.at } }];
}

function cancel(command: CancelLoan, state: PoolState): PoolEvent[] {
  const loan = loanFor(state, command.loanId);
  if (command.actorId !== loan.borrowerId) throw new Forbidden('only the borrower may cancel their loan');
  inStatus(loan, ['applied', 'approved'], 'cancelled');
  return [{ type: 'LoanCancelled', data: { loanId: loan.loanId, by: command.actorId, at: command.at } }];
}

function disburse(command: DisburseLoan, state: PoolState, hubState: HubState, hub: HubSettings): PoolEvent[] {
  const loan = loanFor(state, command.loanId);
  const treasurerId = independentTreasurer(hubState, command.actorId, loan).memberId;
  inStatus(loan, ['approved'], 'disbursed');
  const reserve = state.totalSavings.times(hub.pool.reserveRatio);
  const available = state.cash.minus(reserve);
  if (loan.principal.greaterThan(available)) {
    throw new InsufficientLiquidity(
      `the pool's cash less its reserve is ${Decimal.max(0, available)} ${hub.currency}, less than ${loan.principal}`,
    );
  }
  const scale = scaleOf(hub.currency);
  const schedule = loanSchedule(loan.principal, loan.annualInterestRate, loan.termMonths, command.at, scale);
  return [
    {
      type: 'LoanDisbursed',
      data: {
        loanId: loan.loanId,
        borrowerId: loan.borrowerId,
        amount: loan.principal.toFixed(scale),
        schedule,
        treasurerId,
        at: command.at,
      },
    },
  ];
}

function repay(command: RepayLoan, state: PoolState, hubState: HubState, hub: HubSettings): PoolEvent[] {
  const treasurerId = treasurer(hubState, command.actorId).memberId;
  const loan = loanFor(state, command.loanId);
  if (treasurerId === loan.borrowerId) throw new SeparationOfDuties('no-own-repayment', 'a borrower never records repayments of their own loan');
  inStatus(loan, ['active'], 'repaid');
  const amount = Amount.parsePositive(command.amount, hub.currency);
  const interest = Decimal.min(amount.value, interestDue(loan.schedule, loan.interestPaid, command.at));
  const principal = amount.value.minus(interest);
  const principalLeft = loan.principal.minus(loan.principalPaid);
  if (principal.greaterThan(principalLeft)) {
    throw new Overpayment(`loan ${loan.loanId} owes ${principalLeft.plus(interest)} ${hub.currency}; ${amount} is more`);
  }
  const scale = scaleOf(hub.currency);
  const events: PoolEvent[] = [
    {
      type: 'LoanRepaymentReceived',
      data: {
        loanId: loan.loanId,
        borrowerId: loan.borrowerId,
        amount: amount.toString(),
        interest: interest.toFixed(scale),
        principal: principal.toFixed(scale),
        treasurerId,
        at: command.at,
      },
    },
  ];
  if (principal.equals(principalLeft)) events.push({ type: 'LoanRepaid', data: { loanId: loan.loanId, at: command.at } });
  return events;
}

function voteToWriteOff(command: VoteToWriteOff, state: PoolState, hubState: HubState, hub: HubSettings): PoolEvent[] {
  const loan = loanFor(state, command.loanId);
  const voter = independentTreasurer(hubState, command.actorId, loan);
  inStatus(loan, ['active'], 'written off');
  if (loan.writeOffVotes.includes(voter.memberId)) {
    throw new InvalidState(`${voter.memberId} has already voted to write off loan ${loan.loanId}`);
  }
  const reason = checkText(command.reason, 'reason', TEXT_LENGTH_MAX);
  const events: PoolEvent[] = [
    { type: 'LoanWriteOffVoted', data: { loanId: loan.loanId, treasurerId: voter.memberId, role: 'treasurer', reason, at: command.at } },
  ];
  const voters = [...loan.writeOffVotes, voter.memberId];
  if (voters.length >= hub.pool.approvalQuorum) {
    events.push({
      type: 'LoanWrittenOff',
      data: {
        loanId: loan.loanId,
        borrowerId: loan.borrowerId,
        principal: loan.principal.minus(loan.principalPaid).toFixed(scaleOf(hub.currency)),
        voters,
        at: command.at,
      },
    });
  }
  return events;
}

function treasurer(hubState: HubState, memberId: string): MemberRecord {
  return actingAs(hubState, memberId, ['treasurer'], 'do this');
}

/** Four eyes: a treasurer who is not the borrower. */
function independentTreasurer(hubState: HubState, memberId: string, loan: LoanRecord): MemberRecord {
  const member = treasurer(hubState, memberId);
  if (member.memberId === loan.borrowerId) throw new SeparationOfDuties('no-decision-on-own-loan', 'a borrower never decides on their own loan');
  return member;
}

function loanFor(state: PoolState, loanId: string): LoanRecord {
  const loan = state.loans.get(loanId);
  if (!loan) throw new NotFound(`loan ${loanId} not found`);
  return loan;
}

function inStatus(loan: LoanRecord, allowed: LoanStatus[], becoming: string): void {
  if (!allowed.includes(loan.status)) {
    throw new InvalidState(`loan ${loan.loanId} is ${loan.status}; it cannot be ${becoming}`);
  }
}
