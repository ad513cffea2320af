import { DomainEvent, TimeBankState } from '@commons/domain';

/** What an import decides on beside the hub: the time bank as it stands, and the opening balances it adds there in the same append. */
export interface ImportDecisionContext {
  timeBank: TimeBankState;
  hours: { streamId: string; revision: number; events: DomainEvent[] };
}
