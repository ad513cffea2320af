import { join } from 'node:path';
import { hubStream, timeBankStream } from '@commons/domain';
import { SqliteEventStore, historyToVerify, verifyHistory } from '@commons/event-store';
import { openReadModelDb, rebuildReadModels } from '@commons/projections';
import { APPEND_CHUNK, benchEvent as event, maxRssMb, perSecond } from './measure';

const MEMBERS = 1000;

/** Where the benchmarks' histories begin. */
export const HISTORY_START = Date.UTC(2025, 0, 1);

export const HISTORY_SPACING_MS = 30_000; // a payment every 30 seconds: a million span a year, so reports as of a moment have a year to choose from

/** Writes a hub of 1,000 members and `payments` time-bank payments straight into a store, from HISTORY_START on. */
export async function writeHistory(dataDir: string, payments: number): Promise<void> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  const at = new Date(HISTORY_START).toISOString();
  const ids = Array.from({ length: MEMBERS }, (_, i) => `member-${String(i).padStart(4, '0')}`);
  await store.append(
    hubStream('bench'),
    [
      event('HubCreated', { hubId: 'bench', name: 'Bench', currency: 'USD', timeBank: { defaultCreditLimit: '100000.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' }, at }, at),
      ...ids.map((memberId) =>
        event('MemberEnrolled', { memberId, displayName: memberId, roles: ['member'], creditLimit: null, tokenHash: `h-${memberId}`, at }, at),
      ),
    ],
    { expectedRevision: 'no_stream' },
  );
  for (let written = 0; written < payments; written += APPEND_CHUNK) {
    const chunk = Array.from({ length: Math.min(APPEND_CHUNK, payments - written) }, (_, k) => {
      const i = written + k;
      const from = ids[(i * 7919) % MEMBERS];
      const to = ids[(i * 7919 + 1 + (i % (MEMBERS - 1))) % MEMBERS];
      const paidAt = new Date(HISTORY_START + i * HISTORY_SPACING_MS).toISOString();
      return event('HoursPaid', { transferId: `t-${i}`, fromMemberId: from, toMemberId: to, hours: '0.25', memo: 'bench', at: paidAt }, paidAt);
    });
    await store.append(timeBankStream('bench'), chunk, { expectedRevision: 'any' });
  }
  await store.close();
}

/**
 * Rebuilds every projection from position 0 into a fresh read-model file, as `commons audit
 * replay` does. Memory is flat when the resident size halfway through is already what it peaks at.
 */
export async function replay(dataDir: string): Promise<{ eventsPerSec: number; events: number; peakMb: number; halfwayMb: number }> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  const db = openReadModelDb(join(dataDir, 'read-models.sqlite'));
  const head = await store.headPosition();
  let halfwayMb = 0;
  const started = process.hrtime.bigint();
  const applied = await rebuildReadModels(store, db, head, (done) => {
    if (done <= head / 2) halfwayMb = Math.max(halfwayMb, Math.round(process.memoryUsage().rss / 1024 / 1024));
  });
  if (applied !== head) throw new Error(`replay applied ${applied} of ${head} events`);
  const eventsPerSec = perSecond(head, started);
  db.close();
  await store.close();
  return { eventsPerSec, events: head, peakMb: maxRssMb(), halfwayMb };
}

/** Recomputes every hash chain of the store, as `commons audit verify` does. */
export async function verify(dataDir: string): Promise<{ eventsPerSec: number; ok: boolean; peakMb: number }> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite'), readonly: true });
  const started = process.hrtime.bigint();
  const report = await verifyHistory(historyToVerify(store), { recordedHeads: await store.streamHeads() });
  const eventsPerSec = perSecond(report.events, started);
  await store.close();
  return { eventsPerSec, ok: report.ok, peakMb: maxRssMb() };
}
