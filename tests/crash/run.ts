/** `npm run test:crash -- --kills 200`: the long crash run, outside `npm test`. */
import { runCrashCycles } from './crash-harness';

const at = process.argv.indexOf('--kills');
const kills = at >= 0 ? Number(process.argv[at + 1]) : 200;
if (!Number.isInteger(kills) || kills < 1) {
  process.stderr.write('usage: npm run test:crash -- --kills N\n');
  process.exit(2);
}
runCrashCycles(kills, (line) => process.stdout.write(`${line}\n`)).then(
  (counts) => {
    process.stdout.write(`crash run passed: ${JSON.stringify(counts)}\n`);
  },
  (error: Error) => {
    process.stderr.write(`crash run FAILED: ${error.message}\n`);
    process.exit(1);
  },
);
