import { adminMigrate } from './admin/migrate.command';
import { UsageError, parseOptions } from './args';
import { auditExport } from './audit/export.command';
import { auditReplay } from './audit/replay.command';
import { auditVerify } from './audit/verify.command';
import { reportFinancing } from './report/financing.command';

const USAGE = `usage: commons <command>
  audit verify [--fingerprint <position>:<sha-256>] [--json] [--data-dir DIR]
      recompute every hash chain; print events checked, last position and the ledger fingerprint
  audit replay [--compare] [--out FILE] [--data-dir DIR]
      rebuild every read model from position 0 into a fresh database; --compare proves it equal to the live one
  audit export --format csv|jsonl [--hub H] [--out FILE] [--data-dir DIR]
      the whole journal: position, time, hub, stream, type, actor, accounts, amounts, hash
  admin migrate --to esdb [--connection URL] | --to sqlite --file FILE [--data-dir DIR]
      copy every event into an empty store, ids, metadata and hashes preserved
  report financing --hub H [--as-of DATE] [--from DATE] [--to DATE] [--format table|json|csv] [--data-dir DIR]
      the hub financing report, from history as it stood at --as-of (default now)
environment: DATA_DIR (default ./data)`;

async function main(argv: string[]): Promise<number> {
  const { words, options } = parseOptions(argv);
  switch (words.join(' ')) {
    case 'audit verify':
      return auditVerify(options, process.stdout);
    case 'audit replay':
      return auditReplay(options, process.stdout);
    case 'audit export':
      return auditExport(options, process.stdout);
    case 'admin migrate':
      return adminMigrate(options, process.stdout);
    case 'report financing':
      return reportFinancing(options, process.stdout);
    case '':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command: ${words.join(' ')}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof UsageError ? `${error.message}\n${USAGE}\n` : `commons: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
