import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ADMIN, TestServer } from '../testing/test-server';
import { AutoAcceptanceService } from './auto-acceptance.service';

const DAY = 24 * 60 * 60 * 1000;

describe('hour requests over HTTP: the provider asks, the payer confirms', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10' } }, ADMIN);
    for (const [memberId, displayName, roles] of [['alice', 'Alice Caudill', ['member']], ['bob', 'Bob Hensley', ['member']], ['cora', 'Cora Slone', ['member', 'coordinator']], ['dell', 'Dell Amburgey', ['member']]] as const) {
      tokens[memberId] = (await server.post('/hubs/lf/members', { memberId, displayName, roles }, ADMIN)).body.token;
    }
    await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'repairs', name: 'Repairs' }] });
  });
  afterAll(() => server.stop());

  it('finds a neighbour by name, reads their offer, asks for 2 hours, and the payer accepts: both statements name each other', async () => {
    const offer = await server.post('/hubs/lf/listings', { kind: 'offer', title: 'Fence mending', description: 'Posts and wire', categoryId: 'repairs' }, tokens.bob);
    const found = await server.get(`/hubs/lf/members?q=hensley&minPosition=${offer.body.position}`, tokens.alice);
    expect(found.body.members[0].offers[0].title).toBe('Fence mending');

    const asked = await server.post('/hubs/lf/timebank/requests', { fromMemberId: 'alice', toMemberId: 'bob', hours: '2', memo: 'mended the fence', categoryId: 'repairs', listingId: offer.body.listingId }, tokens.bob);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending' });
    // no hours move yet
    expect((await server.get(`/hubs/lf/members/alice/balance?minPosition=${asked.body.position}`, tokens.alice)).body.hours.balance).toBe('0.00');
    const waiting = await server.get('/hubs/lf/timebank/requests?role=payer&status=pending', tokens.alice);
    expect(waiting.body.requests.map((r: any) => [r.toName, r.hours, r.memo])).toEqual([['Bob Hensley', '2.00', 'mended the fence']]);

    expect((await server.post(`/hubs/lf/timebank/requests/${asked.body.requestId}/acceptance`, {}, tokens.bob)).status).toBe(403);
    const accepted = await server.post(`/hubs/lf/timebank/requests/${asked.body.requestId}/acceptance`, {}, tokens.alice);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'paid', transferId: expect.any(String), position: expect.any(Number) });
    const aliceStatement = await server.get(`/hubs/lf/members/alice/statement?account=hours&minPosition=${accepted.body.position}`, tokens.alice);
    expect(aliceStatement.body.entries.map((e: any) => [e.counterpartyName, e.memo, e.amount])).toEqual([['Bob Hensley', 'mended the fence', '-2.00']]);
    const bobStatement = await server.get('/hubs/lf/members/bob/statement?account=hours', tokens.bob);
    expect(bobStatement.body.entries.map((e: any) => [e.counterpartyName, e.amount])).toEqual([['Alice Caudill', '2.00']]);
    // both statements say what kind of help it was and which offer it answered
    for (const statement of [aliceStatement, bobStatement]) {
      expect(statement.body.entries[0]).toMatchObject({ category: { categoryId: 'repairs', name: 'Repairs' }, listing: { listingId: offer.body.listingId, title: 'Fence mending' } });
    }
    expect((await server.get(`/hubs/lf/listings/${offer.body.listingId}`, tokens.alice)).body.hoursExchanged).toBe('2.00');
    const report = await server.get('/hubs/lf/reports/financing', tokens.cora);
    expect(report.body.timeBank.hoursByCategory).toEqual([{ categoryId: 'repairs', name: 'Repairs', hours: '2.00' }]);
    // a second acceptance finds nothing waiting
    expect((await server.post(`/hubs/lf/timebank/requests/${asked.body.requestId}/acceptance`, {}, tokens.alice)).status).toBe(404);
  });

  it('is declined by the payer with a reason, cancelled by its provider, and refused past the payer’s limit at acceptance', async () => {
    const ask = async (hours: string) => (await server.post('/hubs/lf/timebank/requests', { fromMemberId: 'alice', toMemberId: 'bob', hours }, tokens.bob)).body.requestId;
    const declined = await server.post(`/hubs/lf/timebank/requests/${await ask('1')}/rejection`, { reason: 'that was a favour' }, tokens.alice);
    expect(declined.body).toMatchObject({ status: 'declined' });
    expect((await server.post(`/hubs/lf/timebank/requests/${await ask('1')}/cancellation`, {}, tokens.bob)).body).toMatchObject({ status: 'cancelled' });
    const tooMuch = await ask('9'); // alice owes 2 already: 11 would pass her 10
    const refused = await server.post(`/hubs/lf/timebank/requests/${tooMuch}/acceptance`, {}, tokens.alice);
    expect([refused.status, refused.body.code]).toEqual([422, 'credit_limit_exceeded']);
    const still = await server.get(`/hubs/lf/timebank/requests?status=pending`, tokens.alice);
    expect(still.body.requests.map((r: any) => r.requestId)).toEqual([tooMuch]);
    expect((await server.get('/hubs/lf/timebank/requests?status=declined', tokens.alice)).body.requests[0].reason).toBe('that was a favour');
    // only their own: dell sees none, a coordinator sees all
    expect((await server.get('/hubs/lf/timebank/requests', tokens.dell)).body.requests).toEqual([]);
    expect((await server.get('/hubs/lf/timebank/requests', tokens.cora)).body.requests.length).toBeGreaterThanOrEqual(4);
  });

  it('lets a coordinator accept for an assisted member only, and never a request they asked for', async () => {
    const ask = async (token: string, to = 'bob') => (await server.post('/hubs/lf/timebank/requests', { fromMemberId: 'dell', toMemberId: to, hours: '1' }, token)).body.requestId;
    const first = await ask(tokens.bob);
    expect((await server.post(`/hubs/lf/timebank/requests/${first}/acceptance`, {}, tokens.cora)).status).toBe(403);
    await server.call('PATCH', '/hubs/lf/members/dell', { token: tokens.cora, body: { assisted: true } });
    const forDell = await server.post(`/hubs/lf/timebank/requests/${first}/acceptance`, {}, tokens.cora);
    expect(forDell.status).toBe(201);
    const own = await ask(tokens.cora);
    const refused = await server.post(`/hubs/lf/timebank/requests/${own}/acceptance`, {}, tokens.cora);
    expect([refused.status, refused.body.code]).toEqual([403, 'separation_of_duties']);
    const events = (await server.get('/hubs/lf/audit/events', ADMIN)).body.events;
    expect(events.filter((e: any) => e.type === 'HourRequestAccepted').map((e: any) => e.data.acceptedBy)).toContain('cora');
  });
});

