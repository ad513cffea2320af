import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

describe('Idempotency-Key', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  const transfers = '/hubs/hub/timebank/transfers';
  const payment = { fromMemberId: 'alice', toMemberId: 'bob', hours: '1', memo: 'eggs' };

  beforeAll(async () => {
    server = await TestServer.start();
    tokens = await hubWithMembers(server, 'hub', [{ memberId: 'alice' }, { memberId: 'bob' }]);
  });
  afterAll(() => server.stop());

  const statementLength = async () =>
    (await server.get('/hubs/hub/members/alice/statement?minPosition=' + (await server.get('/health')).body.position, ADMIN)).body.entries.length;

  it('returns the first response to a repeated request and records it once', async () => {
    const key = { 'idempotency-key': 'pay-eggs-1' };
    const first = await server.post(transfers, payment, tokens.alice, key);
    const again = await server.post(transfers, payment, tokens.alice, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await statementLength()).toBe(1);
  });

  it('returns the first response even when the repeats arrive together', async () => {
    const key = { 'idempotency-key': 'pay-eggs-2' };
    const replies = await Promise.all(Array.from({ length: 8 }, () => server.post(transfers, payment, tokens.alice, key)));
    expect(new Set(replies.map((r) => r.body.transferId)).size).toBe(1);
    expect(await statementLength()).toBe(2);
  });

  it('refuses the same key with another body with 409 idempotency_conflict', async () => {
    const key = { 'idempotency-key': 'pay-eggs-3' };
    expect((await server.post(transfers, payment, tokens.alice, key)).status).toBe(201);
    const other = await server.post(transfers, { ...payment, hours: '2' }, tokens.alice, key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    expect(await statementLength()).toBe(3);
  });

  it('remembers keys across a restart', async () => {
    const key = { 'idempotency-key': 'pay-eggs-4' };
    const first = await server.post(transfers, payment, tokens.alice, key);
    await server.restart();
    const again = await server.post(transfers, payment, tokens.alice, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await server.post(transfers, { ...payment, memo: 'milk' }, tokens.alice, key)).status).toBe(409);
    expect(await statementLength()).toBe(4);
  });

  it('lets a key that was refused be used again, since nothing was recorded', async () => {
    const key = { 'idempotency-key': 'pay-too-much' };
    expect((await server.post(transfers, { ...payment, hours: '50' }, tokens.alice, key)).status).toBe(422);
    expect((await server.post(transfers, payment, tokens.alice, key)).status).toBe(201);
  });

  it("keeps one member's keys apart from another's", async () => {
    const key = { 'idempotency-key': 'shared-key' };
    const a = await server.post(transfers, payment, tokens.alice, key);
    const b = await server.post(transfers, { fromMemberId: 'bob', toMemberId: 'alice', hours: '1' }, tokens.bob, key);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.transferId).not.toBe(a.body.transferId);
  });

  it('records the key, actor and correlation id in the event metadata', async () => {
    const reply = await server.post(transfers, payment, tokens.alice, { 'idempotency-key': 'meta-1', 'x-correlation-id': 'corr-42' });
    expect(reply.status).toBe(201);
    // read straight from the store file: the audit trail, not a read model
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(`${server.dataDir}/events.sqlite`, { readonly: true });
    const row = db.prepare('SELECT metadata FROM events WHERE position = ?').get(reply.body.position) as { metadata: string };
    db.close();
    expect(JSON.parse(row.metadata)).toMatchObject({ actor: 'alice', correlationId: 'corr-42', idempotencyKey: 'meta-1', schemaVersion: 1 });
  });
});
