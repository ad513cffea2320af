import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { HubState, ImportDecision, ImportTimeBank, LinesRefused, TimeBankState, decideImport, hubStream, timeBankStream } from '@commons/domain';
import { CommandContext, CommandResult } from '../command-context';
import { Ledger } from '../ledger';
import { hashToken, newToken } from '../tokens';
import { ImportAnswer, ImportInput, ImportTimeBankCommand } from './import.command';
import { readImportFiles } from './import-files';

/** Refusals: forbidden (not the admin), not_found (hub), validation_failed (LinesRefused: every bad line). */
@CommandHandler(ImportTimeBankCommand)
export class ImportTimeBankHandler implements ICommandHandler<ImportTimeBankCommand> {
  constructor(private readonly ledger: Ledger) {}

  execute({ hubId, input, context }: ImportTimeBankCommand): Promise<CommandResult<ImportAnswer>> {
    return importTimeBank(this.ledger, hubId, input, context);
  }
}

/**
 * Reads the files, checks every line, and records the members and their opening balances in one
 * append (or, dry, only checks). The CLI calls this too, on the same store the server uses.
 */
export async function importTimeBank(ledger: Ledger, hubId: string, input: ImportInput, context: CommandContext): Promise<CommandResult<ImportAnswer>> {
  const files = readImportFiles(input.members, input.balances);
  const tokens = new Map(files.members.map((line) => [line.memberId, newToken()]));
  const command: ImportTimeBank = {
    type: 'ImportTimeBank',
    importId: files.importId,
    members: files.members.map((line) => ({ ...line, tokenHash: hashToken(tokens.get(line.memberId)!) })),
    balances: files.balances.map((line) => ({ ...line, transferId: randomUUID() })),
    actorId: context.actor,
    at: context.at,
  };
  const answer = (members: number, balances: number, alreadyImported: boolean): ImportAnswer => ({
    importId: files.importId,
    hubId,
    members,
    balances,
    dryRun: input.dryRun === true,
    alreadyImported,
  });
  // the lines that were not even rows join the rules' own refusals, in file and line order
  const decide = (hub: HubState, timeBank: TimeBankState): ImportDecision => {
    let decision: ImportDecision | undefined;
    let ruled: string[] = [];
    // with no member line readable, the rules would only say the file lists none
    if (command.members.length === 0 && files.refused.length > 0) throw new LinesRefused(files.refused);
    try {
      decision = decideImport(command, hub, timeBank);
    } catch (error) {
      if (!(error instanceof LinesRefused)) throw error;
      ruled = error.lines;
    }
    const refused = [...files.refused, ...ruled];
    if (refused.length > 0 || !decision) throw new LinesRefused(inOrder(refused));
    return decision;
  };

  const stream = hubStream(hubId);
  if (input.dryRun) {
    const [hub, timeBank] = await Promise.all([ledger.hubs.snapshot(stream), ledger.timeBanks.snapshot(timeBankStream(hubId))]);
    const earlier = hub.state.imports.get(files.importId);
    if (earlier) return { body: answer(earlier.members, earlier.balances, true), position: await ledger.store.headPosition() };
    const { timeBankEvents } = decide(hub.state, timeBank.state);
    return { body: answer(command.members.length, timeBankEvents.length, false), position: await ledger.store.headPosition() };
  }
  // the hubs' own writer may have enrolled someone since this writer last read the stream
  ledger.imports.invalidate(stream);
  const { body, position } = await ledger.imports.execute(stream, {
    context,
    decide: (state, decision) => {
      const { hubEvents, timeBankEvents } = decide(state, decision.timeBank);
      decision.hours.events.push(...timeBankEvents);
      return hubEvents;
    },
    respond: (after, events) => {
      const record = after.imports.get(files.importId)!;
      return answer(record.members, record.balances, events.length === 0);
    },
  });
  ledger.hubs.invalidate(stream);
  // files imported before hand out no token: the ones recorded went out the first time (a replayed key never gets here)
  if (body.alreadyImported) return { body, position };
  return { body: { ...body, tokens: command.members.map(({ memberId }) => ({ memberId, token: tokens.get(memberId)! })) }, position };
}

const lineOf = (refusal: string) => [refusal.startsWith('balances.csv') ? 1 : 0, Number(/ line (\d+):/.exec(refusal)?.[1] ?? 0)];

function inOrder(refusals: string[]): string[] {
  return [...refusals].sort((a, b) => {
    const [fa, la] = lineOf(a);
    const [fb, lb] = lineOf(b);
    return fa - fb || la - lb;
  });
}
