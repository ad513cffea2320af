import Decimal from 'decimal.js';
import { Decider } from '../decider';
import { AlreadyExists, InvalidState, NotFound, ValidationFailed } from '../errors';
import { actingAs, requireMember } from '../hub/hub.decider';
import { HubState } from '../hub/hub.state';
import { Amount } from '../money';
import { FundCommand, RecordContribution } from './contributions.commands';
import { FundEvent } from './contributions.events';

const DESCRIPTION_LENGTH_MAX = 500;
// goods are counted in whatever unit the description names: whole boxes, 2.5 kg, 0.125 cords
const QUANTITY = /^(0|[1-9]\d{0,11})(\.\d{1,3})?$/;

export interface FundState {
  /** the hub's fund: money contributed */
  money: Decimal;
  contributionIds: Set<string>;
}

export const fundDecider: Decider<FundCommand, FundEvent, FundState, HubState> = {
  initialState: () => ({ money: new Decimal(0), contributionIds: new Set() }),
  evolve: evolveFund,
  decide: decideFund,
  copy: (state) => ({ money: state.money, contributionIds: new Set(state.contributionIds) }),
};

/**
 * Refusals: forbidden (not a coordinator or treasurer), not_found (hub or member),
 * invalid_state (a suspended member), already_exists (contribution id), validation_failed.
 */
export function decideFund(command: FundCommand, state: FundState, hubState: HubState): FundEvent[] {
  switch (command.type) {
    case 'RecordContribution':
      return recordContribution(command, state, hubState);
    default: {
      const unhandled: never = command.type;
      throw new ValidationFailed(`unknown command ${String(unhandled)}`);
    }
  }
}

function recordContribution(command: RecordContribution, state: FundState, hubState: HubState): FundEvent[] {
  const hub = hubState.hub;
  if (!hub) throw new NotFound('hub not found');
  const recorder = actingAs(hubState, command.actorId, ['coordinator', 'treasurer'], 'record contributions');
  if (state.contributionIds.has(command.contributionId)) throw new AlreadyExists(`contribution ${command.contributionId} exists`);
  const member = requireMember(hubState, command.memberId);
  if (member.status !== 'active') throw new InvalidState(`member ${member.memberId} is suspended`);
  const description = command.description?.trim() ?? '';
  if (description.length === 0 || description.length > DESCRIPTION_LENGTH_MAX) {
    throw new ValidationFailed(`description must be 1-${DESCRIPTION_LENGTH_MAX} characters`);
  }
  const common = { contributionId: command.contributionId, memberId: member.memberId, description, recordedBy: recorder.memberId, at: command.at };
  if (command.kind === 'money') {
    if (command.estimatedValue !== undefined) throw new ValidationFailed('estimatedValue is for in-kind contributions');
    const amount = Amount.parsePositive(command.amount, hub.currency);
    return [{ type: 'MoneyContributed', data: { ...common, amount: amount.toString() } }];
  }
  if (typeof command.amount !== 'string' || !QUANTITY.test(command.amount) || new Decimal(command.amount).isZero()) {
    throw new ValidationFailed('amount of an in-kind contribution is a positive quantity, at most 3 decimal places');
  }
  const estimatedValue =
    command.estimatedValue === undefined ? null : Amount.parse(command.estimatedValue, hub.currency, 'estimatedValue').toString();
  return [{ type: 'InKindContributed', data: { ...common, quantity: command.amount, estimatedValue } }];
}

export function evolveFund(state: FundState, event: FundEvent): FundState {
  state.contributionIds.add(event.data.contributionId);
  switch (event.type) {
    case 'MoneyContributed':
      state.money = state.money.plus(event.data.amount);
      return state;
    case 'InKindContributed':
      return state;
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown fund event ${(unhandled as { type: string }).type}`);
    }
  }
}
