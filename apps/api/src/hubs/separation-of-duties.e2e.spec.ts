import { ADMIN, TestServer } from '../testing/test-server';

/**
 * The heist of issue 14, step by step over HTTP: one coordinator, alone with their own token,
 * tries to take the pool. Every step a single person would need is refused; the same steps
 * succeed when two distinct officers take them.
 */
describe('separation of duties over HTTP: no one person can take the pool', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  const enrol = async (memberId: string, roles: string[], token = ADMIN) => server.post('/hubs/h/members', { memberId, displayName: memberId, roles }, token);
  const patch = (memberId: string, body: object, token: string) => server.call('PATCH', `/hubs/h/members/${memberId}`, { token, body });
  const refusedFor = (reply: { status: number; body: any }, rule: string) => {
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('separation_of_duties');
    expect(reply.body.detail).toContain(rule);
  };

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '10' }, pool: { approvalQuorum: 2 } }, ADMIN);
    for (const [memberId, roles] of Object.entries({ cody: ['coordinator'], tess: ['member', 'treasurer'], tom: ['treasurer'], ann: ['member'] })) {
      t[memberId] = (await enrol(memberId, roles)).body.token;
    }
    expect((await server.post('/hubs/h/pool/deposits', { memberId: 'ann', amount: '600.00' }, t.tess)).status).toBe(201);
  });
  afterAll(() => server.stop());

  it('enrols treasurers named by a coordinator with no officer role until a second officer confirms', async () => {
    for (const memberId of ['mule1', 'mule2']) {
      const reply = await enrol(memberId, ['treasurer'], t.cody);
      expect(reply.status).toBe(202);
      expect(reply.body).toMatchObject({ memberId, status: 'awaiting_confirmation', changeId: expect.any(String), token: expect.any(String) });
      t[memberId] = reply.body.token;
      t[`${memberId}Change`] = reply.body.changeId;
    }
    // holding no role yet, they can do nothing at all
    expect((await server.get('/hubs/h/me', t.mule1)).status).toBe(403);
    const waiting = (await server.get('/hubs/h/member-changes', t.tess)).body.changes;
    expect(waiting.map((c: any) => [c.memberId, c.change, c.proposedBy, c.proposedByName])).toEqual([
      ['mule1', { kind: 'roles', officerRoles: ['treasurer'] }, 'cody', 'cody'],
      ['mule2', { kind: 'roles', officerRoles: ['treasurer'] }, 'cody', 'cody'],
    ]);
  });

  it('refuses the coordinator confirming their own proposal', async () => {
    refusedFor(await server.post(`/hubs/h/member-changes/${t.mule1Change}/confirmation`, {}, t.cody), 'no-confirming-own-proposal');
  });

  it('refuses the coordinator giving themselves the member, treasurer or auditor role, or a credit limit', async () => {
    for (const body of [{ roles: ['member', 'coordinator'] }, { roles: ['coordinator', 'treasurer'] }, { roles: ['coordinator', 'auditor'] }, { creditLimit: '500' }]) {
      refusedFor(await patch('cody', body, t.cody), 'no-own-member-change');
    }
    expect((await server.get('/hubs/h/me', t.cody)).body.roles).toEqual(['coordinator']);
  });

  it('gives the would-be treasurers nothing to approve with, and the coordinator no loan', async () => {
    const loan = await server.post('/hubs/h/pool/loans', { borrowerId: 'cody', principal: '300.00', termMonths: 6, annualInterestRate: '0', purpose: 'mine' }, t.cody);
    expect(loan.status).toBe(400);
    const annLoan = (await server.post('/hubs/h/pool/loans', { borrowerId: 'ann', principal: '300.00', termMonths: 6, annualInterestRate: '0', purpose: 'roof' }, t.ann)).body;
    expect((await server.post(`/hubs/h/pool/loans/${annLoan.loanId}/approvals`, { note: 'ok' }, t.mule1)).status).toBe(403);
  });

  it("keeps a coordinator's reset of a treasurer's token pending, the old token working, and hands the coordinator no token", async () => {
    const reset = await server.post('/hubs/h/members/tess/token', {}, t.cody);
    expect(reset.status).toBe(202);
    expect(reset.body.token).toBeUndefined();
    expect((await server.get('/hubs/h/members/tess/balance', t.tess)).status).toBe(200);
    refusedFor(await server.post(`/hubs/h/member-changes/${reset.body.changeId}/confirmation`, {}, t.cody), 'no-confirming-own-proposal');
    refusedFor(await server.post(`/hubs/h/member-changes/${reset.body.changeId}/confirmation`, {}, t.tess), 'no-confirming-change-to-oneself');
    const confirmed = await server.post(`/hubs/h/member-changes/${reset.body.changeId}/confirmation`, { note: 'she lost her phone' }, t.tom);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ status: 'applied', memberId: 'tess', token: expect.stringMatching(/^cl_/) });
    expect((await server.get('/hubs/h/members/tess/balance', t.tess)).status).toBe(401);
    t.tess = confirmed.body.token;
    expect((await server.get('/hubs/h/members/tess/balance', t.tess)).status).toBe(200);
  });

  it("lets a coordinator reset a plain member's token at once", async () => {
    const reset = await server.post('/hubs/h/members/ann/token', {}, t.cody);
    expect(reset.status).toBe(201);
    expect((await server.get('/hubs/h/members/ann/balance', t.ann)).status).toBe(401);
    t.ann = reset.body.token;
  });

  it('refuses the coordinator crediting themselves 990 volunteer hours', async () => {
    await patch('cody', { roles: ['member', 'coordinator'] }, ADMIN);
    refusedFor(await server.post('/hubs/h/contributions', { memberId: 'cody', kind: 'volunteer-hours', amount: '990', description: 'work' }, t.cody), 'no-own-volunteer-hours');
    expect((await server.get('/hubs/h/members/cody/balance', t.cody)).body.hours.balance).toBe('0.00');
  });

  it('refuses a treasurer who borrows recording repayments of their own loan', async () => {
    const loan = (await server.post('/hubs/h/pool/loans', { borrowerId: 'tess', principal: '50.00', termMonths: 2, annualInterestRate: '0', purpose: 'seed' }, t.tess)).body;
    refusedFor(await server.post(`/hubs/h/pool/loans/${loan.loanId}/approvals`, { note: 'me' }, t.tess), 'no-decision-on-own-loan');
    await server.post(`/hubs/h/pool/loans/${loan.loanId}/approvals`, { note: 'ok' }, t.tom);
    expect((await server.get('/hubs/h/pool/loans/' + loan.loanId, t.tess)).body.status).toBe('applied');
    refusedFor(await server.post('/hubs/h/pool/deposits', { memberId: 'tess', amount: '10.00' }, t.tess), 'no-own-savings');
  });

  it('lets the same steps succeed when two distinct officers take them', async () => {
    for (const memberId of ['mule1', 'mule2']) {
      const confirmed = await server.post(`/hubs/h/member-changes/${t[`${memberId}Change`]}/confirmation`, { note: 'agreed at the meeting' }, t.tess);
      expect(confirmed.body).toMatchObject({ status: 'applied', roles: ['treasurer'] });
    }
    expect((await server.get('/hubs/h/member-changes', t.tom)).body.changes).toEqual([]);
    const loan = (await server.post('/hubs/h/pool/loans', { borrowerId: 'cody', principal: '300.00', termMonths: 6, annualInterestRate: '0', purpose: 'roof' }, t.cody)).body;
    expect((await server.post(`/hubs/h/pool/loans/${loan.loanId}/approvals`, { note: 'ok' }, t.mule1)).status).toBe(201);
    expect((await server.post(`/hubs/h/pool/loans/${loan.loanId}/approvals`, { note: 'ok' }, t.mule2)).body.status).toBe('approved');
    expect((await server.post(`/hubs/h/pool/loans/${loan.loanId}/disbursement`, {}, t.tom)).body.status).toBe('active');
  });

  it('drops a rejected change: the member keeps the roles they had', async () => {
    const proposed = await patch('ann', { roles: ['member', 'auditor'] }, t.cody);
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ status: 'awaiting_confirmation', member: { memberId: 'ann', roles: ['member'] } });
    const rejected = await server.post(`/hubs/h/member-changes/${proposed.body.changeId}/rejection`, { reason: 'not agreed' }, t.tom);
    expect(rejected.body).toMatchObject({ status: 'rejected', memberId: 'ann' });
    expect((await server.get('/hubs/h/me', t.ann)).body.roles).toEqual(['member']);
    expect((await server.post(`/hubs/h/member-changes/${proposed.body.changeId}/confirmation`, {}, t.tess)).status).toBe(404);
  });

  it('refuses a misspelt or extra field on a confirmation with 400, confirming nothing', async () => {
    const proposed = await patch('ann', { roles: ['member', 'coordinator'] }, t.cody);
    for (const body of [{ nte: 'typo' }, { note: 'ok', confirmedBy: 'admin' }]) {
      const reply = await server.post(`/hubs/h/member-changes/${proposed.body.changeId}/confirmation`, body, t.tom);
      expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    }
    expect((await server.get('/hubs/h/me', t.ann)).body.roles).toEqual(['member']);
    expect((await server.post(`/hubs/h/member-changes/${proposed.body.changeId}/rejection`, { reason: 'typo' }, t.tom)).status).toBe(201);
  });

  it('answers a retried proposal with the same 202 and records it once', async () => {
    const headers = { 'Idempotency-Key': 'grant-ann-treasurer' };
    const body = { roles: ['member', 'treasurer'] };
    const first = await server.call('PATCH', '/hubs/h/members/ann', { token: t.cody, body, headers });
    const again = await server.call('PATCH', '/hubs/h/members/ann', { token: t.cody, body, headers });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body.changeId).toBe(first.body.changeId);
    expect((await server.get('/hubs/h/member-changes', t.tom)).body.changes).toHaveLength(1);
  });
});
