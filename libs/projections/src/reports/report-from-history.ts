import Decimal from 'decimal.js';
import {
  EntryReversed,
  FundState,
  HUB_ACCOUNT,
  LedgerEvent,
  PoolState,
  TimeBankState,
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
import { Correction, FinancingReport, HubHistory, ReportWindow, assembleReport } from './financing-report';

// The report as a fold of the hub's whole history, stream by stream, on every call: the CLI reads
// a data folder with it, and the tests hold the read model's answers against it (their oracle).

/** Events recorded at or before `asOf`: each event's data carries the moment it was decided. */
async function* upTo(events: AsyncIterable<RecordedEvent>, asOf: string): AsyncIterable<RecordedEvent> {
  for await (const event of events) {
    if ((event.data as { at: string }).at > asOf) return;
    yield event;
  }
}

/** A stream's state as of `asOf`, folded with its decider's own `evolve`. */
async function foldUpTo<State, Event extends LedgerEvent>(
  events: AsyncIterable<RecordedEvent>,
  asOf: string,
  model: { initialState(): State; evolve(state: State, event: Event): State },
  belongs: (event: LedgerEvent) => event is Event,
): Promise<State> {
  let state = model.initialState();
  for await (const recorded of upTo(events, asOf)) state = model.evolve(state, ofStream(recorded, belongs));
  return state;
}

/** A stored event of a stream, as that stream's domain event; one of another kind there is a broken history. */
function ofStream<Event extends LedgerEvent>(recorded: RecordedEvent, belongs: (event: LedgerEvent) => event is Event): Event {
  const event = toDomainEvent(recorded);
  if (!belongs(event)) throw new TypeError(`a ${recorded.type} event in ${recorded.streamId}, which holds none`);
  return event;
}

/**
 * The hub financing report, answered from history: every stream is folded with the deciders'
 * own `evolve` up to `asOf`, and period figures add up the events inside the period.
 * Null when the hub did not exist at `asOf`.
 */
export async function financingReport(history: HubHistory, window: ReportWindow): Promise<FinancingReport | null> {
  const inPeriod = (at: string) => (window.from === undefined || at >= window.from) && (window.to === undefined ? at <= window.asOf : at < window.to);

  const hubState = await foldUpTo(history.hub, window.asOf, hubDecider, isHubEvent);
  if (!hubState.hub) return null;

  const contributions = { money: { count: 0, total: new Decimal(0) }, inKind: { count: 0, value: new Decimal(0) }, volunteer: { count: 0, hours: new Decimal(0) } };
  const aid = { contributed: new Decimal(0), requested: { count: 0, total: new Decimal(0) }, paid: { count: 0, total: new Decimal(0) } };
  const corrections: Correction[] = [];
  const corrected = (recorded: RecordedEvent, event: EntryReversed) => {
    const { entry, at } = event.data;
    corrections.push({ position: recorded.position, at, reverses: entry.position, type: entry.type, ...reversedAmount(entry) });
    return entry;
  };
  let fund: FundState = fundDecider.initialState();
  for await (const recorded of upTo(history.fund, window.asOf)) {
    const event = ofStream(recorded, isFundEvent);
    fund = fundDecider.evolve(fund, event);
    if (!inPeriod(event.data.at)) continue;
    if (event.type === 'EntryReversed') {
      const entry = corrected(recorded, event);
      if (entry.type === 'MoneyContributed') {
        contributions.money.total = contributions.money.total.minus(entry.data.amount);
        if (entry.data.fund === 'aid') aid.contributed = aid.contributed.minus(entry.data.amount);
      }
      if (entry.type === 'InKindContributed') contributions.inKind.value = contributions.inKind.value.minus(entry.data.estimatedValue ?? 0);
      if (entry.type === 'AidPaid') aid.paid.total = aid.paid.total.minus(entry.data.amount);
      continue;
    }
    switch (event.type) {
      case 'MoneyContributed':
        contributions.money.count += 1;
        contributions.money.total = contributions.money.total.plus(event.data.amount);
        if (event.data.fund === 'aid') aid.contributed = aid.contributed.plus(event.data.amount);
        break;
      case 'InKindContributed':
        contributions.inKind.count += 1;
        contributions.inKind.value = contributions.inKind.value.plus(event.data.estimatedValue ?? 0);
        break;
      case 'AidRequested':
        aid.requested.count += 1;
        aid.requested.total = aid.requested.total.plus(event.data.amount);
        break;
      case 'AidPaid':
        aid.paid.count += 1;
        aid.paid.total = aid.paid.total.plus(event.data.amount);
        break;
      default:
        break; // moves between funds, withdrawn requests and project money: in the figures as of the moment
    }
  }

  let timeBank: TimeBankState = timeBankDecider.initialState();
  let hoursExchanged = new Decimal(0);
  // by the kind of help; '' for payments that name none
  const byCategory = new Map<string, Decimal>();
  const addToCategory = (categoryId: string | undefined, hours: Decimal) => byCategory.set(categoryId ?? '', (byCategory.get(categoryId ?? '') ?? new Decimal(0)).plus(hours));
  const active = new Set<string>();
  for await (const recorded of upTo(history.timeBank, window.asOf)) {
    const event = ofStream(recorded, isTimeBankEvent);
    timeBank = timeBankDecider.evolve(timeBank, event);
    if (!inPeriod(event.data.at)) continue;
    if (event.type === 'EntryReversed') {
      const entry = corrected(recorded, event);
      if (entry.type === 'HoursPaid' && !isOpeningBalance(entry)) {
        hoursExchanged = hoursExchanged.minus(entry.data.hours);
        addToCategory(entry.data.categoryId, new Decimal(entry.data.hours).negated());
      }
      if (entry.type === 'GroupHoursPaid') {
        const hours = groupHours(entry.data.payments).value;
        hoursExchanged = hoursExchanged.minus(hours);
        addToCategory(entry.data.categoryId, hours.negated());
      }
      if (entry.type === 'VolunteerHoursPaid') contributions.volunteer.hours = contributions.volunteer.hours.minus(entry.data.hours);
    } else if (event.type === 'ReversalProposed' || event.type === 'ReversalRejected' || isHourRequestEvent(event)) {
      continue; // moves nothing: its payment, if accepted, is the HoursPaid beside it
    } else if (event.type === 'HoursPaid') {
      if (isOpeningBalance(event)) continue; // brought in, not exchanged here
      hoursExchanged = hoursExchanged.plus(event.data.hours);
      addToCategory(event.data.categoryId, new Decimal(event.data.hours));
      active.add(event.data.fromMemberId).add(event.data.toMemberId);
    } else if (event.type === 'GroupHoursPaid') {
      const hours = groupHours(event.data.payments).value;
      hoursExchanged = hoursExchanged.plus(hours);
      addToCategory(event.data.categoryId, hours);
      for (const payment of event.data.payments) active.add(payment.fromMemberId).add(payment.toMemberId);
    } else {
      contributions.volunteer.count += 1;
      contributions.volunteer.hours = contributions.volunteer.hours.plus(event.data.hours);
      active.add(event.data.memberId);
    }
  }
  active.delete(HUB_ACCOUNT);

  let pool: PoolState = poolDecider.initialState();
  const flows = { disbursed: new Decimal(0), repaid: new Decimal(0), interest: new Decimal(0), writtenOff: new Decimal(0) };
  for await (const recorded of upTo(history.pool, window.asOf)) {
    const event = ofStream(recorded, isPoolEvent);
    pool = poolDecider.evolve(pool, event);
    if (!inPeriod(event.data.at)) continue;
    if (event.type === 'LoanDisbursed') flows.disbursed = flows.disbursed.plus(event.data.amount);
    if (event.type === 'LoanRepaymentReceived') {
      flows.repaid = flows.repaid.plus(event.data.principal);
      flows.interest = flows.interest.plus(event.data.interest);
    }
    if (event.type === 'LoanWrittenOff') flows.writtenOff = flows.writtenOff.plus(event.data.principal);
    if (event.type === 'EntryReversed') {
      const entry = corrected(recorded, event);
      if (entry.type === 'LoanRepaymentReceived') {
        flows.repaid = flows.repaid.minus(entry.data.principal);
        flows.interest = flows.interest.minus(entry.data.interest);
      }
    }
  }
  let things = thingsDecider.initialState();
  let loansMade = 0;
  for await (const recorded of upTo(history.things, window.asOf)) {
    const event = ofStream(recorded, isThingEvent);
    things = thingsDecider.evolve(things, event);
    if (event.type === 'ThingLent' && inPeriod(event.data.at)) loansMade += 1;
  }
  return assembleReport(window, { hub: hubState, timeBank, pool, fund, things }, {
    money: contributions.money,
    inKind: contributions.inKind,
    volunteer: contributions.volunteer,
    aid,
    flows,
    hoursExchanged,
    byCategory,
    activeMembers: active.size,
    loansMade,
    corrections: corrections.sort((a, b) => a.position - b.position),
  });
}
