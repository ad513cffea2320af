/**
 * Two and three server processes on one store (a SQLite file; a PostgreSQL database), each with
 * its own read models: a keyed command sent to every instance at once is recorded once and
 * answered alike, a change of who may act made on one instance holds on the others at their next
 * request, and concurrent payments through all of them keep the credit limit.
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ThrowawayDatabase, throwawayDatabase } from '../support/postgres';
import { ADMIN, SharedStore, call, instanceDirs, startInstance, stopInstance } from './instances';

const ROUNDS = 50;

function describeInstances(kind: SharedStore['kind'], count: number): void {
  describe(`${count} API instances on one ${kind === 'sqlite' ? 'SQLite file' : 'PostgreSQL database'}`, () => {
    let dir: string;
    let database: ThrowawayDatabase | null = null;
    let servers: ChildProcess[] = [];
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    const hub = `h${count}`;
    let members: Record<string, string> = {};

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `commons-${kind}-${count}-`));
      let store: SharedStore;
      if (kind === 'sqlite') store = { kind, eventsFile: join(dir, 'events.sqlite') };
      else {
        database = await throwawayDatabase(`instances${count}`);
        store = { kind, url: database.url };
      }
      servers = [];
      for (const [i, dataDir] of instanceDirs(dir, count).entries()) servers.push(await startInstance(dataDir, store, ports[i]));

      expect((await call(ports[0], 'POST', '/hubs', ADMIN, { hubId: hub, name: 'Hill Farm', currency: 'USD', timeBank: { defaultCreditLimit: '10' } })).status).toBe(201);
      members = {};
      for (const [memberId, roles] of [['payer', ['member']], ['payee', ['member']], ['sam', ['member']], ['rita', ['member']], ['cora', ['coordinator']], ['many', ['member']], ['ann', ['member']], ['bob', ['member']], ['cody', ['coordinator']], ['tess', ['treasurer']], ['tom', ['treasurer']]] as const) {
        const enrolled = await call(ports[0], 'POST', `/hubs/${hub}/members`, ADMIN, { memberId, displayName: memberId, roles, creditLimit: memberId === 'many' ? '100' : undefined });
        expect(enrolled.status).toBe(201);
        members[memberId] = enrolled.body.token;
      }
      // every instance has the hub in its cache before anything changes: a stale cache would show
      for (const port of ports) for (const memberId of Object.keys(members)) expect((await call(port, 'GET', `/hubs/${hub}/me`, members[memberId])).status).toBe(200);
    });
    afterAll(async () => {
      for (const server of servers) await stopInstance(server);
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`records a keyed transfer sent to every instance at once exactly once, ${ROUNDS} times, every instance answering the same body`, async () => {
      let last = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const key = `round-${round}`;
        const replies = await Promise.all(
          ports.map((port) =>
            call(port, 'POST', `/hubs/${hub}/timebank/transfers`, members.many, { fromMemberId: 'many', toMemberId: 'payee', hours: '0.5', memo: key }, { 'idempotency-key': key }),
          ),
        );
        expect(replies.map((reply) => reply.status)).toEqual(ports.map(() => 201));
        for (const reply of replies) expect(reply.body).toEqual(replies[0].body);
        last = replies[0].body.position;
      }
      for (const port of ports) {
        const statement = await call(port, 'GET', `/hubs/${hub}/members/many/statement?minPosition=${last}`, members.many);
        expect(statement.status).toBe(200);
        const memos = (statement.body.entries as Array<{ memo?: string }>).map((entry) => entry.memo);
        expect(memos.filter((memo) => memo?.startsWith('round-'))).toHaveLength(ROUNDS);
        expect(new Set(memos).size).toBe(memos.length);
        const balance = await call(port, 'GET', `/hubs/${hub}/members/many/balance`, members.many);
        expect(balance.body.hours.balance).toBe((-ROUNDS / 2).toFixed(2));
      }
    });

    it('honours a suspension, a new token and a demotion made on one instance at the others’ very next request', async () => {
      const [first, ...others] = ports;
      expect((await call(first, 'PATCH', `/hubs/${hub}/members/sam`, ADMIN, { status: 'suspended' })).status).toBe(200);
      for (const port of others) expect((await call(port, 'GET', `/hubs/${hub}/me`, members.sam)).status).toBe(401);

      const rotated = await call(first, 'POST', `/hubs/${hub}/members/rita/token`, members.rita, {});
      expect(rotated.status).toBe(201);
      for (const port of others) {
        expect((await call(port, 'GET', `/hubs/${hub}/me`, members.rita)).status).toBe(401);
        expect((await call(port, 'GET', `/hubs/${hub}/me`, rotated.body.token)).status).toBe(200);
      }

      expect((await call(first, 'PATCH', `/hubs/${hub}/members/cora`, ADMIN, { roles: ['member'] })).status).toBe(200);
      for (const [i, port] of others.entries()) {
        const enrol = await call(port, 'POST', `/hubs/${hub}/members`, members.cora, { memberId: `newbie-${i}`, displayName: 'New', roles: ['treasurer'] });
        expect(enrol.status).toBe(403);
        // nothing was enrolled: the admin can still enrol that id
        expect((await call(port, 'POST', `/hubs/${hub}/members`, ADMIN, { memberId: `newbie-${i}`, displayName: 'New', roles: ['member'] })).status).toBe(201);
      }
    });

    it('accepts exactly 10 of 40 concurrent one-hour payments against a 10-hour limit, spread over the instances', async () => {
      const replies = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          call(ports[i % count], 'POST', `/hubs/${hub}/timebank/transfers`, members.payer, { fromMemberId: 'payer', toMemberId: 'payee', hours: '1' }),
        ),
      );
      expect(replies.filter((r) => r.status !== 201 && r.status !== 422)).toEqual([]); // shows any other answer whole
      expect(replies.filter((r) => r.status === 201)).toHaveLength(10);
      const last = Math.max(...replies.filter((r) => r.status === 201).map((r) => r.body.position));
      for (const port of ports) {
        const balance = await call(port, 'GET', `/hubs/${hub}/members/payer/balance?minPosition=${last}`, members.payer);
        expect(balance.body.hours.balance).toBe('-10.00');
      }
    });


    it('applies a reversal confirmed through every instance at once exactly once, and a change to an officer too', async () => {
      const { ann, bob, cody, tess, tom } = members;
      const paid = await call(ports[0], 'POST', `/hubs/${hub}/timebank/transfers`, ann, { fromMemberId: 'ann', toMemberId: 'bob', hours: '3' });
      const proposal = await call(ports[1], 'POST', `/hubs/${hub}/reversals`, ann, { position: paid.body.position, reason: 'twice' });
      const confirmations = await Promise.all(ports.map((port) => call(port, 'POST', `/hubs/${hub}/reversals/${proposal.body.reversalId}/confirmation`, bob, {})));
      expect(confirmations.filter((r) => r.status === 201)).toHaveLength(1);
      expect(confirmations.filter((r) => r.status === 409)).toHaveLength(count - 1);
      const applied = confirmations.find((r) => r.status === 201)!.body.position;
      for (const port of ports) {
        expect((await call(port, 'GET', `/hubs/${hub}/members/bob/balance?minPosition=${applied}`, bob)).body.hours.balance).toBe('0.00');
      }

      const change = await call(ports[0], 'PATCH', `/hubs/${hub}/members/ann`, cody, { roles: ['member', 'treasurer'] });
      expect(change.status).toBe(202);
      const decisions = await Promise.all([
        call(ports[0], 'POST', `/hubs/${hub}/member-changes/${change.body.changeId}/confirmation`, tess, {}),
        call(ports[1], 'POST', `/hubs/${hub}/member-changes/${change.body.changeId}/confirmation`, tom, {}),
      ]);
      expect(decisions.map((r) => r.status).sort()).toEqual([201, 404]);
      // the grant made on one instance is honoured by every other at once
      for (const port of ports) expect((await call(port, 'GET', `/hubs/${hub}/me`, ann)).body.roles).toEqual(['member', 'treasurer']);
    });
  });
}

describeInstances('sqlite', 2);
describeInstances('sqlite', 3);
describeInstances('postgres', 2);
describeInstances('postgres', 3);
