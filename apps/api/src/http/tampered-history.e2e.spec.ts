import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Contract } from '../../../../tests/openapi/contract';
import { TestServer, hubWithMembers } from '../testing/test-server';

/**
 * An adversary with write access to events.sqlite while the server is stopped: the server
 * started on the edited file refuses to decide on the broken stream, serves the others, says
 * which stream is broken, and never appends on top of a bad event.
 */
describe('a server started on a tampered events file', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let deposit: { position: number };
  const edit = (sql: string) => () => {
    const db = new Database(join(server.dataDir, 'events.sqlite'));
    db.prepare(sql).run();
    db.close();
  };
  const head = async () => (await server.get('/health')).body.position as number;

  beforeEach(async () => {
    server = await TestServer.start();
    tokens = await hubWithMembers(server, 'h', [{ memberId: 'alice' }, { memberId: 'bob' }, { memberId: 'tess', roles: ['member', 'treasurer'] }]);
    deposit = (await server.post('/hubs/h/pool/deposits', { memberId: 'alice', amount: '300.00' }, tokens.tess)).body;
    await server.post('/hubs/h/pool/deposits', { memberId: 'bob', amount: '301.00' }, tokens.tess);
    await server.post('/hubs/h/pool/deposits', { memberId: 'bob', amount: '5.00' }, tokens.tess);
  });
  afterEach(() => server.stop());

  it("refuses every command on a stream whose event was changed, naming it, and appends nothing on top", async () => {
    await server.restart(edit(`UPDATE events SET data = replace(data, '"300.00"', '"9300.00"') WHERE position = ${deposit.position}`));
    const before = await head();
    const withdrawal = await server.post('/hubs/h/pool/withdrawals', { memberId: 'alice', amount: '5000.00' }, tokens.tess);
    expect(withdrawal.status).toBe(503);
    expect(withdrawal.body.code).toBe('history_broken');
    expect(withdrawal.body.detail).toContain(`pool-h is broken at position ${deposit.position} (revision 0)`);
    expect(withdrawal.body.detail).toContain('changed');
    expect(await head()).toBe(before);
    const pool = await server.get('/hubs/h/pool', tokens.tess);
    expect(pool.status).toBe(503);

    // the time bank is intact and keeps working
    const paid = await server.post('/hubs/h/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours: '1' }, tokens.alice);
    expect(paid.status).toBe(201);

    const health = await server.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.history.broken).toEqual([{ streamId: 'pool-h', position: deposit.position, revision: 0, problem: expect.stringContaining('changed') }]);
    const ready = await server.get('/health/ready');
    expect([ready.status, ready.body.code]).toEqual([503, 'history_broken']);
    expect(String((await server.get('/metrics')).body)).toMatch(/^commons_history_broken_streams 1$/m);
    // each of these is a refusal the OpenAPI document lists for its operation
    const contract = new Contract((await server.get('/docs-json')).body);
    expect([
      ...contract.check('POST', '/hubs/h/pool/withdrawals', withdrawal.status, withdrawal.body),
      ...contract.check('GET', '/hubs/h/pool', pool.status, pool.body),
      ...contract.check('GET', '/health/ready', ready.status, ready.body),
    ]).toEqual([]);
  });

  it('refuses a stream with an event removed from its middle instead of failing forever with concurrency conflicts', async () => {
    await server.restart(edit(`DELETE FROM events WHERE position = ${deposit.position + 1}`));
    const reply = await server.post('/hubs/h/pool/deposits', { memberId: 'alice', amount: '1.00' }, tokens.tess);
    expect([reply.status, reply.body.code]).toEqual([503, 'history_broken']);
    expect(reply.body.detail).toContain(`at position ${deposit.position + 2} (revision 2)`);
    expect(reply.body.detail).toContain('removed');
  });

  it('rebuilds the read models only up to the bad event, and answers a read that waits past it with 503 history_broken', async () => {
    await server.restart(() => {
      edit(`UPDATE events SET data = replace(data, '"301.00"', '"9301.00"') WHERE position = ${deposit.position + 1}`)();
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(server.dataDir, `read-models.sqlite${suffix}`), { force: true });
    });
    const health = (await server.get('/health')).body;
    expect(health.readModelPosition).toBe(deposit.position);
    expect(health.history.broken).toEqual([expect.objectContaining({ streamId: 'pool-h', position: deposit.position + 1 })]);
    expect((await server.get('/hubs/h/members/alice/balance', tokens.alice)).body.savings.balance).toBe('300.00');
    const waiting = await server.get(`/hubs/h/members/bob/balance?minPosition=${deposit.position + 2}`, tokens.bob);
    expect([waiting.status, waiting.body.code]).toEqual([503, 'history_broken']);
    expect(new Contract((await server.get('/docs-json')).body).check('GET', '/hubs/h/members/bob/balance', waiting.status, waiting.body)).toEqual([]);
  });
});
