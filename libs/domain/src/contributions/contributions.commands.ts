import { AidCommand } from '../aid/aid.commands';
import { FundName } from '../aid/aid.events';
import { ProjectFinanceCommand } from '../projects/project-finance.commands';
import { ReversalCommand } from '../reversals/reversal.commands';

/** Money or goods given to the hub; volunteer hours are a time-bank command (PayVolunteerHours). */
export interface RecordContribution {
  type: 'RecordContribution';
  contributionId: string;
  memberId: string;
  kind: 'money' | 'in-kind';
  /** money: the amount; in-kind: the quantity */
  amount: string;
  description: string;
  estimatedValue?: string;
  /** money only: the fund it goes to (general by default), or the project it is earmarked for */
  fund?: FundName;
  projectId?: string;
  phase?: string;
  actorId: string;
  at: string;
}

export type FundCommand = RecordContribution | AidCommand | ProjectFinanceCommand | ReversalCommand;
