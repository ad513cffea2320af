/**
 * 10,000 generated requests (bodies shaped like the DTOs with wrong and random values, random
 * JSON, odd headers, odd path segments) against the real server: no 5xx, no stack trace in any
 * body, and no event written by a request that was not answered 2xx.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';

const REQUESTS = 10_000;
const IN_FLIGHT = 8;
const STACK_TRACE = /\bat [\w.<>]+ \(|\.(ts|js):\d+:\d+/;

const ROUTES: Array<{ method: string; path: string; fields: string[] }> = [
  { method: 'POST', path: '/hubs', fields: ['hubId', 'name', 'currency', 'timeBank', 'pool'] },
  { method: 'POST', path: '/hubs/{hub}/members', fields: ['memberId', 'displayName', 'roles', 'creditLimit'] },
  { method: 'PATCH', path: '/hubs/{hub}/members/{member}', fields: ['roles', 'creditLimit', 'status'] },
  { method: 'POST', path: '/hubs/{hub}/members/{member}/token', fields: [] },
  { method: 'POST', path: '/hubs/{hub}/timebank/transfers', fields: ['fromMemberId', 'toMemberId', 'hours', 'memo'] },
  { method: 'POST', path: '/hubs/{hub}/contributions', fields: ['memberId', 'kind', 'amount', 'description', 'estimatedValue'] },
  { method: 'POST', path: '/hubs/{hub}/pool/deposits', fields: ['memberId', 'amount'] },
  { method: 'POST', path: '/hubs/{hub}/pool/withdrawals', fields: ['memberId', 'amount'] },
  { method: 'POST', path: '/hubs/{hub}/pool/loans', fields: ['borrowerId', 'principal', 'termMonths', 'annualInterestRate', 'purpose', 'projectId'] },
  { method: 'POST', path: '/hubs/{hub}/pool/loans/{loan}/approvals', fields: ['note'] },
  { method: 'POST', path: '/hubs/{hub}/pool/loans/{loan}/rejections', fields: ['reason'] },
  { method: 'POST', path: '/hubs/{hub}/pool/loans/{loan}/disbursement', fields: [] },
  { method: 'POST', path: '/hubs/{hub}/pool/loans/{loan}/repayments', fields: ['amount'] },
  { method: 'POST', path: '/hubs/{hub}/pool/loans/{loan}/write-off-votes', fields: ['reason'] },
  { method: 'POST', path: '/hubs/{hub}/pool/loans/{loan}/cancellation', fields: [] },
  { method: 'GET', path: '/hubs/{hub}/members/{member}/statement?account={text}&limit={text}&after={text}&asOf={text}', fields: [] },
  { method: 'GET', path: '/hubs/{hub}/reports/financing?from={text}&to={text}&asOf={text}', fields: [] },
  { method: 'GET', path: '/hubs/{hub}/pool/loans?status={text}&limit={text}&minPosition={text}', fields: [] },
];

const value = fc.oneof(
  fc.string(),
  fc.constantFrom('1', '0', '-1', '1.5', '1.234', '1e3', '', ' ', 'NaN', '9'.repeat(40), 'ann', 'money', 'USD', '[]', 'active'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);
const segment = fc.oneof(fc.constantFrom('h', 'ann', 'zed', 'x'), fc.string({ maxLength: 20 }), fc.constantFrom('..', '%00', '%2F', 'ünïcode', 'a'.repeat(300)));

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  hub: segment,
  member: segment,
  loan: segment,
  text: fc.string({ maxLength: 30 }),
  body: fc.oneof(
    fc.constant<unknown>(undefined),
    fc.anything({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom('hubId', 'memberId', 'hours', 'amount', 'kind', 'status', 'roles', 'balance', 'approvals', '__proto__', 'constructor'), value),
  ),
  fieldsFrom: fc.array(value, { minLength: 6, maxLength: 6 }),
  shaped: fc.boolean(),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', ''),
  idempotencyKey: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  token: fc.constantFrom('member', 'admin', 'none', 'garbage'),
});

describe('HTTP fuzzing', () => {
  let server: TestServer;
  let token: string;
  let loanId: string;
  beforeAll(async () => {
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '5' } }, ADMIN);
    token = (await server.post('/hubs/h/members', { memberId: 'ann', displayName: 'Ann', roles: ['member', 'treasurer', 'coordinator', 'auditor'] }, ADMIN)).body.token;
    await server.post('/hubs/h/members', { memberId: 'ben', displayName: 'Ben', roles: ['member'] }, ADMIN);
    loanId = (await server.post('/hubs/h/pool/loans', { borrowerId: 'ben', principal: '5', termMonths: 1, annualInterestRate: '0', purpose: 'p' }, token)).body.loanId;
  });
  afterAll(() => server.stop());

  it(`answers ${REQUESTS} generated requests without a 5xx, a stack trace, or an event for a refused request`, async () => {
    const samples = fc.sample(request, { numRuns: REQUESTS, seed: 20261122 });
    const answered = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < samples.length) {
          const i = next++;
          const r = samples[i];
          const path = r.route.path
            .replace('{hub}', encodeURIComponent(r.hub === 'x' ? 'h' : r.hub))
            .replace('{member}', encodeURIComponent(r.member))
            .replace('{loan}', r.loan === 'x' ? loanId : encodeURIComponent(r.loan))
            .replace(/\{text\}/g, encodeURIComponent(r.text));
          const body = r.shaped ? Object.fromEntries(r.route.fields.map((field, k) => [field, r.fieldsFrom[k]])) : r.body;
          const headers: Record<string, string> = { 'x-correlation-id': `fuzz-${i}` };
          if (r.contentType) headers['content-type'] = r.contentType;
          if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey.replace(/[^\x20-\x7e]/g, '');
          const bearer = { member: token, admin: ADMIN, none: undefined, garbage: 'cl_\u0000' }[r.token];
          if (bearer) headers.authorization = `Bearer ${bearer.replace(/[^\x20-\x7e]/g, '')}`;
          const response = await fetch(`${server.url}${path}`, {
            method: r.route.method,
            headers,
            body: r.route.method === 'GET' || body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await response.text();
          answered.set(`fuzz-${i}`, response.status);
          if (response.status >= 500 && response.status !== 503) failures.push(`${response.status} ${r.route.method} ${path} ${JSON.stringify(body)}: ${text}`);
          if (STACK_TRACE.test(text)) failures.push(`stack trace in ${r.route.method} ${path}: ${text}`);
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(answered.size).toBe(REQUESTS);

    const db = new Database(`${server.dataDir}/events.sqlite`, { readonly: true });
    const writers = db.prepare("SELECT DISTINCT json_extract(metadata, '$.correlationId') AS id FROM events").all() as Array<{ id: string }>;
    db.close();
    const refusedButWrote = writers.map((w) => w.id).filter((id) => id.startsWith('fuzz-') && !(answered.get(id)! >= 200 && answered.get(id)! < 300));
    expect(refusedButWrote).toEqual([]);
    const statuses = [...answered.values()];
    process.stdout.write(`fuzz: ${REQUESTS} requests, ${statuses.filter((s) => s < 300).length} accepted, ${statuses.filter((s) => s >= 400 && s < 500).length} refused with 4xx\n`);
  }, 300_000);
});
