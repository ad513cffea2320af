import { Forbidden, InvalidState, NotFound, SeparationOfDuties, ValidationFailed } from '../errors';
import { SYSTEM, actingFor, activeMember } from '../hub/acting';
import { usableCategory } from '../hub/categories.rules';
import { HubSettings, HubState } from '../hub/hub.state';
import { checkId } from '../ids';
import { Amount, HOUR } from '../money';
import { AcceptHourRequest, CancelHourRequest, DeclineHourRequest, RequestHours } from './timebank.commands';
import { HourRequestEvent, HoursRequested, TimeBankEvent } from './timebank.events';

const REASON_LENGTH_MAX = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A request waiting for its payer; decided ones leave the state (the read model keeps them). */
export type PendingHourRequest = HoursRequested['data'];

/** What the time bank's payment rules offer the request rules: the checks a payment passes, and its event. */
export interface Payments {
  /** the payer's and payee's accounts, their limits and the hub's maximum: throws as a payment would */
  check(payerId: string, payeeId: string, hours: Amount): void;
  accountHolder(memberId: string): void;
  checkMemo(memo: unknown): void;
}

/**
 * The provider asks; no hours move and no limit is checked yet. Refusals: forbidden (neither the
 * provider nor a coordinator), validation_failed, not_found, invalid_state (a suspended party).
 */
export function requestHours(command: RequestHours, hub: HubState, payments: Payments): HourRequestEvent[] {
  const hours = Amount.parsePositive(command.hours, HOUR, 'hours');
  if (command.fromMemberId === command.toMemberId) throw new ValidationFailed('a member cannot ask themselves to pay');
  const actor = activeMember(hub, command.actorId, 'ask for hours');
  if (actor.memberId !== command.toMemberId && !actor.roles.includes('coordinator')) {
    throw new Forbidden('only the member who gave the service, or a coordinator on their behalf, may ask to be paid');
  }
  checkId(command.requestId, 'requestId');
  payments.checkMemo(command.memo);
  payments.accountHolder(command.fromMemberId);
  payments.accountHolder(command.toMemberId);
  usableCategory(hub, command.categoryId);
  if (command.listingId !== undefined) checkId(command.listingId, 'listingId');
  return [
    {
      type: 'HoursRequested',
      data: {
        requestId: command.requestId,
        fromMemberId: command.fromMemberId,
        toMemberId: command.toMemberId,
        hours: hours.toString(),
        memo: command.memo,
        ...(command.categoryId === undefined ? {} : { categoryId: command.categoryId }),
        ...(command.listingId === undefined ? {} : { listingId: command.listingId }),
        requestedBy: actor.memberId,
        at: command.at,
      },
    },
  ];
}

/**
 * The payer accepts (a coordinator for an assisted payer; the ledger itself once the hub's days
 * have passed): the payment is decided now, on today's balances and limits, and refused as a
 * payment would be, the request still waiting. Refusals: forbidden, separation_of_duties (asking
 * and accepting one request; a coordinator paying themselves), not_found, invalid_state
 * (not due yet for the ledger), credit_limit_exceeded, balance_limit_exceeded.
 */
export function acceptHourRequest(command: AcceptHourRequest, requests: Map<string, PendingHourRequest>, hub: HubState, payments: Payments): TimeBankEvent[] {
  const request = pending(requests, command.requestId);
  let acceptedBy: string;
  if (command.actorId === SYSTEM) {
    const due = dueAt(request, hub.hub!);
    if (due === null || command.at < due) throw new InvalidState(`request ${request.requestId} is not yet due to be accepted by the ledger`);
    acceptedBy = SYSTEM;
  } else {
    acceptedBy = actingFor(hub, command.actorId, request.fromMemberId, 'accept this request').memberId;
    if (acceptedBy !== request.fromMemberId) {
      // a coordinator acting for an assisted payer neither pays themselves nor accepts what they asked for
      if (acceptedBy === request.toMemberId) throw new SeparationOfDuties('no-payment-to-oneself-for-another', "a coordinator does not pay themselves from another member's account");
      if (acceptedBy === request.requestedBy) throw new SeparationOfDuties('no-accepting-own-request', 'nobody both asks for hours and accepts the request for the payer');
    }
  }
  const hours = Amount.parse(request.hours, HOUR);
  payments.check(request.fromMemberId, request.toMemberId, hours);
  return [
    { type: 'HourRequestAccepted', data: { requestId: request.requestId, transferId: command.transferId, acceptedBy, at: command.at } },
    {
      type: 'HoursPaid',
      data: {
        transferId: command.transferId,
        fromMemberId: request.fromMemberId,
        toMemberId: request.toMemberId,
        hours: request.hours,
        memo: request.memo,
        ...(request.categoryId === undefined ? {} : { categoryId: request.categoryId }),
        ...(request.listingId === undefined ? {} : { listingId: request.listingId }),
        requestId: request.requestId,
        at: command.at,
      },
    },
  ];
}

/** The payer (or a coordinator for an assisted payer) says no. Refusals: forbidden, not_found, validation_failed. */
export function declineHourRequest(command: DeclineHourRequest, requests: Map<string, PendingHourRequest>, hub: HubState): HourRequestEvent[] {
  const request = pending(requests, command.requestId);
  const actor = actingFor(hub, command.actorId, request.fromMemberId, 'decline this request');
  const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
  if (reason.length > REASON_LENGTH_MAX) throw new ValidationFailed(`reason must be at most ${REASON_LENGTH_MAX} characters`);
  return [{ type: 'HourRequestDeclined', data: { requestId: request.requestId, declinedBy: actor.memberId, reason, at: command.at } }];
}

/** The provider (or a coordinator on their behalf) takes it back. Refusals: forbidden, not_found. */
export function cancelHourRequest(command: CancelHourRequest, requests: Map<string, PendingHourRequest>, hub: HubState): HourRequestEvent[] {
  const request = pending(requests, command.requestId);
  const actor = activeMember(hub, command.actorId, 'cancel this request');
  if (actor.memberId !== request.toMemberId && !actor.roles.includes('coordinator')) {
    throw new Forbidden('only the member who asked, or a coordinator, may cancel this request');
  }
  return [{ type: 'HourRequestCancelled', data: { requestId: request.requestId, cancelledBy: actor.memberId, at: command.at } }];
}

/** When the ledger accepts a request itself: its day plus the hub's days, or never. */
export function dueAt(request: PendingHourRequest, hub: HubSettings): string | null {
  const days = hub.timeBank.requestAutoAcceptDays;
  return days === null ? null : new Date(Date.parse(request.at) + days * DAY_MS).toISOString();
}

function pending(requests: Map<string, PendingHourRequest>, requestId: string): PendingHourRequest {
  const request = requests.get(requestId);
  if (!request) throw new NotFound(`no request ${requestId} waits to be answered`);
  return request;
}
