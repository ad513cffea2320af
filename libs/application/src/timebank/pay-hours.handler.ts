import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { balanceOf, effectiveCreditLimit, nearCreditLimit, timeBankDecider, timeBankStream } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { PayHoursCommand } from './pay-hours.command';

export interface TransferAnswer {
  transferId: string;
  /** a payment that took the payer past the hub's warning share of their credit limit */
  warnings?: Array<{ code: 'near_credit_limit'; message: string }>;
}

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
      // a soft limit: the payment stands, and the payer is told in plain words how close they are
      respond: (after, _events, hub) => {
        const payer = hub.members.get(input.fromMemberId)!;
        const limit = effectiveCreditLimit(hub.hub!, payer);
        const balance = balanceOf(after, payer.memberId);
        if (!nearCreditLimit(balance, limit, hub.hub!.timeBank.warnAt)) return { transferId };
        const owed = balance.negated().toString();
        return {
          transferId,
          warnings: [{ code: 'near_credit_limit', message: `${payer.displayName} now owes ${owed} of the ${limit} hours they may owe` }],
        };
      },
    });
  }
}
