import { ADMIN, TestServer } from '../testing/test-server';

describe('offers and needs over HTTP', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10' }, listingDays: 30 }, ADMIN);
    for (const [memberId, displayName, roles] of [['alice', 'Alice Caudill', ['member']], ['bob', 'Bob Hensley', ['member']], ['cora', 'Cora Slone', ['member', 'coordinator']], ['dell', 'Dell Amburgey', ['member']]] as const) {
      tokens[memberId] = (await server.post('/hubs/lf/members', { memberId, displayName, roles }, ADMIN)).body.token;
    }
    await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'repairs', name: 'Repairs' }, { categoryId: 'rides', name: 'Rides' }, { categoryId: 'quilting', name: 'Quilting', retired: true }] });
  });
  afterAll(() => server.stop());

  it('lets a member post an offer that a neighbour finds by name, by words and by kind, with the owner’s name', async () => {
    const posted = await server.post('/hubs/lf/listings', { kind: 'offer', title: 'Small engine repair', description: 'Mowers, tillers and chainsaws', categoryId: 'repairs', hours: '2' }, tokens.bob);
    expect(posted.status).toBe(201);
    expect(posted.body.expiresAt).toBe('2026-04-01T09:00:00.000Z'); // the hub's 30 days from the test clock's 2 March
    const need = await server.post('/hubs/lf/listings', { kind: 'need', title: 'A ride to the clinic', description: 'Thursday mornings', categoryId: 'rides' }, tokens.alice);
    expect(need.status).toBe(201);

    const found = await server.get(`/hubs/lf/members?q=hensley&minPosition=${need.body.position}`, tokens.alice);
    expect(found.body.members[0].offers).toEqual([{ listingId: posted.body.listingId, title: 'Small engine repair' }]);
    expect(found.body.members[0].needs).toEqual([]);

    const engines = await server.get('/hubs/lf/listings?q=CHAINSAW&kind=offer', tokens.alice);
    expect(engines.body.listings).toEqual([
      expect.objectContaining({ listingId: posted.body.listingId, memberId: 'bob', displayName: 'Bob Hensley', categoryId: 'repairs', categoryName: 'Repairs', hours: '2.00', status: 'open' }),
    ]);
    expect((await server.get('/hubs/lf/listings?kind=need', tokens.bob)).body.listings.map((l: any) => l.displayName)).toEqual(['Alice Caudill']);
    expect((await server.get('/hubs/lf/listings?categoryId=rides', tokens.bob)).body.listings.map((l: any) => l.title)).toEqual(['A ride to the clinic']);
    expect((await server.get('/hubs/lf/listings?memberId=bob', tokens.alice)).body.listings).toHaveLength(1);
    expect((await server.get(`/hubs/lf/listings/${posted.body.listingId}`, tokens.cora)).body.description).toBe('Mowers, tillers and chainsaws');
  });

  it('refuses a retired or unknown category, a listing for someone else, and unknown fields, recording nothing', async () => {
    const cases: Array<[object, string, number, string]> = [
      [{ kind: 'offer', title: 'Quilts', description: 'Patchwork', categoryId: 'quilting' }, tokens.alice, 400, 'validation_failed'],
      [{ kind: 'offer', title: 'Pipes', description: 'Leaks', categoryId: 'plumbing' }, tokens.alice, 400, 'validation_failed'],
      [{ kind: 'offer', title: 'Rides', description: 'Town', categoryId: 'rides', memberId: 'bob' }, tokens.alice, 403, 'forbidden'],
      [{ kind: 'offer', title: 'Rides', description: 'Town', categoryId: 'rides', price: '5' }, tokens.alice, 400, 'validation_failed'],
      [{ kind: 'barter', title: 'Rides', description: 'Town', categoryId: 'rides' }, tokens.alice, 400, 'validation_failed'],
    ];
    for (const [body, token, status, code] of cases) {
      const reply = await server.post('/hubs/lf/listings', body, token);
      expect([reply.status, reply.body.code]).toEqual([status, code]);
    }
    expect((await server.get('/hubs/lf/listings?memberId=alice', tokens.alice)).body.listings).toHaveLength(1);
  });

  it('lets a coordinator post for an assisted member only, and close anyone’s listing; the owner edits their own', async () => {
    expect((await server.post('/hubs/lf/listings', { memberId: 'dell', kind: 'offer', title: 'Canning', description: 'Beans', categoryId: 'repairs' }, tokens.cora)).status).toBe(403);
    await server.call('PATCH', '/hubs/lf/members/dell', { token: tokens.cora, body: { assisted: true } });
    const forDell = await server.post('/hubs/lf/listings', { memberId: 'dell', kind: 'offer', title: 'Sharpening', description: 'Knives and hoes', categoryId: 'repairs' }, tokens.cora);
    expect(forDell.status).toBe(201);
    const listing = await server.get(`/hubs/lf/listings/${forDell.body.listingId}?minPosition=${forDell.body.position}`, tokens.alice);
    expect(listing.body).toMatchObject({ memberId: 'dell', displayName: 'Dell Amburgey' });

    const mine = (await server.get('/hubs/lf/listings?memberId=bob', tokens.bob)).body.listings[0];
    expect((await server.call('PATCH', `/hubs/lf/listings/${mine.listingId}`, { token: tokens.alice, body: { title: 'Mine now' } })).status).toBe(403);
    const edited = await server.call('PATCH', `/hubs/lf/listings/${mine.listingId}`, { token: tokens.bob, body: { title: 'Small engine and mower repair' } });
    expect(edited.status).toBe(200);
    const closed = await server.call('PATCH', `/hubs/lf/listings/${mine.listingId}`, { token: tokens.cora, body: { status: 'closed' } });
    expect(closed.body).toMatchObject({ status: 'closed' });
    const open = await server.get(`/hubs/lf/listings?memberId=bob&minPosition=${closed.body.position}`, tokens.alice);
    expect(open.body.listings).toEqual([]);
    expect((await server.get('/hubs/lf/listings?memberId=bob&status=closed', tokens.alice)).body.listings[0].title).toBe('Small engine and mower repair');
    expect((await server.call('PATCH', `/hubs/lf/listings/${mine.listingId}`, { token: tokens.bob, body: { title: 'again' } })).status).toBe(409);
  });

  it('lets listings expire after the hub’s days, by the clock, and moves them out of the open board', async () => {
    const fresh = await server.post('/hubs/lf/listings', { kind: 'need', title: 'Firewood split', description: 'A cord', categoryId: 'repairs' }, tokens.alice);
    server.clock.advance(31 * 24 * 60 * 60 * 1000);
    const board = await server.get(`/hubs/lf/listings?memberId=alice&minPosition=${fresh.body.position}`, tokens.bob);
    expect(board.body.listings).toEqual([]);
    const expired = await server.get('/hubs/lf/listings?memberId=alice&status=expired', tokens.bob);
    expect(expired.body.listings.map((l: any) => [l.title, l.status])).toEqual([['Firewood split', 'expired'], ['A ride to the clinic', 'expired']]);
    expect((await server.call('PATCH', `/hubs/lf/listings/${fresh.body.listingId}`, { token: tokens.alice, body: { title: 'late' } })).status).toBe(409);
    expect((await server.get('/hubs/lf/members?q=alice', tokens.bob)).body.members[0].needs).toEqual([]);
  });

  it('pages the board newest first without repeating or missing a listing', async () => {
    for (let i = 0; i < 5; i += 1) await server.post('/hubs/lf/listings', { kind: 'offer', title: `Eggs, dozen ${i}`, description: 'Brown', categoryId: 'repairs' }, tokens.alice);
    const titles: string[] = [];
    let after = '';
    for (;;) {
      const page = await server.get(`/hubs/lf/listings?q=eggs&limit=2${after}`, tokens.bob);
      titles.push(...page.body.listings.map((l: any) => l.title));
      if (page.body.next === null) break;
      after = `&after=${page.body.next}`;
    }
    expect(titles).toEqual([4, 3, 2, 1, 0].map((i) => `Eggs, dozen ${i}`));
  });
});

