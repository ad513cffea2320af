import { DomainEvent, ThingsContext } from '@commons/domain';

/** What a decision on a hub's things reads, and the time-bank events it adds (a loan's hours) for the same append. */
export interface ThingsDecisionContext extends ThingsContext {
  hours: { streamId: string; revision: number; events: DomainEvent[] };
}
