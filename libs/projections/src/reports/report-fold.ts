import Decimal from 'decimal.js';
import {
  Amount,
  HUB_ACCOUNT,
  HubState,
  LedgerEvent,
  fundDecider,
  groupHours,
  hubDecider,
  isFundEvent,
  isHourRequestEvent,
  isOpeningBalance,
  isHubEvent,
  isPoolEvent,
  isThingEvent,
  isTimeBankEvent,
  poolDecider,
  thingsDecider,
  timeBankDecider,
  toDomainEvent,
} from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { reversedAmount } from '../reversals/reversals.projection';
import { Correction, PeriodFigures, ReportStates } from './financing-report';

/**
 * What the period figures add up, from the hub's first event: a period's figures are the
 * difference of the totals at its two ends. Counts of touches go with the kinds of help and the
 * members, so a period that touched one (even to nothing, by a reversal) still lists it.
 */
export interface RunningTotals extends Pick<PeriodFigures, 'money' | 'inKind' | 'volunteer' | 'aid' | 'flows' | 'hoursExchanged' | 'loansMade'> {
  byCategory: Map<string, { hours: Decimal; touches: number }>;
  /** member id → the payments and volunteer hours they took part in */
  activity: Map<string, number>;
  corrections: number;
}

/** A hub's streams folded together, in the order of `$all`, with the running totals. */
export interface ReportFold extends ReportStates {
  totals: RunningTotals;
  /** the position of the last event folded (0 for none), how many of the hub's events, and the latest moment among them */
  position: number;
  events: number;
  maxAt: string;
}

const zero = () => new Decimal(0);

export function emptyFold(): ReportFold {
  return {
    hub: hubDecider.initialState(),
    timeBank: timeBankDecider.initialState(),
    pool: poolDecider.initialState(),
    fund: fundDecider.initialState(),
    things: thingsDecider.initialState(),
    totals: {
      money: { count: 0, total: zero() },
      inKind: { count: 0, value: zero() },
      volunteer: { count: 0, hours: zero() },
      aid: { contributed: zero(), requested: { count: 0, total: zero() }, paid: { count: 0, total: zero() } },
      flows: { disbursed: zero(), repaid: zero(), interest: zero(), writtenOff: zero() },
      hoursExchanged: zero(),
      byCategory: new Map(),
      activity: new Map(),
      loansMade: 0,
      corrections: 0,
    },
    position: 0,
    events: 0,
    maxAt: '',
  };
}

/** An event as the fold reads it: a recorded event, or a row the read model kept of one. */
export type FoldedEvent = Pick<RecordedEvent, 'position' | 'streamId' | 'type' | 'data'> & { metadata: { schemaVersion?: number } };

/**
 * Folds one of the hub's events: the stream's state with its decider's own `evolve`, and what it
 * adds to the running totals. `corrected` hears of each reversal applied, numbered from 0.
 */
export function foldEvent(fold: ReportFold, recorded: FoldedEvent, corrected: (seq: number, correction: Correction) => void = () => undefined): void {
  fold.position = recorded.position;
  fold.events += 1;
  const kind = recorded.streamId.slice(0, recorded.streamId.indexOf('-'));
  if (kind === 'listings') return; // the board adds nothing to a report
  const event = toDomainEvent(recorded);
  const at = (event.data as { at: string }).at;
  if (at > fold.maxAt) fold.maxAt = at;
  const totals = fold.totals;
  switch (kind) {
    case 'hub':
      fold.hub = hubDecider.evolve(fold.hub, of(event, isHubEvent, recorded));
      return;
    case 'fund':
      return foldFund(fold, of(event, isFundEvent, recorded), recorded.position, corrected);
    case 'timebank':
      return foldTimeBank(fold, of(event, isTimeBankEvent, recorded), recorded.position, corrected);
    case 'pool': {
      const pool = of(event, isPoolEvent, recorded);
      fold.pool = poolDecider.evolve(fold.pool, pool);
      if (pool.type === 'LoanDisbursed') totals.flows.disbursed = totals.flows.disbursed.plus(pool.data.amount);
      if (pool.type === 'LoanRepaymentReceived') {
        totals.flows.repaid = totals.flows.repaid.plus(pool.data.principal);
        totals.flows.interest = totals.flows.interest.plus(pool.data.interest);
      }
      if (pool.type === 'LoanWrittenOff') totals.flows.writtenOff = totals.flows.writtenOff.plus(pool.data.principal);
      if (pool.type === 'EntryReversed') {
        const entry = correction(fold, pool, recorded.position, corrected);
        if (entry.type === 'LoanRepaymentReceived') {
          totals.flows.repaid = totals.flows.repaid.minus(entry.data.principal);
          totals.flows.interest = totals.flows.interest.minus(entry.data.interest);
        }
      }
      return;
    }
    case 'things': {
      const thing = of(event, isThingEvent, recorded);
      fold.things = thingsDecider.evolve(fold.things, thing);
      if (thing.type === 'ThingLent') totals.loansMade += 1;
      return;
    }
    default:
      throw new TypeError(`a ${recorded.type} event in ${recorded.streamId}, a stream no report reads`);
  }
}

