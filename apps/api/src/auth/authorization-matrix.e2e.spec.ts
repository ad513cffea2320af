import { Contract } from '../../../../tests/openapi/contract';
import { ADMIN, TestServer } from '../testing/test-server';

/**
 * Function-level authorization, every route as every kind of caller. `A` is allowed (anything
 * but 401/403); a number is the exact refusal. The subject of each route is member `ann`.
 */
const CALLERS = ['none', 'badToken', 'self', 'otherMember', 'coordinator', 'treasurer', 'auditor', 'otherHub', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Expect = 'A' | 401 | 403 | 404;

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: Record<string, unknown> | unknown[];
  //        none badToken self otherMember coordinator treasurer auditor otherHub admin
  expect: [Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect];
}

const MATRIX: Route[] = [
  { method: 'POST', path: '/hubs', body: { hubId: 'x', name: 'X', currency: 'USD', timeBank: { defaultCreditLimit: '1' } }, expect: [401, 401, 403, 403, 403, 403, 403, 403, 'A'] },
  { method: 'GET', path: '/hubs/h', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'GET', path: '/hubs/h/me', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 403] },
  { method: 'POST', path: '/hubs/h/imports', body: { members: 'memberId,displayName,roles,contact\nimported,Imported,member,\n' }, expect: [401, 401, 403, 403, 403, 403, 403, 403, 'A'] },
  { method: 'POST', path: '/hubs/h/members', body: { memberId: 'new', displayName: 'N', roles: ['member'] }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 'A'] },
  { method: 'PATCH', path: '/hubs/h/members/ann', body: { creditLimit: '10' }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 'A'] },
  { method: 'POST', path: '/hubs/h/timebank/transfers', body: { fromMemberId: 'ann', toMemberId: 'ben', hours: '0.25' }, expect: [401, 401, 'A', 403, 'A', 403, 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/timebank/group-transfers', body: { payments: [{ fromMemberId: 'ann', toMemberId: 'ben', hours: '0.25' }], memo: 'work day' }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/members/ann/balance', expect: [401, 401, 'A', 403, 'A', 'A', 'A', 403, 'A'] },
  { method: 'GET', path: '/hubs/h/members/ann/statement', expect: [401, 401, 'A', 403, 'A', 'A', 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/contributions', body: { memberId: 'ann', kind: 'money', amount: '1', description: 'd' }, expect: [401, 401, 403, 403, 'A', 'A', 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/pool', expect: [401, 401, 403, 403, 'A', 'A', 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/pool/deposits', body: { memberId: 'ann', amount: '5' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/pool/withdrawals', body: { memberId: 'ben', amount: '1' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/pool/loans', body: { borrowerId: 'ann', principal: '1', termMonths: 1, annualInterestRate: '0', purpose: 'p' }, expect: [401, 401, 'A', 403, 403, 'A', 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/pool/loans', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'GET', path: '/hubs/h/pool/loans/{loan}', expect: [401, 401, 'A', 404, 'A', 'A', 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/pool/loans/{loan}/approvals', body: { note: 'n' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/pool/loans/{rejectme}/rejections', body: { reason: 'r' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/pool/loans/{payout}/disbursement', body: {}, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/pool/loans/{repay}/repayments', body: { amount: '1' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/pool/loans/{writeoff}/write-off-votes', body: { reason: 'r' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/pool/loans/{cancelme}/cancellation', body: {}, expect: [401, 401, 'A', 403, 403, 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/reports/financing', expect: [401, 401, 403, 403, 'A', 'A', 'A', 403, 'A'] },
  { method: 'GET', path: '/reports/network', expect: [401, 401, 403, 403, 403, 403, 403, 403, 'A'] },
  { method: 'GET', path: '/hubs/h/audit/events', expect: [401, 401, 403, 403, 403, 403, 'A', 403, 'A'] },
  { method: 'GET', path: '/audit/verify', expect: [401, 401, 403, 403, 403, 403, 'A', 'A', 'A'] },
  { method: 'PATCH', path: '/hubs/h', body: { aidPerMemberPerMonth: '50.00' }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 'A'] },
  { method: 'POST', path: '/hubs/h/funds/transfers', body: { from: 'general', to: 'aid', amount: '1' }, expect: [401, 401, 403, 403, 'A', 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/aid/requests', body: { memberId: 'ann', amount: '1' }, expect: [401, 401, 'A', 403, 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/aid/requests', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 403] },
  { method: 'GET', path: '/hubs/h/aid/requests/{aid}', expect: [401, 401, 'A', 404, 404, 'A', 'A', 403, 403] },
  { method: 'POST', path: '/hubs/h/aid/requests/{aid}/payment', body: {}, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/aid/requests/{aid2}/withdrawal', body: {}, expect: [401, 401, 'A', 404, 404, 404, 404, 403, 403] },
  { method: 'POST', path: '/hubs/h/projects', body: { projectId: 'shed', name: 'Shed', budget: '10', phases: [{ name: 'all', budget: '10' }] }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/projects/{project}', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/projects/{project}/financing', body: { source: 'grant', lender: 'L', amount: '1' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/projects/{project}/financing/{fin}/repayments', body: { amount: '1' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/projects/{project}/spending', body: { phase: 'all', amount: '1', description: 'd' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 403] },
  // separation of duties: the route admits officers, the domain refuses the one who proposed (coco)
  { method: 'POST', path: '/hubs/h/members/ann/token', body: {}, expect: [401, 401, 'A', 403, 'A', 403, 403, 403, 'A'] },
  { method: 'GET', path: '/hubs/h/member-changes', expect: [401, 401, 403, 403, 'A', 'A', 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/member-changes/{change}/confirmation', body: {}, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 'A'] },
  { method: 'POST', path: '/hubs/h/member-changes/{change2}/rejection', body: { reason: 'r' }, expect: [401, 401, 403, 403, 403, 'A', 403, 403, 'A'] },
  // reversals of ann's payments to ben: parties and coordinators take part, treasurers not in hours
  { method: 'POST', path: '/hubs/h/reversals', body: { position: '{paid}', reason: 'r' }, expect: [401, 401, 'A', 'A', 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/reversals', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/reversals/{rev}/confirmation', body: {}, expect: [401, 401, 403, 'A', 'A', 403, 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/reversals/{rev2}/rejection', body: { reason: 'r' }, expect: [401, 401, 403, 'A', 'A', 403, 403, 403, 403] },
  // members find each other: the directory for the hub's own; a profile is its member's (ann is not assisted)
  { method: 'GET', path: '/hubs/h/members', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'PATCH', path: '/hubs/h/members/ann/profile', body: { about: 'I bake' }, expect: [401, 401, 'A', 403, 403, 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/categories', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'PUT', path: '/hubs/h/categories', body: [{ categoryId: 'rides', name: 'Rides' }, { categoryId: 'repairs', name: 'Repairs' }], expect: [401, 401, 403, 403, 'A', 403, 403, 403, 'A'] },
  // the board: members post their own (a coordinator for an assisted member), everyone in the hub reads it
  { method: 'POST', path: '/hubs/h/listings', body: { kind: 'offer', title: 'Rides', description: 'To town on Tuesdays', categoryId: 'rides' }, expect: [401, 401, 'A', 'A', 'A', 'A', 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/listings', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'GET', path: '/hubs/h/listings/{listing}', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'PATCH', path: '/hubs/h/listings/{listing}', body: { title: 'Rides to town' }, expect: [401, 401, 'A', 403, 'A', 403, 403, 403, 403] },
  // hour requests: ben asks ann to pay; ann (the payer) answers first, so those after her find nothing waiting (404)
  { method: 'POST', path: '/hubs/h/timebank/requests', body: { fromMemberId: 'ann', toMemberId: 'ben', hours: '0.25' }, expect: [401, 401, 403, 'A', 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/timebank/requests', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/timebank/requests/{req}/acceptance', body: {}, expect: [401, 401, 'A', 404, 404, 404, 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/timebank/requests/{req2}/rejection', body: { reason: 'no' }, expect: [401, 401, 'A', 404, 404, 404, 403, 403, 403] },
  // the payer may not cancel what the provider asked; ben (the provider) does, and after him nothing waits
  { method: 'POST', path: '/hubs/h/timebank/requests/{req3}/cancellation', body: {}, expect: [401, 401, 403, 'A', 404, 404, 403, 403, 403] },
  // the tool library: the domain lets only a keeper (a coordinator, or the owner) lend, take back and change
  { method: 'POST', path: '/hubs/h/things', body: { thingId: 'ladder', name: 'Ladder', description: '', owner: 'hub', loanDays: 7 }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/things', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'GET', path: '/hubs/h/things/overdue', expect: [401, 401, 403, 403, 'A', 403, 403, 403, 'A'] },
  { method: 'GET', path: '/hubs/h/things/{thing}', expect: [401, 401, 'A', 'A', 'A', 'A', 'A', 403, 'A'] },
  { method: 'PATCH', path: '/hubs/h/things/{thing}', body: { description: 'Sharp' }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/things/{thing}/history', expect: [401, 401, 403, 403, 'A', 403, 'A', 403, 'A'] },
  { method: 'POST', path: '/hubs/h/things/{held}/holds', body: {}, expect: [401, 401, 'A', 'A', 'A', 'A', 403, 403, 403] },
  // ann leaves the queue; after her there is no hold to leave
  { method: 'DELETE', path: '/hubs/h/things/{queue}/holds/{hold}', expect: [401, 401, 'A', 404, 404, 404, 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/things/{lendme}/loans', body: { memberId: 'ben' }, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 403] },
  { method: 'POST', path: '/hubs/h/things/{back}/return', body: {}, expect: [401, 401, 403, 403, 'A', 403, 403, 403, 403] },
  { method: 'GET', path: '/hubs/h/members/ann/things', expect: [401, 401, 'A', 403, 'A', 403, 'A', 403, 'A'] },
  { method: 'GET', path: '/health', expect: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'] },
  { method: 'GET', path: '/health/ready', expect: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'] },
  { method: 'GET', path: '/metrics', expect: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'] },
];

describe('authorization matrix: every route as every caller', () => {
  let server: TestServer;
  let tokens: Record<Caller, string | undefined>;
  let contract: Contract;
  /** the commands whose Idempotency-Key was seen refusing a second request */
  const keyedCommands = new Set<string>();
  let ids: Record<'aid2' | 'loan' | 'rejectme' | 'payout' | 'repay' | 'writeoff' | 'cancelme' | 'aid' | 'project' | 'fin' | 'change' | 'change2' | 'rev' | 'rev2' | 'paid' | 'listing' | 'req' | 'req2' | 'req3' | 'thing' | 'held' | 'queue' | 'hold' | 'lendme' | 'back', string>;

  beforeAll(async () => {
    server = await TestServer.start();
    contract = new Contract((await server.get('/docs-json')).body);
    const enrol = async (hubId: string, memberId: string, roles: string[]) =>
      (await server.post(`/hubs/${hubId}/members`, { memberId, displayName: memberId, roles }, ADMIN)).body.token as string;
    for (const hubId of ['h', 'other']) {
      await server.post('/hubs', { hubId, name: hubId, currency: 'USD', timeBank: { defaultCreditLimit: '10' } }, ADMIN);
    }
    tokens = {
      none: undefined,
      badToken: 'cl_not-a-token-of-anyone',
      self: await enrol('h', 'ann', ['member']),
      otherMember: await enrol('h', 'ben', ['member']),
      coordinator: await enrol('h', 'coco', ['member', 'coordinator']),
      treasurer: await enrol('h', 'tess', ['member', 'treasurer']),
      auditor: await enrol('h', 'aud', ['auditor']),
      otherHub: await enrol('other', 'olga', ['member', 'coordinator', 'treasurer', 'auditor']),
      admin: ADMIN,
    };
    await server.post('/hubs/h/pool/deposits', { memberId: 'ben', amount: '100' }, tokens.treasurer);
    const tom = await enrol('h', 'tom', ['member', 'treasurer']);
    const apply = async () => (await server.post('/hubs/h/pool/loans', { borrowerId: 'ann', principal: '10', termMonths: 1, annualInterestRate: '0', purpose: 'p' }, tokens.self)).body.loanId as string;
    const approve = async (loan: string) => {
      for (const token of [tokens.treasurer, tom]) await server.post(`/hubs/h/pool/loans/${loan}/approvals`, { note: 'n' }, token);
      return loan;
    };
    const disburse = async (loan: string) => (await server.post(`/hubs/h/pool/loans/${loan}/disbursement`, {}, tom), loan);
    const loanId = await apply();
    const loans = { rejectme: await apply(), cancelme: await apply(), payout: await approve(await apply()), repay: await disburse(await approve(await apply())), writeoff: await disburse(await approve(await apply())) };
    // the aid fund has money for the request the matrix pays
    await server.post('/hubs/h/contributions', { memberId: 'ben', kind: 'money', amount: '20', description: 'for aid', fund: 'aid' }, tokens.treasurer);
    const aidId = (await server.post('/hubs/h/aid/requests', { memberId: 'ann', amount: '5' }, tokens.self)).body.requestId;
    const aid2 = (await server.post('/hubs/h/aid/requests', { memberId: 'ann', amount: '5' }, tokens.self)).body.requestId;
    await server.post('/hubs/h/projects', { projectId: 'barn', name: 'Barn', budget: '100', phases: [{ name: 'all', budget: '100' }] }, tokens.coordinator);
    const finId = (await server.post('/hubs/h/projects/barn/financing', { source: 'credit-union', lender: 'CU', amount: '50' }, tokens.treasurer)).body.financingId;
    await enrol('h', 'nell', ['member']);
    await enrol('h', 'nate', ['member']);
    const change = (await server.call('PATCH', '/hubs/h/members/nell', { token: tokens.coordinator, body: { roles: ['member', 'treasurer'] } })).body.changeId;
    const change2 = (await server.call('PATCH', '/hubs/h/members/nate', { token: tokens.coordinator, body: { roles: ['member', 'auditor'] } })).body.changeId;
    const pay = async () => (await server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '0.25' }, tokens.self)).body.position;
    const proposeFor = async (position: number) => (await server.post('/hubs/h/reversals', { position, reason: 'twice' }, tokens.self)).body.reversalId;
    const rev = await proposeFor(await pay());
    const rev2 = await proposeFor(await pay());
    await server.call('PUT', '/hubs/h/categories', { token: tokens.coordinator, body: [{ categoryId: 'rides', name: 'Rides' }] });
    const listing = (await server.post('/hubs/h/listings', { kind: 'offer', title: 'Rides', description: 'To town', categoryId: 'rides' }, tokens.self)).body.listingId;
    const ask = async () => (await server.post('/hubs/h/timebank/requests', { fromMemberId: 'ann', toMemberId: 'ben', hours: '0.25' }, tokens.otherMember)).body.requestId as string;
    const [req, req2, req3] = [await ask(), await ask(), await ask()];
    const thing = (thingId: string) => server.post('/hubs/h/things', { thingId, name: thingId, description: '', owner: 'hub', loanDays: 7 }, tokens.coordinator);
    for (const thingId of ['saw', 'drill', 'sander', 'auger', 'pump']) await thing(thingId);
    const hold = (await server.post('/hubs/h/things/sander/holds', {}, tokens.self)).body.holdId;
    await server.post('/hubs/h/things/pump/loans', { memberId: 'ben' }, tokens.coordinator);
    ids = { loan: loanId, ...loans, aid: aidId, aid2, project: 'barn', fin: finId, change, change2, rev, rev2, paid: String(await pay()), listing, req, req2, req3, thing: 'saw', held: 'drill', queue: 'sander', hold, lendme: 'auger', back: 'pump' };
  });
  afterAll(() => server.stop());

  const cells = MATRIX.flatMap((route) => CALLERS.map((caller, i) => [route.method, route.path, caller, route.expect[i], route] as const));

  it.each(cells)('%s %s as %s → %s', async (method, path, caller, expected, route) => {
    const named = (_: string, name: keyof typeof ids) => ids[name];
    const body = route.body && JSON.parse(JSON.stringify(route.body).replace(/"\{paid\}"/, ids.paid));
    const concrete = path.replace(/\{(loan|rejectme|payout|repay|writeoff|cancelme|aid2?|project|fin|change2?|rev2?|listing|req[23]?|thing|held|queue|hold|lendme|back)\}/g, named);
    const key = method === 'GET' ? undefined : { 'idempotency-key': `matrix-${caller}-${method}-${concrete}`.replace(/[^A-Za-z0-9._:-]/g, '.') };
    const before = key && (await server.get('/health')).body.position;
    const reply = await server.call(method, concrete, { token: tokens[caller], body: body ?? (method === 'GET' ? undefined : {}), headers: key });
    // every answer, allowed or refused, is one the OpenAPI document describes
    expect(contract.check(method, concrete, reply.status, reply.body)).toEqual([]);
    // a command recorded with its key (one that changed nothing records none): the same key on another request is refused, as documented
    if (key && reply.status < 300 && reply.body.position > before) {
      // ann's own rotation handed her a new token; anyone else's left theirs as it was
      const token = caller === 'self' && typeof reply.body?.token === 'string' ? reply.body.token : tokens[caller];
      const reused = await server.call(method, `${concrete}?another=request`, { token, body: body ?? {}, headers: key });
      expect([reused.status, reused.body.code]).toEqual([409, 'idempotency_conflict']);
      expect(contract.check(method, concrete, reused.status, reused.body)).toEqual([]);
      keyedCommands.add(contract.operationOf(method, concrete)!.key);
    }
    // a rotation of ann's token, by herself, a coordinator or the admin, hands her a new one
    if (path === '/hubs/h/members/ann/token' && typeof reply.body?.token === 'string') tokens.self = reply.body.token;
    if (expected === 'A') {
      expect([401, 403]).not.toContain(reply.status);
    } else {
      expect(reply.status).toBe(expected);
    }
    expect(reply.status).toBeLessThan(500);
  });

  it('refuses a reused Idempotency-Key on every command, as the document says each may', () => {
    const commands = Object.entries(contract.document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).filter((method) => method !== 'get').map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(commands.filter((command) => !keyedCommands.has(command))).toEqual([]);
  });

  it('covers every route the API declares', async () => {
    const openApi = (await server.get('/docs-json')).body;
    const declared = Object.entries(openApi.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => {
        const named = path
          .replace('{loanId}/rejections', '{rejectme}/rejections')
          .replace('{loanId}/disbursement', '{payout}/disbursement')
          .replace('{loanId}/repayments', '{repay}/repayments')
          .replace('{loanId}/write-off-votes', '{writeoff}/write-off-votes')
          .replace('{loanId}/cancellation', '{cancelme}/cancellation')
          .replace('{loanId}', '{loan}')
          .replace('aid/requests/{requestId}/withdrawal', 'aid/requests/{aid2}/withdrawal')
          .replace('{requestId}', '{aid}')
          .replace('{projectId}', '{project}')
          .replace('{financingId}', '{fin}')
          .replace('{changeId}/confirmation', '{change}/confirmation')
          .replace('{changeId}/rejection', '{change2}/rejection')
          .replace('{reversalId}/confirmation', '{rev}/confirmation')
          .replace('{reversalId}/rejection', '{rev2}/rejection')
          .replace('{listingId}', '{listing}')
          .replace('things/{thingId}/holds/{holdId}', 'things/{queue}/holds/{hold}')
          .replace('things/{thingId}/holds', 'things/{held}/holds')
          .replace('things/{thingId}/loans', 'things/{lendme}/loans')
          .replace('things/{thingId}/return', 'things/{back}/return')
          .replace('{thingId}', '{thing}')
          .replace('timebank/requests/{aid}/acceptance', 'timebank/requests/{req}/acceptance')
          .replace('timebank/requests/{aid}/rejection', 'timebank/requests/{req2}/rejection')
          .replace('timebank/requests/{aid}/cancellation', 'timebank/requests/{req3}/cancellation');
        return `${method.toUpperCase()} ${named.replace('{hubId}', 'h').replace('{memberId}', 'ann')}`;
      }),
    );
    const tested = new Set(MATRIX.map((route) => `${route.method} ${route.path}`));
    const untested = declared.filter((route) => !tested.has(route));
    expect(untested).toEqual([]);
  });
});

describe('token rotation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('gives a new token that works at once, while the old one stops working at once', async () => {
    await server.post('/hubs', { hubId: 'h', name: 'h', currency: 'USD', timeBank: { defaultCreditLimit: '10' } }, ADMIN);
    const old = (await server.post('/hubs/h/members', { memberId: 'ann', displayName: 'Ann', roles: ['member'] }, ADMIN)).body.token;
    const other = (await server.post('/hubs/h/members', { memberId: 'ben', displayName: 'Ben', roles: ['member'] }, ADMIN)).body.token;
    expect((await server.post('/hubs/h/members/ann/token', {}, other)).status).toBe(403);
    const rotated = await server.post('/hubs/h/members/ann/token', {}, old);
    expect(rotated.status).toBe(201);
    expect(rotated.body.token).toMatch(/^cl_/);
    expect(rotated.body.token).not.toBe(old);
    expect((await server.get('/hubs/h/members/ann/balance', old)).status).toBe(401);
    expect((await server.get('/hubs/h/members/ann/balance', rotated.body.token)).status).toBe(200);
    const byAdmin = await server.post('/hubs/h/members/ann/token', {}, ADMIN);
    expect((await server.get('/hubs/h/members/ann/balance', rotated.body.token)).status).toBe(401);
    expect((await server.get('/hubs/h/members/ann/balance', byAdmin.body.token)).status).toBe(200);
  });
});
