/**
 * Two server processes sharing one SQLite events file, each with its own read models: concurrent
 * payments through both keep every limit, and both read models converge to the same balances.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');
const ADMIN = 'multi-instance-admin-token-0123456789abcdef';

async function startServer(dataDir: string, eventsFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EVENTS_FILE: eventsFile, COMMONS_ADMIN_TOKEN: ADMIN },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 500; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`server on ${port} did not start`);
}

async function call(port: number, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('two API instances on one events file', () => {
  let dir: string;
  let servers: ChildProcess[] = [];
  const ports = [4950 + Math.floor(Math.random() * 20), 4980 + Math.floor(Math.random() * 20)];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'commons-two-'));
    const eventsFile = join(dir, 'events.sqlite');
    servers = [];
    for (const [i, port] of ports.entries()) {
      mkdirSync(join(dir, `instance-${i}`));
      servers.push(await startServer(join(dir, `instance-${i}`), eventsFile, port));
    }
  });
  afterAll(async () => {
    for (const server of servers) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the credit limit across both and converges to the same balances', async () => {
    const [a, b] = ports;
    expect((await call(a, 'POST', '/hubs', ADMIN, { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '10' } })).status).toBe(201);
    const payer = (await call(a, 'POST', '/hubs/h/members', ADMIN, { memberId: 'payer', displayName: 'P', roles: ['member'] })).body.token;
    const payee = (await call(b, 'POST', '/hubs/h/members', ADMIN, { memberId: 'payee', displayName: 'Q', roles: ['member'] })).body.token;

    // 40 one-hour payments, half through each instance, all at once
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call(ports[i % 2], 'POST', '/hubs/h/timebank/transfers', payer, { fromMemberId: 'payer', toMemberId: 'payee', hours: '1' })),
    );
    const statuses = replies.map((r) => r.status);
    expect(replies.filter((r) => r.status !== 201 && r.status !== 422)).toEqual([]); // shows any other answer whole
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(30);

    const last = Math.max(...replies.filter((r) => r.status === 201).map((r) => r.body.position));
    for (const port of ports) {
      const payerBalance = await call(port, 'GET', `/hubs/h/members/payer/balance?minPosition=${last}`, payer);
      const payeeBalance = await call(port, 'GET', `/hubs/h/members/payee/balance?minPosition=${last}`, payee);
      expect(payerBalance.body.hours.balance).toBe('-10.00');
      expect(payeeBalance.body.hours.balance).toBe('10.00');
    }
    // a member enrolled through one instance is recognised by the other at once
    expect((await call(b, 'GET', '/hubs/h/members/payer/balance', payer)).status).toBe(200);
  });

  it('applies a reversal confirmed through both instances at once exactly once, and a change to an officer too', async () => {
    const [a, b] = ports;
    expect((await call(a, 'POST', '/hubs', ADMIN, { hubId: 'r', name: 'R', currency: 'USD', timeBank: { defaultCreditLimit: '10' } })).status).toBe(201);
    const enrol = async (memberId: string, roles: string[]) => (await call(a, 'POST', '/hubs/r/members', ADMIN, { memberId, displayName: memberId, roles })).body.token as string;
    const [ann, bob, cody, tess, tom] = [await enrol('ann', ['member']), await enrol('bob', ['member']), await enrol('cody', ['coordinator']), await enrol('tess', ['treasurer']), await enrol('tom', ['treasurer'])];

    const paid = await call(a, 'POST', '/hubs/r/timebank/transfers', ann, { fromMemberId: 'ann', toMemberId: 'bob', hours: '3' });
    const proposal = await call(b, 'POST', '/hubs/r/reversals', ann, { position: paid.body.position, reason: 'twice' });
    const confirmations = await Promise.all(ports.map((port) => call(port, 'POST', `/hubs/r/reversals/${proposal.body.reversalId}/confirmation`, bob, {})));
    expect(confirmations.map((r) => r.status).sort()).toEqual([201, 409]);
    const applied = confirmations.find((r) => r.status === 201)!.body.position;
    for (const port of ports) {
      expect((await call(port, 'GET', `/hubs/r/members/bob/balance?minPosition=${applied}`, bob)).body.hours.balance).toBe('0.00');
    }

    const change = await call(a, 'PATCH', '/hubs/r/members/ann', cody, { roles: ['member', 'treasurer'] });
    expect(change.status).toBe(202);
    const decisions = await Promise.all([
      call(a, 'POST', `/hubs/r/member-changes/${change.body.changeId}/confirmation`, tess, {}),
      call(b, 'POST', `/hubs/r/member-changes/${change.body.changeId}/confirmation`, tom, {}),
    ]);
    expect(decisions.map((r) => r.status).sort()).toEqual([201, 404]);
    // the grant made on one instance is honoured by the other
    expect((await call(b, 'GET', '/hubs/r/me', ann)).body.roles).toEqual(['member', 'treasurer']);
  });
});