describe('hours by kind of help, and what a listing has brought', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10' } }, ADMIN);
    for (const [memberId, roles] of [['alice', ['member']], ['bob', ['member']], ['cora', ['member', 'coordinator']]] as const) {
      tokens[memberId] = (await server.post('/hubs/lf/members', { memberId, displayName: memberId, roles }, ADMIN)).body.token;
    }
    await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'repairs', name: 'Repairs' }, { categoryId: 'rides', name: 'Rides' }, { categoryId: 'quilting', name: 'Quilting', retired: true }] });
  });
  afterAll(() => server.stop());

  it('records the category and the listing a payment names, sums hours by category in the report, and by listing on the board', async () => {
    const offer = await server.post('/hubs/lf/listings', { kind: 'offer', title: 'Mower repair', description: 'Any kind', categoryId: 'repairs' }, tokens.bob);
    const pay = (hours: string, extra: object) => server.post('/hubs/lf/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours, memo: 'thanks', ...extra }, tokens.alice);
    expect((await pay('2', { categoryId: 'repairs', listingId: offer.body.listingId })).status).toBe(201);
    expect((await pay('1.25', { categoryId: 'rides' })).status).toBe(201);
    const mistake = await pay('0.5', { categoryId: 'repairs', listingId: offer.body.listingId });
    const plain = await pay('0.75', {});
    expect((await pay('1', { categoryId: 'quilting' })).body.code).toBe('validation_failed');
    expect((await pay('1', { categoryId: 'plumbing' })).status).toBe(400);

    // the half hour was a mistake: reversed, it leaves both the category and the listing
    const proposal = await server.post('/hubs/lf/reversals', { position: mistake.body.position, reason: 'twice' }, tokens.alice);
    const applied = await server.post(`/hubs/lf/reversals/${proposal.body.reversalId}/confirmation`, {}, tokens.bob);
    expect(applied.status).toBe(201);

    const report = await server.get(`/hubs/lf/reports/financing?minPosition=${applied.body.position}`, tokens.cora);
    expect(report.body.timeBank.hoursExchanged).toBe('4.00');
    expect(report.body.timeBank.hoursByCategory).toEqual([
      { categoryId: 'repairs', name: 'Repairs', hours: '2.00' },
      { categoryId: 'rides', name: 'Rides', hours: '1.25' },
      { categoryId: null, name: null, hours: '0.75' },
    ]);
    const csv = await server.call('GET', '/hubs/lf/reports/financing', { token: tokens.cora, headers: { accept: 'text/csv' } });
    expect(csv.body).toContain('lf,timeBank.hoursByCategory,repairs,2.00');
    expect(csv.body).toContain('lf,timeBank.hoursByCategory,(none),0.75');
    const listing = await server.get(`/hubs/lf/listings/${offer.body.listingId}`, tokens.alice);
    expect(listing.body.hoursExchanged).toBe('2.00');
    expect(plain.status).toBe(201);
  });
});
