export interface PayHours {
  type: 'PayHours';
  transferId: string;
  fromMemberId: string;
  toMemberId: string;
  hours: string;
  memo: string;
  at: string;
}

export type TimeBankCommand = PayHours;
