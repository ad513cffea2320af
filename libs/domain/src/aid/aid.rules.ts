import Decimal from 'decimal.js';
import { AidPaid, AidRequestWithdrawn, AidRequested, FUNDS, FundMoneyMoved } from './aid.events';
import { MoveFundMoney, PayAid, RequestAid, WithdrawAidRequest } from './aid.commands';
import { FundState, monthOf } from '../contributions/fund.state';
import { AidLimitExceeded, AlreadyExists, InsufficientFunds, InvalidState, NotFound, SeparationOfDuties, ValidationFailed } from '../errors';
import { actingAs, assertActive, requireHub, requireMember } from '../hub/acting';
import { HubState } from '../hub/hub.state';
import { Amount, scaleOf } from '../money';

const NEED_LENGTH_MAX = 1000;

/** A coordinator or treasurer moves money between the general fund and the aid fund. Refusals: forbidden, validation_failed, insufficient_funds. */
export function moveFundMoney(command: MoveFundMoney, state: FundState, hubState: HubState): FundMoneyMoved[] {
  const hub = requireHub(hubState);
  const mover = actingAs(hubState, command.actorId, ['coordinator', 'treasurer'], 'move money between funds');
  if (!FUNDS.includes(command.from) || !FUNDS.includes(command.to) || command.from === command.to) {
    throw new ValidationFailed(`from and to must be two different funds: ${FUNDS.join(', ')}`);
  }
  const amount = Amount.parsePositive(command.amount, hub.currency);
  const available = command.from === 'general' ? state.general : state.aid;
  if (amount.value.greaterThan(available)) {
    throw new InsufficientFunds(`the ${command.from} fund holds ${available.toFixed(scaleOf(hub.currency))}, less than ${amount.toString()}`);
  }
  const { transferId, from, to, at } = command;
  return [{ type: 'FundMoneyMoved', data: { transferId, from, to, amount: amount.toString(), movedBy: mover.memberId, at } }];
}

/**
 * A member asks for aid for themselves, or a coordinator asks on their behalf. Nothing judges the
 * request but the hub's monthly cap. Refusals: forbidden, not_found, invalid_state (a suspended
 * member), validation_failed, aid_limit_exceeded.
 */
export function requestAid(command: RequestAid, state: FundState, hubState: HubState): AidRequested[] {
  const hub = requireHub(hubState);
  const asker =
    command.actorId === command.memberId
      ? requireMember(hubState, command.memberId)
      : actingAs(hubState, command.actorId, ['coordinator'], 'ask for aid on behalf of another member');
  assertActive(asker);
  const member = requireMember(hubState, command.memberId);
  assertActive(member);
  if (state.aidRequests.has(command.requestId)) throw new AlreadyExists(`aid request ${command.requestId} exists`);
  const amount = Amount.parsePositive(command.amount, hub.currency);
  if (command.need !== undefined && (typeof command.need !== 'string' || command.need.length > NEED_LENGTH_MAX)) {
    throw new ValidationFailed(`need is optional text of at most ${NEED_LENGTH_MAX} characters`);
  }
  const need = command.need?.trim() || null;
  const cap = hub.aid.perMemberPerMonth;
  if (cap) {
    const month = monthOf(command.at);
    let asked = new Decimal(0);
    for (const request of state.aidRequests.values()) {
      if (request.memberId === member.memberId && request.month === month && (request.status === 'requested' || request.status === 'paid')) asked = asked.plus(request.amount);
    }
    if (asked.plus(amount.value).greaterThan(cap.value)) {
      throw new AidLimitExceeded(`the hub's cap is ${cap.toString()} a member a month; ${asked.toFixed(scaleOf(hub.currency))} is already asked for this month`);
    }
  }
  return [
    {
      type: 'AidRequested',
      data: { requestId: command.requestId, memberId: member.memberId, amount: amount.toString(), need, requestedBy: asker.memberId, at: command.at },
    },
  ];
}

/** A treasurer pays an open request from the aid fund. Refusals: forbidden, separation_of_duties (one's own request), not_found, invalid_state, insufficient_funds. */
export function payAid(command: PayAid, state: FundState, hubState: HubState): AidPaid[] {
  const hub = requireHub(hubState);
  const treasurer = actingAs(hubState, command.actorId, ['treasurer'], 'pay aid');
  const request = state.aidRequests.get(command.requestId);
  if (!request) throw new NotFound(`aid request ${command.requestId} not found`);
  if (request.memberId === treasurer.memberId) throw new SeparationOfDuties('no-own-aid-payment', 'a treasurer does not pay their own aid request');
  if (request.status !== 'requested') throw new InvalidState(`aid request ${command.requestId} is ${request.status}`);
  const scale = scaleOf(hub.currency);
  if (request.amount.greaterThan(state.aid)) {
    throw new InsufficientFunds(`the aid fund holds ${state.aid.toFixed(scale)}, less than ${request.amount.toFixed(scale)}`);
  }
  const { requestId, memberId } = request;
  return [{ type: 'AidPaid', data: { requestId, memberId, amount: request.amount.toFixed(scale), paidBy: treasurer.memberId, at: command.at } }];
}

/** Only the member who the request is for may withdraw it, while it is open. Refusals: not_found (also someone else's), invalid_state. */
export function withdrawAidRequest(command: WithdrawAidRequest, state: FundState): AidRequestWithdrawn[] {
  const request = state.aidRequests.get(command.requestId);
  // another member's request is not theirs to learn of
  if (!request || request.memberId !== command.actorId) throw new NotFound(`aid request ${command.requestId} not found`);
  if (request.status !== 'requested') throw new InvalidState(`aid request ${command.requestId} is ${request.status}`);
  return [{ type: 'AidRequestWithdrawn', data: { requestId: request.requestId, memberId: request.memberId, at: command.at } }];
}
