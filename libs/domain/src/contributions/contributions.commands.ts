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
  actorId: string;
  at: string;
}

export type FundCommand = RecordContribution;
