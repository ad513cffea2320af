/**
 * Every refusal the OpenAPI document lists for an operation is one it can give: each is provoked
 * here, against the real server, and answered as documented. Three come from mechanisms every
 * command or read shares, and are proven where those are tested: idempotency_conflict for every
 * command in the authorization matrix; history_broken over HTTP in tampered-history.e2e (commands,
 * reads waiting past a break, readiness); concurrency_conflict, the stream writer's answer after
 * 12 races lost to other processes, in the concurrency property tests and the stream writer's.
 */
import { Lifecycle } from '../../apps/api/src/lifecycle';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';
import { Contract } from './contract';
import { Fixture, RULE_SCENARIOS, fixture } from './refusal-scenarios';

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const SHARED_BY_MECHANISM = new Set(['idempotency_conflict', 'concurrency_conflict', 'history_broken']);
const LONG_ID = 'x'.repeat(101);

interface Operation {
  key: string;
  method: string;
  template: string;
  codes: string[];
  hasBody: boolean;
  hasQuery: boolean;
  isPublic: boolean;
}

describe('every refusal the OpenAPI document lists', () => {
  let server: TestServer;
  let contract: Contract;
  let operations: Operation[];
  let f: Fixture;
  const proven = new Map<string, Set<string>>();

  /** Sends it, checks the answer against the document, and notes which code it proved. */
  async function send(operation: Operation, path: string, init: { token?: string; body?: string; type?: string }): Promise<string | undefined> {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
    const response = await fetch(`${server.url}${path}`, { method: operation.method.toUpperCase(), headers, body: init.body });
    const text = await response.text();
    const body = text === '' ? undefined : JSON.parse(text);
    expect(contract.check(operation.method.toUpperCase(), path, response.status, body)).toEqual([]);
    if (response.status < 400) return undefined;
    if (!proven.has(operation.key)) proven.set(operation.key, new Set());
    proven.get(operation.key)!.add(`${response.status} ${body.code}`);
    return body.code;
  }

  const concrete = (template: string, replace: (name: string) => string) => template.replace(/\{(\w+)\}/g, (_, name: string) => replace(name));
  const inHub = (template: string) => concrete(template, (name) => (name === 'hubId' ? 'h' : name === 'memberId' ? 'ann' : 'someid'));

  beforeAll(async () => {
    server = await TestServer.start({ rateLimits: { tokenWritesPerMinute: 100_000, hubWritesPerMinute: 1_000_000, authFailuresPerMinute: 100_000 } });
    contract = new Contract((await server.get('/docs-json')).body);
    f = await fixture(server);
    operations = Object.entries(contract.document.paths as Record<string, Record<string, any>>).flatMap(([template, item]) =>
      METHODS.filter((method) => item[method]).map((method) => {
        const operation = item[method];
        // each refusal as `status code`: the same code may come with two statuses (an import's lines: 422)
        const codes = Object.entries(operation.responses as Record<string, any>)
          .filter(([status]) => Number(status) >= 400)
          .flatMap(([status, response]) => (response.content['application/problem+json'].schema.allOf[1].properties.code.enum as string[]).map((code) => `${status} ${code}`));
        return {
          key: `${method.toUpperCase()} ${template}`,
          method,
          template,
          codes,
          hasBody: operation.requestBody !== undefined,
          hasQuery: (operation.parameters ?? []).some((p: any) => p.in === 'query'),
          isPublic: (operation.security ?? []).length === 0,
        };
      }),
    );
  });
  afterAll(() => server.stop());

  it('401 without a token, 403 for a token of another hub (or a member where only officers go)', async () => {
    for (const op of operations.filter((o) => !o.isPublic)) {
      const body = op.hasBody ? '{}' : undefined;
      expect([op.key, await send(op, inHub(op.template), { body })]).toEqual([op.key, 'unauthenticated']);
      const outsider = op.template.startsWith('/hubs/{hubId}') ? f.otherHub : f.tokens.ann;
      expect([op.key, await send(op, inHub(op.template), { token: outsider, body })]).toEqual([op.key, 'forbidden']);
    }
  });

  it('400 for a path segment longer than any id, an unknown query field, or an unknown body field', async () => {
    for (const op of operations.filter((o) => o.codes.includes('400 validation_failed'))) {
      if (op.template.includes('{')) {
        expect([op.key, await send(op, concrete(op.template, () => LONG_ID), { token: ADMIN, body: op.hasBody ? '{}' : undefined })]).toEqual([op.key, 'validation_failed']);
      } else if (op.hasQuery) {
        expect([op.key, await send(op, `${op.template}?minPosition=soon`, { token: ADMIN })]).toEqual([op.key, 'validation_failed']);
      } else {
        expect([op.key, await send(op, op.template, { token: ADMIN, body: '{"zzUnknown":1}' })]).toEqual([op.key, 'validation_failed']);
      }
    }
  });

  it('413 for a body past the limit, 415 for a body that is not JSON', async () => {
    for (const op of operations.filter((o) => o.hasBody)) {
      const limit = op.template.endsWith('/imports') ? 4 * 1024 * 1024 : 64 * 1024;
      const tooLarge = JSON.stringify({ note: 'x'.repeat(limit) });
      expect([op.key, await send(op, inHub(op.template), { token: ADMIN, body: tooLarge })]).toEqual([op.key, 'payload_too_large']);
      expect([op.key, await send(op, inHub(op.template), { token: ADMIN, body: '{}', type: 'text/plain' })]).toEqual([op.key, 'unsupported_media_type']);
    }
  });

  it("the refusals of each operation's own rules", async () => {
    const missing: string[] = [];
    for (const scenario of RULE_SCENARIOS) {
      const op = operations.find((o) => o.key === scenario.operation);
      if (!op) throw new Error(`no operation ${scenario.operation}`);
      const setup = await scenario.given(f);
      const code = await send(op, setup.path, { token: setup.token, body: setup.body === undefined ? undefined : JSON.stringify(setup.body) });
      if (code !== scenario.code) missing.push(`${scenario.operation} → ${scenario.code}: answered ${code ?? 'success'}`);
    }
    expect(missing).toEqual([]);
  });

  it('429 once an address has failed to authenticate too often', async () => {
    const limited = await TestServer.start({ rateLimits: { tokenWritesPerMinute: 100, hubWritesPerMinute: 1000, authFailuresPerMinute: 1 } });
    try {
      // the first failure is counted, the second past the limit: the address is refused from here on
      for (let i = 0; i < 2; i += 1) await fetch(`${limited.url}/hubs/h`, { headers: { authorization: 'Bearer cl_guess' } });
      for (const op of operations.filter((o) => !o.isPublic)) {
        const response = await fetch(`${limited.url}${inHub(op.template)}`, { method: op.method.toUpperCase(), headers: { authorization: 'Bearer cl_guess' } });
        const body = (await response.json()) as { code: string };
        if (response.status === 429) (proven.get(op.key) ?? proven.set(op.key, new Set()).get(op.key)!).add(`429 ${body.code}`);
        expect(contract.check(op.method.toUpperCase(), inHub(op.template), response.status, body)).toEqual([]);
      }
    } finally {
      await limited.stop();
    }
  });

  it('503 unavailable from every operation while the service shuts down', async () => {
    server.app!.get(Lifecycle).draining = true;
    try {
      for (const op of operations) expect([op.key, await send(op, inHub(op.template), { token: ADMIN, body: op.hasBody ? '{}' : undefined })]).toEqual([op.key, 'unavailable']);
    } finally {
      server.app!.get(Lifecycle).draining = false;
    }
  });

  it('leaves no documented refusal unproven', () => {
    const unproven = operations.flatMap((op) => op.codes.filter((refusal) => !SHARED_BY_MECHANISM.has(refusal.split(' ')[1]) && !proven.get(op.key)?.has(refusal)).map((refusal) => `${op.key} ${refusal}`));
    expect(unproven).toEqual([]);
  });
});
