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
    const body = { projectId: input.projectId };
    const { position } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      response: () => ({ status: 201, body }),
      decide: (state) => hubDecider.decide({ type: 'CreateProject', ...input, actorId: context.actor, at: context.at }, state),
    });
    return { body, position };
  }
}

/** Refusals: validation_failed, not_found. */
@CommandHandler(ChangeAidPolicyCommand)
export class ChangeAidPolicyHandler implements ICommandHandler<ChangeAidPolicyCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, aidPerMemberPerMonth, context }: ChangeAidPolicyCommand): Promise<CommandResult<{ aidPerMemberPerMonth: string | null }>> {
    let body: { aidPerMemberPerMonth: string | null } | undefined;
    const { position } = await this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => {
        const events = hubDecider.decide({ type: 'ChangeAidPolicy', aidPerMemberPerMonth, at: context.at }, state);
        const cap = events.reduce(hubDecider.evolve, hubDecider.copy(state)).hub!.aid.perMemberPerMonth;
        body = { aidPerMemberPerMonth: cap?.toString() ?? null };
        return events;
      },
    });
    return { body: body!, position };
  }
}
