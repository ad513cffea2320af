import { Decider } from '../decider';
import { AlreadyExists, Forbidden, InvalidState, NotFound, ValidationFailed } from '../errors';
import { actingFor, activeMember, requireHub, requireMember } from '../hub/acting';
import { usableCategory } from '../hub/categories.rules';
import { HubState, hasRole } from '../hub/hub.state';
import { checkId } from '../ids';
import { Amount, HOUR } from '../money';
import { checkText } from '../text';
import { AddThing, CancelHold, ChangeThing, HoldThing, ThingCommand } from './thing.commands';
import { HUB_OWNER, ThingChanged, ThingEvent } from './thing.events';
import { NOTE_LENGTH_MAX, ThingsContext, keeperOf, lendThing, requireThing, returnThing } from './thing-loans.rules';
import { ThingRecord, ThingsState, settled, thingStandingAt, withTurn } from './thing.state';

const NAME_LENGTH_MAX = 120;
const DESCRIPTION_LENGTH_MAX = 2000;
const LOAN_DAYS_MAX = 365;
export const HOLDS_MAX = 50; // a queue longer than this is a waiting list nobody reaches: buy a second one

export const thingsDecider: Decider<ThingCommand, ThingEvent, ThingsState, ThingsContext> = {
  initialState: () => ({ things: new Map() }),
  evolve: evolveThings,
  decide: decideThings,
  copy: (state) => ({ things: new Map(state.things) }),
};

/**
 * Refusals: `forbidden` (adding, changing, lending or taking back by neither a coordinator nor
 * the owner; holding for another), `validation_failed`, `already_exists`, `not_found`,
 * `invalid_state` (a thing on loan, in repair or retired where that matters; a second hold by
 * one member), `separation_of_duties` and `credit_limit_exceeded` as `lendThing` lists them.
 */
export function decideThings(command: ThingCommand, state: ThingsState, context: ThingsContext): ThingEvent[] {
  switch (command.type) {
    case 'AddThing':
      return addThing(command, state, context.hub);
    case 'ChangeThing':
      return changeThing(command, state, context.hub);
    case 'HoldThing':
      return holdThing(command, state, context.hub);
    case 'CancelHold':
      return cancelHold(command, state, context.hub);
    case 'LendThing':
      return lendThing(command, state, context);
    case 'ReturnThing':
      return returnThing(command, state, context.hub);
    default: {
      const unhandled: never = command;
      throw new ValidationFailed(`unknown command ${(unhandled as { type: string }).type}`);
    }
  }
}

function addThing(command: AddThing, state: ThingsState, hub: HubState): ThingEvent[] {
  const settings = requireHub(hub);
  const actor = activeMember(hub, command.actorId, 'add things');
  checkId(command.thingId, 'thingId');
  if (command.owner !== HUB_OWNER) {
    const owner = requireMember(hub, command.owner);
    if (!hasRole(owner, 'member')) throw new ValidationFailed(`${owner.memberId} is not a member who lends`);
  }
  if (!actor.roles.includes('coordinator') && command.owner !== actor.memberId) throw new Forbidden('a member adds only their own things; a coordinator adds the hub’s');
  if (state.things.has(command.thingId)) throw new AlreadyExists(`thing ${command.thingId} already exists`);
  return [
    {
      type: 'ThingAdded',
      data: {
        thingId: command.thingId,
        name: checkText(command.name, 'name', NAME_LENGTH_MAX),
        description: checkText(command.description ?? '', 'description', DESCRIPTION_LENGTH_MAX, 0),
        categoryId: usableCategory(hub, command.categoryId) ?? null,
        owner: command.owner,
        loanDays: checkLoanDays(command.loanDays),
        deposit: command.deposit === undefined ? null : Amount.parsePositive(command.deposit, settings.currency, 'deposit').toString(),
        hoursPerLoan: command.hoursPerLoan === undefined ? null : Amount.parsePositive(command.hoursPerLoan, HOUR, 'hoursPerLoan').toString(),
        addedBy: actor.memberId,
        at: command.at,
      },
    },
  ];
}

