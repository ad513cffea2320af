import { SetMetadata } from '@nestjs/common';
import { Role } from '@commons/domain';

export const ACCESS = 'commons:access';

export type Caller = 'admin' | Role;

/**
 * Who may call a route. Every route declares this (or `@Public()`); the guard refuses any
 * route that does not, so a forgotten declaration denies instead of allowing.
 * `self` lets a member act on their own data: the member id in that path parameter or body field.
 */
export interface AccessRule {
  public?: true;
  callers?: Caller[];
  self?: { param: string } | { body: string };
}

export const Access = (callers: Caller[], self?: AccessRule['self']) =>
  SetMetadata(ACCESS, { callers, ...(self ? { self } : {}) } satisfies AccessRule);

export const Public = () => SetMetadata(ACCESS, { public: true } satisfies AccessRule);

/** Any role in the hub, and the admin: reading the hub itself. */
export const ANY_HUB_ROLE: Caller[] = ['admin', 'member', 'treasurer', 'coordinator', 'auditor'];
