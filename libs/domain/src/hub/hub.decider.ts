import { Decider } from '../decider';
import { AlreadyExists, Forbidden, InvalidState, NotFound, ValidationFailed } from '../errors';
import { checkId } from '../ids';
import { checkText } from '../text';
import { Amount, HOUR, isKnownUnit } from '../money';
import { checkProject } from '../projects/project';
import { ChangeAidPolicy, ChangeMember, CreateHub, CreateProject, EnrolMember, HubCommand } from './hub.commands';
import { HubEvent, ROLES, Role } from './hub.events';
import { HubSettings, HubState, MemberRecord, hoursOf } from './hub.state';

export const DEFAULT_APPROVAL_QUORUM = 2;
// hours the hub may owe for volunteer work before a coordinator must raise its limit
export const DEFAULT_HUB_ACCOUNT_LIMIT = '1000';
const APPROVAL_QUORUM_MAX = 20; // more distinct treasurers than any hub has
const NAME_LENGTH_MAX = 200;
const RATIO = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

export const hubDecider: Decider<HubCommand, HubEvent, HubState> = {
  initialState: () => ({ hub: null, members: new Map(), tokens: new Map(), projects: new Map() }),
  evolve: evolveHub,
  decide: decideHub,
  copy: (state) => ({ hub: state.hub, members: new Map(state.members), tokens: new Map(state.tokens), projects: new Map(state.projects) }),
};

/**
 * Refusals: `validation_failed` (bad ids, names, roles, limits, currency, budgets), `already_exists`
 * (hub, member or project id taken), `not_found` (hub or member unknown; also for RotateToken),
 * `forbidden` (a project created by anyone but a coordinator).
 */
export function decideHub(command: HubCommand, state: HubState): HubEvent[] {
  switch (command.type) {
    case 'CreateHub':
      return createHub(command, state);
    case 'EnrolMember':
      return enrolMember(command, state);
    case 'ChangeMember':
      return changeMember(command, state);
    case 'RotateToken': {
      requireHub(state);
      const member = requireMember(state, command.memberId);
      return [{ type: 'MemberTokenRotated', data: { memberId: member.memberId, tokenHash: command.tokenHash, at: command.at } }];
    }
    case 'ChangeAidPolicy':
      return changeAidPolicy(command, state);
    case 'CreateProject':
      return createProject(command, state);
    default: {
      const unhandled: never = command;
      throw new ValidationFailed(`unknown command ${(unhandled as { type: string }).type}`);
    }
  }
}

function createHub(command: CreateHub, state: HubState): HubEvent[] {
  if (state.hub) throw new AlreadyExists(`hub ${command.hubId} already exists`);
  checkId(command.hubId, 'hubId');
  const name = checkText(command.name, 'name', NAME_LENGTH_MAX);
  if (!isKnownUnit(command.currency) || command.currency === HOUR) {
    throw new ValidationFailed(`currency ${command.currency} is not a supported ISO 4217 code`);
  }
  const defaultCreditLimit = Amount.parse(command.defaultCreditLimit, HOUR, 'timeBank.defaultCreditLimit');
  const maxBalance =
    command.maxBalance === undefined ? null : Amount.parsePositive(command.maxBalance, HOUR, 'timeBank.maxBalance');
  const hubAccountLimit = Amount.parse(command.hubAccountLimit ?? DEFAULT_HUB_ACCOUNT_LIMIT, HOUR, 'timeBank.hubAccountLimit');
  const approvalQuorum = command.approvalQuorum ?? DEFAULT_APPROVAL_QUORUM;
  if (!Number.isInteger(approvalQuorum) || approvalQuorum < 1 || approvalQuorum > APPROVAL_QUORUM_MAX) {
    throw new ValidationFailed(`pool.approvalQuorum must be a whole number from 1 to ${APPROVAL_QUORUM_MAX}`);
  }
  const reserveRatio = command.reserveRatio ?? '0';
  if (!RATIO.test(reserveRatio)) {
    throw new ValidationFailed('pool.reserveRatio must be a decimal string from 0 to 1, at most 4 places');
  }
  return [
    {
      type: 'HubCreated',
      data: {
        hubId: command.hubId,
        name,
        currency: command.currency,
        timeBank: {
          defaultCreditLimit: defaultCreditLimit.toString(),
          maxBalance: maxBalance ? maxBalance.toString() : null,
          hubAccountLimit: hubAccountLimit.toString(),
        },
        pool: { approvalQuorum, reserveRatio },
        at: command.at,
      },
    },
  ];
}

