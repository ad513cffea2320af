import SwaggerParser from '@apidevtools/swagger-parser';
import { OPERATIONS } from '../../apps/api/src/openapi/operations';
import { SUCCESS_SCHEMAS } from '../../apps/api/src/openapi/success-schemas';
import { TestServer } from '../../apps/api/src/testing/test-server';

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
/** Fastify's own routes that are no part of the API: the front desk's files and Swagger UI's. */
const NOT_THE_API = /^\/($|\*|docs|vendor\/|[\w-]+\.(js|css|svg|ico|html|webmanifest)$|views\/|lib\/)/;

describe('the OpenAPI document', () => {
  let server: TestServer;
  let document: any;
  beforeAll(async () => {
    server = await TestServer.start();
    document = (await server.get('/docs-json')).body;
  });
  afterAll(() => server.stop());

  const operations = () =>
    Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method, path, operation: item[method] })),
    );

  it('is a valid OpenAPI 3 document (swagger-parser validates it, $refs resolved)', async () => {
    const copy = JSON.parse(JSON.stringify(document));
    await expect(SwaggerParser.validate(copy)).resolves.toBeTruthy();
    expect(document.openapi).toMatch(/^3\./);
  });

  it('holds every route the server registers, and nothing it does not', () => {
    const documented = new Set(operations().map(({ key }) => key));
    const registered = server
      .routes()
      .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS' && !NOT_THE_API.test(route.url))
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.filter((key) => !documented.has(key))).toEqual([]);
    expect([...documented].filter((key) => !registered.includes(key))).toEqual([]);
    expect(registered.length).toBeGreaterThan(70);
  });

  it('gives every operation a summary, its success bodies and its refusals as problem+json', () => {
    for (const { key, method, operation } of operations()) {
      expect([key, typeof OPERATIONS[key]?.summary]).toEqual([key, 'string']);
      expect([key, operation.summary]).toEqual([key, OPERATIONS[key].summary]);
      expect([key, Object.keys(SUCCESS_SCHEMAS[key] ?? {}).length > 0]).toEqual([key, true]);
      for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
        if (Number(status) >= 400) {
          expect([key, status, Object.keys(response.content)]).toEqual([key, status, ['application/problem+json']]);
          expect(response.content['application/problem+json'].schema.allOf[1].properties.code.enum.length).toBeGreaterThan(0);
        } else {
          expect([key, status, response.content['application/json'] ?? response.content['text/plain']]).toEqual([key, status, expect.objectContaining({ schema: expect.any(Object) })]);
        }
      }
      const headers = (operation.parameters ?? []).filter((p: any) => p.in === 'header').map((p: any) => p.name);
      expect([key, headers]).toEqual([key, method === 'get' ? [] : ['Idempotency-Key']]);
      if (method === 'get' && !OPERATIONS[key].public) expect([key, operation.parameters.some((p: any) => p.name === 'minPosition')]).toEqual([key, true]);
      for (const p of operation.parameters.filter((p: any) => ['after', 'limit'].includes(p.name))) expect([key, p.name, p.schema.type]).toEqual([key, p.name, 'integer']);
    }
  });

  it('describes the bearer token as what it is, and marks the routes that need none', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.securitySchemes.bearer.bearerFormat).toBeUndefined();
    expect(document.components.securitySchemes.bearer.description).toContain('Not a JWT');
    expect(document.paths['/health'].get.security).toEqual([]);
    expect(document.paths['/hubs/{hubId}/timebank/transfers'].post.security).toEqual([{ bearer: [] }]);
  });

  it('has examples for the main routes', () => {
    const example = (path: string, method: string, status: number) => document.paths[path][method].responses[status].content['application/json'].example;
    expect(example('/hubs/{hubId}/timebank/transfers', 'post', 201)).toMatchObject({ position: 4 });
    expect(example('/hubs/{hubId}/members/{memberId}/balance', 'get', 200).hours.available).toBe('7.50');
    expect(document.components.schemas.TransferDto.properties.hours.example).toBeDefined();
  });
});
