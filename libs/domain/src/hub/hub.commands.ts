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
  at: string;
}

export interface EnrolMember {
  type: 'EnrolMember';
  memberId: string;
  displayName: string;
  roles: Role[];
  creditLimit?: string;
  tokenHash: string;
  at: string;
}

/** Fields left undefined stay as they are; `creditLimit: null` returns to the hub default. */
export interface ChangeMember {
  type: 'ChangeMember';
  memberId: string;
  roles?: Role[];
  creditLimit?: string | null;
  status?: MemberStatus;
  at: string;
}

export interface RotateToken {
  type: 'RotateToken';
  memberId: string;
  tokenHash: string;
  at: string;
}

/** `aidPerMemberPerMonth: null` lifts the cap. */
export interface ChangeAidPolicy {
  type: 'ChangeAidPolicy';
  aidPerMemberPerMonth: string | null;
  at: string;
}

export interface CreateProject extends ProjectInput {
  type: 'CreateProject';
  actorId: string;
  at: string;
}

export type HubCommand = CreateHub | EnrolMember | ChangeMember | RotateToken | ChangeAidPolicy | CreateProject;
