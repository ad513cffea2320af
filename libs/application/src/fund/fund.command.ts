import { Command } from '@nestjs/cqrs';
import { AidCommand, ProjectFinanceCommand } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';

type Commands = AidCommand | ProjectFinanceCommand;
/** An aid or project-money command as the HTTP edge gives it: who and when come from the context. */
export type FundCommandInput = Commands extends infer C ? (C extends Commands ? Omit<C, 'actorId' | 'at'> : never) : never;

/** What such a command answers: the request, transfer, financing or spending it recorded, and the balance it moved. */
export type FundResponse = Record<string, string>;

/** The aid fund's and project money's commands share the hub's fund stream, its rules and its writer. */
export class RunFundCommand extends Command<CommandResult<FundResponse>> {
  constructor(
    readonly hubId: string,
    readonly input: FundCommandInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
