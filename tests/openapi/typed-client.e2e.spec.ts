/**
 * A client generated from the OpenAPI document (openapi-typescript) and typed by it (openapi-fetch):
 * `npm test` writes the types from the built service's own document, then type-checks this journey
 * against them, so the document cannot drift from what a client needs; the first test proves the
 * types are what this server's document generates.
 */
import createClient from 'openapi-fetch';
import { readFileSync } from 'node:fs';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';
import type { paths } from './ledger-api';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script that writes the types, in plain Node
const { TYPES, typesOf } = require('../../scripts/openapi-types') as { TYPES: string; typesOf: (document: unknown) => string };

describe('a client generated from the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('is typed by what the live document generates (npm run openapi:types writes it before the type check)', async () => {
    const fresh = typesOf((await server.get('/docs-json')).body);
    expect(readFileSync(TYPES, 'utf8')).toBe(fresh);
  });

  it('runs a journey: a hub, two members, a keyed payment, balances read after it, a refusal with its code', async () => {
    const admin = createClient<paths>({ baseUrl: server.url, headers: { authorization: `Bearer ${ADMIN}` } });
    const hub = await admin.POST('/hubs', { body: { hubId: 'typed', name: 'Typed Hub', currency: 'USD', timeBank: { defaultCreditLimit: '10' } } });
    expect(hub.data).toMatchObject({ hubId: 'typed', position: expect.any(Number) });

    const enrol = async (memberId: string, displayName: string) => {
      const { data } = await admin.POST('/hubs/{hubId}/members', { params: { path: { hubId: 'typed' } }, body: { memberId, displayName, roles: ['member'] } });
      return createClient<paths>({ baseUrl: server.url, headers: { authorization: `Bearer ${data!.token}` } });
    };
    const rosa = await enrol('rosa', 'Rosa Ibarra');
    const mae = await enrol('mae', 'Mae Carter');

    const pay = () =>
      rosa.POST('/hubs/{hubId}/timebank/transfers', {
        params: { path: { hubId: 'typed' }, header: { 'Idempotency-Key': 'rosa-pays-mae-1' } },
        body: { fromMemberId: 'rosa', toMemberId: 'mae', hours: '2.5', memo: 'canning' },
      });
    const paid = await pay();
    expect(paid.response.status).toBe(201);
    const again = await pay();
    expect(again.data?.position).toBe(paid.data!.position);

    const balance = await mae.GET('/hubs/{hubId}/members/{memberId}/balance', { params: { path: { hubId: 'typed', memberId: 'mae' }, query: { minPosition: String(paid.data!.position) } } });
    expect(balance.data?.hours.balance).toBe('2.50');
    const statement = await mae.GET('/hubs/{hubId}/members/{memberId}/statement', { params: { path: { hubId: 'typed', memberId: 'mae' }, query: { account: 'hours' } } });
    expect(statement.data?.entries.map((entry) => [entry.counterpartyName, entry.amount])).toEqual([['Rosa Ibarra', '2.50']]);

    const refused = await rosa.POST('/hubs/{hubId}/timebank/transfers', { params: { path: { hubId: 'typed' } }, body: { fromMemberId: 'rosa', toMemberId: 'mae', hours: '8' } });
    expect(refused.response.status).toBe(422);
    expect(refused.error).toMatchObject({ code: 'credit_limit_exceeded', status: 422 });
  });
});
