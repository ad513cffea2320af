import { Decider } from '../decider';
import { BalanceLimitExceeded, CreditLimitExceeded, Forbidden, NotFound, SeparationOfDuties, ValidationFailed } from '../errors';
import { actingAs, activeMember, assertActive, notForThemselves, requireMember } from '../hub/acting';
import { confirmReversal, proposeReversal, rejectReversal } from '../reversals/reversal.rules';
import { ReversalBook, copyReversalBook, foldReversal, initialReversalBook } from '../reversals/reversal.state';
import { RecordedEntry } from '../reversals/reversal.events';
import { timeBankStream } from '../streams';
import { HubSettings, HubState, MemberRecord, effectiveCreditLimit, hasRole } from '../hub/hub.state';
import { Amount, HOUR } from '../money';
import { usableCategory } from '../hub/categories.rules';
import { checkId } from '../ids';
import { PayHours, PayVolunteerHours, TimeBankCommand } from './timebank.commands';
import { Payments, PendingHourRequest, acceptHourRequest, cancelHourRequest, declineHourRequest, requestHours } from './hour-request.rules';
import { HUB_ACCOUNT, TimeBankEvent } from './timebank.events';
import { GroupPayments, payGroupHours } from './group-exchange.rules';

const MEMO_LENGTH_MAX = 500;

export interface TimeBankState {
  /** account id → hours; an account appears with its first payment */
  balances: Map<string, Amount>;
  reversals: ReversalBook;
  /** hour requests waiting for their payer */
  requests: Map<string, PendingHourRequest>;
}

const ZERO_HOURS = Amount.zero(HOUR);

export function balanceOf(state: TimeBankState, accountId: string): Amount {
  return state.balances.get(accountId) ?? ZERO_HOURS;
}

export const timeBankDecider: Decider<TimeBankCommand, TimeBankEvent, TimeBankState, HubState> = {
  initialState: () => ({ balances: new Map(), reversals: initialReversalBook(), requests: new Map() }),
  evolve: evolveTimeBank,
  decide: decideTimeBank,
  copy: (state) => ({ balances: new Map(state.balances), reversals: copyReversalBook(state.reversals), requests: new Map(state.requests) }),
};

/**
 * Refusals: `forbidden` (neither the payer nor a coordinator; a group exchange by anyone but a coordinator; volunteer hours recorded by neither
 * a coordinator nor a treasurer), `separation_of_duties` (a coordinator paying themselves from
 * another's account, volunteer hours for oneself), `validation_failed` (bad hours, paying
 * oneself, long memo), `not_found` (unknown member), `invalid_state` (a suspended party),
 * `credit_limit_exceeded` (the payer would go below their credit limit),
 * `balance_limit_exceeded` (the payee would pass the hub's maximum, or the hub's own account
 * would pass its limit paying volunteer hours). Reversals: as the reversal rules list them;
 * hours may go past a limit through one, since it restores what truly happened.
 */
export function decideTimeBank(command: TimeBankCommand, state: TimeBankState, hub: HubState): TimeBankEvent[] {
  switch (command.type) {
    case 'PayHours':
      return payHours(command, state, hub);
    case 'PayGroupHours':
      requireHub(hub);
      return payGroupHours(command, hub, () => groupLedger(state, hub));
    case 'PayVolunteerHours':
      return payVolunteerHours(command, state, hub);
    case 'RequestHours':
      requireHub(hub);
      return requestHours(command, hub, payments(state, hub));
    case 'AcceptHourRequest':
      requireHub(hub);
      return acceptHourRequest(command, state.requests, hub, payments(state, hub));
    case 'DeclineHourRequest':
      return declineHourRequest(command, state.requests, hub);
    case 'CancelHourRequest':
      return cancelHourRequest(command, state.requests, hub);
    case 'ProposeReversal':
      return proposeReversal(command, state.reversals, hub, timeBankStream(hub.hub?.hubId ?? ''), hoursAlwaysReturn);
    case 'ConfirmReversal':
      return confirmReversal(command, state.reversals, hub, hoursAlwaysReturn);
    case 'RejectReversal':
      return rejectReversal(command, state.reversals, hub);
    default: {
      const unhandled: never = command;
      throw new ValidationFailed(`unknown command ${(unhandled as { type: string }).type}`);
    }
  }
}

