import { join } from 'node:path';
import Database from 'better-sqlite3';
import { READ_MODEL_LAYOUT } from '@commons/projections';
import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

describe('time bank over HTTP', () => {
  let server: TestServer;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    server = await TestServer.start();
    tokens = await hubWithMembers(server, 'laurel-fork', [
      { memberId: 'alice' },
      { memberId: 'bob' },
      { memberId: 'carol', creditLimit: '2' },
      { memberId: 'cora', roles: ['member', 'coordinator'] },
      { memberId: 'tess', roles: ['treasurer'] },
      { memberId: 'audrey', roles: ['auditor'] },
    ]);
  });
  afterAll(() => server.stop());

  const transfers = '/hubs/laurel-fork/timebank/transfers';
  const balanceOf = async (memberId: string, position = 0) =>
    (await server.get(`/hubs/laurel-fork/members/${memberId}/balance?minPosition=${position}`, ADMIN)).body;

  it('records a payment and shows both balances and a statement with a running balance', async () => {
    const first = await server.post(transfers, { fromMemberId: 'alice', toMemberId: 'bob', hours: '2.5', memo: 'childcare' }, tokens.alice);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ transferId: expect.any(String), position: expect.any(Number) });
    const second = await server.post(transfers, { fromMemberId: 'bob', toMemberId: 'alice', hours: '1', memo: 'firewood' }, tokens.bob);
    expect(second.status).toBe(201);

    expect(await balanceOf('alice', second.body.position)).toEqual({
      memberId: 'alice',
      hours: { balance: '-1.50', creditLimit: '10.00', available: '8.50', nearLimit: false },
      savings: { balance: '0.00' },
      loans: { outstanding: '0.00' },
    });
    expect((await balanceOf('bob')).hours.balance).toBe('1.50');

    const statement = await server.get(`/hubs/laurel-fork/members/alice/statement?account=hours`, tokens.alice);
    expect(statement.status).toBe(200);
    expect(statement.body.entries.map((e: any) => [e.type, e.counterparty, e.memo, e.amount, e.balance])).toEqual([
      ['HoursPaid', 'bob', 'childcare', '-2.50', '-2.50'],
      ['HoursPaid', 'bob', 'firewood', '1.00', '-1.50'],
    ]);
    expect(statement.body.entries[0]).toMatchObject({ reference: first.body.transferId, at: expect.any(String) });
  });

  it.each([
    ['three decimal places', '1.234'],
    ['a negative amount', '-1'],
    ['zero', '0'],
    ['a number instead of a string', 1.5],
    ['an exponent', '1e2'],
    ['an empty string', ''],
  ])('refuses %s with 400 validation_failed and records nothing', async (_case, hours) => {
    const before = await server.get('/health');
    const reply = await server.post(transfers, { fromMemberId: 'alice', toMemberId: 'bob', hours }, tokens.alice);
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 400, code: 'validation_failed', type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    expect((await server.get('/health')).body.position).toBe(before.body.position);
  });

  it('refuses an unknown field with 400', async () => {
    const reply = await server.post(transfers, { fromMemberId: 'alice', toMemberId: 'bob', hours: '1', balance: '100' }, tokens.alice);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('validation_failed');
    expect(reply.body.detail).toContain('balance');
  });

  it("refuses to pay from another member's account with 403", async () => {
    const reply = await server.post(transfers, { fromMemberId: 'bob', toMemberId: 'alice', hours: '1' }, tokens.alice);
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('forbidden');
  });

  it('lets a coordinator record a payment for members', async () => {
    const reply = await server.post(transfers, { fromMemberId: 'bob', toMemberId: 'carol', hours: '0.5' }, tokens.cora);
    expect(reply.status).toBe(201);
  });

  it('does not let a treasurer or auditor move hours between members', async () => {
    for (const token of [tokens.tess, tokens.audrey]) {
      expect((await server.post(transfers, { fromMemberId: 'bob', toMemberId: 'carol', hours: '0.5' }, token)).status).toBe(403);
    }
  });

  it('answers 404 for an unknown member', async () => {
    const pay = await server.post(transfers, { fromMemberId: 'alice', toMemberId: 'zed', hours: '1' }, tokens.alice);
    expect(pay.status).toBe(404);
    expect(pay.body.code).toBe('not_found');
    expect((await server.get('/hubs/laurel-fork/members/zed/balance', ADMIN)).status).toBe(404);
  });

  it("shows a member their own balance but not another member's", async () => {
    expect((await server.get('/hubs/laurel-fork/members/alice/balance', tokens.alice)).status).toBe(200);
    const other = await server.get('/hubs/laurel-fork/members/bob/balance', tokens.alice);
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain('balance"');
    for (const token of [tokens.cora, tokens.tess, tokens.audrey]) {
      expect((await server.get('/hubs/laurel-fork/members/bob/balance', token)).status).toBe(200);
    }
  });

  it("refuses a payment past the payer's own credit limit with 422 credit_limit_exceeded", async () => {
    const reply = await server.post(transfers, { fromMemberId: 'carol', toMemberId: 'bob', hours: '3' }, tokens.carol);
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('credit_limit_exceeded');
  });

  it('accepts exactly 10 of 40 concurrent one-hour payments from a member whose limit is 10 hours', async () => {
    await hubWithMembers(server, 'race', [{ memberId: 'payer' }, { memberId: 'payee' }]);
    const tokens2 = await hubWithMembers(server, 'race-2', [{ memberId: 'payer' }, { memberId: 'payee' }]);
    const replies = await Promise.all(
      Array.from({ length: 40 }, () =>
        server.post('/hubs/race-2/timebank/transfers', { fromMemberId: 'payer', toMemberId: 'payee', hours: '1' }, tokens2.payer),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(30);
    expect(replies.filter((r) => r.status === 422).every((r) => r.body.code === 'credit_limit_exceeded')).toBe(true);
    const last = Math.max(...replies.filter((r) => r.status === 201).map((r) => r.body.position));
    const balance = await server.get(`/hubs/race-2/members/payer/balance?minPosition=${last}`, ADMIN);
    expect(balance.body.hours).toEqual({ balance: '-10.00', creditLimit: '10.00', available: '0.00', nearLimit: false });
  });

  it("refuses a payment that would take the payee past the hub's maximum balance", async () => {
    const capped = await hubWithMembers(server, 'capped', [{ memberId: 'a' }, { memberId: 'b' }], {
      defaultCreditLimit: '10',
      maxBalance: '3',
    });
    const reply = await server.post('/hubs/capped/timebank/transfers', { fromMemberId: 'a', toMemberId: 'b', hours: '3.5' }, capped.a);
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('balance_limit_exceeded');
  });

  it('answers a balance as of a past moment from history', async () => {
    const asOf = await hubWithMembers(server, 'history', [{ memberId: 'ann' }, { memberId: 'ben' }]);
    const pay = (hours: string) =>
      server.post('/hubs/history/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours }, asOf.ann);
    server.clock.set('2026-04-01T10:00:00.000Z');
    await pay('1');
    server.clock.set('2026-04-02T10:00:00.000Z');
    await server.call('PATCH', '/hubs/history/members/ann', { token: ADMIN, body: { creditLimit: '20' } });
    const last = await pay('2.25');
    const at = (moment: string) =>
      server.get(`/hubs/history/members/ann/balance?asOf=${moment}&minPosition=${last.body.position}`, ADMIN);
    expect((await at('2026-04-01T09:59:59Z')).body.hours).toEqual({ balance: '0.00', creditLimit: '10.00', available: '10.00', nearLimit: false });
    expect((await at('2026-04-01T12:00:00Z')).body).toMatchObject({
      asOf: '2026-04-01T12:00:00.000Z',
      hours: { balance: '-1.00', creditLimit: '10.00', available: '9.00', nearLimit: false },
    });
    expect((await at('2026-04-03T00:00:00Z')).body.hours).toEqual({ balance: '-3.25', creditLimit: '20.00', available: '16.75', nearLimit: false });
    expect((await server.get('/hubs/history/members/ann/balance?asOf=yesterday', ADMIN)).status).toBe(400);
  });

  it('keeps every balance across a restart', async () => {
    const before = await balanceOf('alice');
    const bob = await balanceOf('bob');
    await server.restart();
    expect(await balanceOf('alice')).toEqual(before);
    expect(await balanceOf('bob')).toEqual(bob);
    const after = await server.post(transfers, { fromMemberId: 'alice', toMemberId: 'bob', hours: '1' }, tokens.alice);
    expect(after.status).toBe(201);
    expect((await balanceOf('alice', after.body.position)).hours.balance).toBe('-2.50');
  });

  it('builds read models of an older layout again at start, from the events, with the same answers', async () => {
    const statement = async () => (await server.get('/hubs/laurel-fork/members/alice/statement?account=hours', tokens.alice)).body;
    const before = { alice: await balanceOf('alice'), bob: await balanceOf('bob'), statement: await statement() };
    await server.restart(() => {
      const db = new Database(join(server.dataDir, 'read-models.sqlite'));
      db.prepare("UPDATE accounts SET balance = '999.00'").run(); // what the old layout says must not count
      db.pragma(`user_version = ${READ_MODEL_LAYOUT - 1}`);
      db.close();
    });
    expect(await balanceOf('alice')).toEqual(before.alice);
    expect(await balanceOf('bob')).toEqual(before.bob);
    expect(await statement()).toEqual(before.statement);
    expect(before.statement.entries.length).toBeGreaterThan(1);
  });
});
