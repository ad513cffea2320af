import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';

export interface ProfileInput {
  displayName?: string;
  about?: string | null;
  contact?: string | null;
  showBalance?: boolean;
}

export interface ProfileView {
  memberId: string;
  displayName: string;
  about: string | null;
  contact: string | null;
  showBalance: boolean;
}

export class ChangeProfileCommand extends Command<CommandResult<ProfileView>> {
  constructor(
    readonly hubId: string,
    readonly memberId: string,
    readonly input: ProfileInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface CategoryInput {
  categoryId: string;
  name: string;
  retired?: boolean;
}

export class SetCategoriesCommand extends Command<CommandResult<{ categories: Array<Required<CategoryInput>> }>> {
  constructor(
    readonly hubId: string,
    readonly categories: CategoryInput[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
