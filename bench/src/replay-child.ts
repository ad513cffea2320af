/**
 * One replay or verify in a process of its own, so its peak resident memory is its own and not
 * what earlier phases of the benchmark left behind. Prints one JSON line.
 * Usage: node replay-child.js replay|verify <dataDir>
 */
import { replay, verify } from './replay';

async function main(): Promise<void> {
  const [mode, dataDir] = process.argv.slice(2);
  if (mode !== 'replay' && mode !== 'verify') throw new Error('usage: replay-child replay|verify <dataDir>');
  const result = mode === 'replay' ? await replay(dataDir) : await verify(dataDir);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
