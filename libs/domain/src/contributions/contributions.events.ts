import { AidEvent, FundName } from '../aid/aid.events';
import { DomainEvent } from '../decider';
import { ProjectFinanceEvent } from '../projects/project-finance.events';
import { ReversalEvent } from '../reversals/reversal.events';

export const CONTRIBUTION_KINDS = ['money', 'in-kind', 'volunteer-hours'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/**
 * Money given to the hub, in the hub's currency: to its general fund, its aid fund, or earmarked
 * for a project (and maybe one of its phases). Schema version 2; version 1, recorded before
 * earmarks existed, carried none of the three and is upcast to the general fund.
 */
export type MoneyContributed = DomainEvent<
  'MoneyContributed',
  {
    contributionId: string;
    memberId: string;
    amount: string;
    description: string;
    fund: FundName;
    projectId: string | null;
    phase: string | null;
    recordedBy: string;
    at: string;
  }
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

export type FundEvent = FundEntry | ReversalEvent;

/** The fund's own events; its reversal events are named in REVERSAL_EVENT_TYPES. */
export type FundEntry = MoneyContributed | InKindContributed | AidEvent | ProjectFinanceEvent;

export const FUND_EVENT_TYPES: ReadonlySet<string> = new Set<FundEntry['type']>([
  'MoneyContributed',
  'InKindContributed',
  'FundMoneyMoved',
  'AidRequested',
  'AidPaid',
  'AidRequestWithdrawn',
  'ExternalFinancingRecorded',
  'ExternalFinancingRepaid',
  'ProjectSpendingRecorded',
]);
