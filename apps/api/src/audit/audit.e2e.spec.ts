import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';
import { eventHash, GENESIS_HASH } from '@commons/event-store';

describe('audit over HTTP', () => {
  let server: TestServer;
  let a: Record<string, string>;
  let b: Record<string, string>;

  beforeAll(async () => {
    server = await TestServer.start();
    a = await hubWithMembers(server, 'alpha', [{ memberId: 'ann' }, { memberId: 'ben' }, { memberId: 'aud', roles: ['auditor'] }]);
    b = await hubWithMembers(server, 'beta', [{ memberId: 'bea' }, { memberId: 'bob' }, { memberId: 'bud', roles: ['auditor'] }]);
    for (let i = 0; i < 5; i += 1) {
      await server.post('/hubs/alpha/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '0.5' }, a.ann);
      await server.post('/hubs/beta/timebank/transfers', { fromMemberId: 'bea', toMemberId: 'bob', hours: '0.25' }, b.bea);
    }
  });
  afterAll(() => server.stop());

  it("pages through a hub's events in order, only that hub's, each chained to the one before", async () => {
    const first = (await server.get('/hubs/alpha/audit/events?limit=4', a.aud)).body;
    expect(first.events).toHaveLength(4);
    const rest = (await server.get(`/hubs/alpha/audit/events?after=${first.next}&limit=1000`, a.aud)).body;
    const events = [...first.events, ...rest.events];
    expect(events).toHaveLength(1 + 3 + 5); // hub, three members, five payments
    expect(rest.next).toBeNull();
    expect(events.every((e: any) => e.streamId.endsWith('-alpha'))).toBe(true);
    const positions = events.map((e: any) => e.position);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    const previous = new Map<string, string>();
    for (const event of events) {
      expect(event.hash).toBe(eventHash(previous.get(event.streamId) ?? GENESIS_HASH, event));
      previous.set(event.streamId, event.hash);
    }
  });

  it('refuses pages larger than 1,000, other hubs and plain members', async () => {
    expect((await server.get('/hubs/alpha/audit/events?limit=1001', a.aud)).status).toBe(400);
    expect((await server.get('/hubs/alpha/audit/events', b.bud)).status).toBe(403);
    expect((await server.get('/hubs/alpha/audit/events', a.ann)).status).toBe(403);
  });

  it('verifies the whole ledger for the admin and its own hub for an auditor', async () => {
    const all = (await server.get('/audit/verify', ADMIN)).body;
    expect(all).toMatchObject({ ok: true, events: 18, problems: [] });
    expect(all.fingerprint).toMatch(/^\d+:[0-9a-f]{64}$/);
    const alpha = (await server.get('/audit/verify', a.aud)).body;
    expect(alpha).toMatchObject({ ok: true, events: 9 });
    expect(alpha.fingerprint).not.toBe(all.fingerprint);
    expect((await server.get('/audit/verify', a.ann)).status).toBe(403);
  });
});
