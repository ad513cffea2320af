import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { HoursPaid, TimeBankCommand, timeBankDecider, timeBankStream } from '@commons/domain';
import { Ledger } from '../ledger';
import { AnswerHourRequestCommand, PayGroupHoursCommand, RequestHoursCommand } from './hour-request.commands';
import { nearLimitWarnings } from './near-limit';

/** Refusals: as `requestHours` lists them. */
@CommandHandler(RequestHoursCommand)
export class RequestHoursHandler implements ICommandHandler<RequestHoursCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, input, context }: RequestHoursCommand) {
    const requestId = randomUUID();
    return this.ledger.timeBanks.execute(timeBankStream(hubId), {
      context,
      decide: (state, hub) => timeBankDecider.decide({ type: 'RequestHours', requestId, ...input, memo: input.memo ?? '', actorId: context.actor, at: context.at }, state, hub),
      respond: () => ({ requestId, status: 'pending' as const }),
    });
  }
}

const STATUS = { accept: 'paid', decline: 'declined', cancel: 'cancelled' } as const;

/** Refusals: as `acceptHourRequest`, `declineHourRequest` and `cancelHourRequest` list them. */
@CommandHandler(AnswerHourRequestCommand)
export class AnswerHourRequestHandler implements ICommandHandler<AnswerHourRequestCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, requestId, answer, reason, context }: AnswerHourRequestCommand) {
    const transferId = randomUUID();
    const { actor: actorId, at } = context;
    const command: TimeBankCommand =
      answer === 'accept'
        ? { type: 'AcceptHourRequest', requestId, transferId, actorId, at }
        : answer === 'decline'
          ? { type: 'DeclineHourRequest', requestId, reason, actorId, at }
          : { type: 'CancelHourRequest', requestId, actorId, at };
    return this.ledger.timeBanks.execute(timeBankStream(hubId), {
      context,
      decide: (state, hub) => timeBankDecider.decide(command, state, hub),
      respond: (after, events, hub) => {
        if (answer !== 'accept') return { requestId, status: STATUS[answer] };
        const paid = events.find((event): event is HoursPaid => event.type === 'HoursPaid');
        return { requestId, status: STATUS[answer], transferId, ...(paid ? nearLimitWarnings(after, hub, [paid.data.fromMemberId]) : {}) };
      },
    });
  }
}

/** Refusals: as `payGroupHours` lists them. */
@CommandHandler(PayGroupHoursCommand)
export class PayGroupHoursHandler implements ICommandHandler<PayGroupHoursCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, input, context }: PayGroupHoursCommand) {
    const groupId = randomUUID();
    return this.ledger.timeBanks.execute(timeBankStream(hubId), {
      context,
      decide: (state, hub) => timeBankDecider.decide({ type: 'PayGroupHours', groupId, ...input, actorId: context.actor, at: context.at }, state, hub),
      respond: (after, _events, hub) => ({
        groupId,
        payments: input.payments.length,
        ...nearLimitWarnings(after, hub, input.payments.map((payment) => payment.fromMemberId)),
      }),
    });
  }
}
