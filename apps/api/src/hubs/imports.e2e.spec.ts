import Decimal from 'decimal.js';
import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

/** members.csv and balances.csv of a time bank of `count` members whose balances sum to zero, as exchanges leave them. */
function timeBankFiles(count: number, prefix = 'm'): { members: string; balances: string } {
  const members = ['memberId,displayName,roles,contact'];
  const balances = ['memberId,hours'];
  for (let i = 0; i < count; i += 1) {
    const id = `${prefix}${String(i).padStart(4, '0')}`;
    members.push(`${id},"Member ${i}, of the old bank",${i % 50 === 0 ? 'member;coordinator' : 'member'},${i % 3 === 0 ? `"ring ${i}"` : ''}`);
    // pairs: one earned what the other spent
    const hours = new Decimal((i % 17) + 0.25).times(i % 2 === 0 ? 1 : -1);
    balances.push(`${id},${i % 2 === 0 ? hours.toFixed(2) : new Decimal(((i - 1) % 17) + 0.25).negated().toFixed(2)}`);
  }
  return { members: `${members.join('\n')}\n`, balances: `${balances.join('\r\n')}\r\n` };
}

describe('importing an existing time bank over HTTP', () => {
  let server: TestServer;
  let t: Record<string, string>;
  const head = async () => (await server.get('/health')).body.position as number;
  const importInto = (hubId: string, body: unknown, token = ADMIN) => server.post(`/hubs/${hubId}/imports`, body, token);

  beforeAll(async () => {
    server = await TestServer.start();
    t = await hubWithMembers(server, 'hollow', [{ memberId: 'coco', roles: ['member', 'coordinator'] }, { memberId: 'ann' }], { defaultCreditLimit: '20' });
  });
  afterAll(() => server.stop());

  it('brings 500 members and their opening balances as hash-chained events that name the import; hours still sum to zero', async () => {
    const files = timeBankFiles(500);
    const reply = await importInto('hollow', files);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ hubId: 'hollow', members: 500, balances: 500, dryRun: false, alreadyImported: false, importId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(reply.body.tokens).toHaveLength(500);

    // each token works at once, for its own member only
    const [first, second] = reply.body.tokens;
    const balance = await server.get(`/hubs/hollow/members/m0000/balance?minPosition=${reply.body.position}`, first.token);
    expect([balance.status, balance.body.hours.balance]).toEqual([200, '0.25']);
    expect((await server.get('/hubs/hollow/members/m0001/balance', second.token)).body.hours.balance).toBe('-0.25');
    expect((await server.get('/hubs/hollow/members/m0000/balance', second.token)).status).toBe(403);
    const directory = await server.get('/hubs/hollow/members?q=member%203,', t.ann);
    expect(directory.body.members[0]).toMatchObject({ memberId: 'm0003', displayName: 'Member 3, of the old bank', contact: 'ring 3' });

    // the journal: one TimeBankImported, 500 enrolments, the contacts given, 500 opening balances, all naming the import
    const events: any[] = [];
    for (let after = 0; ; ) {
      const page = await server.get(`/hubs/hollow/audit/events?after=${after}&limit=1000`, ADMIN);
      events.push(...page.body.events);
      if (page.body.next === null) break;
      after = page.body.next;
    }
    const imported = events.filter((e) => e.data.importId === reply.body.importId);
    const count = (type: string) => imported.filter((e) => e.type === type).length;
    expect([count('TimeBankImported'), count('MemberEnrolled'), count('HoursPaid')]).toEqual([1, 500, 500]);
    expect(events.filter((e) => e.type === 'MemberProfileChanged' && e.data.actedBy === 'admin')).toHaveLength(167);
    const sum = imported
      .filter((e) => e.type === 'HoursPaid')
      .reduce((total, e) => total.plus(e.data.toMemberId === '@hub' ? e.data.hours : 0).minus(e.data.fromMemberId === '@hub' ? e.data.hours : 0), new Decimal(0));
    expect(sum.toFixed(2)).toBe('0.00'); // what the hub's account paid out it took back
    expect((await server.get('/audit/verify', ADMIN)).body).toMatchObject({ ok: true, problems: [] });

    // opening balances are no exchange: the report's hours exchanged stay as they were
    const report = await server.get(`/hubs/hollow/reports/financing?minPosition=${reply.body.position}`, ADMIN);
    expect(report.body.timeBank.hoursExchanged).toBe('0.00');
  });

  it('imports the same files once: again (with other line endings), nothing is written and no token is handed out', async () => {
    const files = timeBankFiles(500);
    const before = await head();
    const again = await importInto('hollow', { members: files.members.replace(/\n/g, '\r\n'), balances: files.balances });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ members: 500, balances: 500, alreadyImported: true });
    expect(again.body.tokens).toBeUndefined();
    expect(await head()).toBe(before);
  });

  it('refuses a file with three bad lines whole, naming each (line, field, why), and writes nothing', async () => {
    const before = await head();
    const members = 'memberId,displayName,roles,contact\nrosa,Rosa Ibarra,member,\nAnn Smith,Ann Smith,member,\nmae,Mae Carter,member;cook,\nann,Ann again,member,\ndot,Dot Hale,member,\n';
    const balances = 'memberId,hours\nrosa,2.5\ndot,-3\n';
    const reply = await importInto('hollow', { members, balances });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.code).toBe('validation_failed');
    expect(reply.body.errors).toEqual([
      "members.csv line 3: memberId: must be 1-64 characters of a-z, 0-9, '.', '_' or '-'",
      'members.csv line 4: roles: unknown role cook',
      'members.csv line 5: memberId: ann is already a member of this hub',
    ]);
    expect(await head()).toBe(before);
    expect((await server.get('/hubs/hollow/members?q=rosa', t.ann)).body.members).toEqual([]);
  });

  it('refuses opening balances past a limit, a header that is not the contract, and rows of the wrong shape', async () => {
    const before = await head();
    const past = await importInto('hollow', { members: 'memberId,displayName,roles\nowes,Owes Much,member\nrich,Rich,member\n', balances: 'memberId,hours\nowes,-20.01\nrich,5000\n' });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([
      "balances.csv line 1: hours: the opening balances come to 5000.00 hours paid from the hub's time account, past its limit of 1000.00 (timeBank.hubAccountLimit)",
      "balances.csv line 2: hours: -20.01 is past the hub's credit limit of 20.00 hours owed (timeBank.defaultCreditLimit)",
    ]);
    const header = await importInto('hollow', { members: 'id,name,roles\nx,X,member\n', balances: 'memberId,hours,note\n' });
    expect(header.body.errors).toEqual([
      'members.csv line 1: header: the first line must be memberId,displayName,roles,contact, not id,name,roles',
      'balances.csv line 1: header: the first line must be memberId,hours, not memberId,hours,note',
    ]);
    const shape = await importInto('hollow', { members: 'memberId,displayName,roles,contact\nx,X,member\ny,"Y, unclosed,member,\n' });
    expect(shape.body.errors).toEqual(['members.csv line 3: columns: a quoted field is never closed']);
    const short = await importInto('hollow', { members: 'memberId,displayName,roles,contact\nx,X,member\ny,Y,member,,extra\n' });
    expect(short.body.errors).toEqual([
      'members.csv line 2: columns: 4 fields (memberId,displayName,roles,contact) expected, 3 found',
      'members.csv line 3: columns: 4 fields (memberId,displayName,roles,contact) expected, 5 found',
    ]);
    expect(await head()).toBe(before);
  });

  it('is the admin’s alone: a coordinator is refused, and a dry run checks and writes nothing', async () => {
    const files = { members: 'memberId,displayName,roles,contact\nnew1,New One,member,\n', balances: 'memberId,hours\nnew1,1\n' };
    const before = await head();
    expect((await importInto('hollow', files, t.coco)).status).toBe(403);
    const dry = await importInto('hollow', { ...files, dryRun: true });
    expect([dry.status, dry.body]).toEqual([200, expect.objectContaining({ members: 1, balances: 1, dryRun: true, alreadyImported: false })]);
    expect(dry.body.tokens).toBeUndefined();
    expect((await importInto('nowhere', files)).status).toBe(404);
    expect(await head()).toBe(before);
    // the dry run was only that: the real one still imports
    expect((await importInto('hollow', files)).status).toBe(201);
  });

  it('takes a larger time bank than any other request may send (past 64 KB), and only on this route', async () => {
    await server.post('/hubs', { hubId: 'big', name: 'Big', currency: 'USD', timeBank: { defaultCreditLimit: '20' } }, ADMIN);
    const files = timeBankFiles(2000, 'b');
    expect(Buffer.byteLength(JSON.stringify(files))).toBeGreaterThan(64 * 1024);
    const reply = await importInto('big', files);
    expect([reply.status, reply.body.members, reply.body.balances]).toEqual([201, 2000, 2000]);
    const elsewhere = await server.post('/hubs/big/listings', { kind: 'offer', title: 'x', description: files.members, categoryId: 'x' }, reply.body.tokens[0].token);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([413, 'payload_too_large']);
  });

  it('replays a retried request with its Idempotency-Key without handing the tokens out again', async () => {
    const files = { members: 'memberId,displayName,roles,contact\nkeyed,Keyed,member,\n' };
    const first = await server.post('/hubs/hollow/imports', files, ADMIN, { 'idempotency-key': 'import-keyed-1' });
    expect(first.body.tokens).toHaveLength(1);
    const retry = await server.post('/hubs/hollow/imports', files, ADMIN, { 'idempotency-key': 'import-keyed-1' });
    expect(retry.body.position).toBe(first.body.position);
    expect(retry.body.tokens).toBeUndefined();
  });
});
