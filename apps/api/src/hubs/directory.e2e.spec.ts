import { ADMIN, TestServer } from '../testing/test-server';

describe('members find each other: the directory, profiles and categories over HTTP', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const people = [
    ['alice', 'Alice Caudill', ['member']],
    ['bob', 'Bob Hensley', ['member']],
    ['bobbie', 'Bobbie Jo Sturgill', ['member']],
    ['cora', 'Cora Slone', ['member', 'coordinator']],
    ['dell', 'Dell Amburgey', ['member']],
    ['ezra', 'Ezra Combs', ['member']],
  ] as const;

  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'lf', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10' } }, ADMIN);
    for (const [memberId, displayName, roles] of people) {
      tokens[memberId] = (await server.post('/hubs/lf/members', { memberId, displayName, roles }, ADMIN)).body.token;
    }
    await server.call('PATCH', '/hubs/lf/members/ezra', { token: ADMIN, body: { status: 'suspended' } });
  });
  afterAll(() => server.stop());

  const directory = (query: string, token = tokens.alice) => server.get(`/hubs/lf/members${query}`, token);

  it('finds a member by part of their name, in any case, and lists only active members by name', async () => {
    const found = await directory('?q=BOB');
    expect(found.status).toBe(200);
    expect(found.body.members.map((m: any) => [m.memberId, m.displayName])).toEqual([
      ['bob', 'Bob Hensley'],
      ['bobbie', 'Bobbie Jo Sturgill'],
    ]);
    const everyone = await directory('');
    expect(everyone.body.members.map((m: any) => m.displayName)).toEqual(['Alice Caudill', 'Bob Hensley', 'Bobbie Jo Sturgill', 'Cora Slone', 'Dell Amburgey']);
    expect(everyone.body.members.find((m: any) => m.memberId === 'cora').roles).toEqual(['member', 'coordinator']);
  });

  it('pages by name with `after` and `limit`, missing nobody and repeating nobody', async () => {
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = await directory(`?limit=2${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.members.map((m: any) => m.memberId));
      if (page.body.next === null) break;
      after = page.body.next;
    }
    expect(seen).toEqual(['alice', 'bob', 'bobbie', 'cora', 'dell']);
  });

  it('never shows a balance unless its member chose to, and then only the hours balance', async () => {
    await server.post('/hubs/lf/timebank/transfers', { fromMemberId: 'bob', toMemberId: 'alice', hours: '2.5' }, tokens.bob);
    const hidden = await directory('?q=bob&minPosition=0');
    for (const entry of hidden.body.members) expect(Object.keys(entry).sort()).toEqual(['displayName', 'memberId', 'needs', 'offers', 'roles']);

    const chose = await server.call('PATCH', '/hubs/lf/members/bob/profile', { token: tokens.bob, body: { showBalance: true, about: 'I fix small engines', contact: 'ring 555-0142' } });
    expect(chose.status).toBe(200);
    expect(chose.body).toMatchObject({ memberId: 'bob', showBalance: true, about: 'I fix small engines' });
    const shown = await directory(`?q=hensley&minPosition=${chose.body.position}`);
    expect(shown.body.members).toEqual([
      { memberId: 'bob', displayName: 'Bob Hensley', about: 'I fix small engines', roles: ['member'], contact: 'ring 555-0142', hours: { balance: '-2.50' }, offers: [], needs: [] },
    ]);
    // statements name people, not only ids
    const statement = await server.get(`/hubs/lf/members/alice/statement?account=hours&minPosition=${chose.body.position}`, tokens.alice);
    expect(statement.body.entries.map((e: any) => [e.counterparty, e.counterpartyName, e.amount])).toEqual([['bob', 'Bob Hensley', '2.50']]);
    // alice, who received, did not choose: nothing of hers shows
    const alice = (await directory('?q=alice')).body.members[0];
    expect(alice.hours).toBeUndefined();
  });

  it('lets a coordinator edit the profile of an assisted member only, the event naming both', async () => {
    const refused = await server.call('PATCH', '/hubs/lf/members/dell/profile', { token: tokens.cora, body: { about: 'Grows tomatoes' } });
    expect(refused.status).toBe(403);
    expect((await server.call('PATCH', '/hubs/lf/members/dell', { token: tokens.cora, body: { assisted: true } })).body.assisted).toBe(true);
    const done = await server.call('PATCH', '/hubs/lf/members/dell/profile', { token: tokens.cora, body: { about: 'Grows tomatoes' } });
    expect(done.status).toBe(200);
    const events = await server.get('/hubs/lf/audit/events', ADMIN);
    const changed = events.body.events.filter((e: any) => e.type === 'MemberProfileChanged' && e.data.memberId === 'dell');
    expect(changed.map((e: any) => [e.data.memberId, e.data.actedBy, e.metadata.actor])).toEqual([['dell', 'cora', 'cora']]);
    // another member is never let in, assisted or not
    expect((await server.call('PATCH', '/hubs/lf/members/dell/profile', { token: tokens.alice, body: { about: 'x' } })).status).toBe(403);
  });

  it('refuses a profile with unknown fields or a bad type, and changes nothing', async () => {
    for (const body of [{ balance: '100' }, { showBalance: 'yes' }, { about: 'x'.repeat(501) }, { displayName: '' }]) {
      const reply = await server.call('PATCH', '/hubs/lf/members/alice/profile', { token: tokens.alice, body });
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('validation_failed');
    }
    expect((await directory('?q=alice')).body.members[0].displayName).toBe('Alice Caudill');
  });

  it('keeps the hub’s categories: set by a coordinator, renamed or retired, never removed', async () => {
    const set = await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'childcare', name: 'Childcare' }, { categoryId: 'rides', name: 'Rides' }] });
    expect(set.status).toBe(200);
    expect(set.body.categories).toEqual([
      { categoryId: 'childcare', name: 'Childcare', retired: false },
      { categoryId: 'rides', name: 'Rides', retired: false },
    ]);
    const removed = await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'childcare', name: 'Childcare' }] });
    expect(removed.status).toBe(409);
    expect(removed.body.detail).toContain('rides');
    const retired = await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body: [{ categoryId: 'childcare', name: 'Child care' }, { categoryId: 'rides', name: 'Rides', retired: true }] });
    expect(retired.status).toBe(200);
    expect((await server.get('/hubs/lf/categories', tokens.alice)).body.categories).toEqual([
      { categoryId: 'childcare', name: 'Child care', retired: false },
      { categoryId: 'rides', name: 'Rides', retired: true },
    ]);
    for (const body of [{ categoryId: 'x', name: 'X' }, [{ categoryId: 'x', name: 'X', colour: 'red' }], [{ categoryId: 'Bad Id', name: 'X' }], 'rides']) {
      const reply = await server.call('PUT', '/hubs/lf/categories', { token: tokens.cora, body });
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('validation_failed');
    }
    expect((await server.call('PUT', '/hubs/lf/categories', { token: tokens.alice, body: [] })).status).toBe(403);
  });
});