function changeThing(command: ChangeThing, state: ThingsState, hub: HubState): ThingEvent[] {
  const settings = requireHub(hub);
  const thing = settled(requireThing(state, command.thingId), command.at);
  const actor = keeperOf(hub, command.actorId, thing, 'change');
  if (thing.retired) throw new InvalidState(`${thing.name} is retired`);
  const data: ThingChanged['data'] = { thingId: thing.thingId, changedBy: actor.memberId, at: command.at };
  if (command.name !== undefined) data.name = checkText(command.name, 'name', NAME_LENGTH_MAX);
  if (command.description !== undefined) data.description = checkText(command.description, 'description', DESCRIPTION_LENGTH_MAX, 0);
  if (command.categoryId !== undefined) data.categoryId = command.categoryId === null ? null : usableCategory(hub, command.categoryId)!;
  if (command.loanDays !== undefined) data.loanDays = checkLoanDays(command.loanDays);
  if (command.deposit !== undefined) data.deposit = command.deposit === null ? null : Amount.parsePositive(command.deposit, settings.currency, 'deposit').toString();
  if (command.hoursPerLoan !== undefined) data.hoursPerLoan = command.hoursPerLoan === null ? null : Amount.parsePositive(command.hoursPerLoan, HOUR, 'hoursPerLoan').toString();
  const fields = ['name', 'description', 'categoryId', 'loanDays', 'deposit', 'hoursPerLoan'] as const;
  for (const field of fields) if (field in data && data[field] === thing[field]) delete data[field];
  const events: ThingEvent[] = fields.some((field) => field in data) ? [{ type: 'ThingChanged', data }] : [];
  const note = command.note === undefined ? '' : checkText(command.note, 'note', NOTE_LENGTH_MAX, 0);
  if (command.status !== undefined) events.push(...statusChange(thing, command.status, note, actor.memberId, command.at));
  return events;
}

function statusChange(thing: ThingRecord, status: string, note: string, by: string, at: string): ThingEvent[] {
  const { thingId } = thing;
  switch (status) {
    case 'in_repair':
      if (thing.loan) throw new InvalidState(`${thing.name} is on loan: take it back first`);
      return thing.inRepair ? [] : [{ type: 'ThingSentToRepair', data: { thingId, note, sentBy: by, at } }];
    case 'available':
      if (thing.loan) throw new InvalidState(`${thing.name} is on loan: take it back instead`);
      return thing.inRepair ? [{ type: 'ThingRepaired', data: { thingId, note, repairedBy: by, at } }] : [];
    case 'retired':
      if (thing.loan) throw new InvalidState(`${thing.name} is on loan: take it back first`);
      return [{ type: 'ThingRetired', data: { thingId, note, retiredBy: by, at } }];
    default:
      throw new ValidationFailed('status must be in_repair, available or retired');
  }
}

function holdThing(command: HoldThing, state: ThingsState, hub: HubState): ThingEvent[] {
  requireHub(hub);
  const thing = settled(requireThing(state, command.thingId), command.at);
  const actor = actingFor(hub, command.actorId, command.memberId, 'hold things');
  checkId(command.holdId, 'holdId');
  const member = requireMember(hub, command.memberId);
  if (!hasRole(member, 'member')) throw new ValidationFailed(`${member.memberId} is not a member who borrows`);
  if (member.memberId === thing.owner) throw new ValidationFailed(`${member.memberId} owns ${thing.name}`);
  const { status } = thingStandingAt(thing, command.at);
  if (status === 'in_repair' || status === 'retired') throw new InvalidState(`${thing.name} is ${status.replace('_', ' ')}: nobody can hold it`);
  if (thing.loan?.memberId === member.memberId) throw new InvalidState(`${member.memberId} has ${thing.name} already`);
  if (thing.holds.some((hold) => hold.memberId === member.memberId)) throw new InvalidState(`${member.memberId} is in the queue for ${thing.name} already`);
  if (thing.holds.length >= HOLDS_MAX) throw new InvalidState(`the queue for ${thing.name} is full (${HOLDS_MAX})`);
  return [{ type: 'ThingHeld', data: { thingId: thing.thingId, holdId: command.holdId, memberId: member.memberId, heldBy: actor.memberId, at: command.at } }];
}

