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

  it('refuses an address for a minute after repeated failed authentications, but never a valid token', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await server.get('/hubs/h', `cl_guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const blocked = await server.get('/hubs/h', 'cl_guess-again');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    // the admin and a member at the same address (a hub's shared NAT) carry on
    expect((await server.get('/hubs/h', ADMIN)).status).toBe(200);
    expect((await server.get('/hubs/h/members/ann/balance', t.ann)).status).toBe(200);
    expect((await server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ben', toMemberId: 'ann', hours: '0.1' }, t.ben)).status).toBe(201);
    expect((await server.get('/hubs/h')).status).toBe(429);
  });
});

describe('TRUST_PROXY', () => {
  const guess = (server: TestServer, forwardedFor: string) =>
    fetch(`${server.url}/hubs/h`, { headers: { authorization: 'Bearer cl_guess', 'x-forwarded-for': forwardedFor } }).then((r) => r.status);
  const limits = { tokenWritesPerMinute: 5, hubWritesPerMinute: 100, authFailuresPerMinute: 2 };

  it('off (the default): a client cannot choose its own address with X-Forwarded-For', async () => {
    const server = await TestServer.start({ rateLimits: limits });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push(await guess(server, `10.0.0.${i}`));
      expect(statuses).toEqual([401, 401, 429, 429]);
    } finally {
      await server.stop();
    }
  });

  it('on: behind one proxy, each client behind it is counted apart', async () => {
    const server = await TestServer.start({ rateLimits: limits, trustProxy: 1 });
    try {
      const first = [];
      for (let i = 0; i < 3; i += 1) first.push(await guess(server, '10.0.0.1'));
      expect(first).toEqual([401, 401, 429]);
      expect(await guess(server, '10.0.0.2')).toBe(401);
      // a client's own forged hop before the proxy's is not believed
      expect(await guess(server, '10.0.0.9, 10.0.0.1')).toBe(429);
    } finally {
      await server.stop();
    }
  });
});
