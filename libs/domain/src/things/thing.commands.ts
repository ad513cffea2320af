/** A coordinator adds the hub's thing (or a member's, for them); a member adds their own. */
export interface AddThing {
  type: 'AddThing';
  thingId: string;
  name: string;
  description: string;
  categoryId?: string;
  /** 'hub' or a member id */
  owner: string;
  loanDays: number;
  deposit?: string;
  hoursPerLoan?: string;
  actorId: string;
  at: string;
}

/** Fields left undefined stay as they are; `status` sends it to repair, back from repair, or retires it. */
export interface ChangeThing {
  type: 'ChangeThing';
  thingId: string;
  name?: string;
  description?: string;
  categoryId?: string | null;
  loanDays?: number;
  deposit?: string | null;
  hoursPerLoan?: string | null;
  status?: 'in_repair' | 'available' | 'retired';
  note?: string;
  actorId: string;
  at: string;
}

/** A member joins the queue (a coordinator for an assisted member). */
export interface HoldThing {
  type: 'HoldThing';
  thingId: string;
  holdId: string;
  memberId: string;
  actorId: string;
  at: string;
}

export interface CancelHold {
  type: 'CancelHold';
  thingId: string;
  holdId: string;
  actorId: string;
  at: string;
}

/** A coordinator or the owner lends it, until `dueAt` (at most the thing's `loanDays` away). */
export interface LendThing {
  type: 'LendThing';
  thingId: string;
  loanId: string;
  /** the id the loan's hours are paid under, when the thing costs hours */
  transferId: string;
  memberId: string;
  dueAt?: string;
  actorId: string;
  at: string;
}

export interface ReturnThing {
  type: 'ReturnThing';
  thingId: string;
  condition?: string;
  note?: string;
  /** false when the deposit is kept (damage); defaults to true when one was left */
  depositReturned?: boolean;
  actorId: string;
  at: string;
}

export type ThingCommand = AddThing | ChangeThing | HoldThing | CancelHold | LendThing | ReturnThing;
