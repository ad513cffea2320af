import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hubDecider, hubStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { ChangeAidPolicyCommand, CreateProjectCommand } from './project.commands';

/** A project is part of the hub's definition: it lives in the hub stream. Refusals: validation_failed, forbidden, not_found, already_exists. */
@CommandHandler(CreateProjectCommand)
export class CreateProjectHandler implements ICommandHandler<CreateProjectCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: CreateProjectCommand): Promise<CommandResult<{ projectId: string }>> {
    return this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => hubDecider.decide({ type: 'CreateProject', ...input, actorId: context.actor, at: context.at }, state),
      respond: () => ({ projectId: input.projectId }),
    });
  }
}

/** Refusals: forbidden, validation_failed, not_found. */
@CommandHandler(ChangeAidPolicyCommand)
export class ChangeAidPolicyHandler implements ICommandHandler<ChangeAidPolicyCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, aidPerMemberPerMonth, context }: ChangeAidPolicyCommand): Promise<CommandResult<{ aidPerMemberPerMonth: string | null }>> {
    return this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => hubDecider.decide({ type: 'ChangeAidPolicy', aidPerMemberPerMonth, actorId: context.actor, at: context.at }, state),
      respond: (after) => ({ aidPerMemberPerMonth: after.hub!.aid.perMemberPerMonth?.toString() ?? null }),
    });
  }
}