function enrolMember(command: EnrolMember, state: HubState): HubEvent[] {
  requireHub(state);
  checkId(command.memberId, 'memberId');
  if (state.members.has(command.memberId)) {
    throw new AlreadyExists(`member ${command.memberId} is already enrolled`);
  }
  const displayName = checkText(command.displayName, 'displayName', NAME_LENGTH_MAX);
  const roles = checkRoles(command.roles);
  const creditLimit =
    command.creditLimit === undefined ? null : Amount.parse(command.creditLimit, HOUR, 'creditLimit');
  return [
    {
      type: 'MemberEnrolled',
      data: {
        memberId: command.memberId,
        displayName,
        roles,
        creditLimit: creditLimit ? creditLimit.toString() : null,
        tokenHash: command.tokenHash,
        at: command.at,
      },
    },
  ];
}

function changeMember(command: ChangeMember, state: HubState): HubEvent[] {
  requireHub(state);
  const member = requireMember(state, command.memberId);
  const { memberId, at } = command;
  const events: HubEvent[] = [];
  if (command.roles !== undefined) {
    const roles = checkRoles(command.roles);
    if (roles.join() !== member.roles.join()) events.push({ type: 'MemberRolesChanged', data: { memberId, roles, at } });
  }
  if (command.creditLimit !== undefined) {
    const limit = command.creditLimit === null ? null : Amount.parse(command.creditLimit, HOUR, 'creditLimit');
    const same = limit === null ? member.creditLimit === null : member.creditLimit?.equals(limit) === true;
    if (!same) {
      events.push({
        type: 'MemberCreditLimitChanged',
        data: { memberId, creditLimit: limit ? limit.toString() : null, at },
      });
    }
  }
  if (command.status !== undefined && command.status !== member.status) {
    events.push(
      command.status === 'suspended'
        ? { type: 'MemberSuspended', data: { memberId, at } }
        : { type: 'MemberReactivated', data: { memberId, at } },
    );
  }
  return events;
}

function changeAidPolicy(command: ChangeAidPolicy, state: HubState): HubEvent[] {
  const hub = requireHub(state);
  const cap = command.aidPerMemberPerMonth === null ? null : Amount.parsePositive(command.aidPerMemberPerMonth, hub.currency, 'aidPerMemberPerMonth');
  const current = hub.aid.perMemberPerMonth;
  if (cap === null ? current === null : current?.equals(cap) === true) return [];
  return [{ type: 'AidPolicyChanged', data: { aidPerMemberPerMonth: cap ? cap.toString() : null, at: command.at } }];
}

function createProject(command: CreateProject, state: HubState): HubEvent[] {
  const hub = requireHub(state);
  const coordinator = actingAs(state, command.actorId, ['coordinator'], 'create projects');
  const project = checkProject(command, hub.currency);
  if (state.projects.has(project.projectId)) throw new AlreadyExists(`project ${project.projectId} already exists`);
  return [{ type: 'ProjectCreated', data: { ...project, createdBy: coordinator.memberId, at: command.at } }];
}

