/** Small helpers the benchmarks share: timing, resident memory, a temporary data dir. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `commons-bench-${name}-`));
}

export function perSecond(count: number, startedNs: bigint): number {
  const seconds = Number(process.hrtime.bigint() - startedNs) / 1e9;
  return Math.round(count / seconds);
}

/** The most resident memory this process has held so far, in MB: run a phase in its own process to measure it alone. */
export function maxRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
