import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the tool library over HTTP', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const people = [
    ['alice', 'Alice Caudill', ['member']],
    ['bob', 'Bob Hensley', ['member']],
    ['cal', 'Cal Ritchie', ['member']],
    ['cora', 'Cora Slone', ['member', 'coordinator']],
    ['dora', 'Dora Combs', ['member', 'coordinator']],
  ] as const;

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '3' } }, ADMIN);
    for (const [memberId, displayName, roles] of people) tokens[memberId] = (await server.post('/hubs/lf/members', { memberId, displayName, roles }, ADMIN)).body.token;
    await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'tools', name: 'Tools' }] });
  });
  afterAll(() => server.stop());

  const add = (body: object, token = tokens.cora) => server.post('/hubs/lf/things', { description: '', loanDays: 7, owner: 'hub', ...body }, token);
  const lend = (thingId: string, memberId: string, token = tokens.cora, extra: object = {}) => server.post(`/hubs/lf/things/${thingId}/loans`, { memberId, ...extra }, token);
  const giveBack = (thingId: string, body: object = {}, token = tokens.cora) => server.post(`/hubs/lf/things/${thingId}/return`, body, token);
  const thing = async (thingId: string, position: number, token = tokens.alice) => (await server.get(`/hubs/lf/things/${thingId}?minPosition=${position}`, token)).body;

  it('holds the generator for a member while it is out, gives it to them when it comes back, and to nobody else out of turn', async () => {
    const added = await add({ thingId: 'generator', name: 'Generator, 3 kW', description: 'Petrol; bring it back full', categoryId: 'tools' });
    expect(added.status).toBe(201);
    const out = await lend('generator', 'alice');
    expect(out.status).toBe(201);
    expect(out.body).toMatchObject({ thingId: 'generator', status: 'on_loan', dueAt: new Date(server.clock.now().getTime() + 7 * DAY_MS).toISOString() });

    const bobHolds = await server.post('/hubs/lf/things/generator/holds', {}, tokens.bob);
    expect(bobHolds.status).toBe(201);
    expect(bobHolds.body).toMatchObject({ place: 1, status: 'on_loan' });
    const calHolds = await server.post('/hubs/lf/things/generator/holds', {}, tokens.cal);
    expect(calHolds.body).toMatchObject({ place: 2 });
    const whileOut = await thing('generator', calHolds.body.position);
    expect(whileOut).toMatchObject({ status: 'on_loan', owner: { memberId: 'hub', displayName: 'the hub' }, category: { categoryId: 'tools', name: 'Tools' } });
    expect(whileOut.queue.map((hold: any) => [hold.place, hold.displayName])).toEqual([[1, 'Bob Hensley'], [2, 'Cal Ritchie']]);

    server.clock.advance(2 * DAY_MS);
    const back = await giveBack('generator', { condition: 'worn', note: 'needs an oil change soon' });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('on_hold');
    const waiting = await thing('generator', back.body.position);
    expect(waiting.turn).toMatchObject({ memberId: 'bob', displayName: 'Bob Hensley', until: new Date(server.clock.now().getTime() + 3 * DAY_MS).toISOString() });

    const outOfTurn = await lend('generator', 'cal');
    expect([outOfTurn.status, outOfTurn.body.code]).toEqual([403, 'forbidden']);
    expect(outOfTurn.body.detail).toContain('held for bob');
    const toBob = await lend('generator', 'bob');
    expect([toBob.status, toBob.body.status]).toEqual([201, 'on_loan']);
    const bobs = (await server.get(`/hubs/lf/members/bob/things?minPosition=${toBob.body.position}`, tokens.bob)).body;
    expect(bobs.loans).toEqual([expect.objectContaining({ thingId: 'generator', name: 'Generator, 3 kW', dueAt: toBob.body.dueAt, overdue: false })]);
    const cals = (await server.get('/hubs/lf/members/cal/things', tokens.cal)).body;
    expect(cals.holds).toEqual([expect.objectContaining({ thingId: 'generator', place: 1, status: 'on_loan' })]);

    const history = (await server.get('/hubs/lf/things/generator/history', tokens.cora)).body.history;
    expect(history.map((line: any) => [line.kind, line.member?.displayName ?? null, line.condition])).toEqual([
      ['added', null, null],
      ['lent', 'Alice Caudill', null],
      ['returned', 'Alice Caudill', 'worn'],
      ['lent', 'Bob Hensley', null],
    ]);
    expect((await server.get('/hubs/lf/things/generator/history', tokens.alice)).status).toBe(403);
    // Cal leaves the queue; nobody else may take his hold away
    const notHis = await server.call('DELETE', `/hubs/lf/things/generator/holds/${calHolds.body.holdId}`, { token: tokens.alice });
    expect([notHis.status, notHis.body.code]).toEqual([403, 'forbidden']);
    const left = await server.call('DELETE', `/hubs/lf/things/generator/holds/${calHolds.body.holdId}`, { token: tokens.cal });
    expect([left.status, left.body.status]).toEqual([200, 'on_loan']);
    expect((await server.get(`/hubs/lf/members/cal/things?minPosition=${left.body.position}`, tokens.cal)).body.holds).toEqual([]);
    expect((await server.get('/hubs/lf/members/bob/things', tokens.alice)).status).toBe(403);
  });

  it('puts a thing returned needing repair in repair, where nobody can hold or borrow it, until it is mended', async () => {
    await add({ thingId: 'chainsaw', name: 'Chainsaw' });
    await lend('chainsaw', 'cal');
    const broken = await giveBack('chainsaw', { condition: 'needs_repair', note: 'chain snapped' });
    expect(broken.body.status).toBe('in_repair');
    const hold = await server.post('/hubs/lf/things/chainsaw/holds', {}, tokens.alice);
    expect([hold.status, hold.body.code]).toEqual([409, 'invalid_state']);
    const borrow = await lend('chainsaw', 'alice');
    expect([borrow.status, borrow.body.code]).toEqual([409, 'invalid_state']);
    const available = (await server.get(`/hubs/lf/things?available=true&minPosition=${borrow.body.position ?? broken.body.position}`, tokens.alice)).body.things.map((t: any) => t.thingId);
    expect(available).not.toContain('chainsaw');
    const mended = await server.call('PATCH', '/hubs/lf/things/chainsaw', { token: tokens.cora, body: { status: 'available', note: 'new chain' } });
    expect([mended.status, mended.body.status]).toEqual([200, 'available']);
    const catalogue = (await server.get(`/hubs/lf/things?available=true&q=CHAIN&minPosition=${mended.body.position}`, tokens.alice)).body.things;
    expect(catalogue.map((t: any) => t.thingId)).toEqual(['chainsaw']);
    const lines = (await server.get('/hubs/lf/things/chainsaw/history', tokens.cora)).body.history.map((line: any) => [line.kind, line.note]);
    expect(lines.slice(-2)).toEqual([['returned', 'chain snapped'], ['repaired', 'new chain']]);
  });

  it('refuses an hours-per-loan thing to a member at their credit limit, recording nothing, and pays the hub when it lends', async () => {
    await add({ thingId: 'tiller', name: 'Tiller', hoursPerLoan: '2' });
    const pay = await server.post('/hubs/lf/timebank/transfers', { fromMemberId: 'cal', toMemberId: 'bob', hours: '2', memo: 'fence' }, tokens.cal);
    expect(pay.status).toBe(201);
    const before = await server.get(`/audit/verify`, ADMIN);
    const refused = await lend('tiller', 'cal');
    expect([refused.status, refused.body.code]).toEqual([422, 'credit_limit_exceeded']);
    const after = await server.get(`/audit/verify`, ADMIN);
    expect(after.body.events).toBe(before.body.events);
    expect((await thing('tiller', pay.body.position)).status).toBe('available');

    const toAlice = await lend('tiller', 'alice');
    expect(toAlice.status).toBe(201);
    expect(toAlice.body.hours).toMatchObject({ hours: '2.00', paidTo: '@hub' });
    const balance = (await server.get(`/hubs/lf/members/alice/balance?minPosition=${toAlice.body.position}`, tokens.alice)).body;
    expect(balance.hours.balance).toBe('-2.00');
    const statement = (await server.get('/hubs/lf/members/alice/statement?account=hours', tokens.alice)).body;
    const line = statement.entries.find((entry: any) => entry.memo === 'Loan of Tiller');
    expect(line).toMatchObject({ amount: '-2.00' });

    // the loan's hours are reversed like any payment: by its position, confirmed by a coordinator
    const proposed = await server.post('/hubs/lf/reversals', { position: line.position, reason: 'the tiller would not start' }, tokens.alice);
    expect(proposed.status).toBe(201);
    const confirmed = await server.post(`/hubs/lf/reversals/${proposed.body.reversalId}/confirmation`, {}, tokens.cora);
    expect(confirmed.body.status).toBe('applied');
    expect((await server.get(`/hubs/lf/members/alice/balance?minPosition=${confirmed.body.position}`, tokens.alice)).body.hours.balance).toBe('0.00');
  });

  it('pays a member’s own thing’s hours to its owner, who lends and takes it back; a retried key lends once', async () => {
    const ladder = await add({ thingId: 'ladder', name: 'Extension ladder', owner: 'bob', hoursPerLoan: '1', deposit: '20' }, tokens.bob);
    expect(ladder.status).toBe(201);
    const key = { 'idempotency-key': 'ladder-to-alice' };
    const first = await server.post('/hubs/lf/things/ladder/loans', { memberId: 'alice' }, tokens.bob, key);
    const again = await server.post('/hubs/lf/things/ladder/loans', { memberId: 'alice' }, tokens.bob, key);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body.hours).toMatchObject({ paidTo: 'bob', hours: '1.00' });
    const bob = (await server.get(`/hubs/lf/members/bob/balance?minPosition=${first.body.position}`, tokens.bob)).body;
    expect(bob.hours.balance).toBe('3.00'); // 2 for the fence, 1 for the ladder, once
    const back = await giveBack('ladder', { depositReturned: false, note: 'a rung bent' }, tokens.bob);
    expect(back.body.status).toBe('available');
    const returned = (await server.get('/hubs/lf/things/ladder/history', tokens.bob)).body.history.find((line: any) => line.kind === 'returned');
    expect(returned).toMatchObject({ depositReturned: false, note: 'a rung bent', by: { memberId: 'bob', displayName: 'Bob Hensley' } });
    expect((await giveBack('ladder', {}, tokens.alice)).body.code).toBe('forbidden');
  });

  it('refuses lending a hub thing to oneself, and taking back one’s own loan', async () => {
    await add({ thingId: 'dehumidifier', name: 'Dehumidifier' });
    const self = await lend('dehumidifier', 'cora');
    expect([self.status, self.body.code]).toEqual([403, 'separation_of_duties']);
    expect(self.body.detail).toContain('no-loan-to-oneself');
    expect((await lend('dehumidifier', 'cora', tokens.dora)).status).toBe(201);
    const own = await giveBack('dehumidifier', {}, tokens.cora);
    expect([own.status, own.body.code]).toEqual([403, 'separation_of_duties']);
    expect((await giveBack('dehumidifier', {}, tokens.dora)).status).toBe(200);
    expect((await lend('dehumidifier', 'bob', tokens.alice)).body.code).toBe('forbidden');
  });

  it('refuses bad input with a clear 400 and records nothing', async () => {
    const cases: Array<[string, string, object]> = [
      ['POST', '/hubs/lf/things', { thingId: 'saw', name: 'Saw', description: '', owner: 'hub', loanDays: 7, hoursPerLoan: '1.005' }],
      ['POST', '/hubs/lf/things', { thingId: 'saw', name: 'Saw', description: '', owner: 'hub', loanDays: 7, deposit: 20 }],
      ['POST', '/hubs/lf/things', { thingId: 'saw', name: 'Saw', description: '', owner: 'hub', loanDays: 0 }],
      ['POST', '/hubs/lf/things', { thingId: 'Saw!', name: 'Saw', description: '', owner: 'hub', loanDays: 7 }],
      ['POST', '/hubs/lf/things', { thingId: 'saw', name: 'Saw', description: '', owner: 'hub', loanDays: 7, colour: 'red' }],
      ['POST', '/hubs/lf/things/generator/loans', { memberId: 'alice', dueAt: 'next tuesday' }],
      ['POST', '/hubs/lf/things/generator/return', { condition: 'broken' }],
      ['POST', '/hubs/lf/things/generator/return', { depositReturned: 'yes' }],
      ['POST', '/hubs/lf/things/generator/return', { condtion: 'good' }],
      ['PATCH', '/hubs/lf/things/generator', { status: 'lost' }],
      ['GET', '/hubs/lf/things?available=yes', {}],
    ];
    for (const [method, path, body] of cases) {
      const reply = await server.call(method, path, { token: tokens.cora, ...(method === 'GET' ? {} : { body }) });
      expect([path, reply.status, reply.body.code]).toEqual([path, 400, 'validation_failed']);
    }
    expect((await server.get('/hubs/lf/things/saw', tokens.cora)).status).toBe(404);
  });

  it('lists overdue loans oldest first, as of a moment', async () => {
    const start = server.clock.now().getTime();
    await add({ thingId: 'pump', name: 'Sump pump', loanDays: 2 });
    await add({ thingId: 'auger', name: 'Post-hole auger', loanDays: 5 });
    await lend('pump', 'alice');
    const last = await lend('auger', 'cal');
    server.clock.set(new Date(start + 6 * DAY_MS).toISOString());
    const overdue = (await server.get(`/hubs/lf/things/overdue?minPosition=${last.body.position}`, tokens.cora)).body;
    const ours = overdue.overdue.filter((loan: any) => ['pump', 'auger'].includes(loan.thingId));
    expect(ours.map((loan: any) => [loan.thingId, loan.borrower.displayName, loan.daysOverdue])).toEqual([
      ['pump', 'Alice Caudill', 4],
      ['auger', 'Cal Ritchie', 1],
    ]);
    const earlier = (await server.get(`/hubs/lf/things/overdue?asOf=${new Date(start + 3 * DAY_MS).toISOString()}`, tokens.cora)).body;
    expect(earlier.overdue.filter((loan: any) => ['pump', 'auger'].includes(loan.thingId)).map((loan: any) => loan.thingId)).toEqual(['pump']);
    expect((await server.get('/hubs/lf/things/overdue', tokens.alice)).status).toBe(403);
    const report = (await server.get(`/hubs/lf/reports/financing`, tokens.cora)).body;
    // the report folds the things' history; the overdue list reads the read model: they agree
    expect(report.things).toEqual({ loansMade: 8, onLoan: 4, overdue: overdue.overdue.length, inRepair: 0 });
  });
});

