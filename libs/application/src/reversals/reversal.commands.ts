import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';

export interface ReversalAnswer {
  reversalId: string;
  status: 'proposed' | 'applied' | 'rejected';
}

/** Proposes to reverse the entry a command answered with `position`. */
export class ProposeReversalCommand extends Command<CommandResult<ReversalAnswer>> {
  constructor(
    readonly hubId: string,
    readonly position: number,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ConfirmReversalCommand extends Command<CommandResult<ReversalAnswer>> {
  constructor(
    readonly hubId: string,
    readonly reversalId: string,
    readonly note: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RejectReversalCommand extends Command<CommandResult<ReversalAnswer>> {
  constructor(
    readonly hubId: string,
    readonly reversalId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
