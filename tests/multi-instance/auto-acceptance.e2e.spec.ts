/**
 * The ledger's own acceptance of a request that fell due, with two server processes starting on
 * one store at once: each sweeps as soon as its read models have caught up, and the request is
 * accepted exactly once, as the system. The history is written first, on the clock of three weeks
 * ago, as a hub that ran then would have written it: the servers run on the real clock.
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, Ledger } from '@commons/application';
import { HubCommand, TimeBankCommand, hubDecider, hubStream, timeBankDecider, timeBankStream } from '@commons/domain';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@commons/event-store';
import { ThrowawayDatabase, throwawayDatabase } from '../support/postgres';
import { ADMIN, SharedStore, call, instanceDirs, startInstance, stopInstance } from './instances';

const DAY = 24 * 60 * 60 * 1000;
const SWEEP_WAIT_MS = 30_000;

async function writeHistory(store: EventStore): Promise<void> {
  const ledger = new Ledger(store);
  const start = Date.now() - 21 * DAY;
  const context = (after: number): CommandContext => ({ actor: 'admin', correlationId: 'history', at: new Date(start + after).toISOString() });
  const hub: HubCommand[] = [
    { type: 'CreateHub', actorId: 'admin', hubId: 'h', name: 'Hill Farm', currency: 'USD', defaultCreditLimit: '10', requestAutoAcceptDays: 14, at: context(0).at },
    ...['alice', 'bob'].map((memberId): HubCommand => ({ type: 'EnrolMember', changeId: memberId, actorId: 'admin', memberId, displayName: memberId, roles: ['member'], tokenHash: memberId, at: context(1).at })),
  ];
  for (const command of hub) await ledger.hubs.execute(hubStream('h'), { context: context(0), respond: () => undefined, decide: (s) => hubDecider.decide(command, s) });
  // one asked three weeks ago (due a week ago), one asked yesterday (due in 13 days)
  const asks: Array<[string, number]> = [['hay', 2 * 60_000], ['fence', 20 * DAY]];
  for (const [requestId, after] of asks) {
    const command: TimeBankCommand = { type: 'RequestHours', requestId, fromMemberId: 'alice', toMemberId: 'bob', hours: '2', memo: requestId, actorId: 'bob', at: context(after).at };
    await ledger.timeBanks.execute(timeBankStream('h'), { context: context(after), respond: () => undefined, decide: (s, h) => timeBankDecider.decide(command, s, h) });
  }
}

/** A counter of one instance's /metrics, 0 until it first counts. */
async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

function describeAutoAcceptance(kind: SharedStore['kind']): void {
  describe(`a request that fell due, two server processes starting on one ${kind === 'sqlite' ? 'SQLite file' : 'PostgreSQL database'}`, () => {
    let dir: string;
    let database: ThrowawayDatabase | null = null;
    let servers: ChildProcess[] = [];
    const base = 40_000 + Math.floor(Math.random() * 10_000);
    const ports = [base, base + 1];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `commons-auto-${kind}-`));
      let store: SharedStore;
      let writer: EventStore;
      if (kind === 'sqlite') {
        store = { kind, eventsFile: join(dir, 'events.sqlite') };
        writer = new SqliteEventStore({ file: store.eventsFile });
      } else {
        database = await throwawayDatabase('autoaccept');
        store = { kind, url: database.url };
        writer = await PostgresEventStore.open({ connectionString: database.url });
      }
      await writeHistory(writer);
      await writer.close();
      servers = await Promise.all(instanceDirs(dir, 2).map((dataDir, i) => startInstance(dataDir, store, ports[i])));
    });
    afterAll(async () => {
      for (const server of servers) await stopInstance(server);
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is accepted exactly once, as the system, once both have swept; the request not yet due waits', async () => {
      const deadline = Date.now() + SWEEP_WAIT_MS;
      const sweeps = async () => Promise.all(ports.map((port) => metric(port, 'commons_auto_acceptance_sweeps_total')));
      while ((await sweeps()).some((n) => n < 1)) {
        if (Date.now() > deadline) throw new Error(`the instances did not both sweep within ${SWEEP_WAIT_MS} ms: ${await sweeps()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const accepted = await Promise.all(ports.map((port) => metric(port, 'commons_hour_requests_auto_accepted_total')));
      expect(accepted.reduce((a, b) => a + b, 0)).toBe(1);

      for (const port of ports) {
        const position = (await call(port, 'GET', '/health', ADMIN)).body.position;
        const events = (await call(port, 'GET', `/hubs/h/audit/events?limit=100&minPosition=${position}`, ADMIN)).body.events as Array<{ type: string; data: any; metadata: any }>;
        expect(events.filter((e) => e.type === 'HourRequestAccepted').map((e) => [e.data.requestId, e.data.acceptedBy, e.metadata.actor])).toEqual([['hay', 'system', 'system']]);
        expect(events.filter((e) => e.type === 'HoursPaid').map((e) => [e.data.requestId, e.data.hours])).toEqual([['hay', '2.00']]);
        const pending = await call(port, 'GET', '/hubs/h/timebank/requests?status=pending', ADMIN);
        expect(pending.body.requests.map((r: { requestId: string }) => r.requestId)).toEqual(['fence']);
        expect((await call(port, 'GET', `/hubs/h/members/alice/balance?minPosition=${position}`, ADMIN)).body.hours.balance).toBe('-2.00');
      }
    });
  });
}

describeAutoAcceptance('sqlite');
describeAutoAcceptance('postgres');
