import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';

export interface PayHoursInput {
  fromMemberId: string;
  toMemberId: string;
  hours: string;
  memo?: string;
  categoryId?: string;
  listingId?: string;
}

export class PayHoursCommand extends Command<CommandResult<{ transferId: string; warnings?: Array<{ code: 'near_credit_limit'; message: string }> }>> {
  constructor(
    readonly hubId: string,
    readonly transferId: string,
    readonly input: PayHoursInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
