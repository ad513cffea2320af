import { Command } from '@nestjs/cqrs';
import { MemberStatus, Role } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';

export interface CreateHubInput {
  hubId: string;
  name: string;
  currency: string;
  timeBank: { defaultCreditLimit: string; maxBalance?: string; hubAccountLimit?: string };
  pool: { approvalQuorum?: number; reserveRatio?: string };
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

export class EnrolMemberCommand extends Command<CommandResult<{ memberId: string; token: string }>> {
  constructor(
    readonly hubId: string,
    readonly input: EnrolMemberInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RotateTokenCommand extends Command<CommandResult<{ memberId: string; token: string }>> {
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
}

export interface MemberView {
  memberId: string;
  displayName: string;
  roles: Role[];
  creditLimit: string | null;
  status: MemberStatus;
}

export class ChangeMemberCommand extends Command<CommandResult<MemberView>> {
  constructor(
    readonly hubId: string,
    readonly memberId: string,
    readonly input: ChangeMemberInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
