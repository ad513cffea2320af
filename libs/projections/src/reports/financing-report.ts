import Decimal from 'decimal.js';
import {
  FundState,
  HUB_ACCOUNT,
  HubState,
  PoolState,
  ProjectFinancing,
  ThingsState,
  TimeBankState,
  balanceOf,
  effectiveCreditLimit,
  fundStream,
  hasRole,
  hubStream,
  poolStanding,
  poolStream,
  projectFinancing,
  scaleOf,
  thingStandingAt,
  thingsStream,
  timeBankStream,
} from '@commons/domain';
import { EventStore, RecordedEvent } from '@commons/event-store';

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

/** A hub's streams, read from the store as they are recorded. */
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


/** Every stream of a hub as of the report's moment. */
export interface ReportStates {
  hub: HubState;
  timeBank: TimeBankState;
  pool: PoolState;
  fund: FundState;
  things: ThingsState;
}

/** What the period adds up: how it is added up (a fold of the period, or a difference of two running totals) is the caller's. */
export interface PeriodFigures {
  money: { count: number; total: Decimal };
  inKind: { count: number; value: Decimal };
  volunteer: { count: number; hours: Decimal };
  aid: { contributed: Decimal; requested: { count: number; total: Decimal }; paid: { count: number; total: Decimal } };
  flows: { disbursed: Decimal; repaid: Decimal; interest: Decimal; writtenOff: Decimal };
  hoursExchanged: Decimal;
  /** by the kind of help; '' for payments that name none; every category the period touched */
  byCategory: Map<string, Decimal>;
  activeMembers: number;
  loansMade: number;
  /** in position order */
  corrections: Correction[];
}

/** The report: the states as of its moment, and what its period added up. Null when the hub did not exist then. */
export function assembleReport(window: ReportWindow, states: ReportStates, period: PeriodFigures): FinancingReport | null {
  const { hub: hubState, timeBank, pool, fund, things } = states;
  const hub = hubState.hub;
  if (!hub) return null;
  const scale = scaleOf(hub.currency);
  const money = (value: Decimal.Value) => new Decimal(value).toFixed(scale);
  const open = { count: 0, total: new Decimal(0) };
  for (const request of fund.aidRequests.values()) {
    if (request.status !== 'requested') continue;
    open.count += 1;
    open.total = open.total.plus(request.amount);
  }
  let nearLimit = 0;
  for (const member of hubState.members.values()) {
    if (!hasRole(member, 'member') || member.status !== 'active') continue;
    const limit = effectiveCreditLimit(hub, member).value;
    const available = balanceOf(timeBank, member.memberId).value.plus(limit);
    if (available.lessThanOrEqualTo(limit.times(NEAR_LIMIT_SHARE))) nearLimit += 1;
  }
  const standing = poolStanding(pool, window.asOf);
  const projects = new Map<string | null, { loans: number; disbursed: Decimal; outstanding: Decimal }>();
  for (const loan of pool.loans.values()) {
    if (!['active', 'repaid', 'written_off'].includes(loan.status)) continue;
    const entry = projects.get(loan.projectId) ?? { loans: 0, disbursed: new Decimal(0), outstanding: new Decimal(0) };
    entry.loans += 1;
    entry.disbursed = entry.disbursed.plus(loan.principal);
    if (loan.status === 'active') entry.outstanding = entry.outstanding.plus(loan.principal.minus(loan.principalPaid));
    projects.set(loan.projectId, entry);
  }
  const toolLibrary = { loansMade: period.loansMade, onLoan: 0, overdue: 0, inRepair: 0 };
  for (const thing of things.things.values()) {
    const { status } = thingStandingAt(thing, window.asOf);
    if (status === 'on_loan') toolLibrary.onLoan += 1;
    if (status === 'on_loan' && thing.loan!.dueAt < window.asOf) toolLibrary.overdue += 1;
    if (status === 'in_repair') toolLibrary.inRepair += 1;
  }
  const { flows, aid } = period;
  return {
    hubId: hub.hubId,
    name: hub.name,
    currency: hub.currency,
    asOf: window.asOf,
    period: { from: window.from ?? null, to: window.to ?? window.asOf },
    contributions: {
      money: { count: period.money.count, total: money(period.money.total) },
      inKind: { count: period.inKind.count, estimatedValue: money(period.inKind.value) },
      volunteerHours: { count: period.volunteer.count, hours: period.volunteer.hours.toFixed(2) },
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
      hoursExchanged: period.hoursExchanged.toFixed(2),
      hoursByCategory: [...period.byCategory.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
        .map(([categoryId, hours]) => ({
          categoryId: categoryId === '' ? null : categoryId,
          name: categoryId === '' ? null : (hubState.categories.get(categoryId)?.name ?? categoryId),
          hours: hours.toFixed(2),
        })),
      activeMembers: period.activeMembers,
      membersAtOrNearLimit: nearLimit,
      hubAccountBalance: balanceOf(timeBank, HUB_ACCOUNT).toString(),
    },
    things: toolLibrary,
    corrections: { count: period.corrections.length, entries: period.corrections },
  };
}
