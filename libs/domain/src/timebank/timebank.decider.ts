import { Decider } from '../decider';
import { BalanceLimitExceeded, CreditLimitExceeded, ValidationFailed } from '../errors';
import { assertActive, requireMember } from '../hub/hub.decider';
import { HubState, effectiveCreditLimit, hasRole } from '../hub/hub.state';
import { Amount, HOUR } from '../money';
import { PayHours, TimeBankCommand } from './timebank.commands';
import { TimeBankEvent } from './timebank.events';

const MEMO_LENGTH_MAX = 500;

export interface TimeBankState {
  /** account id → hours; an account appears with its first payment */
  balances: Map<string, Amount>;
}

const ZERO_HOURS = Amount.zero(HOUR);

export function balanceOf(state: TimeBankState, accountId: string): Amount {
  return state.balances.get(accountId) ?? ZERO_HOURS;
}

export const timeBankDecider: Decider<TimeBankCommand, TimeBankEvent, TimeBankState, HubState> = {
  initialState: () => ({ balances: new Map() }),
  evolve: evolveTimeBank,
  decide: decideTimeBank,
  copy: (state) => ({ balances: new Map(state.balances) }),
};

/**
 * Refusals: `validation_failed` (bad hours, paying oneself, long memo), `not_found` (unknown
 * member), `invalid_state` (a suspended party), `credit_limit_exceeded` (the payer would go
 * below their credit limit), `balance_limit_exceeded` (the payee would pass the hub's maximum).
 */
export function decideTimeBank(command: TimeBankCommand, state: TimeBankState, hub: HubState): TimeBankEvent[] {
  switch (command.type) {
    case 'PayHours':
      return payHours(command, state, hub);
    default: {
      const unhandled: never = command.type;
      throw new ValidationFailed(`unknown command ${String(unhandled)}`);
    }
  }
}

function payHours(command: PayHours, state: TimeBankState, hubState: HubState): TimeBankEvent[] {
  const hub = hubState.hub;
  if (!hub) throw new ValidationFailed('hub not found');
  const hours = Amount.parsePositive(command.hours, HOUR, 'hours');
  if (command.fromMemberId === command.toMemberId) throw new ValidationFailed('a member cannot pay themselves');
  if (typeof command.memo !== 'string' || command.memo.length > MEMO_LENGTH_MAX) {
    throw new ValidationFailed(`memo must be at most ${MEMO_LENGTH_MAX} characters`);
  }
  const payer = requireMember(hubState, command.fromMemberId);
  const payee = requireMember(hubState, command.toMemberId);
  for (const party of [payer, payee]) {
    assertActive(party);
    if (!hasRole(party, 'member')) {
      throw new ValidationFailed(`${party.memberId} has no time-bank account (not a member)`);
    }
  }

  const payerAfter = balanceOf(state, payer.memberId).minus(hours);
  const limit = effectiveCreditLimit(hub, payer);
  if (payerAfter.lessThan(limit.negated())) {
    throw new CreditLimitExceeded(
      `${payer.memberId} would reach ${payerAfter} hours, below the credit limit of -${limit}`,
    );
  }
  const payeeAfter = balanceOf(state, payee.memberId).plus(hours);
  const max = hub.timeBank.maxBalance;
  if (max && payeeAfter.greaterThan(max)) {
    throw new BalanceLimitExceeded(`${payee.memberId} would reach ${payeeAfter} hours, above the maximum of ${max}`);
  }
  return [
    {
      type: 'HoursPaid',
      data: {
        transferId: command.transferId,
        fromMemberId: payer.memberId,
        toMemberId: payee.memberId,
        hours: hours.toString(),
        memo: command.memo,
        at: command.at,
      },
    },
  ];
}

// Each payment moves the same hours out of one account and into another: the sum stays zero.
export function evolveTimeBank(state: TimeBankState, event: TimeBankEvent): TimeBankState {
  switch (event.type) {
    case 'HoursPaid': {
      const hours = Amount.parse(event.data.hours, HOUR);
      state.balances.set(event.data.fromMemberId, balanceOf(state, event.data.fromMemberId).minus(hours));
      state.balances.set(event.data.toMemberId, balanceOf(state, event.data.toMemberId).plus(hours));
      return state;
    }
    default: {
      const unhandled: never = event.type;
      throw new TypeError(`unknown time-bank event ${String(unhandled)}`);
    }
  }
}

/** The zero-sum invariant, for specs and audits: every hour paid out was paid in. */
export function sumOfHours(state: TimeBankState): Amount {
  let sum = ZERO_HOURS;
  for (const balance of state.balances.values()) sum = sum.plus(balance);
  return sum;
}
