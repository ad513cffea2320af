import { AidPaid } from '../aid/aid.events';
import { InKindContributed, MoneyContributed } from '../contributions/contributions.events';
import { DomainEvent } from '../decider';
import { LoanRepaymentReceived, SavingsDeposited, SavingsWithdrawn } from '../pool/pool.events';
import { GroupHoursPaid, HoursPaid, VolunteerHoursPaid } from '../timebank/timebank.events';

/** The entries a reversal may undo (API.md, "Corrections"), as they were recorded. */
export type ReversibleEvent =
  | HoursPaid
  | GroupHoursPaid
  | VolunteerHoursPaid
  | MoneyContributed
  | InKindContributed
  | SavingsDeposited
  | SavingsWithdrawn
  | LoanRepaymentReceived
  | AidPaid;

export const REVERSIBLE_TYPES: ReadonlySet<string> = new Set<ReversibleEvent['type']>([
  'HoursPaid',
  'GroupHoursPaid',
  'VolunteerHoursPaid',
  'MoneyContributed',
  'InKindContributed',
  'SavingsDeposited',
  'SavingsWithdrawn',
  'LoanRepaymentReceived',
  'AidPaid',
]);

/** Where an entry sits in history: what a reversal names. */
export interface EntryAddress {
  position: number;
  streamId: string;
  revision: number;
}

/** A recorded entry with its address: what a reversal names and, exactly, what it moves back. */
export type RecordedEntry = EntryAddress & ReversibleEvent;

/** The entry a reversal names: its address and exactly its type and data, nothing the store keeps beside them. */
export function entryAt(address: EntryAddress, event: ReversibleEvent): RecordedEntry {
  const { position, streamId, revision } = address;
  return { position, streamId, revision, type: event.type, data: event.data } as RecordedEntry;
}

export type ReversalProposed = DomainEvent<
  'ReversalProposed',
  { reversalId: string; entry: RecordedEntry; reason: string; proposedBy: string; at: string }
>;

export type ReversalRejected = DomainEvent<
  'ReversalRejected',
  { reversalId: string; original: EntryAddress; rejectedBy: string; reason: string; at: string }
>;

/**
 * The compensating entry: it moves exactly the amounts of `entry` back, in the stream of the
 * original, so every invariant of that stream keeps holding without a special case.
 */
export type EntryReversed = DomainEvent<
  'EntryReversed',
  { reversalId: string; entry: RecordedEntry; reason: string; proposedBy: string; confirmedBy: string; note: string; at: string }
>;

export type ReversalEvent = ReversalProposed | ReversalRejected | EntryReversed;

export const REVERSAL_EVENT_TYPES: ReadonlySet<string> = new Set<ReversalEvent['type']>(['ReversalProposed', 'ReversalRejected', 'EntryReversed']);
