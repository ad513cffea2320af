import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { timeBankDecider, timeBankStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { nearLimitWarnings } from './near-limit';
import { PayHoursCommand, TransferAnswer } from './pay-hours.command';

/** Refusals: as `decideTimeBank` lists them for PayHours. */
@CommandHandler(PayHoursCommand)
export class PayHoursHandler implements ICommandHandler<PayHoursCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, transferId, input, context }: PayHoursCommand): Promise<CommandResult<TransferAnswer>> {
    return this.ledger.timeBanks.execute(timeBankStream(hubId), {
      context,
      decide: (state, hub) =>
        timeBankDecider.decide(
          { type: 'PayHours', transferId, ...input, memo: input.memo ?? '', actorId: context.actor, at: context.at },
          state,
          hub,
        ),
      respond: (after, _events, hub) => ({ transferId, ...nearLimitWarnings(after, hub, [input.fromMemberId]) }),
    });
  }
}
