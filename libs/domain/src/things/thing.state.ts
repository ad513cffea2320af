import { HUB_OWNER, ThingCondition } from './thing.events';

/** How long the first in the queue has to collect a thing that is ready for them, before the next one's turn. */
export const PICKUP_DAYS = 3;
const PICKUP_MS = PICKUP_DAYS * 24 * 60 * 60 * 1000;

export const THING_STATUSES = ['available', 'on_loan', 'on_hold', 'in_repair', 'retired'] as const;
export type ThingStatus = (typeof THING_STATUSES)[number];

export interface Hold {
  holdId: string;
  memberId: string;
  at: string;
}

export interface CurrentLoan {
  loanId: string;
  memberId: string;
  lentAt: string;
  dueAt: string;
  deposit: string | null;
  hours: string | null;
}

export interface ThingRecord {
  thingId: string;
  name: string;
  description: string;
  categoryId: string | null;
  owner: string;
  loanDays: number;
  deposit: string | null;
  hoursPerLoan: string | null;
  addedAt: string;
  retired: boolean;
  inRepair: boolean;
  loan: CurrentLoan | null;
  /** the queue, first in line first */
  holds: Hold[];
  /** when the first in the queue's turn began: set while the thing waits for them, else null */
  turnSince: string | null;
  lastCondition: ThingCondition | null;
}

/** A hub's shared things: one stream per hub, so a thing's loan and queue are decided on one state. */
export interface ThingsState {
  things: Map<string, ThingRecord>;
}

export const isHubThing = (thing: ThingRecord) => thing.owner === HUB_OWNER;

/** Nothing out, in repair or retired: it may wait for someone in the queue, or be lent. */
export const isReady = (thing: ThingRecord) => !thing.retired && !thing.inRepair && thing.loan === null;

const plus = (moment: string, ms: number) => new Date(Date.parse(moment) + ms).toISOString();

/**
 * The thing as it stands at `at`: the holds whose turns passed without a collection are gone,
 * each turn after them starting where the one before ended. Read at a moment, never recorded,
 * so the decider, the read models and a replay agree on whose turn it is.
 */
export function settled(thing: ThingRecord, at: string): ThingRecord {
  if (thing.turnSince === null) return thing;
  let turnSince = thing.turnSince;
  let skipped = 0;
  while (skipped < thing.holds.length && at >= plus(turnSince, PICKUP_MS)) {
    turnSince = plus(turnSince, PICKUP_MS);
    skipped += 1;
  }
  if (skipped === 0) return thing;
  const holds = thing.holds.slice(skipped);
  return { ...thing, holds, turnSince: holds.length > 0 ? turnSince : null };
}

/** The turn clock runs only while the thing is ready and someone is queued: it starts at `at`. */
export function withTurn(thing: ThingRecord, at: string): ThingRecord {
  const waiting = isReady(thing) && thing.holds.length > 0;
  if (waiting && thing.turnSince === null) return { ...thing, turnSince: at };
  if (!waiting && thing.turnSince !== null) return { ...thing, turnSince: null };
  return thing;
}

export interface ThingStanding {
  status: ThingStatus;
  /** whose turn it is while `on_hold`, and until when */
  turn: { memberId: string; holdId: string; until: string } | null;
  /** from when anyone may borrow it, if nothing changes: the end of the last queued turn */
  freeFrom: string | null;
}

/** Status as API.md names it, at a moment. */
export function thingStandingAt(record: ThingRecord, at: string): ThingStanding {
  const thing = settled(record, at);
  if (thing.retired) return { status: 'retired', turn: null, freeFrom: null };
  if (thing.loan) return { status: 'on_loan', turn: null, freeFrom: null };
  if (thing.inRepair) return { status: 'in_repair', turn: null, freeFrom: null };
  if (thing.turnSince !== null && thing.holds.length > 0) {
    const [first] = thing.holds;
    return {
      status: 'on_hold',
      turn: { memberId: first.memberId, holdId: first.holdId, until: plus(thing.turnSince, PICKUP_MS) },
      freeFrom: plus(thing.turnSince, PICKUP_MS * thing.holds.length),
    };
  }
  return { status: 'available', turn: null, freeFrom: null };
}
