import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { listingDecider, listingsStream } from '@commons/domain';
import { Ledger } from '../ledger';
import { ChangeListingCommand, PostListingCommand } from './listing.commands';

/** Refusals: as `decideListing` lists them. */
@CommandHandler(PostListingCommand)
export class PostListingHandler implements ICommandHandler<PostListingCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, input, context }: PostListingCommand) {
    const listingId = randomUUID();
    return this.ledger.listings.execute(listingsStream(hubId), {
      context,
      decide: (state, hub) =>
        listingDecider.decide({ type: 'PostListing', listingId, ...input, memberId: input.memberId ?? context.actor, actorId: context.actor, at: context.at }, state, hub),
      respond: (after) => ({ listingId, expiresAt: after.listings.get(listingId)!.expiresAt }),
    });
  }
}

/** Refusals: as `decideListing` lists them. */
@CommandHandler(ChangeListingCommand)
export class ChangeListingHandler implements ICommandHandler<ChangeListingCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, listingId, input, context }: ChangeListingCommand) {
    return this.ledger.listings.execute(listingsStream(hubId), {
      context,
      decide: (state, hub) => listingDecider.decide({ type: 'ChangeListing', listingId, ...input, actorId: context.actor, at: context.at }, state, hub),
      respond: (after) => ({ listingId, status: after.listings.get(listingId)!.closed ? ('closed' as const) : ('open' as const) }),
    });
  }
}
