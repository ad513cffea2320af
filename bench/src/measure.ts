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

/** Samples this process's resident memory while `work` runs; returns the peak in MB. */
export async function peakRssMb<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
