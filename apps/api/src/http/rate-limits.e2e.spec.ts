import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

describe('rate limits', () => {
  let server: TestServer;
  let t: Record<string, string>;
  beforeAll(async () => {
    server = await TestServer.start({ rateLimits: { tokenWritesPerMinute: 5, hubWritesPerMinute: 100, authFailuresPerMinute: 3 } });
    t = await hubWithMembers(server, 'h', [{ memberId: 'ann' }, { memberId: 'ben' }]);
  });
  afterAll(() => server.stop());

  it('refuses a token past its commands a minute with 429 rate_limited, and records nothing more', async () => {
    const pay = () => server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '0.1' }, t.ann);
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await pay()).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const refused = await pay();
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('rate_limited');
    const statement = await server.get(`/hubs/h/members/ann/statement?minPosition=${(await server.get('/health')).body.position}`, t.ann);
    expect(statement.body.entries).toHaveLength(5);
  });

  it('keeps reads and other tokens going meanwhile', async () => {
    expect((await server.get('/hubs/h/members/ann/balance', t.ann)).status).toBe(200);
    expect((await server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ben', toMemberId: 'ann', hours: '0.1' }, t.ben)).status).toBe(201);
  });

  it('refuses an address for a minute after repeated failed authentications, even with a good token', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await server.get('/hubs/h', `cl_guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const blocked = await server.get('/hubs/h', ADMIN);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
  });
});
