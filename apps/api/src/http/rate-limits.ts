import { ExecutionContext } from '@nestjs/common';
import { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { LedgerRequest, actorOf } from '../auth/principal';

const WINDOW_MS = 60_000; // every limit counts per minute
const SWEEP_MS = 60_000; // forget windows that ended

export interface RateLimits {
  /** commands (POST, PATCH, PUT, DELETE) one token may send a minute */
  tokenWritesPerMinute: number;
  /** commands one hub may receive a minute, from all its tokens together */
  hubWritesPerMinute: number;
  /** failed authentications one address may make a minute before it is refused for a minute */
  authFailuresPerMinute: number;
}

/** The throttler's record of one key (its type is not exported by the package). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  startedAt: number;
  hits: number;
  blockedUntil: number;
}

/**
 * Fixed one-minute windows, O(1) a hit. (The throttler's own in-memory storage starts a timer for
 * every hit, which at thousands of commands a second costs more than the commands.)
 */
export class WindowedThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_MS).unref();

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    return this.hit(key, ttl, limit, blockDuration);
  }

  hit(key: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= ttl) {
      window = { startedAt: now, hits: 0, blockedUntil: window?.blockedUntil ?? 0 };
      this.windows.set(key, window);
    }
    if (window.blockedUntil <= now) {
      window.hits += 1;
      if (window.hits > limit) window.blockedUntil = now + blockDuration;
    }
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.startedAt + ttl - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS && window.blockedUntil <= now) this.windows.delete(key);
    }
  }
}

/** Limits count commands only; reads and unauthenticated requests pass (the latter fail in the AuthGuard). */
const notACommand = (context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<LedgerRequest>();
  return !request.principal || request.method === 'GET' || request.method === 'HEAD';
};

/** The ThrottlerGuard's two limits on commands; it runs after the AuthGuard, which names the caller. */
export function throttlerOptions(limits: RateLimits, storage: ThrottlerStorage): ThrottlerModuleOptions {
  return {
    storage,
    errorMessage: 'too many requests: slow down and try again in a minute',
    throttlers: [
      {
        name: 'token-writes',
        ttl: WINDOW_MS,
        limit: limits.tokenWritesPerMinute,
        skipIf: notACommand,
        getTracker: (request) => {
          const principal = (request as LedgerRequest).principal!;
          return principal.kind === 'admin' ? 'admin' : `${principal.hubId}/${actorOf(principal)}`;
        },
      },
      {
        name: 'hub-writes',
        ttl: WINDOW_MS,
        limit: limits.hubWritesPerMinute,
        skipIf: notACommand,
        getTracker: (request) => ((request as LedgerRequest).params as Record<string, string | undefined>).hubId ?? '(no hub)',
      },
    ],
  };
}

export const AUTH_FAILURE_WINDOW_MS = WINDOW_MS;
