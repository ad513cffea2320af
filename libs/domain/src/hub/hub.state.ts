import { Amount, HOUR } from '../money';
import { ProjectRecord } from '../projects/project';
import { MemberStatus, Role } from './hub.events';

export interface MemberRecord {
  memberId: string;
  displayName: string;
  roles: Role[];
  /** The member's own limit, or null for the hub default. */
  creditLimit: Amount | null;
  status: MemberStatus;
  tokenHash: string;
  enrolledAt: string;
}

export interface HubSettings {
  hubId: string;
  name: string;
  currency: string;
  createdAt: string;
  timeBank: { defaultCreditLimit: Amount; maxBalance: Amount | null; hubAccountLimit: Amount };
  pool: { approvalQuorum: number; reserveRatio: string };
  /** the most aid one member may ask for in a calendar month; null: no cap */
  aid: { perMemberPerMonth: Amount | null };
}

export interface HubState {
  hub: HubSettings | null;
  members: Map<string, MemberRecord>;
  /** token hash → member id, so a bearer token resolves in one lookup */
  tokens: Map<string, string>;
  projects: Map<string, ProjectRecord>;
}

export function effectiveCreditLimit(hub: HubSettings, member: MemberRecord): Amount {
  return member.creditLimit ?? hub.timeBank.defaultCreditLimit;
}

export function hasRole(member: MemberRecord, role: Role): boolean {
  return member.roles.includes(role);
}

export function hoursOf(text: string): Amount {
  return Amount.parse(text, HOUR);
}