function foldFund(fold: ReportFold, event: LedgerEvent & { type: string }, position: number, corrected: (seq: number, correction: Correction) => void): void {
  if (!isFundEvent(event)) return;
  fold.fund = fundDecider.evolve(fold.fund, event);
  const { totals } = fold;
  switch (event.type) {
    case 'EntryReversed': {
      const entry = correction(fold, event, position, corrected);
      if (entry.type === 'MoneyContributed') {
        totals.money.total = totals.money.total.minus(entry.data.amount);
        if (entry.data.fund === 'aid') totals.aid.contributed = totals.aid.contributed.minus(entry.data.amount);
      }
      if (entry.type === 'InKindContributed') totals.inKind.value = totals.inKind.value.minus(entry.data.estimatedValue ?? 0);
      if (entry.type === 'AidPaid') totals.aid.paid.total = totals.aid.paid.total.minus(entry.data.amount);
      return;
    }
    case 'MoneyContributed':
      totals.money.count += 1;
      totals.money.total = totals.money.total.plus(event.data.amount);
      if (event.data.fund === 'aid') totals.aid.contributed = totals.aid.contributed.plus(event.data.amount);
      return;
    case 'InKindContributed':
      totals.inKind.count += 1;
      totals.inKind.value = totals.inKind.value.plus(event.data.estimatedValue ?? 0);
      return;
    case 'AidRequested':
      totals.aid.requested.count += 1;
      totals.aid.requested.total = totals.aid.requested.total.plus(event.data.amount);
      return;
    case 'AidPaid':
      totals.aid.paid.count += 1;
      totals.aid.paid.total = totals.aid.paid.total.plus(event.data.amount);
      return;
    default:
      return; // moves between funds, withdrawn requests and project money: in the states
  }
}

function foldTimeBank(fold: ReportFold, event: LedgerEvent, position: number, corrected: (seq: number, correction: Correction) => void): void {
  if (!isTimeBankEvent(event)) return;
  fold.timeBank = timeBankDecider.evolve(fold.timeBank, event);
  const { totals } = fold;
  const category = (categoryId: string | undefined, hours: Decimal) => {
    const before = totals.byCategory.get(categoryId ?? '') ?? { hours: zero(), touches: 0 };
    totals.byCategory.set(categoryId ?? '', { hours: before.hours.plus(hours), touches: before.touches + 1 });
  };
  const active = (...memberIds: string[]) => {
    for (const memberId of memberIds) if (memberId !== HUB_ACCOUNT) totals.activity.set(memberId, (totals.activity.get(memberId) ?? 0) + 1);
  };
  if (event.type === 'EntryReversed') {
    const entry = correction(fold, event, position, corrected);
    if (entry.type === 'HoursPaid' && !isOpeningBalance(entry)) {
      totals.hoursExchanged = totals.hoursExchanged.minus(entry.data.hours);
      category(entry.data.categoryId, new Decimal(entry.data.hours).negated());
    }
    if (entry.type === 'GroupHoursPaid') {
      const hours = groupHours(entry.data.payments).value;
      totals.hoursExchanged = totals.hoursExchanged.minus(hours);
      category(entry.data.categoryId, hours.negated());
    }
    if (entry.type === 'VolunteerHoursPaid') totals.volunteer.hours = totals.volunteer.hours.minus(entry.data.hours);
  } else if (event.type === 'ReversalProposed' || event.type === 'ReversalRejected' || isHourRequestEvent(event)) {
    return;
  } else if (event.type === 'HoursPaid') {
    if (isOpeningBalance(event)) return; // brought in, not exchanged here
    totals.hoursExchanged = totals.hoursExchanged.plus(event.data.hours);
    category(event.data.categoryId, new Decimal(event.data.hours));
    active(event.data.fromMemberId, event.data.toMemberId);
  } else if (event.type === 'GroupHoursPaid') {
    const hours = groupHours(event.data.payments).value;
    totals.hoursExchanged = totals.hoursExchanged.plus(hours);
    category(event.data.categoryId, hours);
    active(...event.data.payments.flatMap((payment) => [payment.fromMemberId, payment.toMemberId]));
  } else {
    totals.volunteer.count += 1;
    totals.volunteer.hours = totals.volunteer.hours.plus(event.data.hours);
    active(event.data.memberId);
  }
}

