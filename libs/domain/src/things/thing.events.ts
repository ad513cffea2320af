import { DomainEvent } from '../decider';

/** What a thing is like when it comes back; `needs_repair` sends it to repair. */
export const THING_CONDITIONS = ['good', 'worn', 'needs_repair'] as const;
export type ThingCondition = (typeof THING_CONDITIONS)[number];

/** Who owns a thing: the hub, or the member who lends it. */
export const HUB_OWNER = 'hub';

/**
 * A thing the hub lends: its own, or a member's. `deposit` (money) is asked of a borrower and
 * recorded, not collected; `hoursPerLoan` is paid by the borrower to the owner (the hub's time
 * account for the hub's things) when it is lent.
 */
export type ThingAdded = DomainEvent<
  'ThingAdded',
  {
    thingId: string;
    name: string;
    description: string;
    categoryId: string | null;
    owner: string;
    loanDays: number;
    deposit: string | null;
    hoursPerLoan: string | null;
    addedBy: string;
    at: string;
  }
>;

/** Only the fields given change; a loan already made keeps its terms. */
export type ThingChanged = DomainEvent<
  'ThingChanged',
  {
    thingId: string;
    name?: string;
    description?: string;
    categoryId?: string | null;
    loanDays?: number;
    deposit?: string | null;
    hoursPerLoan?: string | null;
    changedBy: string;
    at: string;
  }
>;

/** A member joins the queue for a thing. `heldBy`: the member, or a coordinator for an assisted member. */
export type ThingHeld = DomainEvent<'ThingHeld', { thingId: string; holdId: string; memberId: string; heldBy: string; at: string }>;

export type ThingHoldCancelled = DomainEvent<'ThingHoldCancelled', { thingId: string; holdId: string; cancelledBy: string; at: string }>;

/**
 * Lent until `dueAt`. `holdId`: the hold whose turn it was, if any (the holds before it had let
 * their turns pass). `hours` and `transferId`: what the loan cost, paid in the same append by
 * the HoursPaid that `loanPayment` derives from this event; `deposit`: the money the borrower left.
 */
export type ThingLent = DomainEvent<
  'ThingLent',
  {
    thingId: string;
    loanId: string;
    memberId: string;
    holdId: string | null;
    dueAt: string;
    deposit: string | null;
    hours: string | null;
    transferId: string | null;
    paidTo: string | null;
    lentBy: string;
    at: string;
  }
>;

/** Taken back, in the condition the one taking it back saw. `depositReturned`: null when no deposit was left. */
export type ThingReturned = DomainEvent<
  'ThingReturned',
  { thingId: string; loanId: string; memberId: string; condition: ThingCondition; note: string; depositReturned: boolean | null; takenBackBy: string; at: string }
>;

export type ThingSentToRepair = DomainEvent<'ThingSentToRepair', { thingId: string; note: string; sentBy: string; at: string }>;
export type ThingRepaired = DomainEvent<'ThingRepaired', { thingId: string; note: string; repairedBy: string; at: string }>;
/** Out of the library for good: its queue is dropped. */
export type ThingRetired = DomainEvent<'ThingRetired', { thingId: string; note: string; retiredBy: string; at: string }>;

export type ThingEvent = ThingAdded | ThingChanged | ThingHeld | ThingHoldCancelled | ThingLent | ThingReturned | ThingSentToRepair | ThingRepaired | ThingRetired;

export const THING_EVENT_TYPES: ReadonlySet<string> = new Set<ThingEvent['type']>([
  'ThingAdded',
  'ThingChanged',
  'ThingHeld',
  'ThingHoldCancelled',
  'ThingLent',
  'ThingReturned',
  'ThingSentToRepair',
  'ThingRepaired',
  'ThingRetired',
]);
