import Decimal from 'decimal.js';
import {
  EntryReversed,
  LedgerEvent,
  isFundEvent,
  isHubEvent,
  isPoolEvent,
  isHourRequestEvent,
  isTimeBankEvent,
  toDomainEvent,
  FundState,
  ProjectFinancing,
  fundDecider,
  projectFinancing,
  HUB_ACCOUNT,
  groupHours,
  PoolState,
  TimeBankState,
  balanceOf,
  fundStream,
  hubStream,
  poolStream,
  timeBankStream,
  effectiveCreditLimit,
  hasRole,
  hubDecider,
  poolDecider,
  poolStanding,
  scaleOf,
  timeBankDecider,
  isThingEvent,
  thingsDecider,
  thingsStream,
  thingStandingAt,
} from '@commons/domain';
import { EventStore, RecordedEvent } from '@commons/event-store';
import { reversedAmount } from '../reversals/reversals.projection';

const NEAR_LIMIT_SHARE = new Decimal('0.1'); // "near" the limit: a tenth of it or less still available

export interface ReportWindow {
  /** the moment the report describes: nothing recorded after it counts */
  asOf: string;
  /** the period's start, inclusive; unbounded when absent */
  from?: string;
  /** the period's end, exclusive; `asOf` (inclusive) when absent */
  to?: string;
}

/** The events of one hub, stream by stream, each in its own order. */
export interface HubHistory {
  hub: AsyncIterable<RecordedEvent>;
  timeBank: AsyncIterable<RecordedEvent>;
  pool: AsyncIterable<RecordedEvent>;
  fund: AsyncIterable<RecordedEvent>;
  things: AsyncIterable<RecordedEvent>;
}

/** A hub's four streams, read from the store as they are recorded. */
export function hubHistory(store: EventStore, hubId: string): HubHistory {
  return {
    hub: store.readStream(hubStream(hubId)),
    timeBank: store.readStream(timeBankStream(hubId)),
    pool: store.readStream(poolStream(hubId)),
    fund: store.readStream(fundStream(hubId)),
    things: store.readStream(thingsStream(hubId)),
  };
}

export interface FinancingReport {
  hubId: string;
  name: string;
  currency: string;
  asOf: string;
  period: { from: string | null; to: string };
  contributions: {
    money: { count: number; total: string };
    inKind: { count: number; estimatedValue: string };
    volunteerHours: { count: number; hours: string };
  };
  pool: {
    savings: string;
    cash: string;
    reserve: string;
    loansOutstanding: string;
    arrears: string;
    portfolioAtRisk30: string;
    disbursed: string;
    repaid: string;
    interestEarned: string;
    writtenOff: string;
  };
  loansByProject: Array<{ projectId: string | null; loans: number; disbursed: string; outstanding: string }>;
  /** the hub's money outside the pool, as of the moment */
  funds: { general: string; aid: string };
  /** totals and counts only: who asked and why is never in a report */
  aid: {
    contributed: string;
    requested: { count: number; total: string };
    paid: { count: number; total: string };
    open: { count: number; total: string };
  };
  projects: ProjectFinancing[];
  timeBank: {
    hoursExchanged: string;
    /** hours exchanged in the period by kind of help; `categoryId: null` for payments that name none */
    hoursByCategory: Array<{ categoryId: string | null; name: string | null; hours: string }>;
    activeMembers: number;
    membersAtOrNearLimit: number;
    hubAccountBalance: string;
  };
  /** the tool library: loans made in the period; as of the moment, things out, overdue and in repair */
  things: { loansMade: number; onLoan: number; overdue: number; inRepair: number };
  /**
   * Reversals applied in the period. The totals above are net of them (a reversal counts in the
   * period it was applied); counts are of the entries recorded. No names: aid stays private.
   */
  corrections: { count: number; entries: Correction[] };
}

