/**
 * One request per refusal an operation's own rules give, each set up on a hub of its own kind:
 * the evidence that every code the OpenAPI document lists for an operation can really come back.
 */
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';

export interface Fixture {
  server: TestServer;
  tokens: Record<string, string>;
  /** a member of another hub, every role */
  otherHub: string;
  /** a new id each time, so that scenarios never meet */
  id(prefix: string): string;
  post(path: string, body: unknown, token: string): Promise<any>;
  patch(path: string, body: unknown, token: string): Promise<any>;
}

export interface Scenario {
  operation: string;
  code: string;
  given(f: Fixture): Promise<{ path: string; token: string; body?: unknown }>;
}

/** Hub h: credit limit 10, maximum balance 50, the hub's account 5; ann and ben save, tess and tom treasure, coco and cora coordinate, sus is suspended. */
export async function fixture(server: TestServer): Promise<Fixture> {
  let n = 0;
  const call = async (method: string, path: string, body: unknown, token: string) => {
    const reply = await server.call(method, path, { token, body });
    if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const post = (path: string, body: unknown, token: string) => call('POST', path, body, token);
  const patch = (path: string, body: unknown, token: string) => call('PATCH', path, body, token);
  await post('/hubs', { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '10', maxBalance: '50', hubAccountLimit: '5' } }, ADMIN);
  await post('/hubs', { hubId: 'other', name: 'Other', currency: 'USD', timeBank: { defaultCreditLimit: '10' } }, ADMIN);
  const tokens: Record<string, string> = {};
  const people: Array<[string, string[]]> = [
    ['ann', ['member']],
    ['ben', ['member']],
    ['coco', ['member', 'coordinator']],
    ['cora', ['coordinator']],
    ['tess', ['member', 'treasurer']],
    ['tom', ['member', 'treasurer']],
    ['aud', ['auditor']],
    ['sus', ['member']],
  ];
  for (const [memberId, roles] of people) tokens[memberId] = (await post('/hubs/h/members', { memberId, displayName: memberId, roles }, ADMIN)).token;
  const otherHub = (await post('/hubs/other/members', { memberId: 'olga', displayName: 'Olga', roles: ['member', 'coordinator', 'treasurer', 'auditor'] }, ADMIN)).token;
  await patch('/hubs/h/members/sus', { assisted: true }, ADMIN);
  await patch('/hubs/h/members/sus', { status: 'suspended' }, ADMIN);
  await patch('/hubs/h', { aidPerMemberPerMonth: '30.00' }, tokens.coco);
  await post('/hubs/h/pool/deposits', { memberId: 'ann', amount: '100.00' }, tokens.tess);
  await post('/hubs/h/pool/deposits', { memberId: 'ben', amount: '50.00' }, tokens.tess);
  await call('PUT', '/hubs/h/categories', [{ categoryId: 'rides', name: 'Rides' }], tokens.coco);
  await post('/hubs/h/projects', { projectId: 'barn', name: 'Barn', budget: '1000.00', phases: [{ name: 'all', budget: '1000.00' }] }, tokens.coco);
  return { server, tokens, otherHub, id: (prefix) => `${prefix}${(n += 1)}`, post, patch };
}

const t = (f: Fixture) => f.tokens;
const thing = async (f: Fixture, extra: Record<string, unknown> = {}) => {
  const thingId = f.id('thing');
  await f.post('/hubs/h/things', { thingId, name: thingId, description: '', owner: 'hub', loanDays: 7, ...extra }, t(f).coco);
  return thingId;
};
const loan = async (f: Fixture, borrowerId = 'ben', principal = '10.00') =>
  (await f.post('/hubs/h/pool/loans', { borrowerId, principal, termMonths: 2, annualInterestRate: '0', purpose: 'p' }, t(f)[borrowerId])).loanId as string;
