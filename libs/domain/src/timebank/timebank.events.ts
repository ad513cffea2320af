import { DomainEvent } from '../decider';
import { ReversalEvent } from '../reversals/reversal.events';

/** The hub's own time account: pays volunteer hours, so hours still sum to zero. */
export const HUB_ACCOUNT = '@hub';

/**
 * `from` paid `to` for hours of service; the only way hours move. `categoryId`: the kind of help;
 * `listingId`: the offer or need it answered (both absent on payments made before they existed);
 * `loanId`: the loan of a shared thing it paid for, recorded in the same append as the loan;
 * `importId`: an opening balance brought from an existing time bank, to or from the hub's account.
 */
export type HoursPaid = DomainEvent<
  'HoursPaid',
  { transferId: string; fromMemberId: string; toMemberId: string; hours: string; memo: string; categoryId?: string; listingId?: string; requestId?: string; loanId?: string; importId?: string; at: string }
>;

/** An opening balance brought by an import: a payment, but no exchange of service between members. */
export const isOpeningBalance = (event: { type: string; data: unknown }): boolean => event.type === 'HoursPaid' && (event as HoursPaid).data.importId !== undefined;

/** The provider (`to`) asks the payer (`from`) to pay for a service given; no hours move until the payer accepts. */
export type HoursRequested = DomainEvent<
  'HoursRequested',
  { requestId: string; fromMemberId: string; toMemberId: string; hours: string; memo: string; categoryId?: string; listingId?: string; requestedBy: string; at: string }
>;

/** The payer (or a coordinator for an assisted payer, or the ledger after the hub's days: `system`) accepted; HoursPaid follows in the same decision. */
export type HourRequestAccepted = DomainEvent<'HourRequestAccepted', { requestId: string; transferId: string; acceptedBy: string; at: string }>;
export type HourRequestDeclined = DomainEvent<'HourRequestDeclined', { requestId: string; declinedBy: string; reason: string; at: string }>;
export type HourRequestCancelled = DomainEvent<'HourRequestCancelled', { requestId: string; cancelledBy: string; at: string }>;

export type HourRequestEvent = HoursRequested | HourRequestAccepted | HourRequestDeclined | HourRequestCancelled;

export const HOUR_REQUEST_EVENT_TYPES: ReadonlySet<string> = new Set<HourRequestEvent['type']>(['HoursRequested', 'HourRequestAccepted', 'HourRequestDeclined', 'HourRequestCancelled']);

/** One payment of a group exchange: as an HoursPaid's, without its own memo or category. */
export interface GroupPayment {
  fromMemberId: string;
  toMemberId: string;
  hours: string;
}

/**
 * A work day or a class, recorded by a coordinator as one entry: every payment moves, or none
 * does; each was checked, in order, against its payer's limit and the hub's maximum.
 */
export type GroupHoursPaid = DomainEvent<
  'GroupHoursPaid',
  { groupId: string; payments: GroupPayment[]; memo: string; categoryId?: string; recordedBy: string; at: string }
>;

/** A volunteer-hours contribution: the hub pays the member from its own time account. */
export type VolunteerHoursPaid = DomainEvent<
  'VolunteerHoursPaid',
  { contributionId: string; memberId: string; hours: string; description: string; recordedBy: string; at: string }
>;

export type TimeBankEvent = HoursPaid | GroupHoursPaid | VolunteerHoursPaid | HourRequestEvent | ReversalEvent;

/** The time bank's own entries; its reversal events are named in REVERSAL_EVENT_TYPES. */
export const TIMEBANK_EVENT_TYPES: ReadonlySet<string> = new Set<(HoursPaid | GroupHoursPaid | VolunteerHoursPaid)['type']>(['HoursPaid', 'GroupHoursPaid', 'VolunteerHoursPaid']);
