import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PoolCommand, PoolEvent, PoolState, ReversalCommand, poolDecider, poolStream, savingsOf, scaleOf } from '@commons/domain';
import { CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { PoolResponse, RunPoolCommand } from './pool.command';

/** Refusals: as `decidePool` lists them, per command. */
@CommandHandler(RunPoolCommand)
export class RunPoolCommandHandler implements ICommandHandler<RunPoolCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: RunPoolCommand): Promise<CommandResult<PoolResponse>> {
    const command = { ...input, actorId: context.actor, at: context.at } as PoolEntryCommand;
    return this.ledger.pools.execute(poolStream(hubId), {
      context,
      decide: (state, hub) => poolDecider.decide(command, state, hub),
      respond: (after, events, hub) => respond(command, events as PoolEvent[], after, scaleOf(hub.hub!.currency)),
    });
  }
}

type PoolEntryCommand = Exclude<PoolCommand, ReversalCommand>;

function respond(command: PoolEntryCommand, events: PoolEvent[], after: PoolState, scale: number): PoolResponse {
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