const approved = async (f: Fixture, borrowerId = 'ben', principal = '10.00') => {
  const loanId = await loan(f, borrowerId, principal);
  await f.post(`/hubs/h/pool/loans/${loanId}/approvals`, { note: 'ok' }, t(f).tess);
  await f.post(`/hubs/h/pool/loans/${loanId}/approvals`, { note: 'ok' }, t(f).tom);
  return loanId;
};
const active = async (f: Fixture) => {
  const loanId = await approved(f);
  await f.post(`/hubs/h/pool/loans/${loanId}/disbursement`, {}, t(f).tess);
  return loanId;
};
const aid = async (f: Fixture, memberId = 'ann', amount = '1.00') => (await f.post('/hubs/h/aid/requests', { memberId, amount }, t(f)[memberId])).requestId as string;
const paid = async (f: Fixture, from = 'ann', to = 'ben') => (await f.post('/hubs/h/timebank/transfers', { fromMemberId: from, toMemberId: to, hours: '0.25' }, t(f)[from])).position as number;
const asked = async (f: Fixture, hours = '0.25') => (await f.post('/hubs/h/timebank/requests', { fromMemberId: 'ann', toMemberId: 'ben', hours }, t(f).ben)).requestId as string;
const fundAid = (f: Fixture, amount: string) => f.post('/hubs/h/contributions', { memberId: 'ann', kind: 'money', amount, description: 'for aid', fund: 'aid' }, t(f).tess);
const at = (token: (f: Fixture) => string, path: string, body?: unknown) => async (f: Fixture) => ({ path, token: token(f), body });
const admin = () => ADMIN;
const coco = (f: Fixture) => t(f).coco;
const tess = (f: Fixture) => t(f).tess;
const ann = (f: Fixture) => t(f).ann;
const ben = (f: Fixture) => t(f).ben;

const notFound = (operation: string, given: Scenario['given']): Scenario => ({ operation, code: 'not_found', given });

