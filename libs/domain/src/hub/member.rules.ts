import { AlreadyExists, Forbidden, InvalidState, NotFound, SeparationOfDuties, ValidationFailed } from '../errors';
import { checkId } from '../ids';
import { Amount, HOUR } from '../money';
import { checkText } from '../text';
import { HUB_OWNER } from '../things/thing.events';
import {
  ADMIN,
  SYSTEM,
  adminOrActingAs,
  activeMember,
  isAdmin,
  isOfficer,
  notForThemselves,
  officerRolesOf,
  otherRolesOf,
  requireHub,
  requireMember,
} from './acting';
import { ChangeMember, ConfirmMemberChange, EnrolMember, RejectMemberChange, RotateToken } from './hub.commands';
import { HubEvent, MemberChange, ROLES, Role } from './hub.events';
import { HubState, MemberRecord } from './hub.state';
import { DISPLAY_NAME_LENGTH_MAX } from './profile.rules';

const NOTE_LENGTH_MAX = 500;

/**
 * The admin or a coordinator enrols a member. Officer roles given by a coordinator wait for a
 * second officer: the member is enrolled with their other roles and a change is proposed.
 * Refusals: forbidden, validation_failed (also the reserved ids `admin`, `system`, `hub`), already_exists, not_found (hub).
 */
export function enrolMember(command: EnrolMember, state: HubState): HubEvent[] {
  requireHub(state);
  const actor = adminOrActingAs(state, command.actorId, ['coordinator'], 'enrol members');
  checkId(command.memberId, 'memberId');
  // `hub` owns the hub's shared things: a member of that id would own them all
  if (command.memberId === ADMIN || command.memberId === SYSTEM || command.memberId === HUB_OWNER) throw new ValidationFailed(`memberId ${command.memberId} is reserved for the ledger`);
  if (state.members.has(command.memberId)) throw new AlreadyExists(`member ${command.memberId} is already enrolled`);
  const displayName = checkText(command.displayName, 'displayName', DISPLAY_NAME_LENGTH_MAX);
  const roles = checkRoles(command.roles);
  const creditLimit = command.creditLimit === undefined ? null : Amount.parse(command.creditLimit, HOUR, 'creditLimit');
  const { memberId, at } = command;
  const waiting = actor !== null && officerRolesOf(roles).length > 0;
  const events: HubEvent[] = [
    {
      type: 'MemberEnrolled',
      data: {
        memberId,
        displayName,
        roles: waiting ? otherRolesOf(roles) : roles,
        creditLimit: creditLimit ? creditLimit.toString() : null,
        tokenHash: command.tokenHash,
        at,
      },
    },
  ];
  if (waiting) events.push(proposed(command.changeId, memberId, { kind: 'roles', officerRoles: officerRolesOf(roles) }, actor, at));
  return events;
}

/**
 * Roles, credit limit and status, by the admin at once or by a coordinator, never on themselves;
 * a coordinator's change to officer roles waits for a second officer, the rest applies at once.
 * Refusals: forbidden, separation_of_duties, validation_failed, not_found, invalid_state (a
 * change to this member's officer roles already waits).
 */
export function changeMember(command: ChangeMember, state: HubState): HubEvent[] {
  requireHub(state);
  const actor = adminOrActingAs(state, command.actorId, ['coordinator'], 'change members');
  const member = requireMember(state, command.memberId);
  notForThemselves(actor, member.memberId, 'no-own-member-change', 'changes their own roles, credit limit or status');
  const { memberId, at } = command;
  const events: HubEvent[] = [];
  if (command.roles !== undefined) {
    const wanted = checkRoles(command.roles);
    const officerNow = officerRolesOf(member.roles);
    const officerWanted = officerRolesOf(wanted);
    const officersChange = officerNow.join() !== officerWanted.join();
    // a coordinator's change leaves the officer roles as they are until a second officer confirms
    const roles = actor === null || !officersChange ? wanted : ordered([...otherRolesOf(wanted), ...officerNow]);
    if (roles.join() !== member.roles.join()) events.push({ type: 'MemberRolesChanged', data: { memberId, roles, at } });
    if (actor !== null && officersChange) {
      assertNoOpenChange(state, memberId, 'roles');
      events.push(proposed(command.changeId, memberId, { kind: 'roles', officerRoles: officerWanted }, actor, at));
    }
  }
  if (command.creditLimit !== undefined) {
    const limit = command.creditLimit === null ? null : Amount.parse(command.creditLimit, HOUR, 'creditLimit');
    const same = limit === null ? member.creditLimit === null : member.creditLimit?.equals(limit) === true;
    if (!same) events.push({ type: 'MemberCreditLimitChanged', data: { memberId, creditLimit: limit ? limit.toString() : null, at } });
  }
  if (command.assisted !== undefined && command.assisted !== member.assisted) {
    if (typeof command.assisted !== 'boolean') throw new ValidationFailed('assisted must be true or false');
    events.push({ type: 'MemberAssistanceChanged', data: { memberId, assisted: command.assisted, at } });
  }
  if (command.status !== undefined && command.status !== member.status) {
    if (command.status !== 'active' && command.status !== 'suspended') throw new ValidationFailed('status must be active or suspended');
    events.push(
      command.status === 'suspended' ? { type: 'MemberSuspended', data: { memberId, at } } : { type: 'MemberReactivated', data: { memberId, at } },
    );
  }
  return events;
}

