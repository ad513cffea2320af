import { FastifyInstance } from 'fastify';
import pino from 'pino';
import { LedgerRequest } from '../auth/principal';

/**
 * One JSON line per request: its id, method, route, status and time, who called (actor) and in
 * which hub. Never the Authorization header, a body or a query string, where secrets could be.
 */
export function logRequests(fastify: FastifyInstance, destination: NodeJS.WritableStream): void {
  const log = pino({ base: null }, destination);
  fastify.addHook('onResponse', async (raw, reply) => {
    const request = raw as LedgerRequest;
    const principal = request.principal;
    log.info({
      reqId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      actor: principal ? (principal.kind === 'admin' ? 'admin' : principal.memberId) : null,
      hub: principal?.kind === 'member' ? principal.hubId : ((request.params as Record<string, string> | undefined)?.hubId ?? null),
    }, 'request');
  });
}
