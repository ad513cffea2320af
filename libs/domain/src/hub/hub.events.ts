import { DomainEvent } from '../decider';
import { TimeBankImported } from '../imports/import.events';

export const ROLES = ['member', 'treasurer', 'coordinator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export type MemberStatus = 'active' | 'suspended';
/** Roles that move or read the hub's money and hours: granted by the admin, or by two officers. */
export const OFFICER_ROLES = ['treasurer', 'coordinator', 'auditor'] as const satisfies readonly Role[];

/** What a coordinator proposed and a second officer must confirm: the officer roles a member will hold, or a new token. */
export type MemberChange = { kind: 'roles'; officerRoles: Role[] } | { kind: 'token' };

export type HubCreated = DomainEvent<
  'HubCreated',
  {
    hubId: string;
    name: string;
    currency: string;
    /** hubAccountLimit: how far the hub's own time account may go below zero paying volunteer hours */
    /** warnAt: absent on hubs created before soft limits existed */
    timeBank: { defaultCreditLimit: string; maxBalance: string | null; hubAccountLimit: string; warnAt?: string | null; requestAutoAcceptDays?: number | null };
    pool: { approvalQuorum: number; reserveRatio: string };
    /** how long a listing stays open; absent: the default (hubs created before listings existed) */
    listingDays?: number;
    at: string;
  }
>;

export type MemberEnrolled = DomainEvent<
  'MemberEnrolled',
  {
    memberId: string;
    displayName: string;
    roles: Role[];
    creditLimit: string | null;
    tokenHash: string;
    /** brought from an existing time bank (TimeBankImported) */
    importId?: string;
    at: string;
  }
>;

export type MemberRolesChanged = DomainEvent<'MemberRolesChanged', { memberId: string; roles: Role[]; at: string }>;

/** `creditLimit: null` puts the member back on the hub's default limit. */
export type MemberCreditLimitChanged = DomainEvent<
  'MemberCreditLimitChanged',
  { memberId: string; creditLimit: string | null; at: string }
>;

/** A new token for the member: the old one stops working at once. */
export type MemberTokenRotated = DomainEvent<'MemberTokenRotated', { memberId: string; tokenHash: string; at: string }>;

export type MemberSuspended = DomainEvent<'MemberSuspended', { memberId: string; at: string }>;
export type MemberReactivated = DomainEvent<'MemberReactivated', { memberId: string; at: string }>;

/** A coordinator's project, with its phases' budgets (see projects/project.ts). */
export type ProjectCreated = DomainEvent<
  'ProjectCreated',
  { projectId: string; name: string; budget: string; phases: Array<{ name: string; budget: string }>; createdBy: string; at: string }
>;

/** Settings of the hub's time bank and board: only those given change. */
export type HubSettingsChanged = DomainEvent<'HubSettingsChanged', { listingDays?: number; warnAt?: string | null; requestAutoAcceptDays?: number | null; at: string }>;

/** The most aid one member may ask for in a calendar month (UTC); null: no cap. */
export type AidPolicyChanged = DomainEvent<'AidPolicyChanged', { aidPerMemberPerMonth: string | null; at: string }>;

/** A coordinator's change to an officer (roles or token), waiting for a second officer. */
export type MemberChangeProposed = DomainEvent<
  'MemberChangeProposed',
  { changeId: string; memberId: string; change: MemberChange; proposedBy: string; at: string }
>;

/** The second officer agreed; the change itself follows in the same decision (MemberRolesChanged or MemberTokenRotated). */
export type MemberChangeConfirmed = DomainEvent<
  'MemberChangeConfirmed',
  { changeId: string; memberId: string; confirmedBy: string; note: string; at: string }
>;

export type MemberChangeRejected = DomainEvent<
  'MemberChangeRejected',
  { changeId: string; memberId: string; rejectedBy: string; reason: string; at: string }
>;

/**
 * A member's profile: only the fields given change. `actedBy` is who changed it: the member, or a
 * coordinator acting for an assisted member (the event names both).
 */
export type MemberProfileChanged = DomainEvent<
  'MemberProfileChanged',
  { memberId: string; displayName?: string; about?: string | null; contact?: string | null; showBalance?: boolean; actedBy: string; at: string }
>;

/** A member whom a coordinator may act for (no phone or email), or no longer. */
export type MemberAssistanceChanged = DomainEvent<'MemberAssistanceChanged', { memberId: string; assisted: boolean; at: string }>;

/** The hub's kinds of help, as the coordinator set them: every category the hub ever listed, some retired. */
export type CategoriesSet = DomainEvent<'CategoriesSet', { categories: Array<{ categoryId: string; name: string; retired: boolean }>; setBy: string; at: string }>;

export type HubEvent =
  | HubCreated
  | MemberEnrolled
  | MemberRolesChanged
  | MemberCreditLimitChanged
  | MemberSuspended
  | MemberReactivated
  | MemberTokenRotated
  | ProjectCreated
  | AidPolicyChanged
  | MemberChangeProposed
  | MemberChangeConfirmed
  | MemberChangeRejected
  | MemberProfileChanged
  | MemberAssistanceChanged
  | CategoriesSet
  | HubSettingsChanged
  | TimeBankImported;

export const HUB_EVENT_TYPES: ReadonlySet<string> = new Set<HubEvent['type']>([
  'HubCreated',
  'MemberEnrolled',
  'MemberRolesChanged',
  'MemberCreditLimitChanged',
  'MemberSuspended',
  'MemberReactivated',
  'MemberTokenRotated',
  'ProjectCreated',
  'AidPolicyChanged',
  'MemberChangeProposed',
  'MemberChangeConfirmed',
  'MemberChangeRejected',
  'MemberProfileChanged',
  'MemberAssistanceChanged',
  'CategoriesSet',
  'HubSettingsChanged',
  'TimeBankImported',
]);
