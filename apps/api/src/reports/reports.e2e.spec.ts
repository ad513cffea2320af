import { ADMIN, TestServer } from '../testing/test-server';

/**
 * A hub's history across several days, on an injected clock, and its financing report and
 * balances as of each day, checked against figures worked out by hand.
 */
describe('financing reports and answers as of any moment', () => {
  let server: TestServer;
  let t: Record<string, string>;
  let ridgeToken: string;
  const day = (date: string) => `${date}T10:00:00.000Z`;
  const endOf = (date: string) => `${date}T23:59:59.000Z`;

  beforeAll(async () => {
    server = await TestServer.start();
    server.clock.set(day('2026-05-01'));
    for (const hubId of ['valley', 'ridge']) {
      await server.post('/hubs', { hubId, name: hubId, currency: 'USD', timeBank: { defaultCreditLimit: '10' }, pool: { approvalQuorum: 2, reserveRatio: '0.1' } }, ADMIN);
    }
    t = {};
    const roles: Record<string, string[]> = { ann: ['member'], ben: ['member'], cal: ['member'], tia: ['member', 'treasurer'], tom: ['treasurer'], coco: ['coordinator'], audrey: ['auditor'] };
    for (const [memberId, r] of Object.entries(roles)) {
      t[memberId] = (await server.post('/hubs/valley/members', { memberId, displayName: memberId, roles: r }, ADMIN)).body.token;
    }
    const ridgeCoordinator = (await server.post('/hubs/ridge/members', { memberId: 'rita', displayName: 'Rita', roles: ['member', 'coordinator'] }, ADMIN)).body.token;
    ridgeToken = ridgeCoordinator;
    await server.post('/hubs/ridge/members', { memberId: 'ray', displayName: 'Ray', roles: ['member'] }, ADMIN);
    const ok = async (reply: Promise<{ status: number; body: any }>) => {
      const { status, body } = await reply;
      if (status !== 201) throw new Error(JSON.stringify(body));
      return body;
    };
    const contribute = (token: string, body: object, hubId = 'valley') => ok(server.post(`/hubs/${hubId}/contributions`, body, token));
    const pay = (from: string, to: string, hours: string) =>
      ok(server.post('/hubs/valley/timebank/transfers', { fromMemberId: from, toMemberId: to, hours }, t[from]));
    const pool = (path: string, body: object, token: string) => ok(server.post(`/hubs/valley/pool${path}`, body, token));

    // day 1: money, goods and volunteer hours
    await contribute(t.coco, { memberId: 'ann', kind: 'money', amount: '50', description: 'bake sale' });
    await contribute(t.tia, { memberId: 'ben', kind: 'in-kind', amount: '3', description: 'jars of honey', estimatedValue: '45' });
    await contribute(t.coco, { memberId: 'ann', kind: 'volunteer-hours', amount: '4', description: 'pantry shift' });
    await contribute(ridgeCoordinator, { memberId: 'ray', kind: 'money', amount: '10', description: 'dues' }, 'ridge');
    // day 2: hours exchanged, savings
    server.clock.set(day('2026-05-02'));
    await pay('ann', 'ben', '2.5');
    await pool('/deposits', { memberId: 'ann', amount: '500' }, t.tia);
    await pool('/deposits', { memberId: 'ben', amount: '300' }, t.tia);
    // day 3: a loan for the greenhouse: 400.00 over 2 months at 6 %: interest 4.00, instalments 202.00
    server.clock.set(day('2026-05-03'));
    const { loanId } = await pool('/loans', { borrowerId: 'ben', principal: '400', termMonths: 2, annualInterestRate: '0.06', purpose: 'glass', projectId: 'greenhouse' }, t.ben);
    await pool(`/loans/${loanId}/approvals`, { note: 'yes' }, t.tia);
    await pool(`/loans/${loanId}/approvals`, { note: 'yes' }, t.tom);
    await pool(`/loans/${loanId}/disbursement`, {}, t.tom);
    // a month later: the first instalment is repaid; more hours change hands
    server.clock.set(day('2026-06-03'));
    await pool(`/loans/${loanId}/repayments`, { amount: '202' }, t.tom);
    await pay('ben', 'ann', '9');
    await pay('cal', 'ann', '9.5');
  });
  afterAll(() => server.stop());

  /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes, CR and LF; outside quotes CR ends a row too. */
  const parseCsv = (text: string): string[][] => {
    const rows: string[][] = [[]];
    let cell = '';
    let quoted = false;
    const endCell = () => {
      rows[rows.length - 1].push(cell);
      cell = '';
    };
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (quoted && c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = !quoted;
      } else if (!quoted && c === ',') {
        endCell();
      } else if (!quoted && (c === '\n' || c === '\r')) {
        endCell();
        rows.push([]);
      } else {
        cell += c;
      }
    }
    return rows;
  };

  const report = async (query: string, token = t.audrey) => {
    const head = (await server.get('/health')).body.position;
    const reply = await server.get(`/hubs/valley/reports/financing?${query}&minPosition=${head}`, token);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const hours = async (memberId: string, asOf: string) =>
    (await server.get(`/hubs/valley/members/${memberId}/balance?asOf=${asOf}`, t.audrey)).body.hours.balance;

  it.each([
    ['2026-05-01', { money: ['1', '50.00'], inKind: ['1', '45.00'], volunteer: ['1', '4.00'], hoursExchanged: '0.00', active: 1, hubAccount: '-4.00', savings: '0.00', cash: '0.00', outstanding: '0.00', ann: '4.00', ben: '0.00' }],
    ['2026-05-02', { money: ['1', '50.00'], inKind: ['1', '45.00'], volunteer: ['1', '4.00'], hoursExchanged: '2.50', active: 2, hubAccount: '-4.00', savings: '800.00', cash: '800.00', outstanding: '0.00', ann: '1.50', ben: '2.50' }],
    ['2026-05-03', { money: ['1', '50.00'], inKind: ['1', '45.00'], volunteer: ['1', '4.00'], hoursExchanged: '2.50', active: 2, hubAccount: '-4.00', savings: '800.00', cash: '400.00', outstanding: '400.00', ann: '1.50', ben: '2.50' }],
    ['2026-06-03', { money: ['1', '50.00'], inKind: ['1', '45.00'], volunteer: ['1', '4.00'], hoursExchanged: '21.00', active: 3, hubAccount: '-4.00', savings: '800.00', cash: '602.00', outstanding: '200.00', ann: '20.00', ben: '-6.50' }],
  ])('as of the end of %s', async (date, expected) => {
    const r = await report(`asOf=${endOf(date)}`);
    expect([String(r.contributions.money.count), r.contributions.money.total]).toEqual(expected.money);
    expect([String(r.contributions.inKind.count), r.contributions.inKind.estimatedValue]).toEqual(expected.inKind);
    expect([String(r.contributions.volunteerHours.count), r.contributions.volunteerHours.hours]).toEqual(expected.volunteer);
    expect(r.timeBank).toMatchObject({ hoursExchanged: expected.hoursExchanged, activeMembers: expected.active, hubAccountBalance: expected.hubAccount });
    expect(r.pool).toMatchObject({ savings: expected.savings, cash: expected.cash, loansOutstanding: expected.outstanding });
    expect(await hours('ann', endOf(date))).toBe(expected.ann);
    const statement = (await server.get(`/hubs/valley/members/ann/statement?asOf=${endOf(date)}`, t.audrey)).body.entries;
    expect(statement.length > 0 ? statement[statement.length - 1].balance : '0.00').toBe(expected.ann);
    expect(statement.every((entry: any) => entry.at <= endOf(date))).toBe(true);
    expect(await hours('ben', endOf(date))).toBe(expected.ben);
  });

  it('shows the loan book: disbursed, repaid, interest, loans by project, and a member at the limit', async () => {
    const r = await report(`asOf=${endOf('2026-06-03')}`);
    expect(r.pool).toMatchObject({ reserve: '80.00', disbursed: '400.00', repaid: '200.00', interestEarned: '2.00', arrears: '0.00', writtenOff: '0.00' });
    expect(r.loansByProject).toEqual([{ projectId: 'greenhouse', loans: 1, disbursed: '400.00', outstanding: '200.00' }]);
    expect(r.timeBank.membersAtOrNearLimit).toBe(1); // cal: -9.50 of a 10-hour limit
  });

  it('counts arrears, and portfolio at risk once an instalment is more than 30 days late', async () => {
    // the second instalment, 202.00, fell due on 3 July and was never paid
    expect((await report(`asOf=${day('2026-07-20')}`)).pool).toMatchObject({ arrears: '202.00', portfolioAtRisk30: '0.00' });
    expect((await report(`asOf=${day('2026-08-02')}`)).pool).toMatchObject({ portfolioAtRisk30: '0.00' }); // 30 days late
    expect((await report(`asOf=${day('2026-08-03')}`)).pool).toMatchObject({ arrears: '202.00', portfolioAtRisk30: '200.00' }); // 31
  });

  it('adds up a period only from events inside it', async () => {
    const r = await report(`from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z&asOf=${day('2026-07-20')}`);
    expect(r.period).toEqual({ from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    expect(r.timeBank).toMatchObject({ hoursExchanged: '18.50', activeMembers: 3 });
    expect(r.pool).toMatchObject({ disbursed: '0.00', repaid: '200.00', interestEarned: '2.00' });
    expect(r.contributions.money).toEqual({ count: 0, total: '0.00' });
  });

  it('answers in CSV when asked', async () => {
    const reply = await server.call('GET', `/hubs/valley/reports/financing?asOf=${endOf('2026-06-03')}`, { token: t.tia, headers: { accept: 'text/csv' } });
    expect(reply.headers.get('content-type')).toContain('text/csv');
    const lines = String(reply.body).trim().split('\n');
    expect(lines[0]).toBe('hub,section,metric,value');
    expect(lines).toContain('valley,pool,cash,602.00');
    expect(lines).toContain('valley,loansByProject.greenhouse,outstanding,200.00');
  });

  it('never writes a CSV cell a spreadsheet would run as a formula, whatever a phase is named', async () => {
    const phase = "x\r=1+1*cmd|' /C calc'!A0";
    const created = await server.post('/hubs/ridge/projects', { projectId: 'shed', name: '@SUM(1)', budget: '10', phases: [{ name: phase, budget: '10' }] }, ridgeToken);
    expect(created.status).toBe(201);
    const head = (await server.get('/health')).body.position;
    const reply = await server.call('GET', `/hubs/ridge/reports/financing?minPosition=${head}`, { token: ADMIN, headers: { accept: 'text/csv' } });
    const cells = parseCsv(String(reply.body)).flat();
    expect(cells).toContain(`projects.shed.phases.${phase}`);
    expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell) || /^-(?!\d+(\.\d+)?$)/.test(cell))).toEqual([]);
  });

  it('lets treasurers, coordinators and auditors read the report, not a plain member', async () => {
    expect((await server.get('/hubs/valley/reports/financing', t.coco)).status).toBe(200);
    expect((await server.get('/hubs/valley/reports/financing', t.ann)).status).toBe(403);
    expect((await server.get('/hubs/valley/reports/financing?asOf=2020-01-01T00:00:00Z', ADMIN)).status).toBe(404);
  });

  it('gives the admin every hub and their sum per currency', async () => {
    const network = (await server.get(`/reports/network?asOf=${endOf('2026-06-03')}`, ADMIN)).body;
    expect(network.hubs.map((h: any) => h.hubId)).toEqual(['ridge', 'valley']);
    expect(network.totals).toHaveLength(1);
    expect(network.totals[0]).toMatchObject({ hubs: 2, currency: 'USD', contributions: { money: { count: 2, total: '60.00' } }, pool: { cash: '602.00' } });
    expect((await server.get('/reports/network', t.audrey)).status).toBe(403);
  });

  it('records contributions only for coordinators and treasurers, and refuses bad kinds and amounts', async () => {
    const contribution = { memberId: 'ann', kind: 'money', amount: '5', description: 'dues' };
    expect((await server.post('/hubs/valley/contributions', contribution, t.ann)).status).toBe(403);
    expect((await server.post('/hubs/valley/contributions', { ...contribution, kind: 'gold' }, t.coco)).status).toBe(400);
    expect((await server.post('/hubs/valley/contributions', { ...contribution, amount: '5.001' }, t.coco)).status).toBe(400);
    expect((await server.post('/hubs/valley/contributions', { ...contribution, amount: 5 }, t.coco)).status).toBe(400);
  });

  it("refuses volunteer hours past the hub account's limit with balance_limit_exceeded", async () => {
    const reply = await server.post('/hubs/valley/contributions', { memberId: 'ann', kind: 'volunteer-hours', amount: '996.01', description: 'all summer' }, t.coco);
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('balance_limit_exceeded');
  });
});
