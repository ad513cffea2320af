import { Command } from '@nestjs/cqrs';
import { ContributionKind, FundName } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';

export interface ContributionInput {
  memberId: string;
  kind: ContributionKind;
  amount: string;
  description: string;
  estimatedValue?: string;
  fund?: FundName;
  projectId?: string;
  phase?: string;
}

export class RecordContributionCommand extends Command<CommandResult<{ contributionId: string; kind: ContributionKind }>> {
  constructor(
    readonly hubId: string,
    readonly contributionId: string,
    readonly input: ContributionInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
