import { DomainEvent } from '../decider';

export const FINANCING_SOURCES = ['credit-union', 'grant', 'other'] as const;
export type FinancingSource = (typeof FINANCING_SOURCES)[number];

/** Financing from outside the hub for a project (a credit-union loan, a grant), recorded by a treasurer. */
export type ExternalFinancingRecorded = DomainEvent<
  'ExternalFinancingRecorded',
  {
    financingId: string;
    projectId: string;
    phase: string | null;
    source: FinancingSource;
    lender: string;
    amount: string;
    terms: string;
    recordedBy: string;
    at: string;
  }
>;

/** A repayment of external financing to its lender. */
export type ExternalFinancingRepaid = DomainEvent<
  'ExternalFinancingRepaid',
  { financingId: string; projectId: string; lender: string; amount: string; recordedBy: string; at: string }
>;

/** Money spent on a phase of a project. */
export type ProjectSpendingRecorded = DomainEvent<
  'ProjectSpendingRecorded',
  { spendingId: string; projectId: string; phase: string; amount: string; description: string; recordedBy: string; at: string }
>;

export type ProjectFinanceEvent = ExternalFinancingRecorded | ExternalFinancingRepaid | ProjectSpendingRecorded;