export function evolveHub(state: HubState, event: HubEvent): HubState {
  switch (event.type) {
    case 'HubCreated': {
      const d = event.data;
      const hub: HubSettings = {
        hubId: d.hubId,
        name: d.name,
        currency: d.currency,
        createdAt: d.at,
        timeBank: {
          defaultCreditLimit: hoursOf(d.timeBank.defaultCreditLimit),
          maxBalance: d.timeBank.maxBalance === null ? null : hoursOf(d.timeBank.maxBalance),
          hubAccountLimit: hoursOf(d.timeBank.hubAccountLimit),
        },
        pool: { ...d.pool },
        aid: { perMemberPerMonth: null },
      };
      state.hub = hub;
      return state;
    }
    case 'MemberEnrolled': {
      const d = event.data;
      state.members.set(d.memberId, {
        memberId: d.memberId,
        displayName: d.displayName,
        roles: d.roles,
        creditLimit: d.creditLimit === null ? null : hoursOf(d.creditLimit),
        status: 'active',
        tokenHash: d.tokenHash,
        enrolledAt: d.at,
      });
      state.tokens.set(d.tokenHash, d.memberId);
      return state;
    }
    case 'MemberRolesChanged':
      return updateMember(state, event.data.memberId, { roles: event.data.roles });
    case 'MemberCreditLimitChanged': {
      const limit = event.data.creditLimit;
      return updateMember(state, event.data.memberId, { creditLimit: limit === null ? null : hoursOf(limit) });
    }
    case 'MemberSuspended':
      return updateMember(state, event.data.memberId, { status: 'suspended' });
    case 'MemberReactivated':
      return updateMember(state, event.data.memberId, { status: 'active' });
    case 'MemberTokenRotated': {
      const member = state.members.get(event.data.memberId);
      if (member) state.tokens.delete(member.tokenHash);
      state.tokens.set(event.data.tokenHash, event.data.memberId);
      return updateMember(state, event.data.memberId, { tokenHash: event.data.tokenHash });
    }
    case 'AidPolicyChanged': {
      const hub = state.hub!;
      const cap = event.data.aidPerMemberPerMonth;
      state.hub = { ...hub, aid: { perMemberPerMonth: cap === null ? null : Amount.parse(cap, hub.currency) } };
      return state;
    }
    case 'ProjectCreated': {
      const { createdBy, at, ...project } = event.data;
      state.projects.set(project.projectId, { ...project, createdBy, createdAt: at });
      return state;
    }
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown hub event ${(unhandled as { type: string }).type}`);
    }
  }
}

// Records are replaced, never edited, so a copy of the map taken for a batch stays untouched.
function updateMember(state: HubState, memberId: string, change: Partial<MemberRecord>): HubState {
  const member = state.members.get(memberId);
  if (!member) throw new TypeError(`event names unknown member ${memberId}`);
  state.members.set(memberId, { ...member, ...change });
  return state;
}

export function requireHub(state: HubState): HubSettings {
  if (!state.hub) throw new NotFound('hub not found');
  return state.hub;
}

export function requireMember(state: HubState, memberId: string): MemberRecord {
  const member = state.members.get(memberId);
  if (!member) throw new NotFound(`member ${memberId} not found`);
  return member;
}

function checkRoles(roles: unknown): Role[] {
  if (!Array.isArray(roles) || roles.length === 0) {
    throw new ValidationFailed(`roles must list at least one of ${ROLES.join(', ')}`);
  }
  for (const role of roles) {
    if (!ROLES.includes(role as Role)) throw new ValidationFailed(`unknown role ${String(role)}`);
  }
  // Stored in a fixed order so that equal sets compare equal.
  return ROLES.filter((role) => roles.includes(role));
}

/** The member giving a command, active and holding one of `roles` in this hub; else forbidden. */
export function actingAs(state: HubState, memberId: string, roles: Role[], doing: string): MemberRecord {
  const member = state.members.get(memberId);
  if (!member || member.status !== 'active' || !roles.some((role) => member.roles.includes(role))) {
    throw new Forbidden(`only a ${roles.join(' or ')} of this hub may ${doing}`);
  }
  return member;
}

export function assertActive(member: MemberRecord): void {
  if (member.status !== 'active') throw new InvalidState(`member ${member.memberId} is suspended`);
}
