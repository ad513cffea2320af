import { DomainEvent } from '../decider';

/** The hub keeps two money funds: the general fund, and the aid fund that pays aid requests. */
export const FUNDS = ['general', 'aid'] as const;
export type FundName = (typeof FUNDS)[number];

/** Money moved between the hub's general fund and its aid fund. */
export type FundMoneyMoved = DomainEvent<
  'FundMoneyMoved',
  { transferId: string; from: FundName; to: FundName; amount: string; movedBy: string; at: string }
>;

/** A member asks for aid; `need` is theirs to give or not, and never judged. */
export type AidRequested = DomainEvent<
  'AidRequested',
  { requestId: string; memberId: string; amount: string; need: string | null; requestedBy: string; at: string }
>;

export type AidPaid = DomainEvent<'AidPaid', { requestId: string; memberId: string; amount: string; paidBy: string; at: string }>;

export type AidRequestWithdrawn = DomainEvent<'AidRequestWithdrawn', { requestId: string; memberId: string; at: string }>;

export type AidEvent = FundMoneyMoved | AidRequested | AidPaid | AidRequestWithdrawn;
