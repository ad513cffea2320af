import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN, TestServer } from '../testing/test-server';

const CLI = join(__dirname, '../../../../bin/commons.js');

/** Corrections over HTTP: a wrong entry is reversed by two people, never edited, and every view shows both entries. */
describe('reversals over HTTP', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  const ok = async (reply: Promise<{ status: number; body: any }>, status = 201) => {
    const { status: got, body } = await reply;
    if (got !== status) throw new Error(`${got} ${JSON.stringify(body)}`);
    return body;
  };
  const read = async (path: string, token: string) => ok(server.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${(await server.get('/health')).body.position}`, token), 200);

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '30' }, pool: { approvalQuorum: 2 } }, ADMIN);
    for (const [memberId, roles] of Object.entries({ ann: ['member'], bob: ['member'], cal: ['member'], cody: ['member', 'coordinator'], tess: ['member', 'treasurer'], tom: ['treasurer'], aud: ['auditor'] })) {
      t[memberId] = (await server.post('/hubs/h/members', { memberId, displayName: memberId, roles }, ADMIN)).body.token;
    }
  });
  afterAll(() => server.stop());

  describe('a mistaken payment, proposed by the payer and confirmed by the payee', () => {
    let paid: { position: number };
    let proposal: { reversalId: string; status: string };
    let applied: { position: number; status: string };
    const before = '2026-03-02T09:30:00.000Z';

    beforeAll(async () => {
      paid = await ok(server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'bob', hours: '25', memo: 'childcare' }, t.ann));
      proposal = await ok(server.post('/hubs/h/reversals', { position: paid.position, reason: 'meant 2.5 hours' }, t.ann));
      server.clock.set('2026-03-02T10:00:00.000Z');
    });

    it('answers the proposal with its id and moves nothing yet', async () => {
      expect(proposal).toMatchObject({ reversalId: expect.any(String), status: 'proposed' });
      expect((await read('/hubs/h/members/bob/balance', t.bob)).hours.balance).toBe('25.00');
    });

    it('shows the payee the reversal waiting, and another member nothing of it', async () => {
      const waiting = (await read('/hubs/h/reversals?status=proposed', t.bob)).reversals;
      expect(waiting).toEqual([
        expect.objectContaining({ reversalId: proposal.reversalId, status: 'proposed', original: { position: paid.position, type: 'HoursPaid' }, amount: '25.00', unit: 'hours', proposedBy: 'ann', reason: 'meant 2.5 hours' }),
      ]);
      // the people it names, by name (members here are named after their ids)
      expect(waiting[0].names).toMatchObject({ ann: 'ann', bob: 'bob' });
      expect((await read('/hubs/h/reversals', t.cal)).reversals).toEqual([]);
      expect((await read('/hubs/h/reversals', t.cody)).reversals).toHaveLength(1);
    });

    it('refuses the payer confirming their own proposal, and a treasurer (hours are a coordinator’s ledger)', async () => {
      const own = await server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, {}, t.ann);
      expect([own.status, own.body.code]).toEqual([403, 'separation_of_duties']);
      expect(own.body.detail).toContain('no-confirming-own-proposal');
      expect((await server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, {}, t.tess)).status).toBe(403);
    });

    it('applies it when the payee confirms: exactly the hours go back', async () => {
      applied = await ok(server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, { note: 'yes, 2.5' }, t.bob));
      expect(applied).toMatchObject({ reversalId: proposal.reversalId, status: 'applied', position: expect.any(Number) });
      expect((await read('/hubs/h/members/ann/balance', t.ann)).hours.balance).toBe('0.00');
      expect((await read('/hubs/h/members/bob/balance', t.bob)).hours.balance).toBe('0.00');
    });

    it('shows both entries on both statements, each naming the other', async () => {
      for (const [memberId, amounts] of [['ann', ['-25.00', '25.00']], ['bob', ['25.00', '-25.00']]] as const) {
        const lines = (await read(`/hubs/h/members/${memberId}/statement?account=hours`, t[memberId])).entries;
        expect(lines.map((e: any) => e.amount)).toEqual(amounts);
        expect(lines[0]).toMatchObject({ position: paid.position, type: 'HoursPaid', reversedBy: { reversalId: proposal.reversalId, position: applied.position }, reverses: null });
        expect(lines[1]).toMatchObject({ position: applied.position, type: 'EntryReversed', memo: 'reversal: meant 2.5 hours', reverses: { reversalId: proposal.reversalId, position: paid.position } });
      }
    });

    it('answers as of a moment before the reversal with the original alone', async () => {
      expect((await read(`/hubs/h/members/bob/balance?asOf=${before}`, t.bob)).hours.balance).toBe('25.00');
      const lines = (await read(`/hubs/h/members/bob/statement?account=hours&asOf=${before}`, t.bob)).entries;
      expect(lines).toHaveLength(1);
      expect(lines[0].reversedBy).toBeNull();
    });

    it('reverses an entry at most once, and never a reversal itself', async () => {
      const again = await server.post('/hubs/h/reversals', { position: paid.position, reason: 'again' }, t.ann);
      expect([again.status, again.body.code]).toEqual([409, 'invalid_state']);
      const ofReversal = await server.post('/hubs/h/reversals', { position: applied.position, reason: 'undo' }, t.bob);
      expect([ofReversal.status, ofReversal.body.code]).toEqual([409, 'invalid_state']);
      const twice = await server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, {}, t.cody);
      expect([twice.status, twice.body.code]).toEqual([409, 'invalid_state']);
    });

    it('counts the reversal in the financing report and lists it among the corrections', async () => {
      const report = await read('/hubs/h/reports/financing', t.tess);
      expect(report.timeBank.hoursExchanged).toBe('0.00');
      expect(report.corrections.entries).toEqual([
        { position: applied.position, at: '2026-03-02T10:00:00.000Z', reverses: paid.position, type: 'HoursPaid', amount: '25.00', unit: 'hours' },
      ]);
      const earlier = await read(`/hubs/h/reports/financing?asOf=${before}`, t.tess);
      expect([earlier.timeBank.hoursExchanged, earlier.corrections.count]).toEqual(['25.00', 0]);
    });

    it('exports both entries in the journal, the reversal naming the original and moving its postings back', async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'audit', 'export', '--format', 'csv', '--hub', 'h'], { env: { ...process.env, DATA_DIR: server.dataDir } });
      const rows = stdout.trim().split('\n');
      const reversal = rows.find((row) => row.startsWith(`${applied.position},`))!;
      expect(reversal).toContain(',EntryReversed,bob,ann:hours;bob:hours,25.00 HOUR;-25.00 HOUR,');
      const original = rows.find((row) => row.startsWith(`${paid.position},`))!;
      expect(original).toContain(`,HoursPaid,ann,ann:hours;bob:hours,"'-25.00 HOUR;25.00 HOUR",`);
      expect(reversal.endsWith(`,${paid.position},bob`)).toBe(true); // the reversed position, then who did it by name
    });
  });

  it('records a retried proposal and a retried confirmation once, each answering as the first time', async () => {
    const paid = await ok(server.post('/hubs/h/timebank/transfers', { fromMemberId: 'cal', toMemberId: 'bob', hours: '0.5' }, t.cal));
    const body = { position: paid.position, reason: 'a retry must not propose twice' };
    const first = await ok(server.post('/hubs/h/reversals', body, t.cal, { 'Idempotency-Key': 'undo-cal-1' }));
    const again = await ok(server.post('/hubs/h/reversals', body, t.cal, { 'Idempotency-Key': 'undo-cal-1' }));
    expect(again).toEqual(first);
    const confirmed = await ok(server.post(`/hubs/h/reversals/${first.reversalId}/confirmation`, {}, t.bob, { 'Idempotency-Key': 'yes-1' }));
    expect(await ok(server.post(`/hubs/h/reversals/${first.reversalId}/confirmation`, {}, t.bob, { 'Idempotency-Key': 'yes-1' }))).toEqual(confirmed);
    const other = await server.post('/hubs/h/reversals', { ...body, reason: 'another body' }, t.cal, { 'Idempotency-Key': 'undo-cal-1' });
    expect([other.status, other.body.code]).toEqual([409, 'idempotency_conflict']);
    const mine = (await read('/hubs/h/reversals', t.cal)).reversals.filter((r: any) => r.original.position === paid.position);
    expect(mine.map((r: any) => r.status)).toEqual(['applied']);
  });

  it.each([
    ['a misspelt field', { positon: 1, reason: 'x' }],
    ['a position as a string', { position: '3', reason: 'x' }],
    ['a position that is not whole', { position: 3.5, reason: 'x' }],
    ['an empty reason', { position: 3, reason: '' }],
    ['a field the route does not take', { position: 3, reason: 'x', confirmedBy: 'bob' }],
  ])('refuses %s with 400 and records nothing', async (_case, body) => {
    const head = (await server.get('/health')).body.position;
    const reply = await server.post('/hubs/h/reversals', body, t.ann);
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    expect((await server.get('/health')).body.position).toBe(head);
  });

  it('lets a payment be proposed again after a rejection, by the payee who turned it down', async () => {
    const paid = await ok(server.post('/hubs/h/timebank/transfers', { fromMemberId: 'cal', toMemberId: 'bob', hours: '1' }, t.cal));
    const first = await ok(server.post('/hubs/h/reversals', { position: paid.position, reason: 'wrong person' }, t.cal));
    const rejected = await ok(server.post(`/hubs/h/reversals/${first.reversalId}/rejection`, { reason: 'I did the work' }, t.bob));
    expect(rejected.status).toBe('rejected');
    expect((await read('/hubs/h/members/bob/balance', t.bob)).hours.balance).toBe('1.00');
    expect((await server.post('/hubs/h/reversals', { position: paid.position, reason: 'asked the coordinator' }, t.cal)).status).toBe(201);
  });

  describe('money', () => {
    it("reverses a treasurer's deposit typo with a second treasurer, and shows both lines on the savings statement", async () => {
      const typo = await ok(server.post('/hubs/h/pool/deposits', { memberId: 'ann', amount: '3000.00' }, t.tess));
      const proposal = await ok(server.post('/hubs/h/reversals', { position: typo.position, reason: 'typed 3000.00 for 300.00' }, t.tess));
      const alone = await server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, {}, t.tess);
      expect([alone.status, alone.body.code]).toEqual([403, 'separation_of_duties']);
      const applied = await ok(server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, {}, t.tom));
      await ok(server.post('/hubs/h/pool/deposits', { memberId: 'ann', amount: '300.00' }, t.tess));
      expect((await read('/hubs/h/members/ann/balance', t.ann)).savings.balance).toBe('300.00');
      const lines = (await read('/hubs/h/members/ann/statement?account=savings', t.ann)).entries;
      expect(lines.map((e: any) => [e.amount, e.balance, e.reversedBy?.position ?? null, e.reverses?.position ?? null])).toEqual([
        ['3000.00', '3000.00', applied.position, null],
        ['-3000.00', '0.00', null, typo.position],
        ['300.00', '300.00', null, null],
      ]);
      expect((await read('/hubs/h/pool', t.tess)).cash).toBe('300.00');
    });

    it('refuses to reverse a deposit whose money was lent out, and records nothing', async () => {
      const saved = await ok(server.post('/hubs/h/pool/deposits', { memberId: 'bob', amount: '500.00' }, t.tess));
      const loan = await ok(server.post('/hubs/h/pool/loans', { borrowerId: 'cal', principal: '700.00', termMonths: 2, annualInterestRate: '0', purpose: 'truck' }, t.cal));
      await ok(server.post(`/hubs/h/pool/loans/${loan.loanId}/approvals`, { note: 'ok' }, t.tess));
      await ok(server.post(`/hubs/h/pool/loans/${loan.loanId}/approvals`, { note: 'ok' }, t.tom));
      await ok(server.post(`/hubs/h/pool/loans/${loan.loanId}/disbursement`, {}, t.tom));
      const head = (await server.get('/health')).body.position;
      const refused = await server.post('/hubs/h/reversals', { position: saved.position, reason: 'wrong member' }, t.tess);
      expect([refused.status, refused.body.code]).toEqual([422, 'insufficient_liquidity']);
      expect((await server.get('/health')).body.position).toBe(head);
    });

    it('gives back a repayment that never happened: the loan owes it again, on the loans statement too', async () => {
      const loans = (await read('/hubs/h/pool/loans?status=active', t.tess)).loans;
      const loan = loans[0];
      const repaid = await ok(server.post(`/hubs/h/pool/loans/${loan.loanId}/repayments`, { amount: '100.00' }, t.tess));
      const proposal = await ok(server.post('/hubs/h/reversals', { position: repaid.position, reason: 'the cheque bounced' }, t.tom));
      await ok(server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, {}, t.cal));
      const after = await read(`/hubs/h/pool/loans/${loan.loanId}`, t.cal);
      expect(after.outstanding).toBe('700.00');
      const lines = (await read('/hubs/h/members/cal/statement?account=loans', t.cal)).entries;
      expect(lines.map((e: any) => e.balance)).toEqual(['700.00', '600.00', '700.00']);
    });

    it('keeps the reversal of an aid payment from a coordinator, who may not learn who received aid', async () => {
      await ok(server.post('/hubs/h/contributions', { memberId: 'cal', kind: 'money', amount: '50.00', description: 'collection', fund: 'aid' }, t.tess));
      const request = await ok(server.post('/hubs/h/aid/requests', { memberId: 'bob', amount: '20.00' }, t.bob));
      const paid = await ok(server.post(`/hubs/h/aid/requests/${request.requestId}/payment`, {}, t.tess));
      const proposal = await ok(server.post('/hubs/h/reversals', { position: paid.position, reason: 'paid by hand as well' }, t.tom));
      const seen = async (token: string) => (await read('/hubs/h/reversals?status=proposed', token)).reversals.map((r: any) => r.reversalId);
      expect(await seen(t.tess)).toContain(proposal.reversalId);
      expect(await seen(t.bob)).toContain(proposal.reversalId);
      expect(await seen(t.cody)).not.toContain(proposal.reversalId);
      await ok(server.post(`/hubs/h/reversals/${proposal.reversalId}/confirmation`, {}, t.bob));
      expect((await read(`/hubs/h/aid/requests/${request.requestId}`, t.bob)).status).toBe('reversed');
    });

    it('refuses a reversal proposed by someone who is neither a party nor a treasurer, and one of another hub', async () => {
      const gift = await ok(server.post('/hubs/h/contributions', { memberId: 'bob', kind: 'money', amount: '40.00', description: 'pie supper' }, t.tess));
      expect((await server.post('/hubs/h/reversals', { position: gift.position, reason: 'x' }, t.cody)).status).toBe(403);
      expect((await server.post('/hubs/h/reversals', { position: 999_999, reason: 'x' }, t.tess)).status).toBe(404);
      expect((await server.post('/hubs/h/reversals', { position: 1, reason: 'x' }, t.tess)).body.code).toBe('invalid_state');
    });
  });
});
