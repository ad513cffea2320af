import { Forbidden, InvalidState, NotFound, SeparationOfDuties, ValidationFailed } from '../errors';
import { activeMember, assertActive, requireHub, requireMember } from '../hub/acting';
import { HubState, MemberRecord, hasRole } from '../hub/hub.state';
import { Amount, HOUR } from '../money';
import { momentOf } from '../moment';
import { checkText } from '../text';
import { HUB_ACCOUNT, HoursPaid } from '../timebank/timebank.events';
import { TimeBankState, checkLoanHours } from '../timebank/timebank.decider';
import { LendThing, ReturnThing } from './thing.commands';
import { THING_CONDITIONS, ThingCondition, ThingEvent, ThingLent } from './thing.events';
import { ThingRecord, ThingsState, isHubThing, settled, thingStandingAt } from './thing.state';

const DAY_MS = 24 * 60 * 60 * 1000;
export const NOTE_LENGTH_MAX = 500;

/** What a decision on a thing reads from elsewhere: the hub's members, and the time bank a costed loan pays through. */
export interface ThingsContext {
  hub: HubState;
  timeBank: TimeBankState;
}

/** The thing, or not_found. */
export function requireThing(state: ThingsState, thingId: string): ThingRecord {
  const thing = state.things.get(thingId);
  if (!thing) throw new NotFound(`thing ${thingId} not found`);
  return thing;
}

/** A coordinator for any thing; the owner for their own. Returns the one acting. */
export function keeperOf(hub: HubState, actorId: string, thing: ThingRecord, doing: string): MemberRecord {
  const actor = activeMember(hub, actorId, doing);
  if (actor.roles.includes('coordinator') || actor.memberId === thing.owner) return actor;
  throw new Forbidden(isHubThing(thing) ? `only a coordinator may ${doing} the hub's things` : `only ${thing.owner} or a coordinator may ${doing} this thing`);
}

/**
 * Refusals: `not_found`, `forbidden` (neither a coordinator nor the owner; a borrower who is not
 * first in the queue), `separation_of_duties` (lending to oneself), `validation_failed` (a due
 * date past the thing's days, the owner borrowing their own), `invalid_state` (on loan, in
 * repair, retired, a suspended borrower), `credit_limit_exceeded` (the hours it costs).
 */
export function lendThing(command: LendThing, state: ThingsState, { hub, timeBank }: ThingsContext): ThingEvent[] {
  requireHub(hub);
  const thing = settled(requireThing(state, command.thingId), command.at);
  const actor = keeperOf(hub, command.actorId, thing, 'lend');
  const borrower = requireMember(hub, command.memberId);
  if (borrower.memberId === thing.owner) throw new ValidationFailed(`${borrower.memberId} owns ${thing.name}: there is nothing to borrow`);
  if (actor.memberId === borrower.memberId) throw new SeparationOfDuties('no-loan-to-oneself', `nobody lends ${thing.name} to themselves: another keeper records it`);
  assertActive(borrower);
  if (!hasRole(borrower, 'member')) throw new ValidationFailed(`${borrower.memberId} is not a member who borrows`);
  const { status } = thingStandingAt(thing, command.at);
  if (status === 'on_loan' || status === 'in_repair' || status === 'retired') throw new InvalidState(`${thing.name} is ${status.replace('_', ' ')}`);
  const [first] = thing.holds;
  if (first && first.memberId !== borrower.memberId) throw new Forbidden(`${thing.name} is held for ${first.memberId}, first in the queue`);
  const dueAt = dueDate(thing, command);
  const hours = thing.hoursPerLoan === null ? null : Amount.parse(thing.hoursPerLoan, HOUR);
  const paidTo = hours === null ? null : isHubThing(thing) ? HUB_ACCOUNT : thing.owner;
  if (hours !== null) checkLoanHours(timeBank, hub, borrower.memberId, paidTo!, hours);
  return [
    {
      type: 'ThingLent',
      data: {
        thingId: thing.thingId,
        loanId: command.loanId,
        memberId: borrower.memberId,
        holdId: first ? first.holdId : null,
        dueAt,
        deposit: thing.deposit,
        hours: hours === null ? null : hours.toString(),
        transferId: hours === null ? null : command.transferId,
        paidTo,
        lentBy: actor.memberId,
        at: command.at,
      },
    },
  ];
}

function dueDate(thing: ThingRecord, command: LendThing): string {
  const latest = new Date(Date.parse(command.at) + thing.loanDays * DAY_MS).toISOString();
  if (command.dueAt === undefined) return latest;
  const dueAt = momentOf(command.dueAt, 'dueAt');
  if (dueAt <= command.at) throw new ValidationFailed('dueAt must be later than now');
  if (dueAt > latest) throw new ValidationFailed(`dueAt may be at most ${thing.loanDays} days away, ${latest}`);
  return dueAt;
}

/** The hours a loan cost, paid on the time bank in the same append as the loan: derived from it, never decided twice. */
export function loanPayment(thing: ThingRecord, lent: ThingLent): HoursPaid | null {
  const { hours, transferId, paidTo } = lent.data;
  if (hours === null || transferId === null || paidTo === null) return null;
  return {
    type: 'HoursPaid',
    data: { transferId, fromMemberId: lent.data.memberId, toMemberId: paidTo, hours, memo: `Loan of ${thing.name}`, loanId: lent.data.loanId, at: lent.data.at },
  };
}

/**
 * Refusals: `not_found`, `forbidden` (neither a coordinator nor the owner), `separation_of_duties`
 * (taking back one's own loan), `validation_failed` (condition, note), `invalid_state` (not on loan).
 */
export function returnThing(command: ReturnThing, state: ThingsState, hub: HubState): ThingEvent[] {
  requireHub(hub);
  const thing = requireThing(state, command.thingId);
  const actor = keeperOf(hub, command.actorId, thing, 'take back');
  if (!thing.loan) throw new InvalidState(`${thing.name} is not on loan`);
  if (thing.loan.memberId === actor.memberId) throw new SeparationOfDuties('no-return-from-oneself', 'nobody takes back their own loan: another keeper checks its condition');
  const condition = command.condition ?? 'good';
  if (!(THING_CONDITIONS as readonly string[]).includes(condition)) throw new ValidationFailed(`condition must be one of ${THING_CONDITIONS.join(', ')}`);
  if (command.depositReturned !== undefined && typeof command.depositReturned !== 'boolean') throw new ValidationFailed('depositReturned must be true or false');
  if (command.depositReturned !== undefined && thing.loan.deposit === null) throw new ValidationFailed('no deposit was left for this loan');
  return [
    {
      type: 'ThingReturned',
      data: {
        thingId: thing.thingId,
        loanId: thing.loan.loanId,
        memberId: thing.loan.memberId,
        condition: condition as ThingCondition,
        note: command.note === undefined ? '' : checkText(command.note, 'note', NOTE_LENGTH_MAX, 0),
        depositReturned: thing.loan.deposit === null ? null : (command.depositReturned ?? true),
        takenBackBy: actor.memberId,
        at: command.at,
      },
    },
  ];
}
