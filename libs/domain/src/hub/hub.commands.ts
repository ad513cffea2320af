import { ProjectInput } from '../projects/project';
import { Role, MemberStatus } from './hub.events';

/** Amounts arrive as the strings the API received; the decider parses them against the hub's units. */
export interface CreateHub {
  type: 'CreateHub';
  hubId: string;
  name: string;
  currency: string;
  defaultCreditLimit: string;
  maxBalance?: string;
  hubAccountLimit?: string;
  approvalQuorum?: number;
  reserveRatio?: string;
  listingDays?: number;
  warnAt?: string;
  requestAutoAcceptDays?: number;
  actorId: string;
  at: string;
}

export interface EnrolMember {
  type: 'EnrolMember';
  memberId: string;
  displayName: string;
  roles: Role[];
  creditLimit?: string;
  tokenHash: string;
  /** names the change that officer roles given by a coordinator wait in */
  changeId: string;
  actorId: string;
  at: string;
}

/** Fields left undefined stay as they are; `creditLimit: null` returns to the hub default. */
export interface ChangeMember {
  type: 'ChangeMember';
  memberId: string;
  roles?: Role[];
  creditLimit?: string | null;
  status?: MemberStatus;
  /** a member a coordinator may act for */
  assisted?: boolean;
  changeId: string;
  actorId: string;
  at: string;
}

export interface RotateToken {
  type: 'RotateToken';
  memberId: string;
  tokenHash: string;
  changeId: string;
  actorId: string;
  at: string;
}

/** A second officer agrees to a proposed change; `tokenHash` is the new token's, used when the change is a token reset. */
export interface ConfirmMemberChange {
  type: 'ConfirmMemberChange';
  changeId: string;
  note?: string;
  tokenHash: string;
  actorId: string;
  at: string;
}

export interface RejectMemberChange {
  type: 'RejectMemberChange';
  changeId: string;
  reason: string;
  actorId: string;
  at: string;
}

/** `aidPerMemberPerMonth: null` lifts the cap. */
export interface ChangeAidPolicy {
  type: 'ChangeAidPolicy';
  aidPerMemberPerMonth: string | null;
  actorId: string;
  at: string;
}

export interface CreateProject extends ProjectInput {
  type: 'CreateProject';
  actorId: string;
  at: string;
}

/** Fields left undefined stay as they are; `about` or `contact` null clears it. */
export interface ChangeProfile {
  type: 'ChangeProfile';
  memberId: string;
  displayName?: string;
  about?: string | null;
  contact?: string | null;
  showBalance?: boolean;
  actorId: string;
  at: string;
}

/** The whole list of the hub's kinds of help; `retired` ones stay, for what already names them. */
export interface SetCategories {
  type: 'SetCategories';
  categories: Array<{ categoryId: string; name: string; retired?: boolean }>;
  actorId: string;
  at: string;
}

/** Settings left undefined stay as they are. */
export interface ChangeHubSettings {
  type: 'ChangeHubSettings';
  listingDays?: number;
  /** null: no warnings */
  warnAt?: string | null;
  /** null: the ledger never accepts a request itself */
  requestAutoAcceptDays?: number | null;
  actorId: string;
  at: string;
}

export type HubCommand =
  | CreateHub
  | EnrolMember
  | ChangeMember
  | RotateToken
  | ConfirmMemberChange
  | RejectMemberChange
  | ChangeAidPolicy
  | CreateProject
  | ChangeProfile
  | SetCategories
  | ChangeHubSettings;
