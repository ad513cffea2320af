import Decimal from 'decimal.js';
import { Amount, HOUR } from '../money';
import { ProjectRecord } from '../projects/project';
import { MemberChange, MemberStatus, Role } from './hub.events';

export interface MemberRecord {
  memberId: string;
  displayName: string;
  roles: Role[];
  /** The member's own limit, or null for the hub default. */
  creditLimit: Amount | null;
  status: MemberStatus;
  tokenHash: string;
  enrolledAt: string;
  /** a few words about them, for the directory */
  about: string | null;
  /** how to reach them: shown only to members of the hub */
  contact: string | null;
  /** whether the directory shows their hours balance */
  showBalance: boolean;
  /** a coordinator may act for them (no phone or email) */
  assisted: boolean;
}

export interface Category {
  categoryId: string;
  name: string;
  retired: boolean;
}

export interface HubSettings {
  hubId: string;
  name: string;
  currency: string;
  createdAt: string;
  /** warnAt: the share of a member's credit limit past which a payment warns them (null: never) */
  timeBank: { defaultCreditLimit: Amount; maxBalance: Amount | null; hubAccountLimit: Amount; warnAt: string | null; requestAutoAcceptDays: number | null };
  pool: { approvalQuorum: number; reserveRatio: string };
  /** the most aid one member may ask for in a calendar month; null: no cap */
  aid: { perMemberPerMonth: Amount | null };
  /** how long a listing stays open; null: the default */
  listingDays: number | null;
}

/** A change to an officer waiting for a second officer's confirmation. */
export interface PendingMemberChange {
  changeId: string;
  memberId: string;
  change: MemberChange;
  proposedBy: string;
  proposedAt: string;
}

export interface HubState {
  hub: HubSettings | null;
  members: Map<string, MemberRecord>;
  /** token hash → member id, so a bearer token resolves in one lookup */
  tokens: Map<string, string>;
  projects: Map<string, ProjectRecord>;
  /** open changes only: a confirmed or rejected one leaves the map */
  memberChanges: Map<string, PendingMemberChange>;
  /** every category the hub ever listed, in its order */
  categories: Map<string, Category>;
  /** the existing time banks brought in, by importId: the same files are imported once */
  imports: Map<string, ImportRecord>;
}

export interface ImportRecord {
  importId: string;
  members: number;
  balances: number;
  at: string;
}

/** Whether a balance owes at least the hub's warning share of the member's credit limit. */
export function nearCreditLimit(balance: Amount, limit: Amount, warnAt: string | null): boolean {
  return owesNearLimit(balance.value, limit.value, warnAt);
}

/** The same rule on plain decimals, for the read side: owed ≥ limit × share, exactly. */
export function owesNearLimit(balance: Decimal, limit: Decimal, warnAt: string | null): boolean {
  return warnAt !== null && limit.greaterThan(0) && balance.negated().greaterThanOrEqualTo(limit.times(warnAt));
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
