import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// the front desk, beside the sources or beside dist/ (the Docker image keeps them there)
const webRoot = (name: string) => [resolve(__dirname, `../../../web/${name}`), resolve(__dirname, `../../../../../apps/web/${name}`)].find(existsSync);

/**
 * The UI library of the front desk, served from this service's own node_modules: no CDN, the
 * version the lock file pins. Preact's hooks import "preact" by its bare name, which a browser
 * cannot resolve without an import map (an inline script the page's policy refuses): it is
 * pointed at the served file instead, once, at start-up.
 */
function vendorModules(): Map<string, string> {
  const preact = require.resolve('preact');
  const hooks = require.resolve('preact/hooks');
  const htm = join(dirname(require.resolve('htm')), 'htm.mjs');
  const read = (file: string) => readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
  return new Map([
    ['preact.mjs', read(preact)],
    ['hooks.mjs', read(hooks).replace(/from\s*"preact"/g, 'from"./preact.mjs"')],
    ['htm.mjs', read(htm)],
  ]);
}

/** The front desk at / and its library at /vendor/: static files; every action goes through the API. */
export async function serveFrontDesk(app: NestFastifyApplication): Promise<void> {
  const desk = webRoot('public');
  if (desk) await app.register(fastifyStatic, { root: desk, prefix: '/', wildcard: false, index: 'index.html' });
  const vendor = vendorModules();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/vendor/:file', async (request, reply) => {
    const source = vendor.get((request.params as { file: string }).file);
    if (source === undefined) return reply.code(404).type('application/problem+json').send({ code: 'not_found', title: 'Not Found', status: 404, detail: 'no such file' });
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(source);
  });
}
