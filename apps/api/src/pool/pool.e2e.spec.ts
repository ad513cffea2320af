import { ADMIN, TestServer } from '../testing/test-server';

describe('savings pool and loans over HTTP', () => {
  let server: TestServer;
  let t: Record<string, string>;
  const pool = '/hubs/laurel-fork/pool';

  beforeAll(async () => {
    server = await TestServer.start();
    server.clock.set('2026-03-01T10:00:00.000Z');
    const created = await server.post(
      '/hubs',
      { hubId: 'laurel-fork', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10' }, pool: { approvalQuorum: 2, reserveRatio: '0.1' } },
      ADMIN,
    );
    expect(created.status).toBe(201);
    t = {};
    for (const [memberId, roles] of Object.entries({
      ann: ['member'], ben: ['member'], cal: ['member'], tia: ['member', 'treasurer'], tom: ['treasurer'], coco: ['coordinator'], audrey: ['auditor'],
    })) {
      t[memberId] = (await server.post('/hubs/laurel-fork/members', { memberId, displayName: memberId, roles }, ADMIN)).body.token;
    }
  });
  afterAll(() => server.stop());

  const get = async (path: string, token: string) => {
    const head = (await server.get('/health')).body.position;
    return server.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`, token);
  };

  let loanId: string;

  it('tells the whole story: save, apply, approve twice, disburse, repay in parts, close', async () => {
    for (const [memberId, amount] of [['ann', '400'], ['ben', '300'], ['cal', '300']]) {
      const deposit = await server.post(`${pool}/deposits`, { memberId, amount }, t.tia);
      expect(deposit.status).toBe(201);
      expect(deposit.body).toMatchObject({ memberId, savings: `${amount}.00` });
    }

    const applied = await server.post(
      `${pool}/loans`,
      { borrowerId: 'ann', principal: '600', termMonths: 4, annualInterestRate: '0.12', purpose: 'greenhouse glazing', projectId: 'greenhouse-phase-1' },
      t.ann,
    );
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'applied', loanId: expect.any(String) });
    loanId = applied.body.loanId;

    expect((await server.post(`${pool}/loans/${loanId}/approvals`, { note: 'mine' }, t.ann)).status).toBe(403);
    const first = await server.post(`${pool}/loans/${loanId}/approvals`, { note: 'Ann repaid her last loan early' }, t.tia);
    expect(first.body).toMatchObject({ status: 'applied', approvals: 1 });
    const again = await server.post(`${pool}/loans/${loanId}/approvals`, { note: 'twice' }, t.tia);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
    const early = await server.post(`${pool}/loans/${loanId}/disbursement`, {}, t.tom);
    expect(early.body.code).toBe('invalid_state');
    const second = await server.post(`${pool}/loans/${loanId}/approvals`, { note: 'the greenhouse pays for itself' }, t.tom);
    expect(second.body).toMatchObject({ status: 'approved', approvals: 2 });

    const disbursed = await server.post(`${pool}/loans/${loanId}/disbursement`, {}, t.tom);
    expect(disbursed.status).toBe(201);
    expect(disbursed.body.status).toBe('active');

    // 600 at 12 % over 4 months: 24.00 interest, instalments of 156.00 on the 1st of April to July
    const payments: Array<[string, string]> = [
      ['2026-04-01T12:00:00.000Z', '156'],
      ['2026-05-01T12:00:00.000Z', '100'],
      ['2026-06-01T12:00:00.000Z', '212'],
      ['2026-07-01T12:00:00.000Z', '156'],
    ];
    const replies = [];
    for (const [at, amount] of payments) {
      server.clock.set(at);
      replies.push((await server.post(`${pool}/loans/${loanId}/repayments`, { amount }, t.tom)).body);
    }
    expect(replies.map((r) => [r.interest, r.principal, r.outstanding, r.status])).toEqual([
      ['6.00', '150.00', '450.00', 'active'],
      ['6.00', '94.00', '356.00', 'active'],
      ['6.00', '206.00', '150.00', 'active'],
      ['6.00', '150.00', '0.00', 'repaid'],
    ]);

    const loan = (await get(`${pool}/loans/${loanId}`, t.audrey)).body;
    expect(loan).toMatchObject({
      status: 'repaid',
      borrowerId: 'ann',
      projectId: 'greenhouse-phase-1',
      paid: { principal: '600.00', interest: '24.00', total: '624.00' },
      outstanding: '0.00',
      arrears: '0.00',
    });
    expect(loan.approvals).toEqual([
      { treasurerId: 'tia', role: 'treasurer', note: 'Ann repaid her last loan early', at: '2026-03-01T10:00:00.000Z' },
      { treasurerId: 'tom', role: 'treasurer', note: 'the greenhouse pays for itself', at: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(loan.schedule.map((i: any) => [i.dueDate.slice(0, 10), i.total])).toEqual([
      ['2026-04-01', '156.00'], ['2026-05-01', '156.00'], ['2026-06-01', '156.00'], ['2026-07-01', '156.00'],
    ]);

    const savings = (await get('/hubs/laurel-fork/members/ann/statement?account=savings', t.ann)).body;
    expect(savings.entries.map((e: any) => [e.type, e.amount, e.balance])).toEqual([['SavingsDeposited', '400.00', '400.00']]);
    const balance = (await get('/hubs/laurel-fork/members/ann/balance', t.ann)).body;
    expect(balance.savings).toEqual({ balance: '400.00' });
    expect(balance.loans).toEqual({ outstanding: '0.00' });
    const loansStatement = (await get('/hubs/laurel-fork/members/ann/statement?account=loans', t.ann)).body;
    expect(loansStatement.entries.map((e: any) => [e.type, e.amount, e.balance])).toEqual([
      ['LoanDisbursed', '600.00', '600.00'],
      ['LoanRepaymentReceived', '-150.00', '450.00'],
      ['LoanRepaymentReceived', '-94.00', '356.00'],
      ['LoanRepaymentReceived', '-206.00', '150.00'],
      ['LoanRepaymentReceived', '-150.00', '0.00'],
    ]);
  });

  it('refuses a second loan the pool cannot cover after its reserve', async () => {
    server.clock.set('2026-07-02T10:00:00.000Z');
    // cash 1,024.00 (1,000 saved, 24 interest); reserve 10 % of 1,000 savings
    const big = (await server.post(`${pool}/loans`, { borrowerId: 'ben', principal: '924.01', termMonths: 6, annualInterestRate: '0', purpose: 'truck' }, t.tia)).body;
    await server.post(`${pool}/loans/${big.loanId}/approvals`, { note: 'ok' }, t.tia);
    await server.post(`${pool}/loans/${big.loanId}/approvals`, { note: 'ok' }, t.tom);
    const refused = await server.post(`${pool}/loans/${big.loanId}/disbursement`, {}, t.tom);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('insufficient_liquidity');
    expect((await get(`${pool}/loans/${big.loanId}`, t.tia)).body.status).toBe('approved');
    expect((await server.post(`${pool}/loans/${big.loanId}/cancellation`, {}, t.ben)).body.status).toBe('cancelled');
  });

  it('does not let a treasurer who borrows approve their own loan', async () => {
    const own = (await server.post(`${pool}/loans`, { borrowerId: 'tia', principal: '50', termMonths: 2, annualInterestRate: '0', purpose: 'seed' }, t.tia)).body;
    const reply = await server.post(`${pool}/loans/${own.loanId}/approvals`, { note: 'trust me' }, t.tia);
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('separation_of_duties');
    expect(reply.body.detail).toContain('no-decision-on-own-loan');
  });

  it('shows arrears and days past due against the schedule as of a moment', async () => {
    server.clock.set('2026-08-01T09:00:00.000Z');
    const small = (await server.post(`${pool}/loans`, { borrowerId: 'cal', principal: '100', termMonths: 2, annualInterestRate: '0', purpose: 'tools' }, t.cal)).body;
    await server.post(`${pool}/loans/${small.loanId}/approvals`, { note: 'ok' }, t.tia);
    await server.post(`${pool}/loans/${small.loanId}/approvals`, { note: 'ok' }, t.tom);
    await server.post(`${pool}/loans/${small.loanId}/disbursement`, {}, t.tom);
    const asOf = async (moment: string) => (await get(`${pool}/loans/${small.loanId}?asOf=${moment}`, t.cal)).body;
    expect(await asOf('2026-08-20T00:00:00Z')).toMatchObject({ arrears: '0.00', daysPastDue: 0, outstanding: '100.00' });
    expect(await asOf('2026-10-16T09:00:00Z')).toMatchObject({ arrears: '100.00', daysPastDue: 45 }); // the first 50.00 fell due on 1 September
    server.clock.set('2026-10-16T09:00:00.000Z');
    const summary = (await server.get(pool, t.audrey)).body;
    expect(summary.loans).toMatchObject({ active: 1, outstanding: '100.00', arrears: '100.00', portfolioAtRisk30: '100.00', interestReceived: '24.00' });
    expect(summary).toMatchObject({ savings: '1000.00', cash: '924.00', reserve: '100.00', available: '824.00' });
    expect((await server.get(pool, t.cal)).status).toBe(403);
  });

  it("shows a member their own loans only, and hides another member's loan", async () => {
    expect((await get(`${pool}/loans/${loanId}`, t.ben)).status).toBe(404);
    const mine = (await get(`${pool}/loans`, t.ben)).body.loans;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((loan: any) => loan.borrowerId === 'ben')).toBe(true);
    const all = (await get(`${pool}/loans?status=repaid`, t.coco)).body.loans;
    expect(all.map((loan: any) => loan.loanId)).toEqual([loanId]);
  });

  it('limits a withdrawal by the member savings and takes it from the pool', async () => {
    const tooMuch = await server.post(`${pool}/withdrawals`, { memberId: 'ben', amount: '300.01' }, t.tia);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('insufficient_funds');
    const ok = await server.post(`${pool}/withdrawals`, { memberId: 'ben', amount: '300' }, t.tia);
    expect(ok.body).toMatchObject({ memberId: 'ben', savings: '0.00' });
  });

  it('refuses pool commands from the wrong roles and bad bodies', async () => {
    expect((await server.post(`${pool}/deposits`, { memberId: 'ann', amount: '5' }, t.coco)).status).toBe(403);
    expect((await server.post(`${pool}/deposits`, { memberId: 'ann', amount: '5' }, t.ann)).status).toBe(403);
    expect((await server.post(`${pool}/loans`, { borrowerId: 'ben', principal: '5', termMonths: 1, annualInterestRate: '0', purpose: 'x' }, t.ann)).status).toBe(403);
    const bad = await server.post(`${pool}/deposits`, { memberId: 'ann', amount: '5.001' }, t.tia);
    expect(bad.body.code).toBe('validation_failed');
    expect((await server.post(`${pool}/loans/${loanId}/disbursement`, { status: 'active' }, t.tom)).status).toBe(400);
    expect((await server.post(`${pool}/loans`, { borrowerId: 'ben', principal: '5', termMonths: 61, annualInterestRate: '0', purpose: 'x' }, t.tia)).status).toBe(400);
  });
});
