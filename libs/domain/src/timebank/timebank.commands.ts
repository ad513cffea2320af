import { ReversalCommand } from '../reversals/reversal.commands';

/** What a payment says, whether paid at once or asked for first: `from` pays `to`. */
export interface PaymentTerms {
  fromMemberId: string;
  toMemberId: string;
  hours: string;
  memo: string;
  /** one of the hub's categories, not retired */
  categoryId?: string;
  /** the offer or need this pays for */
  listingId?: string;
}

export interface PayHours extends PaymentTerms {
  type: 'PayHours';
  transferId: string;
  /** the payer, or a coordinator recording the payment for them */
  actorId: string;
  at: string;
}

/** A coordinator records a work day or a class: up to 200 payments, all or none. */
export interface PayGroupHours {
  type: 'PayGroupHours';
  groupId: string;
  payments: { fromMemberId: string; toMemberId: string; hours: string }[];
  memo: string;
  categoryId?: string;
  actorId: string;
  at: string;
}

/** The hub pays a member, from its own time account, for hours volunteered to the hub. */
export interface PayVolunteerHours {
  type: 'PayVolunteerHours';
  contributionId: string;
  memberId: string;
  hours: string;
  description: string;
  /** the coordinator or treasurer who records it */
  actorId: string;
  at: string;
}

/** The provider (`to`), or a coordinator on their behalf, asks the payer (`from`) to pay. */
export interface RequestHours extends PaymentTerms {
  type: 'RequestHours';
  requestId: string;
  actorId: string;
  at: string;
}

/** The payer accepts: the payment is decided now, against today's limits. `actorId: system` after the hub's days. */
export interface AcceptHourRequest {
  type: 'AcceptHourRequest';
  requestId: string;
  transferId: string;
  actorId: string;
  at: string;
}

export interface DeclineHourRequest {
  type: 'DeclineHourRequest';
  requestId: string;
  reason: string;
  actorId: string;
  at: string;
}

export interface CancelHourRequest {
  type: 'CancelHourRequest';
  requestId: string;
  actorId: string;
  at: string;
}

export type HourRequestCommand = RequestHours | AcceptHourRequest | DeclineHourRequest | CancelHourRequest;

export type TimeBankCommand = PayHours | PayGroupHours | PayVolunteerHours | HourRequestCommand | ReversalCommand;