/**
 * A member rotates their own token; the admin resets anyone's; a coordinator resets a member's
 * who holds no officer role, and an officer's only with a second officer's confirmation.
 * Refusals: forbidden, not_found, invalid_state (a reset of this officer already waits).
 */
export function rotateToken(command: RotateToken, state: HubState): HubEvent[] {
  requireHub(state);
  const member = requireMember(state, command.memberId);
  const { memberId, at } = command;
  const rotated: HubEvent = { type: 'MemberTokenRotated', data: { memberId, tokenHash: command.tokenHash, at } };
  if (isAdmin(command.actorId)) return [rotated];
  const actor = activeMember(state, command.actorId, 'reset tokens');
  if (actor.memberId === memberId) return [rotated];
  if (!actor.roles.includes('coordinator')) throw new Forbidden("only a coordinator of this hub may reset another member's token");
  if (!isOfficer(member)) return [rotated];
  assertNoOpenChange(state, memberId, 'token');
  return [proposed(command.changeId, memberId, { kind: 'token' }, actor, at)];
}

/**
 * A second officer (a coordinator or treasurer, not the member concerned, not the proposer) or
 * the admin applies a proposed change. Refusals: forbidden, separation_of_duties, not_found.
 */
export function confirmMemberChange(command: ConfirmMemberChange, state: HubState): HubEvent[] {
  const pending = pendingChange(state, command.changeId);
  const confirmedBy = secondOfficer(state, command.actorId, pending, 'confirm');
  const note = checkText(command.note ?? '', 'note', NOTE_LENGTH_MAX, 0);
  const { memberId } = pending;
  const { at } = command;
  const member = requireMember(state, memberId);
  const confirmed: HubEvent = { type: 'MemberChangeConfirmed', data: { changeId: pending.changeId, memberId, confirmedBy, note, at } };
  if (pending.change.kind === 'token') {
    return [confirmed, { type: 'MemberTokenRotated', data: { memberId, tokenHash: command.tokenHash, at } }];
  }
  const roles = ordered([...otherRolesOf(member.roles), ...pending.change.officerRoles]);
  const events: HubEvent[] = [confirmed];
  if (roles.join() !== member.roles.join()) events.push({ type: 'MemberRolesChanged', data: { memberId, roles, at } });
  return events;
}

/** Drops a proposed change. Refusals: as for confirmation, and validation_failed (reason). */
export function rejectMemberChange(command: RejectMemberChange, state: HubState): HubEvent[] {
  const pending = pendingChange(state, command.changeId);
  const rejectedBy = secondOfficer(state, command.actorId, pending, 'reject');
  const reason = checkText(command.reason, 'reason', NOTE_LENGTH_MAX);
  return [{ type: 'MemberChangeRejected', data: { changeId: pending.changeId, memberId: pending.memberId, rejectedBy, reason, at: command.at } }];
}

function proposed(changeId: string, memberId: string, change: MemberChange, actor: MemberRecord, at: string): HubEvent {
  checkId(changeId, 'changeId');
  return { type: 'MemberChangeProposed', data: { changeId, memberId, change, proposedBy: actor.memberId, at } };
}

function pendingChange(state: HubState, changeId: string) {
  requireHub(state);
  const pending = state.memberChanges.get(changeId);
  if (!pending) throw new NotFound(`member change ${changeId} not found, or already decided`);
  return pending;
}

function secondOfficer(state: HubState, actorId: string, pending: { memberId: string; proposedBy: string }, doing: string): string {
  if (isAdmin(actorId)) return ADMIN;
  const officer = adminOrActingAs(state, actorId, ['coordinator', 'treasurer'], `${doing} changes to officers`)!;
  if (officer.memberId === pending.proposedBy) {
    throw new SeparationOfDuties('no-confirming-own-proposal', `a second officer must ${doing} this change, not the one who proposed it`);
  }
  if (officer.memberId === pending.memberId) {
    throw new SeparationOfDuties('no-confirming-change-to-oneself', `nobody may ${doing} a change to their own roles or token`);
  }
  return officer.memberId;
}

function assertNoOpenChange(state: HubState, memberId: string, kind: MemberChange['kind']): void {
  for (const pending of state.memberChanges.values()) {
    if (pending.memberId === memberId && pending.change.kind === kind) {
      throw new InvalidState(`change ${pending.changeId} to ${memberId}'s ${kind === 'roles' ? 'officer roles' : 'token'} already waits for a second officer`);
    }
  }
}

export function checkRoles(roles: unknown): Role[] {
  if (!Array.isArray(roles) || roles.length === 0) {
    throw new ValidationFailed(`roles must list at least one of ${ROLES.join(', ')}`);
  }
  for (const role of roles) {
    if (!ROLES.includes(role as Role)) throw new ValidationFailed(`unknown role ${String(role)}`);
  }
  return ordered(roles as Role[]);
}

// Stored in a fixed order so that equal sets compare equal.
const ordered = (roles: Role[]): Role[] => ROLES.filter((role) => roles.includes(role));
