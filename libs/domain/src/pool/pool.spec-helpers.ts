import { hubDecider } from '../hub/hub.decider';
import { HubCommand } from '../hub/hub.commands';
import { HubState } from '../hub/hub.state';
import { PoolCommand } from './pool.commands';
import { poolDecider } from './pool.decider';
import { PoolEvent } from './pool.events';
import { PoolState } from './pool.state';

export const at = '2026-03-01T10:00:00.000Z';

/** A hub with savers, treasurers (one of whom also borrows) and a coordinator. */
export function poolHub(options: { approvalQuorum?: number; reserveRatio?: string } = {}): HubState {
  const enrol = (memberId: string, roles: string[]): HubCommand =>
    ({ type: 'EnrolMember', memberId, displayName: memberId, roles, tokenHash: `t-${memberId}`, at }) as HubCommand;
  const commands: HubCommand[] = [
    { type: 'CreateHub', hubId: 'h', name: 'Hub', currency: 'USD', defaultCreditLimit: '10', ...options, at },
    enrol('ann', ['member']),
    enrol('ben', ['member']),
    enrol('cal', ['member']),
    enrol('tia', ['member', 'treasurer']),
    enrol('tom', ['member', 'treasurer']),
    enrol('ted', ['treasurer']),
    enrol('coco', ['member', 'coordinator']),
  ];
  let state = hubDecider.initialState();
  for (const command of commands) state = hubDecider.decide(command, state).reduce(hubDecider.evolve, state);
  return state;
}

/** Runs commands through the decider, failing loudly on a refusal: the "given" of a spec. */
export function givenPool(hub: HubState, ...commands: PoolCommand[]): PoolState {
  let state = poolDecider.initialState();
  for (const command of commands) state = poolDecider.decide(command, state, hub).reduce(poolDecider.evolve, state);
  return state;
}

export function when(command: PoolCommand, state: PoolState, hub: HubState): PoolEvent[] {
  return poolDecider.decide(command, state, hub);
}

export const deposit = (memberId: string, amount: string, actorId = 'tia'): PoolCommand => ({
  type: 'DepositSavings', memberId, amount, actorId, at,
});
export const withdraw = (memberId: string, amount: string, actorId = 'tia'): PoolCommand => ({
  type: 'WithdrawSavings', memberId, amount, actorId, at,
});
export const applyFor = (loanId: string, borrowerId: string, principal: string, extra: Partial<PoolCommand> = {}): PoolCommand =>
  ({
    type: 'ApplyForLoan', loanId, borrowerId, principal, termMonths: 4, annualInterestRate: '0.12', purpose: 'greenhouse glazing',
    actorId: borrowerId, at, ...extra,
  }) as PoolCommand;
export const approve = (loanId: string, actorId: string, when = at): PoolCommand => ({
  type: 'ApproveLoan', loanId, note: 'known to the hub', actorId, at: when,
});
export const reject = (loanId: string, actorId: string): PoolCommand => ({ type: 'RejectLoan', loanId, reason: 'pool too thin', actorId, at });
export const cancel = (loanId: string, actorId: string): PoolCommand => ({ type: 'CancelLoan', loanId, actorId, at });
export const disburse = (loanId: string, actorId = 'ted', when = at): PoolCommand => ({ type: 'DisburseLoan', loanId, actorId, at: when });
export const repay = (loanId: string, amount: string, when = at, actorId = 'ted'): PoolCommand => ({
  type: 'RepayLoan', loanId, amount, actorId, at: when,
});
export const voteWriteOff = (loanId: string, actorId: string): PoolCommand => ({
  type: 'VoteToWriteOff', loanId, reason: 'moved away', actorId, at,
});