/** The holder (a coordinator for an assisted holder), or any coordinator tidying the queue. */
function cancelHold(command: CancelHold, state: ThingsState, hub: HubState): ThingEvent[] {
  requireHub(hub);
  const thing = settled(requireThing(state, command.thingId), command.at);
  const hold = thing.holds.find((candidate) => candidate.holdId === command.holdId);
  if (!hold) throw new NotFound(`hold ${command.holdId} is not in the queue for ${thing.name} (its turn may have passed)`);
  const actor = hub.members.get(command.actorId);
  const by = actor?.status === 'active' && actor.roles.includes('coordinator') ? actor : actingFor(hub, command.actorId, hold.memberId, 'leave the queue');
  return [{ type: 'ThingHoldCancelled', data: { thingId: thing.thingId, holdId: hold.holdId, cancelledBy: by.memberId, at: command.at } }];
}

function checkLoanDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > LOAN_DAYS_MAX) {
    throw new ValidationFailed(`loanDays must be a whole number of days from 1 to ${LOAN_DAYS_MAX}`);
  }
  return days;
}

export function evolveThings(state: ThingsState, event: ThingEvent): ThingsState {
  const before = state.things.get(event.data.thingId);
  state.things.set(event.data.thingId, evolveThing(before, event));
  return state;
}

/** One thing's record after one of its events: the decider's state and the read models both fold with it. */
export function evolveThing(before: ThingRecord | undefined, event: ThingEvent): ThingRecord {
  if (event.type === 'ThingAdded') {
    const { addedBy: _addedBy, at, ...thing } = event.data;
    return { ...thing, addedAt: at, retired: false, inRepair: false, loan: null, holds: [], turnSince: null, lastCondition: null };
  }
  if (!before) throw new TypeError(`${event.type} for unknown thing ${event.data.thingId}`);
  // holds whose turns passed before this event are gone before it applies
  const thing = settled(before, event.data.at);
  return withTurn(changed(thing, event), event.data.at);
}

function changed(thing: ThingRecord, event: ThingEvent): ThingRecord {
  switch (event.type) {
    case 'ThingAdded':
      return thing;
    case 'ThingChanged': {
      const { thingId: _thingId, changedBy: _changedBy, at: _at, ...change } = event.data;
      return { ...thing, ...change };
    }
    case 'ThingHeld':
      return { ...thing, holds: [...thing.holds, { holdId: event.data.holdId, memberId: event.data.memberId, at: event.data.at }] };
    case 'ThingHoldCancelled': {
      const wasTurn = thing.holds[0]?.holdId === event.data.holdId && thing.turnSince !== null;
      const holds = thing.holds.filter((hold) => hold.holdId !== event.data.holdId);
      // the next one's turn starts now, whole
      return { ...thing, holds, turnSince: wasTurn ? null : thing.turnSince };
    }
    case 'ThingLent': {
      const { loanId, memberId, dueAt, deposit, hours, at } = event.data;
      const holds = thing.holds.filter((hold) => hold.memberId !== memberId);
      return { ...thing, holds, turnSince: null, loan: { loanId, memberId, lentAt: at, dueAt, deposit, hours } };
    }
    case 'ThingReturned': {
      const inRepair = event.data.condition === 'needs_repair';
      return { ...thing, loan: null, inRepair, lastCondition: event.data.condition };
    }
    case 'ThingSentToRepair':
      return { ...thing, inRepair: true };
    case 'ThingRepaired':
      return { ...thing, inRepair: false };
    case 'ThingRetired':
      return { ...thing, retired: true, holds: [], turnSince: null };
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown thing event ${(unhandled as { type: string }).type}`);
    }
  }
}
