import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import Decimal from 'decimal.js';
import { FundCommand, FundEvent, FundState, fundDecider, fundStream, scaleOf } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { FundResponse, RunFundCommand } from './fund.command';

/** Refusals: as the aid and project-finance rules list them, per command. */
@CommandHandler(RunFundCommand)
export class RunFundCommandHandler implements ICommandHandler<RunFundCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: RunFundCommand): Promise<CommandResult<FundResponse>> {
    const command = { ...input, actorId: context.actor, at: context.at } as FundCommand;
    return this.ledger.funds.execute(fundStream(hubId), {
      context,
      decide: (state, hub) => fundDecider.decide(command, state, hub),
      respond: (after, events, hub) => respond(events[0] as FundEvent, after, scaleOf(hub.hub!.currency)),
    });
  }
}

// a response names what was recorded and never echoes `need`
function respond(event: FundEvent, after: FundState, scale: number): FundResponse {
  const money = (value: Decimal) => value.toFixed(scale);
  switch (event.type) {
    case 'FundMoneyMoved':
      return { transferId: event.data.transferId, general: money(after.general), aid: money(after.aid) };
    case 'AidRequested':
      return { requestId: event.data.requestId, memberId: event.data.memberId, amount: event.data.amount, status: 'requested' };
    case 'AidPaid':
      return { requestId: event.data.requestId, amount: event.data.amount, status: 'paid', aidFund: money(after.aid) };
    case 'AidRequestWithdrawn':
      return { requestId: event.data.requestId, status: 'withdrawn' };
    case 'ExternalFinancingRecorded':
    case 'ExternalFinancingRepaid': {
      const financing = after.financing.get(event.data.financingId)!;
      const owed = financing.source === 'grant' ? new Decimal(0) : financing.amount.minus(financing.repaid);
      return { financingId: financing.financingId, projectId: financing.projectId, owed: money(owed) };
    }
    case 'ProjectSpendingRecorded':
      return { spendingId: event.data.spendingId, projectId: event.data.projectId, phase: event.data.phase, amount: event.data.amount };
    default:
      throw new TypeError(`${event.type} is not answered here`);
  }
}
