import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { timeBankDecider, timeBankStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { PayHoursCommand } from './pay-hours.command';

/**
 * Refusals: validation_failed, not_found (member), invalid_state (suspended),
 * credit_limit_exceeded, balance_limit_exceeded.
 */
@CommandHandler(PayHoursCommand)
export class PayHoursHandler implements ICommandHandler<PayHoursCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, transferId, input, context }: PayHoursCommand): Promise<CommandResult<{ transferId: string }>> {
    const body = { transferId };
    const { position } = await this.ledger.timeBanks.execute(timeBankStream(hubId), {
      context,
      response: () => ({ status: 201, body }),
      decide: (state, hub) =>
        timeBankDecider.decide(
          { type: 'PayHours', transferId, ...input, memo: input.memo ?? '', at: context.at },
          state,
          hub,
        ),
    });
    return { body, position };
  }
}
