import { join } from 'node:path';
import { hubStream, timeBankStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';
import { BENCH_ADMIN_TOKEN } from './http';
import { APPEND_CHUNK, Latency, benchEvent as event, latencyOf } from './measure';
import { HISTORY_START as START } from './replay';


/** `hubs` hubs of `members` members and `payments` payments each, a payment every `spacingMs`, straight into a store. */
export async function writeNetwork(dataDir: string, hubs: number, members: number, payments: number, spacingMs: number): Promise<void> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  const at0 = new Date(START).toISOString();
  for (let h = 0; h < hubs; h += 1) {
    const hubId = `hub-${String(h).padStart(3, '0')}`;
    const ids = Array.from({ length: members }, (_, i) => `m${i}`);
    await store.append(
      hubStream(hubId),
      [
        event('HubCreated', { hubId, name: hubId, currency: 'USD', timeBank: { defaultCreditLimit: '100000.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' }, at: at0 }, at0),
        ...ids.map((memberId) => event('MemberEnrolled', { memberId, displayName: memberId, roles: ['member'], creditLimit: null, tokenHash: `h-${hubId}-${memberId}`, at: at0 }, at0)),
      ],
      { expectedRevision: 'no_stream' },
    );
    for (let written = 0; written < payments; written += APPEND_CHUNK) {
      const chunk = Array.from({ length: Math.min(APPEND_CHUNK, payments - written) }, (_, k) => {
        const i = written + k;
        const at = new Date(START + i * spacingMs).toISOString();
        return event('HoursPaid', { transferId: `t-${i}`, fromMemberId: ids[i % members], toMemberId: ids[(i + 1) % members], hours: '0.25', memo: 'bench', at }, at);
      });
      await store.append(timeBankStream(hubId), chunk, { expectedRevision: 'any' });
    }
  }
  await store.close();
}


async function timed(url: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** A moment at random in [start, end], as the API takes it. */
const momentIn = (start: number, end: number) => new Date(start + Math.floor(Math.random() * (end - start))).toISOString();

/** `count` financing reports of hub `hubId`, one after another, for random moments and periods in [start, end]. */
export async function reportLatency(url: string, hubId: string, start: number, end: number, count: number): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const asOf = momentIn(start, end);
    const query = i % 3 === 0 ? '' : i % 3 === 1 ? `?asOf=${asOf}` : `?asOf=${asOf}&from=${momentIn(start, Date.parse(asOf))}`;
    samples.push(await timed(`${url}/hubs/${hubId}/reports/financing${query}`, BENCH_ADMIN_TOKEN));
  }
  return latencyOf(samples);
}

export async function networkReportLatency(url: string, count: number): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) samples.push(await timed(`${url}/reports/network`, BENCH_ADMIN_TOKEN));
  return latencyOf(samples);
}

/**
 * `/health` and balance reads, one after another, while reports (with their CSV), `/audit/verify`
 * and statement pages are asked for in a loop beside them: what a member waits while a treasurer
 * and an auditor work.
 */
export async function healthDuringReports(url: string, hubId: string, memberId: string, start: number, end: number, seconds: number): Promise<{ health: Latency; balance: Latency; heavy: number }> {
  const until = Date.now() + seconds * 1000;
  let heavy = 0;
  const heavyLoop = async (path: () => string, accept = 'application/json') => {
    while (Date.now() < until) {
      const response = await fetch(`${url}${path()}`, { headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, accept } });
      await response.arrayBuffer();
      heavy += 1;
    }
  };
  const health: number[] = [];
  const balance: number[] = [];
  const probe = async () => {
    while (Date.now() < until) {
      health.push(await timed(`${url}/health`, BENCH_ADMIN_TOKEN));
      balance.push(await timed(`${url}/hubs/${hubId}/members/${memberId}/balance`, BENCH_ADMIN_TOKEN));
    }
  };
  await Promise.all([
    heavyLoop(() => `/hubs/${hubId}/reports/financing?asOf=${momentIn(start, end)}`),
    heavyLoop(() => `/hubs/${hubId}/reports/financing?asOf=${momentIn(start, end)}`, 'text/csv'),
    heavyLoop(() => '/audit/verify'),
    heavyLoop(() => `/hubs/${hubId}/members/${memberId}/statement?limit=1000`),
    probe(),
  ]);
  return { health: latencyOf(health), balance: latencyOf(balance), heavy };
}

