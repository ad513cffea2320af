import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DEFAULT_LISTING_DAYS, hubDecider, hubStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { ChangeHubSettingsCommand, CreateProjectCommand } from './project.commands';

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

/** The aid cap and the board's settings in one decision: all of them or none. Refusals: forbidden, validation_failed, not_found. */
@CommandHandler(ChangeHubSettingsCommand)
export class ChangeHubSettingsHandler implements ICommandHandler<ChangeHubSettingsCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: ChangeHubSettingsCommand) {
    const { actor: actorId, at } = context;
    return this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => {
        const aid = input.aidPerMemberPerMonth === undefined ? [] : hubDecider.decide({ type: 'ChangeAidPolicy', aidPerMemberPerMonth: input.aidPerMemberPerMonth, actorId, at }, state);
        const next = aid.reduce(hubDecider.evolve, hubDecider.copy(state));
        return [...aid, ...hubDecider.decide({ type: 'ChangeHubSettings', listingDays: input.listingDays, warnAt: input.timeBank?.warnAt, requestAutoAcceptDays: input.timeBank?.requestAutoAcceptDays, actorId, at }, next)];
      },
      respond: (after) => ({
        aidPerMemberPerMonth: after.hub!.aid.perMemberPerMonth?.toString() ?? null,
        listingDays: after.hub!.listingDays ?? DEFAULT_LISTING_DAYS,
        timeBank: { warnAt: after.hub!.timeBank.warnAt, requestAutoAcceptDays: after.hub!.timeBank.requestAutoAcceptDays },
      }),
    });
  }
}