function payHours(command: PayHours, state: TimeBankState, hubState: HubState): TimeBankEvent[] {
  requireHub(hubState);
  const hours = Amount.parsePositive(command.hours, HOUR, 'hours');
  if (command.fromMemberId === command.toMemberId) throw new ValidationFailed('a member cannot pay themselves');
  const actor = activeMember(hubState, command.actorId, 'pay hours');
  if (actor.memberId !== command.fromMemberId) {
    if (!actor.roles.includes('coordinator')) throw new Forbidden("only the payer or a coordinator may pay from a member's account");
    if (actor.memberId === command.toMemberId) {
      throw new SeparationOfDuties('no-payment-to-oneself-for-another', "a coordinator does not pay themselves from another member's account");
    }
  }
  checkMemo(command.memo);
  usableCategory(hubState, command.categoryId);
  if (command.listingId !== undefined) checkId(command.listingId, 'listingId');
  payments(state, hubState).check(command.fromMemberId, command.toMemberId, hours);
  return [hoursPaid(command, command.fromMemberId, command.toMemberId, hours)];
}

/** The checks every payment passes, however it is made (paid at once, or a request accepted). */
function payments(state: TimeBankState, hubState: HubState): Payments {
  const hub = requireHub(hubState);
  return {
    accountHolder: (memberId) => void accountHolder(hubState, memberId),
    checkMemo,
    check(payerId, payeeId, hours) {
      const payer = accountHolder(hubState, payerId);
      const payee = accountHolder(hubState, payeeId);
      const payerAfter = balanceOf(state, payer.memberId).minus(hours);
      const limit = effectiveCreditLimit(hub, payer);
      if (payerAfter.lessThan(limit.negated())) {
        throw new CreditLimitExceeded(`${payer.memberId} would reach ${payerAfter} hours, below the credit limit of -${limit}`);
      }
      checkPayeeMaximum(state, hub, payee.memberId, hours);
    },
  };
}

/**
 * The checks a loan's hours pass (a thing that costs hours): the borrower's credit limit, and the
 * owner against the hub's maximum; the hub's own account takes them without a maximum.
 */
export function checkLoanHours(state: TimeBankState, hubState: HubState, borrowerId: string, payeeId: string, hours: Amount): void {
  if (payeeId !== HUB_ACCOUNT) return payments(state, hubState).check(borrowerId, payeeId, hours);
  const borrower = accountHolder(hubState, borrowerId);
  const after = balanceOf(state, borrower.memberId).minus(hours);
  const limit = effectiveCreditLimit(requireHub(hubState), borrower);
  if (after.lessThan(limit.negated())) throw new CreditLimitExceeded(`${borrower.memberId} would reach ${after} hours, below the credit limit of -${limit}`);
}

/** A copy of the balances on which a group's payments move one after another, each checked as a payment is. */
function groupLedger(state: TimeBankState, hubState: HubState): GroupPayments {
  const scratch: TimeBankState = { ...state, balances: new Map(state.balances) };
  const check = payments(scratch, hubState);
  return {
    pay(payerId, payeeId, hours) {
      check.check(payerId, payeeId, hours);
      moveHours(scratch, payerId, payeeId, hours.toString());
    },
  };
}

function payVolunteerHours(command: PayVolunteerHours, state: TimeBankState, hubState: HubState): TimeBankEvent[] {
  const hub = requireHub(hubState);
  const recorder = actingAs(hubState, command.actorId, ['coordinator', 'treasurer'], 'record volunteer hours');
  notForThemselves(recorder, command.memberId, 'no-own-volunteer-hours', 'records volunteer hours');
  const hours = Amount.parsePositive(command.hours, HOUR, 'amount');
  const description = typeof command.description === 'string' ? command.description.trim() : '';
  if (description.length === 0 || description.length > MEMO_LENGTH_MAX) {
    throw new ValidationFailed(`description must be 1-${MEMO_LENGTH_MAX} characters`);
  }
  const member = accountHolder(hubState, command.memberId);
  const hubAfter = balanceOf(state, HUB_ACCOUNT).minus(hours);
  const limit = hub.timeBank.hubAccountLimit;
  if (hubAfter.lessThan(limit.negated())) {
    throw new BalanceLimitExceeded(`the hub's time account would reach ${hubAfter} hours, below its limit of -${limit}`);
  }
  checkPayeeMaximum(state, hub, member.memberId, hours);
  return [
    {
      type: 'VolunteerHoursPaid',
      data: {
        contributionId: command.contributionId,
        memberId: member.memberId,
        hours: hours.toString(),
        description,
        recordedBy: recorder.memberId,
        at: command.at,
      },
    },
  ];
}

