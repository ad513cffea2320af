import { FastifyRequest } from 'fastify';
import { CommandContext, Viewer } from '@commons/application';
import { Role } from '@commons/domain';

export type Principal =
  | { kind: 'admin' }
  | { kind: 'member'; hubId: string; memberId: string; displayName: string; roles: Role[] };

/** What the edge learns about a request before a handler runs. */
export interface LedgerRequest extends FastifyRequest {
  principal?: Principal;
  /** the moment of the request, read once from the clock */
  at?: string;
}

export function actorOf(principal: Principal): string {
  return principal.kind === 'admin' ? 'admin' : principal.memberId;
}

export function commandContext(request: LedgerRequest): CommandContext {
  if (!request.principal || !request.at) throw new Error('command context needs an authenticated request');
  return { actor: actorOf(request.principal), correlationId: String(request.id), at: request.at };
}

/** The reader of member records: the admin and callers with one of `seesAll` roles see everyone's. */
export function viewerOf(request: LedgerRequest, seesAll: Role[]): Viewer {
  const principal = request.principal!;
  if (principal.kind === 'admin') return { memberId: null, seesAll: true };
  return { memberId: principal.memberId, seesAll: principal.roles.some((role) => seesAll.includes(role)) };
}
