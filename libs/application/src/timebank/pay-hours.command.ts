import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';
import { NearLimitWarning } from './near-limit';

export interface PayHoursInput {
  fromMemberId: string;
  toMemberId: string;
  hours: string;
  memo?: string;
  categoryId?: string;
  listingId?: string;
}

export interface TransferAnswer {
  transferId: string;
  /** a payment that took the payer past the hub's warning share of their credit limit */
  warnings?: NearLimitWarning[];
}

export class PayHoursCommand extends Command<CommandResult<TransferAnswer>> {
  constructor(
    readonly hubId: string,
    readonly transferId: string,
    readonly input: PayHoursInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
