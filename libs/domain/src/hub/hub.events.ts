import { DomainEvent } from '../decider';

export const ROLES = ['member', 'treasurer', 'coordinator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export type MemberStatus = 'active' | 'suspended';

export type HubCreated = DomainEvent<
  'HubCreated',
  {
    hubId: string;
    name: string;
    currency: string;
    /** hubAccountLimit: how far the hub's own time account may go below zero paying volunteer hours */
    timeBank: { defaultCreditLimit: string; maxBalance: string | null; hubAccountLimit: string };
    pool: { approvalQuorum: number; reserveRatio: string };
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

/** The most aid one member may ask for in a calendar month (UTC); null: no cap. */
export type AidPolicyChanged = DomainEvent<'AidPolicyChanged', { aidPerMemberPerMonth: string | null; at: string }>;

export type HubEvent =
  | HubCreated
  | MemberEnrolled
  | MemberRolesChanged
  | MemberCreditLimitChanged
  | MemberSuspended
  | MemberReactivated
  | MemberTokenRotated
  | ProjectCreated
  | AidPolicyChanged;

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
]);
