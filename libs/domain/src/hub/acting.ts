import { DutyRule, Forbidden, InvalidState, NotFound, SeparationOfDuties } from '../errors';
import { OFFICER_ROLES, Role } from './hub.events';
import { HubSettings, HubState, MemberRecord } from './hub.state';

/** The actor of a command given with the admin token; never a member id (enrolment refuses it). */
export const ADMIN = 'admin';

export const isAdmin = (actorId: string) => actorId === ADMIN;

/** The actor of what the ledger itself decides on its clock (a request accepted after the hub's days); never a member id. */
export const SYSTEM = 'system';

export function requireHub(state: HubState): HubSettings {
  if (!state.hub) throw new NotFound('hub not found');
  return state.hub;
}

export function requireMember(state: HubState, memberId: string): MemberRecord {
  const member = state.members.get(memberId);
  if (!member) throw new NotFound(`member ${memberId} not found`);
  return member;
}

export function assertActive(member: MemberRecord): void {
  if (member.status !== 'active') throw new InvalidState(`member ${member.memberId} is suspended`);
}

/** The member giving a command, active and holding one of `roles` in this hub; else forbidden. */
export function actingAs(state: HubState, memberId: string, roles: Role[], doing: string): MemberRecord {
  const member = state.members.get(memberId);
  if (!member || member.status !== 'active' || !roles.some((role) => member.roles.includes(role))) {
    throw new Forbidden(`only a ${roles.join(' or ')} of this hub may ${doing}`);
  }
  return member;
}

/** The admin, or an active member holding one of `roles`: null stands for the admin. */
export function adminOrActingAs(state: HubState, actorId: string, roles: Role[], doing: string): MemberRecord | null {
  if (isAdmin(actorId)) return null;
  return actingAs(state, actorId, roles, doing);
}

/** An active member of this hub, whatever their roles; else forbidden. */
export function activeMember(state: HubState, memberId: string, doing: string): MemberRecord {
  const member = state.members.get(memberId);
  if (!member || member.status !== 'active') throw new Forbidden(`only an active member of this hub may ${doing}`);
  return member;
}

/** Refuses an officer acting on their own account: `rule` says which duty it breaks. */
export function notForThemselves(actor: MemberRecord | null, memberId: string, rule: DutyRule, doing: string): void {
  if (actor && actor.memberId === memberId) throw new SeparationOfDuties(rule, `nobody ${doing} for themselves`);
}

export const isOfficerRole = (role: Role) => (OFFICER_ROLES as readonly Role[]).includes(role);
export const officerRolesOf = (roles: readonly Role[]) => roles.filter(isOfficerRole);
export const otherRolesOf = (roles: readonly Role[]) => roles.filter((role) => !isOfficerRole(role));
export const isOfficer = (member: MemberRecord) => member.roles.some(isOfficerRole);

/**
 * Who may act for `memberId`: the member themselves, active; or an active coordinator when the
 * member is marked assisted. Nobody else acts for anyone. Returns the one acting.
 */
export function actingFor(state: HubState, actorId: string, memberId: string, doing: string): MemberRecord {
  const member = requireMember(state, memberId);
  // a suspended member's account is still, whoever would act on it
  assertActive(member);
  if (actorId === memberId) return member;
  const actor = state.members.get(actorId);
  if (member.assisted && actor && actor.status === 'active' && actor.roles.includes('coordinator')) return actor;
  throw new Forbidden(member.assisted ? `only ${memberId} or a coordinator may ${doing} for them` : `only ${memberId} may ${doing} for themselves`);
}
