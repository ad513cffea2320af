/**
 * 10,000 generated requests (bodies shaped like the DTOs with wrong and random values, random
 * JSON, odd headers, odd path segments) against the real server: no 5xx, no stack trace in any
 * body, and no event written by a request that was not answered 2xx.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';
import { Contract } from '../openapi/contract';

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
  fc.constantFrom('1', '0', '-1', '1.5', '1.234', '1e3', '0x10', ' 1', '', ' ', 'NaN', '9'.repeat(40), 'ann', 'money', 'USD', '[]', 'active'),
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
    fc.dictionary(fc.constantFrom('hubId', 'memberId', 'hours', 'amount', 'kind', 'status', 'roles', 'balance', 'approvals', '__proto__', 'constructor', 'prototype'), value),
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
  let contract: Contract;
  beforeAll(async () => {
    server = await TestServer.start();
    contract = new Contract((await server.get('/docs-json')).body);
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
    const undocumented: string[] = [];
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
          // whatever it answered, the OpenAPI document says it may (a path no route matches aside)
          // the path as the server gets it: fetch resolves `..` segments before it sends
          const sent = new URL(path, server.url).pathname;
          if (contract.operationOf(r.route.method, sent)) {
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: the check says so against the documented body
            }
            undocumented.push(...contract.check(r.route.method, sent, response.status, parsed));
          }
          if (response.status >= 500 && response.status !== 503) failures.push(`${response.status} ${r.route.method} ${path} ${JSON.stringify(body)}: ${text}`);
          if (STACK_TRACE.test(text)) failures.push(`stack trace in ${r.route.method} ${path}: ${text}`);
        }
      }),
    );
    expect(failures).toEqual([]);
    expect([...new Set(undocumented)]).toEqual([]);
    expect(answered.size).toBe(REQUESTS);

    const db = new Database(`${server.dataDir}/events.sqlite`, { readonly: true });
    const writers = db.prepare("SELECT DISTINCT json_extract(metadata, '$.correlationId') AS id FROM events").all() as Array<{ id: string }>;
    db.close();
    const refusedButWrote = writers.map((w) => w.id).filter((id) => id.startsWith('fuzz-') && !(answered.get(id)! >= 200 && answered.get(id)! < 300));
    expect(refusedButWrote).toEqual([]);
    const statuses = [...answered.values()];
    process.stdout.write(`fuzz: ${REQUESTS} requests, ${statuses.filter((s) => s < 300).length} accepted, ${statuses.filter((s) => s >= 400 && s < 500).length} refused with 4xx\n`);
  }, 300_000);

  // the edges a first user found: each a problem with its code, and nothing recorded
  const EDGES: Array<{ name: string; method: string; path: string; body?: string; type?: string; status: number; code: string }> = [
    { name: 'a text/plain body', method: 'POST', path: '/hubs/h/timebank/transfers', body: '{"fromMemberId":"ann","toMemberId":"ben","hours":"1"}', type: 'text/plain', status: 415, code: 'unsupported_media_type' },
    { name: 'a form body', method: 'POST', path: '/hubs/h/pool/deposits', body: 'memberId=ann&amount=1', type: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' },
    { name: 'JSON cut short', method: 'POST', path: '/hubs/h/pool/deposits', body: '{"memberId":', status: 400, code: 'validation_failed' },
    { name: 'an id longer than any', method: 'GET', path: `/hubs/${'h'.repeat(101)}`, status: 400, code: 'validation_failed' },
    { name: 'a path that is not a URL', method: 'GET', path: '/hubs/%E0%A4%A', status: 400, code: 'validation_failed' },
    { name: 'a hex limit', method: 'GET', path: '/hubs/h/audit/events?limit=0x10', status: 400, code: 'validation_failed' },
    { name: 'an exponent limit', method: 'GET', path: '/hubs/h/audit/events?limit=1e3', status: 400, code: 'validation_failed' },
    { name: 'a limit with a space', method: 'GET', path: '/hubs/h/audit/events?limit=%201', status: 400, code: 'validation_failed' },
    { name: 'a fractional after', method: 'GET', path: '/hubs/h/members/ann/statement?after=1.0', status: 400, code: 'validation_failed' },
    { name: '__proto__ in a body', method: 'POST', path: '/hubs/h/pool/deposits', body: '{"memberId":"ann","amount":"1.00","__proto__":{"x":1}}', status: 400, code: 'validation_failed' },
    { name: 'constructor in a body', method: 'POST', path: '/hubs/h/pool/deposits', body: '{"memberId":"ann","amount":"1.00","constructor":{"prototype":{}}}', status: 400, code: 'validation_failed' },
    { name: 'prototype nested in a list', method: 'POST', path: '/hubs/h/timebank/group-transfers', body: '{"payments":[{"prototype":1}]}', status: 400, code: 'validation_failed' },
    { name: '__proto__ in a query', method: 'GET', path: '/hubs/h/audit/events?__proto__=1', status: 400, code: 'validation_failed' },
  ];

  it.each(EDGES)('refuses $name with $status $code as problem+json, recording nothing', async (edge) => {
    const before = (await server.get('/health')).body.position;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (edge.body !== undefined) headers['content-type'] = edge.type ?? 'application/json';
    const response = await fetch(`${server.url}${edge.path}`, { method: edge.method, headers, body: edge.body });
    expect(response.status).toBe(edge.status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: edge.status, code: edge.code, detail: expect.any(String) });
    expect((await server.get('/health')).body.position).toBe(before);
  });
});
