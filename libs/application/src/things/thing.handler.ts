import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { ThingCommand, ThingEvent, ThingsState, loanPayment, thingStandingAt, thingsDecider, thingsStream, timeBankDecider } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { nearLimitWarnings } from '../timebank/near-limit';
import { RunThingCommand, ThingAnswer, ThingCommandInput } from './thing.command';
import { ThingsDecisionContext } from './things-context';

/**
 * Refusals: as `decideThings` lists them. A loan of a thing that costs hours pays them on the
 * time bank in the same append as the loan, so lending and the time bank never disagree.
 */
@CommandHandler(RunThingCommand)
export class RunThingCommandHandler implements ICommandHandler<RunThingCommand> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId, input, context }: RunThingCommand): Promise<CommandResult<ThingAnswer>> {
    const command = commandOf(input, context);
    return this.ledger.things.execute(thingsStream(hubId), {
      context,
      decide: (state, decision) => {
        const events = thingsDecider.decide(command, state, decision);
        for (const event of events) payForLoan(state, event, decision);
        return events;
      },
      respond: (after, events, decision) => respond(command, after, events as ThingEvent[], decision),
    });
  }
}

function commandOf(input: ThingCommandInput, context: CommandContext): ThingCommand {
  const who = { actorId: context.actor, at: context.at };
  switch (input.type) {
    case 'LendThing':
      return { ...input, ...who, loanId: randomUUID(), transferId: randomUUID() };
    case 'HoldThing':
      return { ...input, ...who, holdId: randomUUID() };
    default:
      return { ...input, ...who };
  }
}

// the loan's hours join the batch's time-bank events, and its copy of the balances, so the next loan decided in the batch sees them
function payForLoan(before: ThingsState, event: ThingEvent, decision: ThingsDecisionContext): void {
  if (event.type !== 'ThingLent') return;
  const paid = loanPayment(before.things.get(event.data.thingId)!, event);
  if (!paid) return;
  decision.hours.events.push(paid);
  timeBankDecider.evolve(decision.timeBank, paid);
}

function respond(command: ThingCommand, after: ThingsState, events: ThingEvent[], decision: ThingsDecisionContext): ThingAnswer {
  const thing = after.things.get(command.thingId)!;
  const standing = thingStandingAt(thing, command.at);
  const answer: ThingAnswer = { thingId: thing.thingId, status: standing.status, ...(thing.loan ? { dueAt: thing.loan.dueAt } : {}) };
  for (const event of events) {
    if (event.type === 'ThingHeld') {
      answer.holdId = event.data.holdId;
      answer.place = thing.holds.findIndex((hold) => hold.holdId === event.data.holdId) + 1;
    }
    if (event.type === 'ThingLent') {
      answer.loanId = event.data.loanId;
      const { hours, transferId, paidTo } = event.data;
      if (hours !== null && transferId !== null && paidTo !== null) {
        answer.hours = { transferId, hours, paidTo };
        Object.assign(answer, nearLimitWarnings(decision.timeBank, decision.hub, [event.data.memberId]));
      }
    }
  }
  return answer;
}
