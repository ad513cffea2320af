import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

/** The mutual aid fund over HTTP: asked for without a reason, paid by a treasurer, capped, private. */
describe('mutual aid fund', () => {
  let server: TestServer;
  let t: Record<string, string>;

  beforeAll(async () => {
    server = await TestServer.start();
    server.clock.set('2026-03-10T12:00:00.000Z');
    t = await hubWithMembers(server, 'hollow', [
      { memberId: 'ann' },
      { memberId: 'ben' },
      { memberId: 'tia', roles: ['member', 'treasurer'] },
      { memberId: 'coco', roles: ['coordinator'] },
      { memberId: 'audrey', roles: ['auditor'] },
    ]);
    // $150 for the aid fund, $200 to the general fund of which $50 moves across: $200 of aid in all
    expect((await server.post('/hubs/hollow/contributions', { memberId: 'ben', kind: 'money', amount: '150', description: 'church collection', fund: 'aid' }, t.coco)).status).toBe(201);
    expect((await server.post('/hubs/hollow/contributions', { memberId: 'ben', kind: 'money', amount: '200', description: 'dues' }, t.coco)).status).toBe(201);
    const moved = await server.post('/hubs/hollow/funds/transfers', { from: 'general', to: 'aid', amount: '50' }, t.tia);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ general: '150.00', aid: '200.00' });
  });
  afterAll(() => server.stop());

  it('pays a member who gave no reason, from the aid fund, and counts it in the report without a name', async () => {
    const asked = await server.post('/hubs/hollow/aid/requests', { memberId: 'ann', amount: '20' }, t.ann);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ memberId: 'ann', amount: '20.00', status: 'requested' });
    const paid = await server.post(`/hubs/hollow/aid/requests/${asked.body.requestId}/payment`, {}, t.tia);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'paid', amount: '20.00', aidFund: '180.00' });

    const mine = await server.get(`/hubs/hollow/aid/requests/${asked.body.requestId}?minPosition=${paid.body.position}`, t.ann);
    expect(mine.body).toMatchObject({ memberId: 'ann', memberName: 'ann', status: 'paid', paidBy: 'tia', paidByName: 'tia', need: null });

    const report = await server.get('/hubs/hollow/reports/financing', t.tia);
    expect(report.body.funds).toEqual({ general: '150.00', aid: '180.00' });
    expect(report.body.aid).toEqual({
      contributed: '150.00',
      requested: { count: 1, total: '20.00' },
      paid: { count: 1, total: '20.00' },
      open: { count: 0, total: '0.00' },
    });
    expect(JSON.stringify(report.body)).not.toContain('ann');
  });

  it('lets a coordinator ask on a member’s behalf, and keeps the need from everyone but the member and auditors', async () => {
    const asked = await server.post('/hubs/hollow/aid/requests', { memberId: 'ben', amount: '35', need: 'gas to get to work' }, t.coco);
    expect(asked.status).toBe(201);
    expect(JSON.stringify(asked.body)).not.toContain('gas');
    const { requestId, position } = asked.body;

    expect((await server.get(`/hubs/hollow/aid/requests/${requestId}?minPosition=${position}`, t.ben)).body.need).toBe('gas to get to work');
    const forTreasurer = await server.get(`/hubs/hollow/aid/requests/${requestId}`, t.tia);
    expect(forTreasurer.status).toBe(200);
    expect(forTreasurer.body).not.toHaveProperty('need');
    const csv = await server.call('GET', '/hubs/hollow/reports/financing', { token: t.audrey, headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain('gas');
    expect(String(csv.body)).not.toContain('ben');
    // the auditor's journal of raw events is the one place the need is kept
    const events = await server.get('/hubs/hollow/audit/events', t.audrey);
    expect(JSON.stringify(events.body)).toContain('gas to get to work');

    const withdrawn = await server.post(`/hubs/hollow/aid/requests/${requestId}/withdrawal`, {}, t.ben);
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await server.post(`/hubs/hollow/aid/requests/${requestId}/payment`, {}, t.tia);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
  });

  it('does not let a member see, withdraw or ask for another member’s aid', async () => {
    const asked = await server.post('/hubs/hollow/aid/requests', { memberId: 'ann', amount: '5', need: 'diapers' }, t.ann);
    const { requestId, position } = asked.body;
    const other = await server.get(`/hubs/hollow/aid/requests/${requestId}?minPosition=${position}`, t.ben);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('diapers');
    const list = await server.get('/hubs/hollow/aid/requests', t.ben);
    expect(list.status).toBe(200);
    expect(list.body.requests.map((r: { memberId: string }) => r.memberId)).toEqual(['ben']);
    expect((await server.post(`/hubs/hollow/aid/requests/${requestId}/withdrawal`, {}, t.ben)).status).toBe(404);
    expect((await server.post('/hubs/hollow/aid/requests', { memberId: 'ann', amount: '5' }, t.ben)).status).toBe(403);
    // coordinators file requests but do not read who received aid
    expect((await server.get('/hubs/hollow/aid/requests', t.coco)).status).toBe(403);
    const all = await server.get('/hubs/hollow/aid/requests', t.audrey);
    expect(all.body.requests.map((r: { memberId: string }) => r.memberId)).toEqual(['ann', 'ben', 'ann']);
    expect(all.body.requests.every((r: object) => !('need' in r))).toBe(true);
  });

  it('refuses past the aid fund, and never lets a treasurer pay their own request', async () => {
    const big = await server.post('/hubs/hollow/aid/requests', { memberId: 'ben', amount: '500' }, t.ben);
    const refused = await server.post(`/hubs/hollow/aid/requests/${big.body.requestId}/payment`, {}, t.tia);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('insufficient_funds');
    const own = await server.post('/hubs/hollow/aid/requests', { memberId: 'tia', amount: '10' }, t.tia);
    expect((await server.post(`/hubs/hollow/aid/requests/${own.body.requestId}/payment`, {}, t.tia)).status).toBe(403);
    expect((await server.post('/hubs/hollow/funds/transfers', { from: 'aid', to: 'general', amount: '1000' }, t.coco)).body.code).toBe('insufficient_funds');
    expect((await server.post('/hubs/hollow/aid/requests', { memberId: 'ben', amount: '1.005' }, t.ben)).status).toBe(400);
  });

  it('records a retried request once under one Idempotency-Key', async () => {
    const first = await server.post('/hubs/hollow/aid/requests', { memberId: 'ben', amount: '7' }, t.ben, { 'idempotency-key': 'ben-aid-1' });
    const retry = await server.post('/hubs/hollow/aid/requests', { memberId: 'ben', amount: '7' }, t.ben, { 'idempotency-key': 'ben-aid-1' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const other = await server.post('/hubs/hollow/aid/requests', { memberId: 'ben', amount: '8' }, t.ben, { 'idempotency-key': 'ben-aid-1' });
    expect(other.body.code).toBe('idempotency_conflict');
    const mine = await server.get(`/hubs/hollow/aid/requests?minPosition=${first.body.position}`, t.ben);
    expect(mine.body.requests.filter((r: { amount: string }) => r.amount === '7.00')).toHaveLength(1);
  });

  it('holds the monthly cap per member, counting open and paid requests but not withdrawn ones', async () => {
    const c = await hubWithMembers(server, 'creek-2', [{ memberId: 'dot' }, { memberId: 'coco', roles: ['coordinator'] }]);
    const cap = await server.call('PATCH', '/hubs/creek-2', { token: c.coco, body: { aidPerMemberPerMonth: '50' } });
    expect(cap.status).toBe(200);
    expect(cap.body.aidPerMemberPerMonth).toBe('50.00');
    expect((await server.get('/hubs/creek-2', c.dot)).body.aid).toEqual({ perMemberPerMonth: '50.00' });

    server.clock.set('2026-04-02T09:00:00.000Z');
    const first = await server.post('/hubs/creek-2/aid/requests', { memberId: 'dot', amount: '30' }, c.dot);
    expect(first.status).toBe(201);
    const over = await server.post('/hubs/creek-2/aid/requests', { memberId: 'dot', amount: '20.01' }, c.dot);
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('aid_limit_exceeded');
    expect((await server.post('/hubs/creek-2/aid/requests', { memberId: 'dot', amount: '20' }, c.dot)).status).toBe(201);
    // withdrawing frees the room; a new month starts afresh
    await server.post(`/hubs/creek-2/aid/requests/${first.body.requestId}/withdrawal`, {}, c.dot);
    expect((await server.post('/hubs/creek-2/aid/requests', { memberId: 'dot', amount: '30' }, c.dot)).status).toBe(201);
    server.clock.set('2026-05-01T00:00:00.000Z');
    expect((await server.post('/hubs/creek-2/aid/requests', { memberId: 'dot', amount: '50' }, c.dot)).status).toBe(201);
    // the cap lifted
    await server.call('PATCH', '/hubs/creek-2', { token: ADMIN, body: { aidPerMemberPerMonth: null } });
    expect((await server.post('/hubs/creek-2/aid/requests', { memberId: 'dot', amount: '500' }, c.dot)).status).toBe(201);
  });
});
