import { Command } from '@nestjs/cqrs';
import { PoolCommand, ReversalCommand } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';

/** A pool command as the HTTP edge gives it: who and when come from the context. */
type PoolEntryCommand = Exclude<PoolCommand, ReversalCommand>;
export type PoolCommandInput = PoolEntryCommand extends infer C ? (C extends PoolEntryCommand ? Omit<C, 'actorId' | 'at'> : never) : never;

/** What a pool command answers: the member's savings after it, or the loan's state after it. */
export type PoolResponse =
  | { memberId: string; savings: string }
  | { loanId: string; status: string; approvals?: number; interest?: string; principal?: string; outstanding?: string };

/** Every pool command goes through one handler: they share a stream, its rules and its writer. */
export class RunPoolCommand extends Command<CommandResult<PoolResponse>> {
  constructor(
    readonly hubId: string,
    readonly input: PoolCommandInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
