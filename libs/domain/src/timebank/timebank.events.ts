import { DomainEvent } from '../decider';

/** The hub's own time account: pays volunteer hours, so hours still sum to zero. */
export const HUB_ACCOUNT = '@hub';

/** `from` paid `to` for hours of service; the only way hours move. */
export type HoursPaid = DomainEvent<
  'HoursPaid',
  { transferId: string; fromMemberId: string; toMemberId: string; hours: string; memo: string; at: string }
>;

/** A volunteer-hours contribution: the hub pays the member from its own time account. */
export type VolunteerHoursPaid = DomainEvent<
  'VolunteerHoursPaid',
  { contributionId: string; memberId: string; hours: string; description: string; recordedBy: string; at: string }
>;

export type TimeBankEvent = HoursPaid | VolunteerHoursPaid;

export const TIMEBANK_EVENT_TYPES: ReadonlySet<string> = new Set<TimeBankEvent['type']>(['HoursPaid', 'VolunteerHoursPaid']);
