import { ADMIN, TestServer } from '../testing/test-server';

describe('HTTP conventions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('answers a body that is not JSON with a 400 problem', async () => {
    const reply = await server.call('POST', '/hubs', { token: ADMIN, rawBody: '{"hubId": ' });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.code).toBe('validation_failed');
  });

  it('refuses a body over 64 KB with 413 and no stack trace', async () => {
    const reply = await server.call('POST', '/hubs', { token: ADMIN, body: { name: 'x'.repeat(70_000) } });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('payload_too_large');
    expect(JSON.stringify(reply.body)).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('refuses JSON nested deeper than 16 levels with 400, before parsing it', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const reply = await server.call('POST', '/hubs', { token: ADMIN, rawBody: deep });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('validation_failed');
    expect(reply.body.detail).toContain('nested deeper');
  });

  it('accepts brackets inside strings, which are not nesting', async () => {
    const reply = await server.call('POST', '/hubs', { token: ADMIN, body: { hubId: 'brackets', name: '[[[[[[[[[[[[[[[[[[[[[[[[[[', currency: 'USD', timeBank: { defaultCreditLimit: '1' } } });
    expect(reply.status).toBe(201);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const reply = await server.get('/nowhere', ADMIN);
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('not_found');
  });

  it('asks for a bearer token everywhere but health, metrics and docs', async () => {
    expect((await server.get('/hubs/any')).status).toBe(401);
    expect((await server.get('/hubs/any', 'not-a-real-token')).body.code).toBe('unauthenticated');
    expect((await server.get('/health')).body).toMatchObject({ status: 'ok', store: 'up' });
    const metrics = await server.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('commons_event_store_position');
    expect((await server.get('/docs')).status).toBe(200);
    const openApi = await server.get('/docs-json');
    expect(openApi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openApi.body.paths)).toEqual(
      expect.arrayContaining(['/hubs', '/hubs/{hubId}/timebank/transfers', '/hubs/{hubId}/members/{memberId}/balance']),
    );
  });

  it('sends helmet security headers', async () => {
    const reply = await server.get('/health');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('waits for the read models to reach minPosition, and refuses a malformed one', async () => {
    const hub = await server.post('/hubs', { hubId: 'h1', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '5' } }, ADMIN);
    expect((await server.get(`/hubs/h1?minPosition=${hub.body.position}`, ADMIN)).status).toBe(200);
    expect((await server.get('/hubs/h1?minPosition=abc', ADMIN)).status).toBe(400);
  });

  it('creates a hub with its settings and refuses the same id twice', async () => {
    const body = { hubId: 'laurel', name: 'Laurel', currency: 'USD', timeBank: { defaultCreditLimit: '10', maxBalance: '40' }, pool: { approvalQuorum: 3, reserveRatio: '0.1' } };
    expect((await server.post('/hubs', body, ADMIN)).status).toBe(201);
    expect((await server.get('/hubs/laurel', ADMIN)).body).toMatchObject({
      hubId: 'laurel',
      currency: 'USD',
      currencyPlaces: 2,
      timeBank: { defaultCreditLimit: '10.00', maxBalance: '40.00' },
      pool: { approvalQuorum: 3, reserveRatio: '0.1' },
      members: 0,
    });
    const again = await server.post('/hubs', body, ADMIN);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_exists');
  });

  it('refuses a hub with an unknown currency or a malformed limit', async () => {
    const base = { hubId: 'bad', name: 'Bad', currency: 'USD', timeBank: { defaultCreditLimit: '10' } };
    expect((await server.post('/hubs', { ...base, currency: 'ZZZ' }, ADMIN)).status).toBe(400);
    expect((await server.post('/hubs', { ...base, timeBank: { defaultCreditLimit: 10 } }, ADMIN)).status).toBe(400);
    expect((await server.post('/hubs', { ...base, timeBank: { defaultCreditLimit: '10', extra: 1 } }, ADMIN)).status).toBe(400);
    expect((await server.get('/hubs/bad', ADMIN)).status).toBe(404);
  });
});
