import { ADMIN, TestServer } from '../testing/test-server';

describe('soft limits: a warning before the credit limit', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10', warnAt: '0.8' } }, ADMIN);
    for (const [memberId, displayName, roles] of [['alice', 'Alice Caudill', ['member']], ['bob', 'Bob Hensley', ['member']], ['cora', 'Cora Slone', ['member', 'coordinator']]] as const) {
      tokens[memberId] = (await server.post('/hubs/lf/members', { memberId, displayName, roles }, ADMIN)).body.token;
    }
  });
  afterAll(() => server.stop());

  const pay = (hours: string) => server.post('/hubs/lf/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours }, tokens.alice);

  it('pays without a word below the share, and with a plain warning at and past it; the balance says nearLimit', async () => {
    const first = await pay('7.5');
    expect(first.status).toBe(201);
    expect(first.body.warnings).toBeUndefined();
    expect((await server.get(`/hubs/lf/members/alice/balance?minPosition=${first.body.position}`, tokens.alice)).body.hours.nearLimit).toBe(false);

    const second = await pay('0.5');
    expect(second.status).toBe(201);
    expect(second.body.warnings).toEqual([{ code: 'near_credit_limit', message: 'Alice Caudill now owes 8.00 of the 10.00 hours they may owe' }]);
    const balance = await server.get(`/hubs/lf/members/alice/balance?minPosition=${second.body.position}`, tokens.alice);
    expect(balance.body.hours).toEqual({ balance: '-8.00', creditLimit: '10.00', available: '2.00', nearLimit: true });
    // the receiver is nowhere near
    expect((await server.get('/hubs/lf/members/bob/balance', tokens.bob)).body.hours.nearLimit).toBe(false);
    // the hard limit still holds
    expect((await pay('2.5')).body.code).toBe('credit_limit_exceeded');
  });

  it('is changed by a coordinator, and turned off with null', async () => {
    const changed = await server.call('PATCH', '/hubs/lf', { token: tokens.cora, body: { timeBank: { warnAt: '0.9' } } });
    expect(changed.status).toBe(200);
    expect(changed.body.timeBank).toEqual({ warnAt: '0.9', requestAutoAcceptDays: null });
    const balance = await server.get(`/hubs/lf/members/alice/balance?minPosition=${changed.body.position}`, tokens.alice);
    expect(balance.body.hours.nearLimit).toBe(false); // 8 of 10 is below 90 %
    const off = await server.call('PATCH', '/hubs/lf', { token: tokens.cora, body: { timeBank: { warnAt: null } } });
    expect(off.body.timeBank.warnAt).toBeNull();
    expect((await pay('1.5')).body.warnings).toBeUndefined();
    for (const warnAt of ['1', '0', '1.5', '0.805', 'high']) {
      const reply = await server.call('PATCH', '/hubs/lf', { token: tokens.cora, body: { timeBank: { warnAt } } });
      expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    }
    expect((await server.call('PATCH', '/hubs/lf', { token: tokens.alice, body: { timeBank: { warnAt: '0.5' } } })).status).toBe(403);
  });
});
