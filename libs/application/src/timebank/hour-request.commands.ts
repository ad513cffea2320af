import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';
import { PayHoursInput } from './pay-hours.command';

/** What a payment says, asked for instead of paid: the same fields. */
export type RequestHoursInput = PayHoursInput;

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
