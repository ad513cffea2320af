import { TestServer, hubWithMembers } from '../testing/test-server';

describe('a long statement page', () => {
  let server: TestServer;
  afterAll(() => server?.stop());

  it('reads the same lines in one page of 1,000 as in pages of 7, a group exchange whole on one page', async () => {
    server = await TestServer.start();
    const tokens = await hubWithMembers(server, 'sp', [{ memberId: 'ann' }, { memberId: 'ben' }, { memberId: 'cal' }, { memberId: 'dee' }, { memberId: 'coco', roles: ['member', 'coordinator'] }], { defaultCreditLimit: '10000' });
    const pay = (i: number) => server.post('/hubs/sp/timebank/transfers', { fromMemberId: 'ben', toMemberId: 'ann', hours: '0.25', memo: `p${i}` }, tokens.ben);
    for (let i = 0; i < 199; i += 1) expect((await pay(i)).status).toBe(201);
    // three lines at one position, across the 200th line of ann's statement
    const group = await server.post('/hubs/sp/timebank/group-transfers', { payments: ['ben', 'cal', 'dee'].map((fromMemberId) => ({ fromMemberId, toMemberId: 'ann', hours: '1' })), memo: 'work day' }, tokens.coco);
    expect(group.status).toBe(201);
    let last = group.body.position;
    for (let i = 199; i < 230; i += 1) last = (await pay(i)).body.position;

    const whole = (await server.get(`/hubs/sp/members/ann/statement?limit=1000&minPosition=${last}`, tokens.ann)).body;
    expect(whole.entries).toHaveLength(233);
    expect(whole.next).toBeNull();
    const paged: unknown[] = [];
    for (let after: number | null = 0; after !== null; ) {
      const page: { entries: unknown[]; next: number | null } = (await server.get(`/hubs/sp/members/ann/statement?limit=7&after=${after}`, tokens.ann)).body;
      paged.push(...page.entries);
      after = page.next;
    }
    expect(paged).toEqual(whole.entries);
    const atTwoHundred = (await server.get('/hubs/sp/members/ann/statement?limit=200', tokens.ann)).body;
    expect(atTwoHundred.entries).toHaveLength(202); // the page takes the rest of the group's lines
    expect(atTwoHundred.next).toBe(group.body.position);
  });
});