function hoursPaid(command: PayHours, fromMemberId: string, toMemberId: string, hours: Amount): TimeBankEvent {
  return {
    type: 'HoursPaid',
    data: {
      transferId: command.transferId,
      fromMemberId,
      toMemberId,
      hours: hours.toString(),
      memo: command.memo,
      ...(command.categoryId === undefined ? {} : { categoryId: command.categoryId }),
      ...(command.listingId === undefined ? {} : { listingId: command.listingId }),
      at: command.at,
    },
  };
}

function requireHub(hubState: HubState): HubSettings {
  if (!hubState.hub) throw new NotFound('hub not found');
  return hubState.hub;
}

/** An active member with the member role: only they hold a time-bank account. */
function accountHolder(hubState: HubState, memberId: string): MemberRecord {
  const member = requireMember(hubState, memberId);
  assertActive(member);
  if (!hasRole(member, 'member')) throw new ValidationFailed(`${memberId} has no time-bank account (not a member)`);
  return member;
}

function checkMemo(memo: unknown): void {
  if (typeof memo !== 'string' || memo.length > MEMO_LENGTH_MAX) {
    throw new ValidationFailed(`memo must be at most ${MEMO_LENGTH_MAX} characters`);
  }
}

function checkPayeeMaximum(state: TimeBankState, hub: HubSettings, payeeId: string, hours: Amount): void {
  const after = balanceOf(state, payeeId).plus(hours);
  const max = hub.timeBank.maxBalance;
  if (max && after.greaterThan(max)) {
    throw new BalanceLimitExceeded(`${payeeId} would reach ${after} hours, above the maximum of ${max}`);
  }
}

// Each payment moves the same hours out of one account and into another: the sum stays zero.
export function evolveTimeBank(state: TimeBankState, event: TimeBankEvent): TimeBankState {
  switch (event.type) {
    case 'HoursPaid':
      return moveHours(state, event.data.fromMemberId, event.data.toMemberId, event.data.hours);
    case 'GroupHoursPaid':
      for (const payment of event.data.payments) moveHours(state, payment.fromMemberId, payment.toMemberId, payment.hours);
      return state;
    case 'VolunteerHoursPaid':
      return moveHours(state, HUB_ACCOUNT, event.data.memberId, event.data.hours);
    case 'HoursRequested':
      state.requests.set(event.data.requestId, event.data);
      return state;
    case 'HourRequestAccepted':
    case 'HourRequestDeclined':
    case 'HourRequestCancelled':
      state.requests.delete(event.data.requestId);
      return state;
    case 'ReversalProposed':
    case 'ReversalRejected':
    case 'EntryReversed':
      return foldReversal(state, event, undoHours);
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown time-bank event ${(unhandled as { type: string }).type}`);
    }
  }
}

function moveHours(state: TimeBankState, from: string, to: string, text: string): TimeBankState {
  const hours = Amount.parse(text, HOUR);
  state.balances.set(from, balanceOf(state, from).minus(hours));
  state.balances.set(to, balanceOf(state, to).plus(hours));
  return state;
}

// the same hours, the other way: a reversal may take an account past its limit, as API.md allows
function undoHours(state: TimeBankState, entry: RecordedEntry): TimeBankState {
  switch (entry.type) {
    case 'HoursPaid':
      return moveHours(state, entry.data.toMemberId, entry.data.fromMemberId, entry.data.hours);
    case 'GroupHoursPaid':
      for (const payment of entry.data.payments) moveHours(state, payment.toMemberId, payment.fromMemberId, payment.hours);
      return state;
    case 'VolunteerHoursPaid':
      return moveHours(state, entry.data.memberId, HUB_ACCOUNT, entry.data.hours);
    default:
      throw new TypeError(`a time-bank reversal names a ${entry.type}`);
  }
}

const hoursAlwaysReturn = () => undefined;

/** The zero-sum invariant, for specs and audits: every hour paid out was paid in. */
export function sumOfHours(state: TimeBankState): Amount {
  let sum = ZERO_HOURS;
  for (const balance of state.balances.values()) sum = sum.plus(balance);
  return sum;
}
