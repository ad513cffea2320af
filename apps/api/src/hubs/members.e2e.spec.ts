import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

describe('members over HTTP', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    server = await TestServer.start();
    tokens = await hubWithMembers(server, 'hub', [
      { memberId: 'cora', roles: ['member', 'coordinator'] },
      { memberId: 'alice' },
      { memberId: 'bob' },
    ]);
    await hubWithMembers(server, 'other', [{ memberId: 'olga', roles: ['member', 'coordinator', 'auditor'] }]);
  });
  afterAll(() => server.stop());

  it('gives a new member a 256-bit token once, which then authenticates them', async () => {
    const reply = await server.post('/hubs/hub/members', { memberId: 'dan', displayName: 'Dan', roles: ['member'] }, tokens.cora);
    expect(reply.status).toBe(201);
    expect(reply.body.token).toMatch(/^cl_[A-Za-z0-9_-]{43}$/);
    expect((await server.get('/hubs/hub/members/dan/balance', reply.body.token)).status).toBe(200);
  });

  it('does not let a plain member enrol anyone', async () => {
    const reply = await server.post('/hubs/hub/members', { memberId: 'eve', displayName: 'Eve', roles: ['treasurer'] }, tokens.alice);
    expect(reply.status).toBe(403);
  });

  it("keeps a token to its own hub: another hub's coordinator is refused", async () => {
    const other = await hubWithMembers(server, 'third', [{ memberId: 'tina', roles: ['coordinator', 'auditor'] }]);
    expect((await server.get('/hubs/hub', other.tina)).status).toBe(403);
    expect((await server.get('/hubs/hub/members/alice/balance', other.tina)).status).toBe(403);
    expect((await server.post('/hubs/hub/members', { memberId: 'x', displayName: 'X', roles: ['member'] }, other.tina)).status).toBe(403);
  });

  it("changes a member's credit limit, and the time bank follows it", async () => {
    const changed = await server.call('PATCH', '/hubs/hub/members/alice', { token: tokens.cora, body: { creditLimit: '1' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ memberId: 'alice', creditLimit: '1.00', status: 'active' });
    const pay = await server.post('/hubs/hub/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours: '1.5' }, tokens.alice);
    expect(pay.body.code).toBe('credit_limit_exceeded');
    const balance = await server.get(`/hubs/hub/members/alice/balance?minPosition=${changed.body.position}`, tokens.alice);
    expect(balance.body.hours.creditLimit).toBe('1.00');
  });

  it('suspending a member revokes their token and stops their payments', async () => {
    const suspended = await server.call('PATCH', '/hubs/hub/members/bob', { token: ADMIN, body: { status: 'suspended' } });
    expect(suspended.body.status).toBe('suspended');
    expect((await server.get('/hubs/hub/members/bob/balance', tokens.bob)).status).toBe(401);
    const pay = await server.post('/hubs/hub/timebank/transfers', { fromMemberId: 'bob', toMemberId: 'alice', hours: '1' }, tokens.cora);
    expect(pay.status).toBe(409);
    expect(pay.body.code).toBe('invalid_state');
    await server.call('PATCH', '/hubs/hub/members/bob', { token: ADMIN, body: { status: 'active' } });
    expect((await server.get('/hubs/hub/members/bob/balance', tokens.bob)).status).toBe(200);
  });

  it('refuses to enrol the same member id twice, and an unknown role', async () => {
    const again = await server.post('/hubs/hub/members', { memberId: 'alice', displayName: 'A', roles: ['member'] }, ADMIN);
    expect(again.status).toBe(409);
    const role = await server.post('/hubs/hub/members', { memberId: 'zoe', displayName: 'Z', roles: ['boss'] }, ADMIN);
    expect(role.status).toBe(400);
  });

  it('refuses to change a member who does not exist, or to set a status that is not one', async () => {
    expect((await server.call('PATCH', '/hubs/hub/members/nobody', { token: ADMIN, body: { status: 'active' } })).status).toBe(404);
    expect((await server.call('PATCH', '/hubs/hub/members/alice', { token: ADMIN, body: { status: 'gone' } })).status).toBe(400);
  });
});
