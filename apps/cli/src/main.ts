import { adminImport } from './admin/import.command';
import { adminMigrate } from './admin/migrate.command';
import { CommandSpec, UsageError, parseCommandLine } from './args';
import { auditExport } from './audit/export.command';
import { auditReplay } from './audit/replay.command';
import { auditVerify } from './audit/verify.command';
import { reportFinancing } from './report/financing.command';

const DATA_DIR = { 'data-dir': 'string' } as const;

const COMMANDS: CommandSpec[] = [
  {
    words: 'audit verify',
    usage: `commons audit verify [--fingerprint <position>:<sha-256>] [--json] [--data-dir DIR]
    recompute every hash chain; print events checked, last position and the ledger fingerprint`,
    options: { fingerprint: 'string', json: 'boolean', ...DATA_DIR },
    run: auditVerify,
  },
  {
    words: 'audit replay',
    usage: `commons audit replay [--compare] [--out FILE] [--data-dir DIR]
    rebuild every read model from position 0 into a fresh database; --compare proves it equal to the live one`,
    options: { compare: 'boolean', out: 'string', ...DATA_DIR },
    run: auditReplay,
  },
  {
    words: 'audit export',
    usage: `commons audit export --format csv|jsonl [--hub H] [--out FILE] [--data-dir DIR]
    the whole journal: position, time, hub, stream, type, actor, accounts, amounts, hash, reverses`,
    options: { format: 'string', hub: 'string', out: 'string', ...DATA_DIR },
    run: auditExport,
  },
  {
    words: 'admin migrate',
    usage: `commons admin migrate --to postgres|esdb [--connection URL] | --to sqlite --file FILE [--data-dir DIR]
    copy every event into an empty store, ids, metadata and hashes preserved`,
    options: { to: 'string', connection: 'string', file: 'string', ...DATA_DIR },
    run: adminMigrate,
  },
  {
    words: 'admin import',
    usage: `commons admin import --hub H --members members.csv [--balances balances.csv] [--dry-run] [--data-dir DIR]
    bring an existing time bank's members and opening balances; every bad line listed, nothing written`,
    options: { hub: 'string', members: 'string', balances: 'string', 'dry-run': 'boolean', ...DATA_DIR },
    run: adminImport,
  },
  {
    words: 'report financing',
    usage: `commons report financing --hub H [--as-of DATE] [--from DATE] [--to DATE] [--format table|json|csv] [--data-dir DIR]
    the hub financing report, from history as it stood at --as-of (default now)`,
    options: { hub: 'string', 'as-of': 'string', from: 'string', to: 'string', format: 'string', ...DATA_DIR },
    run: reportFinancing,
  },
];

const USAGE = `usage: commons <command> [options]; commons <command> --help for one
${COMMANDS.map((command) => `  ${command.usage.replace(/\n/g, '\n  ')}`).join('\n')}
environment: DATA_DIR (default ./data)`;

/** Exit codes: 0 done, 1 the check or the command failed, 2 the command line cannot run as written. */
async function main(argv: string[]): Promise<number> {
  let line;
  try {
    line = parseCommandLine(argv, COMMANDS, USAGE);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`commons: ${error.message}\n${error.usage ? `usage: ${error.usage}` : USAGE}\n`);
    return 2;
  }
  if ('help' in line) {
    process.stdout.write(`${line.help}\n`);
    return 0;
  }
  try {
    return await line.command.run(line.options, process.stdout);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`commons: ${error.message}\nusage: ${line.command.usage}\n`);
    return 2;
  }
}

// a reader that stops early (`| head`) is not an error: stop quietly
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`commons: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
