import { Command } from '@nestjs/cqrs';
import { ProjectInput } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';

export class CreateProjectCommand extends Command<CommandResult<{ projectId: string }>> {
  constructor(
    readonly hubId: string,
    readonly input: ProjectInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ChangeAidPolicyCommand extends Command<CommandResult<{ aidPerMemberPerMonth: string | null }>> {
  constructor(
    readonly hubId: string,
    readonly aidPerMemberPerMonth: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
