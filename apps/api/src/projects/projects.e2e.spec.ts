import { TestServer, hubWithMembers } from '../testing/test-server';

/**
 * A greenhouse financed phase by phase from the savings pool, a credit union, a grant and
 * earmarked contributions; its report checked against figures worked out by hand.
 */
describe('hub projects and their financing', () => {
  let server: TestServer;
  let t: Record<string, string>;
  let beforeSpending: string;
  let creditUnionId: string;
  let grantId: string;

  const ok = async (reply: Promise<{ status: number; body: any }>, status = 201) => {
    const { status: got, body } = await reply;
    if (got !== status) throw new Error(`${got} ${JSON.stringify(body)}`);
    return body;
  };

  beforeAll(async () => {
    server = await TestServer.start();
    server.clock.set('2026-06-01T10:00:00.000Z');
    t = await hubWithMembers(server, 'ridge', [
      { memberId: 'ann' },
      { memberId: 'ben' },
      { memberId: 'tia', roles: ['member', 'treasurer'] },
      { memberId: 'tom', roles: ['treasurer'] },
      { memberId: 'coco', roles: ['coordinator'] },
    ]);
    const post = (path: string, body: object, token: string) => ok(server.post(`/hubs/ridge${path}`, body, token));

    await post('/projects', {
      projectId: 'greenhouse', name: 'Community greenhouse', budget: '10000',
      phases: [{ name: 'foundation', budget: '4000' }, { name: 'glazing', budget: '5000' }],
    }, t.coco);
    // the pool lends ben 2,500 for the foundation, interest-free; he repays 500
    await post('/pool/deposits', { memberId: 'ann', amount: '3000' }, t.tia);
    await post('/pool/deposits', { memberId: 'ben', amount: '2000' }, t.tia);
    const { loanId } = await post('/pool/loans', { borrowerId: 'ben', principal: '2500', termMonths: 12, annualInterestRate: '0', purpose: 'footings', projectId: 'greenhouse', phase: 'foundation' }, t.ben);
    await post(`/pool/loans/${loanId}/approvals`, { note: 'agreed at the June meeting' }, t.tia);
    await post(`/pool/loans/${loanId}/approvals`, { note: 'agreed' }, t.tom);
    await post(`/pool/loans/${loanId}/disbursement`, {}, t.tom);
    await post(`/pool/loans/${loanId}/repayments`, { amount: '500' }, t.tia);
    // a credit-union loan and a grant for the glazing; 1,000 repaid to the credit union
    creditUnionId = (await post('/projects/greenhouse/financing', { source: 'credit-union', lender: 'Mountain Credit Union', amount: '4000', terms: '5 years at 4%', phase: 'glazing' }, t.tia)).financingId;
    grantId = (await post('/projects/greenhouse/financing', { source: 'grant', lender: 'Appalachian Foundation', amount: '1000', phase: 'glazing' }, t.tom)).financingId;
    const repaid = await post(`/projects/greenhouse/financing/${creditUnionId}/repayments`, { amount: '1000' }, t.tia);
    expect(repaid.owed).toBe('3000.00');
    // members' money earmarked: 300 for the foundation, 200 for the project as a whole
    await post('/contributions', { memberId: 'ann', kind: 'money', amount: '300', description: 'for the footings', projectId: 'greenhouse', phase: 'foundation' }, t.coco);
    await post('/contributions', { memberId: 'ben', kind: 'money', amount: '200', description: 'greenhouse fund', projectId: 'greenhouse' }, t.coco);
    beforeSpending = '2026-06-01T23:59:59.000Z';
    server.clock.set('2026-06-02T10:00:00.000Z');
    await post('/projects/greenhouse/spending', { phase: 'foundation', amount: '2600', description: 'concrete and rebar' }, t.tia);
    await post('/projects/greenhouse/spending', { phase: 'glazing', amount: '1500', description: 'polycarbonate panels' }, t.tom);
  });
  afterAll(() => server.stop());

  const zero = { poolLoans: '0.00', contributions: '0.00', creditUnion: '0.00', grant: '0.00', other: '0.00' };
  const expected = {
    projectId: 'greenhouse',
    name: 'Community greenhouse',
    budget: '10000.00',
    financed: { poolLoans: '2500.00', contributions: '500.00', creditUnion: '4000.00', grant: '1000.00', other: '0.00', total: '8000.00' },
    spent: '4100.00',
    remaining: '5900.00',
    unfinanced: '2000.00',
    owed: [
      { lender: 'Mountain Credit Union', source: 'credit-union', owed: '3000.00' },
      { lender: 'savings pool', source: 'pool-loan', owed: '2000.00' },
    ],
    phases: [
      { name: 'foundation', budget: '4000.00', financed: { ...zero, poolLoans: '2500.00', contributions: '300.00', total: '2800.00' }, spent: '2600.00', remaining: '1400.00' },
      { name: 'glazing', budget: '5000.00', financed: { ...zero, creditUnion: '4000.00', grant: '1000.00', total: '5000.00' }, spent: '1500.00', remaining: '3500.00' },
    ],
  };

  it('shows every source, the spending and what each lender is owed, per project and phase', async () => {
    const project = await ok(server.get('/hubs/ridge/projects/greenhouse', t.ann), 200);
    expect(project).toMatchObject({ ...expected, currency: 'USD', createdBy: 'coco' });
    const report = await ok(server.get('/hubs/ridge/reports/financing', t.tia), 200);
    expect(report.projects).toEqual([expected]);
    const csv = await server.call('GET', '/hubs/ridge/reports/financing', { token: t.tia, headers: { accept: 'text/csv' } });
    expect(String(csv.body)).toContain('ridge,projects.greenhouse.phases.foundation.financed,total,2800.00');
    expect(String(csv.body)).toContain('ridge,projects.greenhouse.owed,credit-union:Mountain Credit Union,3000.00');
  });

  it('answers as of a moment before the spending', async () => {
    const project = await ok(server.get(`/hubs/ridge/projects/greenhouse?asOf=${beforeSpending}`, t.tia), 200);
    expect(project.spent).toBe('0.00');
    expect(project.remaining).toBe('10000.00');
    expect(project.financed.total).toBe('8000.00');
    expect((await server.get('/hubs/ridge/projects/greenhouse?asOf=2026-05-01T00:00:00.000Z', t.tia)).status).toBe(404);
  });

  it('refuses what does not add up, and whoever may not record it', async () => {
    const refused = async (reply: Promise<{ status: number; body: any }>, status: number, code: string) => {
      const { status: got, body } = await reply;
      expect([got, body.code]).toEqual([status, code]);
    };
    await refused(server.post('/hubs/ridge/projects/greenhouse/financing/' + creditUnionId + '/repayments', { amount: '3000.01' }, t.tia), 422, 'overpayment');
    await refused(server.post(`/hubs/ridge/projects/greenhouse/financing/${grantId}/repayments`, { amount: '1' }, t.tia), 409, 'invalid_state');
    await refused(server.post('/hubs/ridge/projects/greenhouse/spending', { phase: 'roof', amount: '1', description: 'x' }, t.tia), 400, 'validation_failed');
    await refused(server.post('/hubs/ridge/projects/greenhouse/spending', { phase: 'glazing', amount: '1', description: 'x' }, t.coco), 403, 'forbidden');
    await refused(server.post('/hubs/ridge/projects/shed/financing', { source: 'grant', lender: 'x', amount: '1' }, t.tia), 404, 'not_found');
    await refused(server.post('/hubs/ridge/projects/greenhouse/financing', { source: 'bank', lender: 'x', amount: '1' }, t.tia), 400, 'validation_failed');
    await refused(server.post('/hubs/ridge/projects', { projectId: 'shed', name: 'Shed', budget: '100', phases: [{ name: 'all', budget: '100' }] }, t.tia), 403, 'forbidden');
    await refused(server.post('/hubs/ridge/projects', { projectId: 'shed', name: 'Shed', budget: '100', phases: [{ name: 'a', budget: '60' }, { name: 'b', budget: '60' }] }, t.coco), 400, 'validation_failed');
    await refused(server.post('/hubs/ridge/projects', { projectId: 'greenhouse', name: 'Again', budget: '100', phases: [{ name: 'a', budget: '1' }] }, t.coco), 409, 'already_exists');
    await refused(server.post('/hubs/ridge/contributions', { memberId: 'ann', kind: 'money', amount: '5', description: 'x', projectId: 'greenhouse', fund: 'aid' }, t.coco), 400, 'validation_failed');
    await refused(server.post('/hubs/ridge/pool/loans', { borrowerId: 'ann', principal: '5', termMonths: 1, annualInterestRate: '0', purpose: 'x', projectId: 'greenhouse', phase: 'roof' }, t.ann), 400, 'validation_failed');
    // nothing refused changed the figures
    expect((await ok(server.get('/hubs/ridge/projects/greenhouse', t.tia), 200)).financed).toEqual(expected.financed);
  });
});