describe('hour requests the ledger accepts after the hub’s days, with two instances on one file', () => {
  const dir = mkdtempSync(`${tmpdir()}/commons-auto-`);
  let a: TestServer;
  let b: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    a = await TestServer.start({ dataDir: `${dir}/a`, eventsFile: `${dir}/events.sqlite` });
    b = await TestServer.start({ dataDir: `${dir}/b`, eventsFile: `${dir}/events.sqlite` });
    await a.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10', requestAutoAcceptDays: 14 } }, ADMIN);
    for (const memberId of ['alice', 'bob']) tokens[memberId] = (await a.post('/hubs/lf/members', { memberId, displayName: memberId, roles: ['member'] }, ADMIN)).body.token;
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts each due request exactly once whichever instance sweeps, as the system, and not a day early', async () => {
    const asked = await a.post('/hubs/lf/timebank/requests', { fromMemberId: 'alice', toMemberId: 'bob', hours: '3', memo: 'hay' }, tokens.bob);
    const sweepers = [a, b].map((server) => server.app!.get(AutoAcceptanceService));
    for (const server of [a, b]) await server.get(`/hubs/lf/members/alice/balance?minPosition=${asked.body.position}`, tokens.alice);
    for (const server of [a, b]) server.clock.advance(13 * DAY);
    expect(await Promise.all(sweepers.map((s) => s.sweep()))).toEqual([0, 0]);
    for (const server of [a, b]) server.clock.advance(DAY + 1000);
    const accepted = await Promise.all(sweepers.map((s) => s.sweep()));
    expect(accepted.sort()).toEqual([0, 1]);
    const events = (await a.get('/hubs/lf/audit/events', ADMIN)).body.events;
    expect(events.filter((e: any) => e.type === 'HourRequestAccepted').map((e: any) => [e.data.requestId, e.data.acceptedBy, e.metadata.actor])).toEqual([[asked.body.requestId, 'system', 'system']]);
    expect(events.filter((e: any) => e.type === 'HoursPaid')).toHaveLength(1);
    expect(await Promise.all(sweepers.map((s) => s.sweep()))).toEqual([0, 0]);
  });

  it('leaves a due request waiting when the payer’s limit no longer allows it', async () => {
    await a.post('/hubs/lf/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours: '6' }, tokens.alice);
    const asked = await a.post('/hubs/lf/timebank/requests', { fromMemberId: 'alice', toMemberId: 'bob', hours: '2' }, tokens.bob);
    for (const server of [a, b]) server.clock.advance(15 * DAY);
    await b.get(`/hubs/lf/members/alice/balance?minPosition=${asked.body.position}`, tokens.alice);
    const sweeper = b.app!.get(AutoAcceptanceService);
    expect(await sweeper.sweep()).toBe(0); // 3 + 6 + 2 would pass alice's 10
    expect((await b.get('/hubs/lf/timebank/requests?status=pending', tokens.alice)).body.requests.map((r: any) => r.requestId)).toEqual([asked.body.requestId]);
  });
});
