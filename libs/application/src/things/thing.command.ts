import { Command } from '@nestjs/cqrs';
import { ThingStatus } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';
import { NearLimitWarning } from '../timebank/near-limit';

import { AddThing, CancelHold, ChangeThing, HoldThing, LendThing, ReturnThing } from '@commons/domain';

type FromEdge<C> = Omit<C, 'actorId' | 'at'>;
/** A thing command as the HTTP edge gives it: who and when come from the context, new ids from the handler. */
export type ThingCommandInput =
  | FromEdge<AddThing>
  | FromEdge<ChangeThing>
  | Omit<FromEdge<HoldThing>, 'holdId'>
  | FromEdge<CancelHold>
  | Omit<FromEdge<LendThing>, 'loanId' | 'transferId'>
  | FromEdge<ReturnThing>;

/** What a thing command answers: the thing's standing after it, and what the command made. */
export interface ThingAnswer {
  thingId: string;
  status: ThingStatus;
  dueAt?: string;
  holdId?: string;
  /** the hold's place in the queue, 1 for the first */
  place?: number;
  loanId?: string;
  /** what the loan cost, paid on the time bank in the same append */
  hours?: { transferId: string; hours: string; paidTo: string };
  warnings?: NearLimitWarning[];
}

/** Every command on a hub's things goes through one handler: they share a stream, its rules and its writer. */
export class RunThingCommand extends Command<CommandResult<ThingAnswer>> {
  constructor(
    readonly hubId: string,
    readonly input: ThingCommandInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
