/**
 * The long crash run, outside `npm test`:
 * `npm run test:crash -- --kills 200 [--store postgres --instances 2 --store-kills 5]`.
 */
import { parseArgs } from 'node:util';
import { runCrashCycles } from './crash-harness';

const USAGE = 'usage: npm run test:crash -- --kills N [--store sqlite|postgres] [--instances N] [--store-kills N]\n';

function whole(text: string | undefined, fallback: number, min: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < min) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  return value;
}

let values;
try {
  ({ values } = parseArgs({
    options: { kills: { type: 'string' }, store: { type: 'string' }, instances: { type: 'string' }, 'store-kills': { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const store = values.store ?? 'sqlite';
if (store !== 'sqlite' && store !== 'postgres') {
  process.stderr.write(USAGE);
  process.exit(2);
}
const storeKills = whole(values['store-kills'], 0, 0);
if (storeKills > 0 && store !== 'postgres') {
  process.stderr.write(`--store-kills crashes the PostgreSQL server: it needs --store postgres\n${USAGE}`);
  process.exit(2);
}
const kills = whole(values.kills, 200, 1);
runCrashCycles({ kills: kills + storeKills, store, instances: whole(values.instances, 1, 1), storeKills, log: (line) => process.stdout.write(`${line}\n`) }).then(
  (counts) => {
    process.stdout.write(`crash run passed: ${JSON.stringify(counts)}\n`);
  },
  (error: Error) => {
    process.stderr.write(`crash run FAILED: ${error.message}\n`);
    process.exit(1);
  },
);
