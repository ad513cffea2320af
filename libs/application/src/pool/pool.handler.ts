import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PoolCommand, PoolEvent, PoolState, poolDecider, poolStream, savingsOf, scaleOf } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { PoolResponse, RunPoolCommand } from './pool.command';

/** Refusals: as `decidePool` lists them, per command. */
@CommandHandler(RunPoolCommand)
export class RunPoolCommandHandler implements ICommandHandler<RunPoolCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: RunPoolCommand): Promise<CommandResult<PoolResponse>> {
    const command = { ...input, actorId: context.actor, at: context.at } as PoolCommand;
    let body: PoolResponse | undefined;
    const { position } = await this.ledger.pools.execute(poolStream(hubId), {
      context,
      response: () => ({ status: 201, body }),
      decide: (state, hub) => {
        const events = poolDecider.decide(command, state, hub);
        const after = events.reduce(poolDecider.evolve, poolDecider.copy(state));
        body = respond(command, events, after, scaleOf(hub.hub!.currency));
        return events;
      },
    });
    return { body: body!, position };
  }
}

function respond(command: PoolCommand, events: PoolEvent[], after: PoolState, scale: number): PoolResponse {
  if (command.type === 'DepositSavings' || command.type === 'WithdrawSavings') {
    return { memberId: command.memberId, savings: savingsOf(after, command.memberId).toFixed(scale) };
  }
  const loan = after.loans.get(command.loanId)!;
  const base = { loanId: loan.loanId, status: loan.status };
  switch (command.type) {
    case 'ApproveLoan':
      return { ...base, approvals: loan.approvals.length };
    case 'RepayLoan': {
      const repayment = events.find((e) => e.type === 'LoanRepaymentReceived')!.data as { interest: string; principal: string };
      const outstanding = loan.principal.minus(loan.principalPaid).toFixed(scale);
      return { ...base, interest: repayment.interest, principal: repayment.principal, outstanding };
    }
    default:
      return base;
  }
}
