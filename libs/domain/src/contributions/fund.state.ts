import Decimal from 'decimal.js';
import { FinancingSource } from '../projects/project-finance.events';
import { ReversalBook, copyReversalBook, initialReversalBook } from '../reversals/reversal.state';

/** `reversed`: a payment given back; the request is closed and no longer counts toward the cap */
export type AidRequestStatus = 'requested' | 'paid' | 'withdrawn' | 'reversed';

export interface AidRequestRecord {
  requestId: string;
  memberId: string;
  amount: Decimal;
  status: AidRequestStatus;
  /** the month it counts toward for the hub's cap, "2026-03" (UTC) */
  month: string;
}

export interface ExternalFinancingRecord {
  financingId: string;
  projectId: string;
  phase: string | null;
  source: FinancingSource;
  lender: string;
  amount: Decimal;
  repaid: Decimal;
}

/** Money earmarked for a project, or spent on one: the project report adds these up. */
export interface ProjectMoney {
  /** the contribution or spending it came from */
  sourceId: string;
  projectId: string;
  phase: string | null;
  amount: Decimal;
}

/**
 * The hub's money outside the savings pool. Records are replaced, never edited, so a copy of the
 * maps taken for a batch stays untouched.
 */
export interface FundState {
  general: Decimal;
  aid: Decimal;
  contributionIds: Set<string>;
  aidRequests: Map<string, AidRequestRecord>;
  financing: Map<string, ExternalFinancingRecord>;
  earmarked: ProjectMoney[];
  spending: Map<string, ProjectMoney>;
  reversals: ReversalBook;
}

export function initialFundState(): FundState {
  return {
    general: new Decimal(0),
    aid: new Decimal(0),
    contributionIds: new Set(),
    aidRequests: new Map(),
    financing: new Map(),
    earmarked: [],
    spending: new Map(),
    reversals: initialReversalBook(),
  };
}

export function copyFundState(state: FundState): FundState {
  return {
    ...state,
    contributionIds: new Set(state.contributionIds),
    aidRequests: new Map(state.aidRequests),
    financing: new Map(state.financing),
    earmarked: [...state.earmarked],
    spending: new Map(state.spending),
    reversals: copyReversalBook(state.reversals),
  };
}

export const monthOf = (at: string) => at.slice(0, 7);