export const RULE_SCENARIOS: Scenario[] = [
  // hubs and members
  { operation: 'POST /hubs', code: 'already_exists', given: at(admin, '/hubs', { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '1' } }) },
  notFound('GET /hubs/{hubId}', at(admin, '/hubs/nosuch')),
  notFound('PATCH /hubs/{hubId}', at(admin, '/hubs/nosuch', { aidPerMemberPerMonth: null })),
  notFound('POST /hubs/{hubId}/members', at(admin, '/hubs/nosuch/members', { memberId: 'x', displayName: 'X', roles: ['member'] })),
  { operation: 'POST /hubs/{hubId}/members', code: 'already_exists', given: at(admin, '/hubs/h/members', { memberId: 'ann', displayName: 'Ann', roles: ['member'] }) },
  notFound('GET /hubs/{hubId}/members', at(admin, '/hubs/nosuch/members')),
  notFound('PATCH /hubs/{hubId}/members/{memberId}', at(admin, '/hubs/h/members/nosuch', { creditLimit: '5' })),
  {
    operation: 'PATCH /hubs/{hubId}/members/{memberId}',
    code: 'invalid_state',
    given: async (f) => {
      const memberId = f.id('officer');
      await f.post('/hubs/h/members', { memberId, displayName: memberId, roles: ['member'] }, ADMIN);
      await f.patch(`/hubs/h/members/${memberId}`, { roles: ['member', 'treasurer'] }, t(f).coco);
      return { path: `/hubs/h/members/${memberId}`, token: t(f).coco, body: { roles: ['member', 'auditor'] } };
    },
  },
  { operation: 'PATCH /hubs/{hubId}/members/{memberId}', code: 'separation_of_duties', given: at(coco, '/hubs/h/members/coco', { creditLimit: '99' }) },
  notFound('POST /hubs/{hubId}/members/{memberId}/token', at(admin, '/hubs/h/members/nosuch/token', {})),
  {
    operation: 'POST /hubs/{hubId}/members/{memberId}/token',
    code: 'invalid_state',
    given: async (f) => {
      const memberId = f.id('keeper');
      await f.post('/hubs/h/members', { memberId, displayName: memberId, roles: ['member', 'treasurer'] }, ADMIN);
      await f.post(`/hubs/h/members/${memberId}/token`, {}, t(f).coco);
      return { path: `/hubs/h/members/${memberId}/token`, token: t(f).coco, body: {} };
    },
  },
  notFound('PATCH /hubs/{hubId}/members/{memberId}/profile', at(coco, '/hubs/h/members/nosuch/profile', { about: 'x' })),
  notFound('POST /hubs/{hubId}/imports', at(admin, '/hubs/nosuch/imports', { members: 'memberId,displayName,roles,contact\nx,X,member,\n' })),
  { operation: 'POST /hubs/{hubId}/imports', code: 'validation_failed', given: at(admin, '/hubs/h/imports', { members: 'memberId,displayName,roles,contact\nann,Ann again,member,\n' }) },
  notFound('GET /hubs/{hubId}/categories', at(admin, '/hubs/nosuch/categories')),
  notFound('PUT /hubs/{hubId}/categories', at(admin, '/hubs/nosuch/categories', [{ categoryId: 'x', name: 'X' }])),
  { operation: 'PUT /hubs/{hubId}/categories', code: 'invalid_state', given: at(coco, '/hubs/h/categories', [{ categoryId: 'repairs', name: 'Repairs' }]) },
  notFound('GET /hubs/{hubId}/member-changes', at(admin, '/hubs/nosuch/member-changes')),
  notFound('POST /hubs/{hubId}/member-changes/{changeId}/confirmation', at(admin, '/hubs/h/member-changes/nosuch/confirmation', {})),
  notFound('POST /hubs/{hubId}/member-changes/{changeId}/rejection', at(admin, '/hubs/h/member-changes/nosuch/rejection', { reason: 'no' })),
  ...(['confirmation', 'rejection'] as const).map(
    (answer): Scenario => ({
      operation: `POST /hubs/{hubId}/member-changes/{changeId}/${answer}`,
      code: 'separation_of_duties',
      given: async (f) => {
        const memberId = f.id('promoted');
        await f.post('/hubs/h/members', { memberId, displayName: memberId, roles: ['member'] }, ADMIN);
        const { changeId } = await f.patch(`/hubs/h/members/${memberId}`, { roles: ['member', 'auditor'] }, t(f).coco);
        return { path: `/hubs/h/member-changes/${changeId}/${answer}`, token: t(f).coco, body: answer === 'rejection' ? { reason: 'no' } : {} };
      },
    }),
  ),
  // the board
  notFound('POST /hubs/{hubId}/listings', at(coco, '/hubs/h/listings', { kind: 'offer', title: 'T', description: 'D', categoryId: 'rides', memberId: 'nosuch' })),
  { operation: 'POST /hubs/{hubId}/listings', code: 'invalid_state', given: at(coco, '/hubs/h/listings', { kind: 'offer', title: 'T', description: 'D', categoryId: 'rides', memberId: 'sus' }) },
  notFound('GET /hubs/{hubId}/listings', at(admin, '/hubs/nosuch/listings')),
  notFound('GET /hubs/{hubId}/listings/{listingId}', at(ann, '/hubs/h/listings/nosuch')),
  notFound('PATCH /hubs/{hubId}/listings/{listingId}', at(coco, '/hubs/h/listings/nosuch', { title: 'T' })),
  {
    operation: 'PATCH /hubs/{hubId}/listings/{listingId}',
    code: 'invalid_state',
    given: async (f) => {
      const { listingId } = await f.post('/hubs/h/listings', { kind: 'offer', title: 'T', description: 'D', categoryId: 'rides' }, t(f).ann);
      await f.patch(`/hubs/h/listings/${listingId}`, { status: 'closed' }, t(f).ann);
      return { path: `/hubs/h/listings/${listingId}`, token: t(f).ann, body: { title: 'Again' } };
    },
  },
  // the time bank
  notFound('POST /hubs/{hubId}/timebank/transfers', at(ann, '/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'nosuch', hours: '1' })),
  { operation: 'POST /hubs/{hubId}/timebank/transfers', code: 'invalid_state', given: at(ann, '/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'sus', hours: '1' }) },
  { operation: 'POST /hubs/{hubId}/timebank/transfers', code: 'separation_of_duties', given: at(coco, '/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'coco', hours: '1' }) },
  { operation: 'POST /hubs/{hubId}/timebank/transfers', code: 'credit_limit_exceeded', given: at(ann, '/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '11' }) },
  {
    operation: 'POST /hubs/{hubId}/timebank/transfers',
    code: 'balance_limit_exceeded',
    given: async (f) => {
      // five members pay tom up to the hub's maximum of 50
      for (const payer of ['p1', 'p2', 'p3', 'p4', 'p5']) {
        const { token } = await f.post('/hubs/h/members', { memberId: payer, displayName: payer, roles: ['member'] }, ADMIN);
        await f.post('/hubs/h/timebank/transfers', { fromMemberId: payer, toMemberId: 'tom', hours: '10' }, token);
      }
      return { path: '/hubs/h/timebank/transfers', token: t(f).ann, body: { fromMemberId: 'ann', toMemberId: 'tom', hours: '1' } };
    },
  },
  notFound('POST /hubs/{hubId}/timebank/group-transfers', at(coco, '/hubs/h/timebank/group-transfers', { payments: [{ fromMemberId: 'ann', toMemberId: 'nosuch', hours: '1' }], memo: 'work day' })),
  { operation: 'POST /hubs/{hubId}/timebank/group-transfers', code: 'credit_limit_exceeded', given: at(coco, '/hubs/h/timebank/group-transfers', { payments: [{ fromMemberId: 'ben', toMemberId: 'ann', hours: '10.5' }], memo: 'work day' }) },
  notFound('POST /hubs/{hubId}/timebank/requests', at(ben, '/hubs/h/timebank/requests', { fromMemberId: 'nosuch', toMemberId: 'ben', hours: '1' })),
  { operation: 'POST /hubs/{hubId}/timebank/requests', code: 'invalid_state', given: at(ben, '/hubs/h/timebank/requests', { fromMemberId: 'sus', toMemberId: 'ben', hours: '1' }) },
  notFound('GET /hubs/{hubId}/timebank/requests', at(admin, '/hubs/nosuch/timebank/requests')),
  notFound('POST /hubs/{hubId}/timebank/requests/{requestId}/acceptance', at(ann, '/hubs/h/timebank/requests/nosuch/acceptance', {})),
  { operation: 'POST /hubs/{hubId}/timebank/requests/{requestId}/acceptance', code: 'credit_limit_exceeded', given: async (f) => ({ path: `/hubs/h/timebank/requests/${await asked(f, '10.5')}/acceptance`, token: t(f).ann, body: {} }) },
  notFound('POST /hubs/{hubId}/timebank/requests/{requestId}/rejection', at(ann, '/hubs/h/timebank/requests/nosuch/rejection', { reason: 'no' })),
  notFound('POST /hubs/{hubId}/timebank/requests/{requestId}/cancellation', at(ben, '/hubs/h/timebank/requests/nosuch/cancellation', {})),
  notFound('GET /hubs/{hubId}/members/{memberId}/balance', at(admin, '/hubs/h/members/nosuch/balance')),
  notFound('GET /hubs/{hubId}/members/{memberId}/statement', at(admin, '/hubs/h/members/nosuch/statement')),
  // the savings pool
  notFound('GET /hubs/{hubId}/pool', at(admin, '/hubs/nosuch/pool')),
  notFound('POST /hubs/{hubId}/pool/deposits', at(tess, '/hubs/h/pool/deposits', { memberId: 'nosuch', amount: '1.00' })),
  { operation: 'POST /hubs/{hubId}/pool/deposits', code: 'invalid_state', given: at(tess, '/hubs/h/pool/deposits', { memberId: 'sus', amount: '1.00' }) },
  { operation: 'POST /hubs/{hubId}/pool/deposits', code: 'separation_of_duties', given: at(tess, '/hubs/h/pool/deposits', { memberId: 'tess', amount: '1.00' }) },
  notFound('POST /hubs/{hubId}/pool/withdrawals', at(tess, '/hubs/h/pool/withdrawals', { memberId: 'nosuch', amount: '1.00' })),
  { operation: 'POST /hubs/{hubId}/pool/withdrawals', code: 'insufficient_funds', given: at(tess, '/hubs/h/pool/withdrawals', { memberId: 'ann', amount: '100.01' }) },
  { operation: 'POST /hubs/{hubId}/pool/withdrawals', code: 'separation_of_duties', given: at(tess, '/hubs/h/pool/withdrawals', { memberId: 'tess', amount: '1.00' }) },
  notFound('POST /hubs/{hubId}/pool/loans', at(tess, '/hubs/h/pool/loans', { borrowerId: 'nosuch', principal: '1.00', termMonths: 1, annualInterestRate: '0', purpose: 'p' })),
  { operation: 'POST /hubs/{hubId}/pool/loans', code: 'invalid_state', given: at(tess, '/hubs/h/pool/loans', { borrowerId: 'sus', principal: '1.00', termMonths: 1, annualInterestRate: '0', purpose: 'p' }) },
  notFound('GET /hubs/{hubId}/pool/loans/{loanId}', at(tess, '/hubs/h/pool/loans/nosuch')),
  notFound('POST /hubs/{hubId}/pool/loans/{loanId}/approvals', at(tess, '/hubs/h/pool/loans/nosuch/approvals', { note: 'n' })),
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/approvals', code: 'invalid_state', given: async (f) => ({ path: `/hubs/h/pool/loans/${await active(f)}/approvals`, token: t(f).tess, body: { note: 'n' } }) },
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/approvals', code: 'separation_of_duties', given: async (f) => ({ path: `/hubs/h/pool/loans/${await loan(f, 'tess')}/approvals`, token: t(f).tess, body: { note: 'n' } }) },
  notFound('POST /hubs/{hubId}/pool/loans/{loanId}/rejections', at(tess, '/hubs/h/pool/loans/nosuch/rejections', { reason: 'r' })),
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/rejections', code: 'invalid_state', given: async (f) => ({ path: `/hubs/h/pool/loans/${await active(f)}/rejections`, token: t(f).tess, body: { reason: 'r' } }) },
  notFound('POST /hubs/{hubId}/pool/loans/{loanId}/cancellation', at(ben, '/hubs/h/pool/loans/nosuch/cancellation', {})),
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/cancellation', code: 'invalid_state', given: async (f) => ({ path: `/hubs/h/pool/loans/${await active(f)}/cancellation`, token: t(f).ben, body: {} }) },
  notFound('POST /hubs/{hubId}/pool/loans/{loanId}/disbursement', at(tess, '/hubs/h/pool/loans/nosuch/disbursement', {})),
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/disbursement', code: 'invalid_state', given: async (f) => ({ path: `/hubs/h/pool/loans/${await loan(f)}/disbursement`, token: t(f).tess, body: {} }) },
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/disbursement', code: 'insufficient_liquidity', given: async (f) => ({ path: `/hubs/h/pool/loans/${await approved(f, 'ann', '900.00')}/disbursement`, token: t(f).tess, body: {} }) },
  notFound('POST /hubs/{hubId}/pool/loans/{loanId}/repayments', at(tess, '/hubs/h/pool/loans/nosuch/repayments', { amount: '1.00' })),
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/repayments', code: 'invalid_state', given: async (f) => ({ path: `/hubs/h/pool/loans/${await loan(f)}/repayments`, token: t(f).tess, body: { amount: '1.00' } }) },
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/repayments', code: 'overpayment', given: async (f) => ({ path: `/hubs/h/pool/loans/${await active(f)}/repayments`, token: t(f).tess, body: { amount: '10.01' } }) },
  notFound('POST /hubs/{hubId}/pool/loans/{loanId}/write-off-votes', at(tess, '/hubs/h/pool/loans/nosuch/write-off-votes', { reason: 'r' })),
  { operation: 'POST /hubs/{hubId}/pool/loans/{loanId}/write-off-votes', code: 'invalid_state', given: async (f) => ({ path: `/hubs/h/pool/loans/${await loan(f)}/write-off-votes`, token: t(f).tess, body: { reason: 'r' } }) },
  // contributions, funds and mutual aid
  notFound('POST /hubs/{hubId}/contributions', at(tess, '/hubs/h/contributions', { memberId: 'nosuch', kind: 'money', amount: '1.00', description: 'd' })),
  { operation: 'POST /hubs/{hubId}/contributions', code: 'separation_of_duties', given: at(tess, '/hubs/h/contributions', { memberId: 'tess', kind: 'money', amount: '1.00', description: 'd' }) },
  { operation: 'POST /hubs/{hubId}/funds/transfers', code: 'insufficient_funds', given: at(tess, '/hubs/h/funds/transfers', { from: 'general', to: 'aid', amount: '100000.00' }) },
  notFound('POST /hubs/{hubId}/aid/requests', at(coco, '/hubs/h/aid/requests', { memberId: 'nosuch', amount: '1.00' })),
  { operation: 'POST /hubs/{hubId}/aid/requests', code: 'aid_limit_exceeded', given: at(ben, '/hubs/h/aid/requests', { memberId: 'ben', amount: '30.01' }) },
  notFound('GET /hubs/{hubId}/aid/requests/{requestId}', at(tess, '/hubs/h/aid/requests/nosuch')),
  notFound('POST /hubs/{hubId}/aid/requests/{requestId}/payment', at(tess, '/hubs/h/aid/requests/nosuch/payment', {})),
  {
    operation: 'POST /hubs/{hubId}/aid/requests/{requestId}/payment',
    code: 'invalid_state',
    given: async (f) => {
      await fundAid(f, '1.00');
      const requestId = await aid(f);
      await f.post(`/hubs/h/aid/requests/${requestId}/payment`, {}, t(f).tess);
      return { path: `/hubs/h/aid/requests/${requestId}/payment`, token: t(f).tess, body: {} };
    },
  },
  { operation: 'POST /hubs/{hubId}/aid/requests/{requestId}/payment', code: 'separation_of_duties', given: async (f) => ({ path: `/hubs/h/aid/requests/${await aid(f, 'tess')}/payment`, token: t(f).tess, body: {} }) },
  { operation: 'POST /hubs/{hubId}/aid/requests/{requestId}/payment', code: 'insufficient_funds', given: async (f) => ({ path: `/hubs/h/aid/requests/${await aid(f, 'ben', '29.00')}/payment`, token: t(f).tess, body: {} }) },
  notFound('POST /hubs/{hubId}/aid/requests/{requestId}/withdrawal', at(ann, '/hubs/h/aid/requests/nosuch/withdrawal', {})),
  {
    operation: 'POST /hubs/{hubId}/aid/requests/{requestId}/withdrawal',
    code: 'invalid_state',
    given: async (f) => {
      const requestId = await aid(f);
      await f.post(`/hubs/h/aid/requests/${requestId}/withdrawal`, {}, t(f).ann);
      return { path: `/hubs/h/aid/requests/${requestId}/withdrawal`, token: t(f).ann, body: {} };
    },
  },
  // projects
  { operation: 'POST /hubs/{hubId}/projects', code: 'already_exists', given: at(coco, '/hubs/h/projects', { projectId: 'barn', name: 'Barn', budget: '1.00', phases: [{ name: 'all', budget: '1.00' }] }) },
  notFound('GET /hubs/{hubId}/projects/{projectId}', at(ann, '/hubs/h/projects/nosuch')),
  notFound('POST /hubs/{hubId}/projects/{projectId}/financing', at(tess, '/hubs/h/projects/nosuch/financing', { source: 'grant', lender: 'L', amount: '1.00' })),
  notFound('POST /hubs/{hubId}/projects/{projectId}/financing/{financingId}/repayments', at(tess, '/hubs/h/projects/barn/financing/nosuch/repayments', { amount: '1.00' })),
  {
    operation: 'POST /hubs/{hubId}/projects/{projectId}/financing/{financingId}/repayments',
    code: 'invalid_state',
    given: async (f) => {
      const { financingId } = await f.post('/hubs/h/projects/barn/financing', { source: 'grant', lender: 'Fund', amount: '5.00' }, t(f).tess);
      return { path: `/hubs/h/projects/barn/financing/${financingId}/repayments`, token: t(f).tess, body: { amount: '1.00' } };
    },
  },
  {
    operation: 'POST /hubs/{hubId}/projects/{projectId}/financing/{financingId}/repayments',
    code: 'overpayment',
    given: async (f) => {
      const { financingId } = await f.post('/hubs/h/projects/barn/financing', { source: 'credit-union', lender: 'CU', amount: '5.00' }, t(f).tess);
      return { path: `/hubs/h/projects/barn/financing/${financingId}/repayments`, token: t(f).tess, body: { amount: '5.01' } };
    },
  },
  notFound('POST /hubs/{hubId}/projects/{projectId}/spending', at(tess, '/hubs/h/projects/nosuch/spending', { phase: 'all', amount: '1.00', description: 'd' })),
  notFound('GET /hubs/{hubId}/reports/financing', at(admin, '/hubs/nosuch/reports/financing')),
  // corrections
  notFound('POST /hubs/{hubId}/reversals', at(ann, '/hubs/h/reversals', { position: 999999, reason: 'r' })),
  {
    operation: 'POST /hubs/{hubId}/reversals',
    code: 'invalid_state',
    given: async (f) => {
      const position = await paid(f);
      await f.post('/hubs/h/reversals', { position, reason: 'twice' }, t(f).ann);
      return { path: '/hubs/h/reversals', token: t(f).ann, body: { position, reason: 'again' } };
    },
  },
  ...(['confirmation', 'rejection'] as const).flatMap((answer): Scenario[] => {
    const body = answer === 'rejection' ? { reason: 'no' } : {};
    const proposed = async (f: Fixture) => (await f.post('/hubs/h/reversals', { position: await paid(f), reason: 'twice' }, t(f).ann)).reversalId as string;
    return [
      notFound(`POST /hubs/{hubId}/reversals/{reversalId}/${answer}`, at(ben, `/hubs/h/reversals/nosuch/${answer}`, body)),
      { operation: `POST /hubs/{hubId}/reversals/{reversalId}/${answer}`, code: 'separation_of_duties', given: async (f) => ({ path: `/hubs/h/reversals/${await proposed(f)}/${answer}`, token: t(f).ann, body }) },
      {
        operation: `POST /hubs/{hubId}/reversals/{reversalId}/${answer}`,
        code: 'invalid_state',
        given: async (f) => {
          const reversalId = await proposed(f);
          await f.post(`/hubs/h/reversals/${reversalId}/confirmation`, {}, t(f).ben);
          return { path: `/hubs/h/reversals/${reversalId}/${answer}`, token: t(f).ben, body };
        },
      },
    ];
  }),
  // the tool library
  notFound('POST /hubs/{hubId}/things', at(coco, '/hubs/h/things', { thingId: 'x1', name: 'X', description: '', owner: 'nosuch', loanDays: 7 })),
  { operation: 'POST /hubs/{hubId}/things', code: 'already_exists', given: async (f) => ({ path: '/hubs/h/things', token: t(f).coco, body: { thingId: await thing(f), name: 'X', description: '', owner: 'hub', loanDays: 7 } }) },
  notFound('GET /hubs/{hubId}/things', at(admin, '/hubs/nosuch/things')),
  notFound('GET /hubs/{hubId}/things/overdue', at(admin, '/hubs/nosuch/things/overdue')),
  notFound('GET /hubs/{hubId}/things/{thingId}', at(ann, '/hubs/h/things/nosuch')),
  notFound('PATCH /hubs/{hubId}/things/{thingId}', at(coco, '/hubs/h/things/nosuch', { description: 'd' })),
  {
    operation: 'PATCH /hubs/{hubId}/things/{thingId}',
    code: 'invalid_state',
    given: async (f) => {
      const thingId = await thing(f);
      await f.patch(`/hubs/h/things/${thingId}`, { status: 'retired' }, t(f).coco);
      return { path: `/hubs/h/things/${thingId}`, token: t(f).coco, body: { status: 'in_repair' } };
    },
  },
  notFound('GET /hubs/{hubId}/things/{thingId}/history', at(coco, '/hubs/h/things/nosuch/history')),
  notFound('POST /hubs/{hubId}/things/{thingId}/holds', at(ann, '/hubs/h/things/nosuch/holds', {})),
  {
    operation: 'POST /hubs/{hubId}/things/{thingId}/holds',
    code: 'invalid_state',
    given: async (f) => {
      const thingId = await thing(f);
      await f.patch(`/hubs/h/things/${thingId}`, { status: 'in_repair' }, t(f).coco);
      return { path: `/hubs/h/things/${thingId}/holds`, token: t(f).ann, body: {} };
    },
  },
  notFound('DELETE /hubs/{hubId}/things/{thingId}/holds/{holdId}', async (f) => ({ path: `/hubs/h/things/${await thing(f)}/holds/nosuch`, token: t(f).ann })),
  notFound('POST /hubs/{hubId}/things/{thingId}/loans', at(coco, '/hubs/h/things/nosuch/loans', { memberId: 'ann' })),
  {
    operation: 'POST /hubs/{hubId}/things/{thingId}/loans',
    code: 'invalid_state',
    given: async (f) => {
      const thingId = await thing(f);
      await f.post(`/hubs/h/things/${thingId}/loans`, { memberId: 'ann' }, t(f).coco);
      return { path: `/hubs/h/things/${thingId}/loans`, token: t(f).coco, body: { memberId: 'ben' } };
    },
  },
  { operation: 'POST /hubs/{hubId}/things/{thingId}/loans', code: 'separation_of_duties', given: async (f) => ({ path: `/hubs/h/things/${await thing(f)}/loans`, token: t(f).coco, body: { memberId: 'coco' } }) },
  {
    operation: 'POST /hubs/{hubId}/things/{thingId}/loans',
    code: 'credit_limit_exceeded',
    given: async (f) => {
      const memberId = f.id('borrower');
      await f.post('/hubs/h/members', { memberId, displayName: memberId, roles: ['member'] }, ADMIN);
      return { path: `/hubs/h/things/${await thing(f, { hoursPerLoan: '10.5' })}/loans`, token: t(f).coco, body: { memberId } };
    },
  },
  notFound('POST /hubs/{hubId}/things/{thingId}/return', at(coco, '/hubs/h/things/nosuch/return', {})),
  { operation: 'POST /hubs/{hubId}/things/{thingId}/return', code: 'invalid_state', given: async (f) => ({ path: `/hubs/h/things/${await thing(f)}/return`, token: t(f).coco, body: {} }) },
  {
    operation: 'POST /hubs/{hubId}/things/{thingId}/return',
    code: 'separation_of_duties',
    given: async (f) => {
      const thingId = await thing(f);
      await f.post(`/hubs/h/things/${thingId}/loans`, { memberId: 'coco' }, t(f).cora);
      return { path: `/hubs/h/things/${thingId}/return`, token: t(f).coco, body: {} };
    },
  },
  notFound('GET /hubs/{hubId}/members/{memberId}/things', at(admin, '/hubs/h/members/nosuch/things')),
];
