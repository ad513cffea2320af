import { ReversalCommand } from '../reversals/reversal.commands';

export interface PayHours {
  type: 'PayHours';
  transferId: string;
  fromMemberId: string;
  toMemberId: string;
  hours: string;
  memo: string;
  /** one of the hub's categories, not retired */
  categoryId?: string;
  /** the offer or need this pays for */
  listingId?: string;
  /** the payer, or a coordinator recording the payment for them */
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

export type TimeBankCommand = PayHours | PayVolunteerHours | ReversalCommand;
