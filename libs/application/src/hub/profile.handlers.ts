import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hubDecider, hubStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { ChangeProfileCommand, ProfileView, SetCategoriesCommand } from './profile.commands';

/** Refusals: as `changeProfile` lists them (the member, or a coordinator for an assisted member). */
@CommandHandler(ChangeProfileCommand)
export class ChangeProfileHandler implements ICommandHandler<ChangeProfileCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, memberId, input, context }: ChangeProfileCommand): Promise<CommandResult<ProfileView>> {
    return this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => hubDecider.decide({ type: 'ChangeProfile', memberId, ...input, actorId: context.actor, at: context.at }, state),
      respond: (after) => {
        const member = after.members.get(memberId)!;
        return { memberId, displayName: member.displayName, about: member.about, contact: member.contact, showBalance: member.showBalance };
      },
    });
  }
}

/** Refusals: as `setCategories` lists them. */
@CommandHandler(SetCategoriesCommand)
export class SetCategoriesHandler implements ICommandHandler<SetCategoriesCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, categories, context }: SetCategoriesCommand) {
    return this.ledger.hubs.execute(hubStream(hubId), {
      context,
      decide: (state) => hubDecider.decide({ type: 'SetCategories', categories, actorId: context.actor, at: context.at }, state),
      respond: (after) => ({ categories: [...after.categories.values()].map((category) => ({ ...category })) }),
    });
  }
}
