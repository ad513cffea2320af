import { Decider } from '../decider';
import { AlreadyExists, Forbidden, ValidationFailed } from '../errors';
import { checkId } from '../ids';
import { checkText } from '../text';
import { Amount, HOUR, isKnownUnit } from '../money';
import { checkProject } from '../projects/project';
import { actingAs, adminOrActingAs, isAdmin, requireHub } from './acting';
import { ChangeAidPolicy, ChangeHubSettings, CreateHub, CreateProject, HubCommand } from './hub.commands';
import { HubEvent } from './hub.events';
import { HubSettings, HubState, MemberRecord, hoursOf } from './hub.state';
import { changeMember, confirmMemberChange, enrolMember, rejectMemberChange, rotateToken } from './member.rules';
import { changeProfile } from './profile.rules';
import { setCategories } from './categories.rules';

export const DEFAULT_APPROVAL_QUORUM = 2;
// hours the hub may owe for volunteer work before a coordinator must raise its limit
export const DEFAULT_HUB_ACCOUNT_LIMIT = '1000';
const APPROVAL_QUORUM_MAX = 20; // more distinct treasurers than any hub has
const NAME_LENGTH_MAX = 200;
const RATIO = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
const LISTING_DAYS_MAX = 3650;

export const hubDecider: Decider<HubCommand, HubEvent, HubState> = {
  initialState: () => ({ hub: null, members: new Map(), tokens: new Map(), projects: new Map(), memberChanges: new Map(), categories: new Map(), imports: new Map() }),
  evolve: evolveHub,
  decide: decideHub,
  copy: (state) => ({
    hub: state.hub,
    members: new Map(state.members),
    tokens: new Map(state.tokens),
    projects: new Map(state.projects),
    memberChanges: new Map(state.memberChanges),
    categories: state.categories, // replaced whole by each CategoriesSet, never edited
    imports: new Map(state.imports),
  }),
};

/**
 * Refusals: `validation_failed` (bad ids, names, roles, limits, currency, budgets), `already_exists`
 * (hub, member or project id taken), `not_found` (hub, member or change unknown), `forbidden`
 * (the actor's role does not allow it), `separation_of_duties` (on their own account, or
 * confirming their own proposal), `invalid_state` (a change to that officer already waits).
 */
export function decideHub(command: HubCommand, state: HubState): HubEvent[] {
  switch (command.type) {
    case 'CreateHub':
      return createHub(command, state);
    case 'EnrolMember':
      return enrolMember(command, state);
    case 'ChangeMember':
      return changeMember(command, state);
    case 'RotateToken':
      return rotateToken(command, state);
    case 'ConfirmMemberChange':
      return confirmMemberChange(command, state);
    case 'RejectMemberChange':
      return rejectMemberChange(command, state);
    case 'ChangeAidPolicy':
      return changeAidPolicy(command, state);
    case 'CreateProject':
      return createProject(command, state);
    case 'ChangeProfile':
      return changeProfile(command, state);
    case 'SetCategories':
      return setCategories(command, state);
    case 'ChangeHubSettings':
      return changeHubSettings(command, state);
    default: {
      const unhandled: never = command;
      throw new ValidationFailed(`unknown command ${(unhandled as { type: string }).type}`);
    }
  }
}

function createHub(command: CreateHub, state: HubState): HubEvent[] {
  if (!isAdmin(command.actorId)) throw new Forbidden('only the admin may create hubs');
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
  const listingDays = command.listingDays === undefined ? undefined : checkListingDays(command.listingDays);
  const warnAt = command.warnAt === undefined ? null : checkWarnAt(command.warnAt);
  const autoAccept = command.requestAutoAcceptDays === undefined ? null : checkAutoAcceptDays(command.requestAutoAcceptDays);
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
          ...(warnAt === null ? {} : { warnAt }),
          ...(autoAccept === null ? {} : { requestAutoAcceptDays: autoAccept }),
        },
        pool: { approvalQuorum, reserveRatio },
        ...(listingDays === undefined ? {} : { listingDays }),
        at: command.at,
      },
    },
  ];
}

