import { Command } from '@nestjs/cqrs';
import { ListingKind } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';

export interface PostListingInput {
  /** the owner, when a coordinator posts for an assisted member; else the caller */
  memberId?: string;
  kind: ListingKind;
  title: string;
  description: string;
  categoryId: string;
  hours?: string;
}

export class PostListingCommand extends Command<CommandResult<{ listingId: string; expiresAt: string }>> {
  constructor(
    readonly hubId: string,
    readonly input: PostListingInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface ChangeListingInput {
  title?: string;
  description?: string;
  categoryId?: string;
  hours?: string | null;
  status?: 'closed';
}

export class ChangeListingCommand extends Command<CommandResult<{ listingId: string; status: 'open' | 'closed' }>> {
  constructor(
    readonly hubId: string,
    readonly listingId: string,
    readonly input: ChangeListingInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
