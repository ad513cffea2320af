import { Command } from '@nestjs/cqrs';
import { MemberStatus, Role } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';

export interface CreateHubInput {
  hubId: string;
  name: string;
  currency: string;
  timeBank: { defaultCreditLimit: string; maxBalance?: string; hubAccountLimit?: string; warnAt?: string; requestAutoAcceptDays?: number };
  pool: { approvalQuorum?: number; reserveRatio?: string };
  listingDays?: number;
}

export class CreateHubCommand extends Command<CommandResult<{ hubId: string }>> {
  constructor(
    readonly input: CreateHubInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface EnrolMemberInput {
  memberId: string;
  displayName: string;
  roles: Role[];
  creditLimit?: string;
}

/** A change to an officer that waits for a second officer (API.md, "Separation of duties"). */
export interface Awaiting {
  changeId: string;
  status: 'awaiting_confirmation';
}

export class EnrolMemberCommand extends Command<CommandResult<{ memberId: string; token: string } & Partial<Awaiting>>> {
  constructor(
    readonly hubId: string,
    readonly input: EnrolMemberInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RotateTokenCommand extends Command<CommandResult<{ memberId: string; token?: string } & Partial<Awaiting>>> {
  constructor(
    readonly hubId: string,
    readonly memberId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface ChangeMemberInput {
  roles?: Role[];
  creditLimit?: string | null;
  status?: MemberStatus;
  assisted?: boolean;
}

export interface MemberView {
  memberId: string;
  displayName: string;
  roles: Role[];
  creditLimit: string | null;
  status: MemberStatus;
  assisted: boolean;
}

/** The member as changed, or, when officer roles wait for a second officer, the change and the member as they stand meanwhile. */
export type MemberChanged = MemberView | (Awaiting & { member: MemberView });

export class ChangeMemberCommand extends Command<CommandResult<MemberChanged>> {
  constructor(
    readonly hubId: string,
    readonly memberId: string,
    readonly input: ChangeMemberInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface MemberChangeDecided {
  changeId: string;
  memberId: string;
  status: 'applied' | 'rejected';
  roles?: Role[];
  /** a reset officer's new token: in this response only */
  token?: string;
}

export class ConfirmMemberChangeCommand extends Command<CommandResult<MemberChangeDecided>> {
  constructor(
    readonly hubId: string,
    readonly changeId: string,
    readonly note: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RejectMemberChangeCommand extends Command<CommandResult<MemberChangeDecided>> {
  constructor(
    readonly hubId: string,
    readonly changeId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
