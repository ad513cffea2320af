/** Small helpers the benchmarks share: timing, resident memory, a temporary data dir. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent } from '@commons/event-store';

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

/** Events written straight into a store by a benchmark's history come this many to an append. */
export const APPEND_CHUNK = 2000;

/** An event as the admin would have recorded it at `at`, for histories written straight into a store. */
export function benchEvent(type: string, data: unknown, at: string): NewEvent {
  return { id: randomUUID(), type, data, metadata: { actor: 'admin', correlationId: 'bench', recordedAt: at, schemaVersion: 1 } };
}

export interface Latency {
  p50: number;
  p99: number;
  count: number;
}

/** The median and the 99th percentile of latencies in ms, to `places` decimals. */
export function latencyOf(samples: number[], places = 1): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const scale = 10 ** places;
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * scale) / scale;
  return { p50: at(0.5), p99: at(0.99), count: sorted.length };
}