export interface Correction {
  position: number;
  at: string;
  /** the position of the entry it reversed, and that entry's type */
  reverses: number;
  type: string;
  amount: string;
  unit: 'hours' | 'money' | 'goods';
}

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
  const hub = hubState.hub;
  if (!hub) return null;
  const scale = scaleOf(hub.currency);
  const money = (value: Decimal.Value) => new Decimal(value).toFixed(scale);

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
  const open = { count: 0, total: new Decimal(0) };
  for (const request of fund.aidRequests.values()) {
    if (request.status !== 'requested') continue;
    open.count += 1;
    open.total = open.total.plus(request.amount);
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
      if (entry.type === 'HoursPaid') {
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
  let nearLimit = 0;
  for (const member of hubState.members.values()) {
    if (!hasRole(member, 'member') || member.status !== 'active') continue;
    const limit = effectiveCreditLimit(hub, member).value;
    const available = balanceOf(timeBank, member.memberId).value.plus(limit);
    if (available.lessThanOrEqualTo(limit.times(NEAR_LIMIT_SHARE))) nearLimit += 1;
  }

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
  const standing = poolStanding(pool, window.asOf);
  const things = await toolLibrary(history.things, window.asOf, inPeriod);
  const projects = new Map<string | null, { loans: number; disbursed: Decimal; outstanding: Decimal }>();
  for (const loan of pool.loans.values()) {
    if (!['active', 'repaid', 'written_off'].includes(loan.status)) continue;
    const entry = projects.get(loan.projectId) ?? { loans: 0, disbursed: new Decimal(0), outstanding: new Decimal(0) };
    entry.loans += 1;
    entry.disbursed = entry.disbursed.plus(loan.principal);
    if (loan.status === 'active') entry.outstanding = entry.outstanding.plus(loan.principal.minus(loan.principalPaid));
    projects.set(loan.projectId, entry);
  }

  return {
    hubId: hub.hubId,
    name: hub.name,
    currency: hub.currency,
    asOf: window.asOf,
    period: { from: window.from ?? null, to: window.to ?? window.asOf },
    contributions: {
      money: { count: contributions.money.count, total: money(contributions.money.total) },
      inKind: { count: contributions.inKind.count, estimatedValue: money(contributions.inKind.value) },
      volunteerHours: { count: contributions.volunteer.count, hours: contributions.volunteer.hours.toFixed(2) },
    },
    pool: {
      savings: money(pool.totalSavings),
      cash: money(pool.cash),
      reserve: money(pool.totalSavings.times(hub.pool.reserveRatio)),
      loansOutstanding: money(standing.outstanding),
      arrears: money(standing.arrears),
      portfolioAtRisk30: money(standing.portfolioAtRisk30),
      disbursed: money(flows.disbursed),
      repaid: money(flows.repaid),
      interestEarned: money(flows.interest),
      writtenOff: money(flows.writtenOff),
    },
    loansByProject: [...projects.entries()]
      .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
      .map(([projectId, entry]) => ({ projectId, loans: entry.loans, disbursed: money(entry.disbursed), outstanding: money(entry.outstanding) })),
    funds: { general: money(fund.general), aid: money(fund.aid) },
    aid: {
      contributed: money(aid.contributed),
      requested: { count: aid.requested.count, total: money(aid.requested.total) },
      paid: { count: aid.paid.count, total: money(aid.paid.total) },
      open: { count: open.count, total: money(open.total) },
    },
    projects: [...hubState.projects.values()]
      .sort((a, b) => a.projectId.localeCompare(b.projectId))
      .map((project) => projectFinancing(project, fund, pool, scale)),
    timeBank: {
      hoursExchanged: hoursExchanged.toFixed(2),
      hoursByCategory: [...byCategory.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
        .map(([categoryId, hours]) => ({
          categoryId: categoryId === '' ? null : categoryId,
          name: categoryId === '' ? null : (hubState.categories.get(categoryId)?.name ?? categoryId),
          hours: hours.toFixed(2),
        })),
      activeMembers: active.size,
      membersAtOrNearLimit: nearLimit,
      hubAccountBalance: balanceOf(timeBank, HUB_ACCOUNT).toString(),
    },
    things,
    corrections: { count: corrections.length, entries: corrections.sort((a, b) => a.position - b.position) },
  };
}

async function toolLibrary(events: AsyncIterable<RecordedEvent>, asOf: string, inPeriod: (at: string) => boolean): Promise<FinancingReport['things']> {
  const figures = { loansMade: 0, onLoan: 0, overdue: 0, inRepair: 0 };
  let state = thingsDecider.initialState();
  for await (const recorded of upTo(events, asOf)) {
    const event = ofStream(recorded, isThingEvent);
    state = thingsDecider.evolve(state, event);
    if (event.type === 'ThingLent' && inPeriod(event.data.at)) figures.loansMade += 1;
  }
  for (const thing of state.things.values()) {
    const { status } = thingStandingAt(thing, asOf);
    if (status === 'on_loan') figures.onLoan += 1;
    if (status === 'on_loan' && thing.loan!.dueAt < asOf) figures.overdue += 1;
    if (status === 'in_repair') figures.inRepair += 1;
  }
  return figures;
}

export interface ProjectReport extends ProjectFinancing {
  hubId: string;
  currency: string;
  asOf: string;
  createdBy: string;
  createdAt: string;
}

/** One project's financing as of a moment, from the hub, pool and fund streams. Null when it did not exist then. */
export async function projectReport(history: HubHistory, projectId: string, asOf: string): Promise<ProjectReport | null> {
  const hubState = await foldUpTo(history.hub, asOf, hubDecider, isHubEvent);
  const project = hubState.projects.get(projectId);
  if (!hubState.hub || !project) return null;
  const pool = await foldUpTo(history.pool, asOf, poolDecider, isPoolEvent);
  const fund = await foldUpTo(history.fund, asOf, fundDecider, isFundEvent);
  const figures = projectFinancing(project, fund, pool, scaleOf(hubState.hub.currency));
  return { hubId: hubState.hub.hubId, currency: hubState.hub.currency, asOf, ...figures, createdBy: project.createdBy, createdAt: project.createdAt };
}
