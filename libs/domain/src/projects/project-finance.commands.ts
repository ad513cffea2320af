import { FinancingSource } from './project-finance.events';

export interface RecordExternalFinancing {
  type: 'RecordExternalFinancing';
  financingId: string;
  projectId: string;
  phase?: string;
  source: FinancingSource;
  lender: string;
  amount: string;
  terms?: string;
  actorId: string;
  at: string;
}

export interface RepayExternalFinancing {
  type: 'RepayExternalFinancing';
  financingId: string;
  projectId: string;
  amount: string;
  actorId: string;
  at: string;
}

export interface RecordProjectSpending {
  type: 'RecordProjectSpending';
  spendingId: string;
  projectId: string;
  phase: string;
  amount: string;
  description: string;
  actorId: string;
  at: string;
}

export type ProjectFinanceCommand = RecordExternalFinancing | RepayExternalFinancing | RecordProjectSpending;
