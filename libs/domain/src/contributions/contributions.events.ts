import { DomainEvent } from '../decider';

export const CONTRIBUTION_KINDS = ['money', 'in-kind', 'volunteer-hours'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Money given to the hub's fund, in the hub's currency. */
export type MoneyContributed = DomainEvent<
  'MoneyContributed',
  { contributionId: string; memberId: string; amount: string; description: string; recordedBy: string; at: string }
>;

/** Goods given to the hub: a quantity, what it is, and what it is thought to be worth. */
export type InKindContributed = DomainEvent<
  'InKindContributed',
  {
    contributionId: string;
    memberId: string;
    quantity: string;
    description: string;
    estimatedValue: string | null;
    recordedBy: string;
    at: string;
  }
>;

export type FundEvent = MoneyContributed | InKindContributed;

export const FUND_EVENT_TYPES: ReadonlySet<string> = new Set<FundEvent['type']>(['MoneyContributed', 'InKindContributed']);