function correction<E extends { type: 'EntryReversed'; data: { entry: Parameters<typeof reversedAmount>[0]; at: string } }>(
  fold: ReportFold,
  event: E,
  position: number,
  corrected: (seq: number, correction: Correction) => void,
) {
  const { entry, at } = event.data;
  corrected(fold.totals.corrections, { position, at, reverses: entry.position, type: entry.type, ...reversedAmount(entry) });
  fold.totals.corrections += 1;
  return entry;
}

function of<Event extends LedgerEvent>(event: LedgerEvent, belongs: (event: LedgerEvent) => event is Event, recorded: FoldedEvent): Event {
  if (!belongs(event)) throw new TypeError(`a ${recorded.type} event in ${recorded.streamId}, which holds none`);
  return event;
}

/**
 * What a period added up: the totals at its end less those at its start (none: from the first
 * event), with the corrections numbered between them.
 */
export function periodBetween(start: ReportFold | null, end: ReportFold, corrections: Correction[]): PeriodFigures {
  const a = start?.totals ?? emptyFold().totals;
  const b = end.totals;
  const byCategory = new Map<string, Decimal>();
  for (const [categoryId, touched] of b.byCategory) {
    const before = a.byCategory.get(categoryId);
    if (touched.touches > (before?.touches ?? 0)) byCategory.set(categoryId, touched.hours.minus(before?.hours ?? 0));
  }
  let activeMembers = 0;
  for (const [memberId, count] of b.activity) if (count > (a.activity.get(memberId) ?? 0)) activeMembers += 1;
  return {
    money: { count: b.money.count - a.money.count, total: b.money.total.minus(a.money.total) },
    inKind: { count: b.inKind.count - a.inKind.count, value: b.inKind.value.minus(a.inKind.value) },
    volunteer: { count: b.volunteer.count - a.volunteer.count, hours: b.volunteer.hours.minus(a.volunteer.hours) },
    aid: {
      contributed: b.aid.contributed.minus(a.aid.contributed),
      requested: { count: b.aid.requested.count - a.aid.requested.count, total: b.aid.requested.total.minus(a.aid.requested.total) },
      paid: { count: b.aid.paid.count - a.aid.paid.count, total: b.aid.paid.total.minus(a.aid.paid.total) },
    },
    flows: {
      disbursed: b.flows.disbursed.minus(a.flows.disbursed),
      repaid: b.flows.repaid.minus(a.flows.repaid),
      interest: b.flows.interest.minus(a.flows.interest),
      writtenOff: b.flows.writtenOff.minus(a.flows.writtenOff),
    },
    hoursExchanged: b.hoursExchanged.minus(a.hoursExchanged),
    byCategory,
    activeMembers,
    loansMade: b.loansMade - a.loansMade,
    corrections,
  };
}

// A fold as text and back: Maps, Sets, Decimals and Amounts marked, so a thawed fold is the same
// fold. The hub's own state (its members) changes seldom and weighs most: it is kept apart.
export function freezeFold(fold: ReportFold): string {
  return freeze({ ...fold, hub: undefined });
}

export function thawFold(text: string, hub: HubState): ReportFold {
  return { ...(revive(JSON.parse(text)) as Omit<ReportFold, 'hub'>), hub };
}

export function freeze(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item) {
    const raw = this[key];
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    if (raw instanceof Set) return { $set: [...raw] };
    if (raw instanceof Amount) return { $amount: [raw.toString(), raw.unit] };
    if (Decimal.isDecimal(raw)) return { $decimal: raw.toFixed() };
    return item;
  });
}

export function thaw<T>(text: string): T {
  return revive(JSON.parse(text)) as T;
}

// a walk over the parsed tree: several times faster than JSON.parse's reviver on a fold this size
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = revive(value[i]);
    return value;
  }
  const marked = value as { $map?: Array<[unknown, unknown]>; $set?: unknown[]; $amount?: [string, string]; $decimal?: string };
  if (marked.$map !== undefined) return new Map(marked.$map.map(([key, item]) => [key, revive(item)]));
  if (marked.$set !== undefined) return new Set(marked.$set);
  if (marked.$amount !== undefined) return Amount.parseSigned(marked.$amount[0], marked.$amount[1]);
  if (marked.$decimal !== undefined) return new Decimal(marked.$decimal);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = revive(record[key]);
  return record;
}
