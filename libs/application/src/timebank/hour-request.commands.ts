import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';
import { NearLimitWarning } from './near-limit';
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
export interface HourRequestAnswer {
  requestId: string;
  status: 'paid' | 'declined' | 'cancelled';
  transferId?: string;
  /** an acceptance is a payment: the payer is warned as a payer is */
  warnings?: NearLimitWarning[];
}

export class AnswerHourRequestCommand extends Command<CommandResult<HourRequestAnswer>> {
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

/** A work day or a class: each payment as a transfer's, under one memo and category. */
export interface PayGroupHoursInput {
  payments: Array<{ fromMemberId: string; toMemberId: string; hours: string }>;
  memo: string;
  categoryId?: string;
}

export class PayGroupHoursCommand extends Command<CommandResult<{ groupId: string; payments: number; warnings?: NearLimitWarning[] }>> {
  constructor(
    readonly hubId: string,
    readonly input: PayGroupHoursInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
