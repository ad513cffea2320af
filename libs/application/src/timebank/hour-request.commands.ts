import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';

export interface RequestHoursInput {
  fromMemberId: string;
  toMemberId: string;
  hours: string;
  memo?: string;
  categoryId?: string;
  listingId?: string;
}

export class RequestHoursCommand extends Command<CommandResult<{ requestId: string; status: 'pending' }>> {
  constructor(
    readonly hubId: string,
    readonly input: RequestHoursInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** `accept`, `decline` or `cancel` a request; `reason` goes with a decline. */
export class AnswerHourRequestCommand extends Command<CommandResult<{ requestId: string; status: 'paid' | 'declined' | 'cancelled'; transferId?: string }>> {
  constructor(
    readonly hubId: string,
    readonly requestId: string,
    readonly answer: 'accept' | 'decline' | 'cancel',
    readonly context: CommandContext,
    readonly reason = '',
  ) {
    super();
  }
}
