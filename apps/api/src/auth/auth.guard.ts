import { CanActivate, ExecutionContext, ForbiddenException, HttpException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CLOCK, Clock, Ledger, ReadModels, hashToken, sameSecret } from '@commons/application';
import { ADMIN, HubState, MemberRecord } from '@commons/domain';
import { readYourWrites } from '../http/read-your-writes';
import { AUTH_FAILURE_WINDOW_MS, WindowedThrottlerStorage } from '../http/rate-limits';
import { ADMIN_TOKEN, SERVICE_CONFIG, THROTTLER_STORAGE } from '../http/tokens';
import { ServiceConfig } from '../config';
import { ACCESS, AccessRule } from './access.decorator';
import { LedgerRequest, Principal } from './principal';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;

/**
 * Deny by default: authenticates the bearer token, checks that the caller belongs to the hub and
 * that the route's declared callers include them (a coarse first gate: who may do what, on whose
 * account, is decided by the domain, from the actor every command carries); then,
 * for an allowed GET, waits for `minPosition`. That wait lives here rather than in an interceptor
 * because each Nest interceptor halved this server's requests per second (measured, see docs/benchmarks.md).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ADMIN_TOKEN) private readonly adminToken: string,
    @Inject(THROTTLER_STORAGE) private readonly throttler: WindowedThrottlerStorage,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LedgerRequest>();
    const allowed = await this.authorize(context, request);
    if (allowed) await readYourWrites(request, this.readModels);
    return allowed;
  }

  private async authorize(context: ExecutionContext, request: LedgerRequest): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ForbiddenException('this route declares no access rule');
    request.at = this.clock.now().toISOString();
    if (rule.public) return true;

    const failures = `auth-failures:${request.ip}`;
    const params = request.params as Record<string, string | undefined>;
    let principal: Principal;
    try {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (!token) throw new UnauthorizedException('a bearer token is required');
      principal = await this.authenticate(token, params.hubId);
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) throw error;
      // guessing tokens costs a minute after a few tries; a valid token always passes, so one
      // neighbour's typo behind a hub's shared address never locks out the others
      const limit = this.config.rateLimits.authFailuresPerMinute;
      if (this.throttler.hit(failures, AUTH_FAILURE_WINDOW_MS, limit, AUTH_FAILURE_WINDOW_MS).isBlocked) throw tooManyFailures();
      throw error;
    }
    request.principal = principal;
    if (principal.kind === 'admin') {
      if (rule.callers?.includes('admin')) return true;
      throw new ForbiddenException('the admin token may not do this');
    }
    if (params.hubId !== undefined && params.hubId !== principal.hubId) {
      throw new ForbiddenException('this token belongs to another hub');
    }
    if (principal.roles.some((role) => rule.callers?.includes(role))) return true;
    if (rule.self && this.isSelf(rule.self, request, principal.memberId)) return true;
    throw new ForbiddenException('your role in this hub does not allow this');
  }

  private isSelf(self: NonNullable<AccessRule['self']>, request: LedgerRequest, memberId: string): boolean {
    if ('param' in self) return (request.params as Record<string, string>)[self.param] === memberId;
    const body = request.body as Record<string, unknown> | null | undefined;
    return typeof body === 'object' && body !== null && body[self.body] === memberId;
  }

  private async authenticate(token: string, hubId: string | undefined): Promise<Principal> {
    if (sameSecret(token, this.adminToken)) return { kind: 'admin' };
    const hash = hashToken(token);
    // the hub as the store has it now: a suspension or a new token on another instance counts at once
    if (hubId !== undefined) {
      const member = findMember(await this.ledger.hub(hubId), hash);
      if (member) return principalOf(hubId, member);
    }
    // a token of another hub is known but not allowed here; an unknown one is not a token at all
    for (const state of [...this.ledger.hubs.cachedStates()]) {
      if (!state.hub || state.hub.hubId === hubId || !findMember(state, hash)) continue;
      const member = findMember(await this.ledger.hub(state.hub.hubId), hash);
      if (member) return principalOf(state.hub.hubId, member);
    }
    throw new UnauthorizedException('unknown or revoked token');
  }
}

function tooManyFailures(): HttpException {
  return new HttpException({ code: 'rate_limited', message: 'too many failed authentications from this address; wait a minute' }, 429);
}

function findMember(state: HubState, tokenHash: string): MemberRecord | undefined {
  const memberId = state.tokens.get(tokenHash);
  const member = memberId === undefined ? undefined : state.members.get(memberId);
  // a member named like the admin could pass for it in the domain: such a token never authenticates
  return member && member.tokenHash === tokenHash && member.status === 'active' && member.memberId !== ADMIN ? member : undefined;
}

function principalOf(hubId: string, member: MemberRecord): Principal {
  return { kind: 'member', hubId, memberId: member.memberId, displayName: member.displayName, roles: member.roles };
}