describe('the tool library on a tampered events file', () => {
  let server: TestServer;
  afterEach(() => server.stop());

  // an adversary with the file, while the server is stopped: a loan moved to someone else, or its hours made cheaper
  it.each([
    ['the loan given to another borrower', 'ThingLent', `replace(data, '"memberId":"ann"', '"memberId":"ben"')`, 'things-tl'],
    ['the hours it cost made cheaper', 'HoursPaid', `replace(data, '"hours":"2.00"', '"hours":"0.10"')`, 'timebank-tl'],
  ])('refuses to decide on the stream whose event was changed (%s), and appends nothing', async (_, type, change, streamId) => {
    server = await TestServer.start();
    const tokens = await hubWithMembers(server, 'tl', [{ memberId: 'ann' }, { memberId: 'ben' }, { memberId: 'cora', roles: ['member', 'coordinator'] }]);
    await server.post('/hubs/tl/things', { thingId: 'tiller', name: 'Tiller', description: '', owner: 'hub', loanDays: 3, hoursPerLoan: '2' }, tokens.cora);
    const lent = await server.post('/hubs/tl/things/tiller/loans', { memberId: 'ann' }, tokens.cora);
    expect(lent.status).toBe(201);
    await server.restart(() => {
      const db = new Database(join(server.dataDir, 'events.sqlite'));
      expect(db.prepare(`UPDATE events SET data = ${change} WHERE type = ?`).run(type).changes).toBe(1);
      db.close();
    });
    const before = (await server.get('/health')).body.position;
    const next = streamId.startsWith('things')
      ? await server.post('/hubs/tl/things/tiller/return', {}, tokens.cora)
      : await server.post('/hubs/tl/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '1' }, tokens.ann);
    expect([next.status, next.body.code]).toEqual([503, 'history_broken']);
    expect(next.body.detail).toContain(`${streamId} is broken`);
    expect((await server.get('/health')).body.position).toBe(before);
  });
});
