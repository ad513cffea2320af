import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ledger, importTimeBank } from '@commons/application';
import { LinesRefused, NotFound } from '@commons/domain';
import { PostgresEventStore, tightenMode } from '@commons/event-store';
import { Options, UsageError } from '../args';
import { dataDirOf, openEventsFile } from '../data-dir';

/**
 * `commons admin import --hub H --members members.csv [--balances balances.csv] [--dry-run]`:
 * the admin's import, on the store the server uses (the server sees it as another instance's
 * write). Each new member's token goes once into a file of mode 0600 in DATA_DIR/imports.
 */
export async function adminImport(options: Options, out: NodeJS.WritableStream): Promise<number> {
  const hubId = required(options, 'hub');
  const members = readText(required(options, 'members'));
  const balancesFile = options.get('balances');
  if (balancesFile === true) throw new UsageError('--balances needs a file');
  const balances = balancesFile === undefined ? undefined : readText(balancesFile);
  const dryRun = options.get('dry-run') === true;

  const store = process.env.EVENT_STORE === 'postgres' ? await openPostgres() : openEventsFile(options, 'write');
  try {
    const ledger = new Ledger(store);
    const context = { actor: 'admin', correlationId: `cli-import-${randomUUID()}`, at: new Date().toISOString() };
    let answer;
    try {
      ({ body: answer } = await importTimeBank(ledger, hubId, { members, balances, dryRun }, context));
    } catch (error) {
      if (error instanceof LinesRefused) {
        process.stderr.write(`commons: nothing was imported: ${counted(error.lines.length, 'line')} refused\n${error.lines.map((line) => `  ${line}\n`).join('')}`);
        return 1;
      }
      if (error instanceof NotFound) {
        process.stderr.write(`commons: there is no hub ${hubId}\n`);
        return 1;
      }
      throw error;
    }
    const counts = `${counted(answer.members, 'member')} and ${counted(answer.balances, 'opening balance')}`;
    if (answer.alreadyImported) {
      out.write(`these files were imported already (import ${answer.importId}: ${counts}); nothing was written\n`);
    } else if (dryRun) {
      out.write(`every line is fine: ${counts} would be imported into ${hubId} (import ${answer.importId}); nothing was written\n`);
    } else {
      const file = tokensFile(options, hubId, answer.importId);
      writeFileSync(file, `memberId,token\n${answer.tokens!.map(({ memberId, token }) => `${memberId},${token}\n`).join('')}`, { mode: 0o600, flag: 'wx' });
      tightenMode(file, 0o600);
      out.write(`imported ${counts} into ${hubId} (import ${answer.importId})\n`);
      out.write(`each new member's token is in ${file} (mode 0600), and nowhere else: hand each member theirs, then delete the file\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

const counted = (n: number, thing: string) => `${n} ${thing}${n === 1 ? '' : 's'}`;

function required(options: Options, name: string): string {
  const value = options.get(name);
  if (typeof value !== 'string') throw new UsageError(`--${name} is required`);
  return value;
}

function readText(file: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function openPostgres(): Promise<PostgresEventStore> {
  const url = process.env.POSTGRES_URL;
  if (!url) throw new UsageError('EVENT_STORE=postgres needs POSTGRES_URL');
  return PostgresEventStore.open({ connectionString: url });
}

function tokensFile(options: Options, hubId: string, importId: string): string {
  const dir = join(dataDirOf(options), 'imports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tightenMode(dir, 0o700);
  return join(dir, `${hubId}-${importId.slice(0, 12)}-tokens.csv`);
}
