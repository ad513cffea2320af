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

/** Settings left undefined stay as they are; `aidPerMemberPerMonth: null` lifts the cap. */
export interface HubSettingsInput {
  aidPerMemberPerMonth?: string | null;
  listingDays?: number;
  timeBank?: { warnAt?: string | null; requestAutoAcceptDays?: number | null };
}

export class ChangeHubSettingsCommand extends Command<CommandResult<{ aidPerMemberPerMonth: string | null; listingDays: number; timeBank: { warnAt: string | null; requestAutoAcceptDays: number | null } }>> {
  constructor(
    readonly hubId: string,
    readonly input: HubSettingsInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
