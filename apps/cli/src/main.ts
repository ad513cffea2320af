import { UsageError, parseOptions } from './args';
import { auditVerify } from './audit/verify.command';
import { reportFinancing } from './report/financing.command';

const USAGE = `usage: commons <command>
  audit verify [--fingerprint <position>:<sha-256>] [--json] [--data-dir DIR]
      recompute every hash chain; print events checked, last position and the ledger fingerprint
  report financing --hub H [--as-of DATE] [--from DATE] [--to DATE] [--format table|json|csv] [--data-dir DIR]
      the hub financing report, from history as it stood at --as-of (default now)
environment: DATA_DIR (default ./data)`;

async function main(argv: string[]): Promise<number> {
  const { words, options } = parseOptions(argv);
  switch (words.join(' ')) {
    case 'audit verify':
      return auditVerify(options, process.stdout);
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
