import { ADMIN, TestServer } from '../testing/test-server';

/** A work day or a class: a coordinator records every payment of it as one entry, or none. */
describe('group exchanges over HTTP', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const volunteers = Array.from({ length: 11 }, (_, i) => `v${i + 1}`);
  // the garden's owner pays eleven volunteers two hours each, and Pete pays one of them too
  const workDay = [...volunteers.map((toMemberId) => ({ fromMemberId: 'ruth', toMemberId, hours: '2' })), { fromMemberId: 'pete', toMemberId: 'v1', hours: '1.5' }];
  const record = (body: unknown, token = tokens.cora, headers?: Record<string, string>) => server.post('/hubs/lf/timebank/group-transfers', body, token, headers);
  const head = async () => (await server.get('/health')).body.position as number;
  const read = async (path: string, token: string) =>
    (await server.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${await head()}`, token)).body;

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10', maxBalance: '30', warnAt: '0.8' } }, ADMIN);
    const people: Array<[string, string, string[], string?]> = [
      ['ruth', 'Ruth Combs', ['member'], '40'],
      ['pete', 'Pete Slone', ['member']],
      ['cora', 'Cora Hall', ['coordinator']],
      ['coco', 'Coco Ison', ['member', 'coordinator']],
      ...volunteers.map((id, i): [string, string, string[]] => [id, `Volunteer ${i + 1}`, ['member']]),
    ];
    for (const [memberId, displayName, roles, creditLimit] of people) {
      tokens[memberId] = (await server.post('/hubs/lf/members', { memberId, displayName, roles, ...(creditLimit ? { creditLimit } : {}) }, ADMIN)).body.token;
    }
    await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'gardening', name: 'Gardening' }] });
    // Pete already owes 9 of his 10 hours
    await server.post('/hubs/lf/timebank/transfers', { fromMemberId: 'pete', toMemberId: 'v2', hours: '9' }, tokens.pete);
  });
  afterAll(() => server.stop());

  it('refuses a work day of 12 payments as a whole when one payer would pass their limit, and records nothing', async () => {
    const before = await head();
    const refused = await record({ payments: workDay, memo: 'work day at the garden', categoryId: 'gardening' });
    expect([refused.status, refused.body.code]).toEqual([422, 'credit_limit_exceeded']);
    expect(refused.body.detail).toMatch(/^payment 12 of 12: pete would reach -10\.50 hours.*nothing was recorded$/);
    expect(await head()).toBe(before);
    expect((await read('/hubs/lf/members/ruth/balance', tokens.ruth)).hours.balance).toBe('0.00');
    expect((await read('/hubs/lf/members/v3/statement', tokens.v3)).entries).toEqual([]);
  });

  it('records the work day as one entry: each statement names the other side and the category, the report counts its hours', async () => {
    const payments = workDay.map((payment) => (payment.fromMemberId === 'pete' ? { ...payment, hours: '1' } : payment));
    const recorded = await record({ payments, memo: 'work day at the garden', categoryId: 'gardening' });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ groupId: expect.any(String), payments: 12, position: expect.any(Number) });
    // Pete now owes all 10 of his hours: a plain warning, the payment stands
    expect(recorded.body.warnings).toEqual([{ code: 'near_credit_limit', message: 'Pete Slone now owes 10.00 of the 10.00 hours they may owe' }]);

    const events = (await read('/hubs/lf/audit/events?after=0&limit=500', ADMIN)).events;
    expect(events.filter((event: any) => event.type === 'GroupHoursPaid')).toHaveLength(1);

    const ruth = await read('/hubs/lf/members/ruth/statement', tokens.ruth);
    expect(ruth.entries).toHaveLength(11);
    expect(new Set(ruth.entries.map((e: any) => e.position))).toEqual(new Set([recorded.body.position]));
    expect(ruth.entries[0]).toMatchObject({
      type: 'GroupHoursPaid', counterparty: 'v1', counterpartyName: 'Volunteer 1', amount: '-2.00', balance: '-2.00',
      memo: 'work day at the garden', reference: recorded.body.groupId, category: { categoryId: 'gardening', name: 'Gardening' }, listing: null,
    });
    expect(ruth.entries[10]).toMatchObject({ counterpartyName: 'Volunteer 11', balance: '-22.00' });
    const v1 = await read('/hubs/lf/members/v1/statement', tokens.v1);
    expect(v1.entries.map((e: any) => [e.counterpartyName, e.amount, e.balance])).toEqual([['Ruth Combs', '2.00', '2.00'], ['Pete Slone', '1.00', '3.00']]);
    expect((await read('/hubs/lf/members/v1/balance', tokens.v1)).hours.balance).toBe('3.00');

    const report = await read('/hubs/lf/reports/financing', tokens.cora);
    // Pete's earlier 9 hours named no kind of help
    expect(report.timeBank.hoursByCategory).toEqual([{ categoryId: 'gardening', name: 'Gardening', hours: '23.00' }, { categoryId: null, name: null, hours: '9.00' }]);
    expect(report.timeBank.hoursExchanged).toBe('32.00');
  });

  it('keeps a group’s lines on one statement page, so paging by position skips none', async () => {
    const first = await read('/hubs/lf/members/ruth/statement?limit=5', tokens.ruth);
    expect(first.entries).toHaveLength(11);
    expect(first.next).toBe(first.entries[0].position);
    expect((await read(`/hubs/lf/members/ruth/statement?limit=5&after=${first.next}`, tokens.ruth)).entries).toEqual([]);
  });

  it('is answered once for a retried key', async () => {
    const body = { payments: [{ fromMemberId: 'ruth', toMemberId: 'v3', hours: '1' }], memo: 'class: pruning' };
    const headers = { 'idempotency-key': 'pruning-class-1' };
    const first = await record(body, tokens.cora, headers);
    const again = await record(body, tokens.cora, headers);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await read('/hubs/lf/members/v3/balance', tokens.v3)).hours.balance).toBe('3.00');
  });

  it('is a coordinator’s: a member is refused, and a coordinator is not paid from another’s account in it', async () => {
    const payments = [{ fromMemberId: 'ruth', toMemberId: 'v4', hours: '1' }];
    const member = await record({ payments, memo: 'work day' }, tokens.ruth);
    expect([member.status, member.body.code]).toEqual([403, 'forbidden']);
    const self = await record({ payments: [...payments, { fromMemberId: 'ruth', toMemberId: 'coco', hours: '1' }], memo: 'work day' }, tokens.coco);
    expect([self.status, self.body.code]).toEqual([403, 'separation_of_duties']);
    expect(self.body.detail).toContain('no-payment-to-oneself-for-another');
    expect((await read('/hubs/lf/members/v4/balance', tokens.v4)).hours.balance).toBe('2.00');
  });

  it.each([
    ['no payments', { payments: [], memo: 'work day' }],
    ['201 payments', { payments: Array.from({ length: 201 }, () => ({ fromMemberId: 'ruth', toMemberId: 'v5', hours: '0.01' })), memo: 'work day' }],
    ['no memo', { payments: [{ fromMemberId: 'ruth', toMemberId: 'v5', hours: '1' }] }],
    ['hours with three places', { payments: [{ fromMemberId: 'ruth', toMemberId: 'v5', hours: '1.005' }], memo: 'work day' }],
    ['hours as a number', { payments: [{ fromMemberId: 'ruth', toMemberId: 'v5', hours: 1 }], memo: 'work day' }],
    ['an unknown field in a payment', { payments: [{ fromMemberId: 'ruth', toMemberId: 'v5', hours: '1', memo: 'x' }], memo: 'work day' }],
    ['the same pair twice', { payments: [{ fromMemberId: 'ruth', toMemberId: 'v5', hours: '1' }, { fromMemberId: 'ruth', toMemberId: 'v5', hours: '2' }], memo: 'work day' }],
  ])('refuses %s with validation_failed and changes nothing', async (_what, body) => {
    const before = await head();
    const refused = await record(body);
    expect([refused.status, refused.body.code]).toEqual([400, 'validation_failed']);
    expect(await head()).toBe(before);
  });

  it('is reversed as a whole: proposed by a party, confirmed by a coordinator who paid nothing in it', async () => {
    const recorded = await record({ payments: [{ fromMemberId: 'ruth', toMemberId: 'v6', hours: '1' }, { fromMemberId: 'ruth', toMemberId: 'v7', hours: '1' }], memo: 'rained off' });
    const proposal = await server.post('/hubs/lf/reversals', { position: recorded.body.position, reason: 'the work day was rained off' }, tokens.v6);
    expect(proposal.status).toBe(201);
    const waiting = (await read('/hubs/lf/reversals?status=proposed', tokens.v7)).reversals;
    expect(waiting).toEqual([expect.objectContaining({ original: { position: recorded.body.position, type: 'GroupHoursPaid' }, amount: '2.00', unit: 'hours', parties: ['ruth', 'v6', 'v7'] })]);
    expect(waiting[0].mayDecide).toEqual({ member: null, role: 'coordinator', never: ['v6', 'ruth'] });
    expect((await server.post(`/hubs/lf/reversals/${proposal.body.reversalId}/confirmation`, {}, tokens.v7)).status).toBe(403);
    const applied = await server.post(`/hubs/lf/reversals/${proposal.body.reversalId}/confirmation`, {}, tokens.cora);
    expect(applied.body).toMatchObject({ status: 'applied' });
    const v6 = await read('/hubs/lf/members/v6/statement', tokens.v6);
    const [original, reversal] = v6.entries.slice(-2);
    expect([original.amount, original.reversedBy?.position, reversal.amount, reversal.reverses?.position]).toEqual(['1.00', applied.body.position, '-1.00', recorded.body.position]);
    expect((await read('/hubs/lf/members/v7/balance', tokens.v7)).hours.balance).toBe('2.00');
  });
});
