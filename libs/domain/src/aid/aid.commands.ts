import { FundName } from './aid.events';

export interface MoveFundMoney {
  type: 'MoveFundMoney';
  transferId: string;
  from: FundName;
  to: FundName;
  amount: string;
  actorId: string;
  at: string;
}

/** By the member for themselves, or a coordinator on their behalf. */
export interface RequestAid {
  type: 'RequestAid';
  requestId: string;
  memberId: string;
  amount: string;
  need?: string;
  actorId: string;
  at: string;
}

export interface PayAid {
  type: 'PayAid';
  requestId: string;
  actorId: string;
  at: string;
}

export interface WithdrawAidRequest {
  type: 'WithdrawAidRequest';
  requestId: string;
  actorId: string;
  at: string;
}

export type AidCommand = MoveFundMoney | RequestAid | PayAid | WithdrawAidRequest;
