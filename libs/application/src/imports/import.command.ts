import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '../command-context';

/** An existing time bank's files, as the admin sends them (POST /hubs/{hubId}/imports, or `commons admin import`). */
export interface ImportInput {
  /** members.csv: memberId,displayName,roles,contact */
  members: string;
  /** balances.csv: memberId,hours */
  balances?: string;
  /** check every line, write nothing */
  dryRun?: boolean;
}

export interface ImportAnswer {
  importId: string;
  hubId: string;
  members: number;
  balances: number;
  dryRun: boolean;
  /** these files were imported before: nothing was written this time */
  alreadyImported: boolean;
  /** each new member's token, in this answer only (never stored, never replayed) */
  tokens?: Array<{ memberId: string; token: string }>;
}

export class ImportTimeBankCommand extends Command<CommandResult<ImportAnswer>> {
  constructor(
    readonly hubId: string,
    readonly input: ImportInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