function changeHubSettings(command: ChangeHubSettings, state: HubState): HubEvent[] {
  const hub = requireHub(state);
  adminOrActingAs(state, command.actorId, ['coordinator'], "change the hub's settings");
  const data: { listingDays?: number; warnAt?: string | null; requestAutoAcceptDays?: number | null; at: string } = { at: command.at };
  if (command.requestAutoAcceptDays !== undefined) {
    const days = command.requestAutoAcceptDays === null ? null : checkAutoAcceptDays(command.requestAutoAcceptDays);
    if (days !== hub.timeBank.requestAutoAcceptDays) data.requestAutoAcceptDays = days;
  }
  if (command.listingDays !== undefined && checkListingDays(command.listingDays) !== hub.listingDays) data.listingDays = command.listingDays;
  if (command.warnAt !== undefined) {
    const warnAt = command.warnAt === null ? null : checkWarnAt(command.warnAt);
    if (warnAt !== hub.timeBank.warnAt) data.warnAt = warnAt;
  }
  return Object.keys(data).length > 1 ? [{ type: 'HubSettingsChanged', data }] : [];
}

// a share of the credit limit, more than 0 and less than 1, at most two places: 0.8 warns at 80 %
function checkWarnAt(warnAt: string): string {
  if (typeof warnAt !== 'string' || !/^0\.\d{1,2}$/.test(warnAt) || Number(warnAt) === 0) {
    throw new ValidationFailed('timeBank.warnAt must be a share of the credit limit such as "0.8" (more than 0, less than 1)');
  }
  return warnAt;
}

function checkAutoAcceptDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new ValidationFailed('timeBank.requestAutoAcceptDays must be a whole number of days from 1 to 365, or null');
  return days;
}

function checkListingDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > LISTING_DAYS_MAX) throw new ValidationFailed(`listingDays must be a whole number of days from 1 to ${LISTING_DAYS_MAX}`);
  return days;
}

function changeAidPolicy(command: ChangeAidPolicy, state: HubState): HubEvent[] {
  const hub = requireHub(state);
  adminOrActingAs(state, command.actorId, ['coordinator'], "change the hub's aid policy");
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
          warnAt: d.timeBank.warnAt ?? null,
          requestAutoAcceptDays: d.timeBank.requestAutoAcceptDays ?? null,
        },
        pool: { ...d.pool },
        aid: { perMemberPerMonth: null },
        listingDays: d.listingDays ?? null,
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
        about: null,
        contact: null,
        showBalance: false,
        assisted: false,
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
    case 'MemberChangeProposed': {
      const { changeId, memberId, change, proposedBy, at } = event.data;
      state.memberChanges.set(changeId, { changeId, memberId, change, proposedBy, proposedAt: at });
      return state;
    }
    case 'MemberChangeConfirmed':
    case 'MemberChangeRejected':
      state.memberChanges.delete(event.data.changeId);
      return state;
    case 'MemberProfileChanged': {
      const { memberId, actedBy: _actedBy, at: _at, ...profile } = event.data;
      return updateMember(state, memberId, profile);
    }
    case 'MemberAssistanceChanged':
      return updateMember(state, event.data.memberId, { assisted: event.data.assisted });
    case 'HubSettingsChanged':
      if (event.data.listingDays !== undefined) state.hub = { ...state.hub!, listingDays: event.data.listingDays };
      if (event.data.warnAt !== undefined) state.hub = { ...state.hub!, timeBank: { ...state.hub!.timeBank, warnAt: event.data.warnAt } };
      if (event.data.requestAutoAcceptDays !== undefined) {
        state.hub = { ...state.hub!, timeBank: { ...state.hub!.timeBank, requestAutoAcceptDays: event.data.requestAutoAcceptDays } };
      }
      return state;
    case 'TimeBankImported': {
      const { importId, members, balances, at } = event.data;
      state.imports.set(importId, { importId, members, balances, at });
      return state;
    }
    case 'CategoriesSet':
      state.categories = new Map(event.data.categories.map((category) => [category.categoryId, { ...category }]));
      return state;
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

