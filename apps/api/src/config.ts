import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tightenMode } from '@commons/event-store';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { newToken } from '@commons/application';
import { RateLimits } from './http/rate-limits';

const ADMIN_TOKEN_LENGTH_MIN = 32;

export interface ServiceConfig {
  port: number;
  host: string;
  dataDir: string;
  /** the SQLite events file; several instances may share one (each keeps its own read models in DATA_DIR) */
  eventsFile: string;
  eventStore: 'sqlite' | 'postgres' | 'esdb';
  /** with eventStore 'postgres' */
  postgresUrl?: string;
  /** with eventStore 'esdb' */
  esdbConnectionString?: string;
  adminToken: string;
  /** where a generated admin token was written, to say so once */
  adminTokenFile: string | null;
  rateLimits: RateLimits;
  /** how long an append waits for another process's write lock before answering 503 */
  storeBusyTimeoutMs?: number;
  /** HTTPS=on: browsers reach the service over HTTPS (HSTS, upgrade-insecure-requests); off by default, for a hub's LAN */
  https: boolean;
  /** TRUST_PROXY: whose X-Forwarded-For names the client (false: nobody's, the default) */
  trustProxy: TrustProxy;
}

/** Fastify's trustProxy: false, a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = false | number | string;

export const DEFAULT_RATE_LIMITS: RateLimits = { tokenWritesPerMinute: 1200, hubWritesPerMinute: 30_000, authFailuresPerMinute: 20 };

export class ConfigError extends Error {}

/** Reads the environment of API.md; a bad value stops the start with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not ${env.PORT}`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  privateDirectory(dataDir);
  const store = env.EVENT_STORE ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'postgres' && store !== 'esdb') throw new ConfigError(`EVENT_STORE is sqlite, postgres or esdb, not ${store}`);
  const postgresUrl = env.POSTGRES_URL;
  if (store === 'postgres' && !/^postgres(ql)?:\/\//.test(postgresUrl ?? '')) {
    throw new ConfigError('EVENT_STORE=postgres needs POSTGRES_URL, such as postgres://user:password@host:5432/db');
  }
  const esdbConnectionString = env.ESDB_CONNECTION_STRING;
  if (store === 'esdb' && !esdbConnectionString?.startsWith('esdb')) {
    throw new ConfigError('EVENT_STORE=esdb needs ESDB_CONNECTION_STRING, such as esdb://host:2113?tls=false');
  }
  const { token, file } = adminToken(env.COMMONS_ADMIN_TOKEN, dataDir);
  const rateLimits: RateLimits = {
    tokenWritesPerMinute: positive(env.RATE_LIMIT_TOKEN_WRITES_PER_MINUTE, 'RATE_LIMIT_TOKEN_WRITES_PER_MINUTE', DEFAULT_RATE_LIMITS.tokenWritesPerMinute),
    hubWritesPerMinute: positive(env.RATE_LIMIT_HUB_WRITES_PER_MINUTE, 'RATE_LIMIT_HUB_WRITES_PER_MINUTE', DEFAULT_RATE_LIMITS.hubWritesPerMinute),
    authFailuresPerMinute: positive(env.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE, 'RATE_LIMIT_AUTH_FAILURES_PER_MINUTE', DEFAULT_RATE_LIMITS.authFailuresPerMinute),
  };
  const eventsFile = resolve(env.EVENTS_FILE ?? join(dataDir, 'events.sqlite'));
  const https = onOrOff(env.HTTPS, 'HTTPS');
  const trustProxy = trustedProxies(env.TRUST_PROXY);
  return { port, host: env.HOST ?? '0.0.0.0', dataDir, eventsFile, eventStore: store, postgresUrl, esdbConnectionString, adminToken: token, adminTokenFile: file, rateLimits, https, trustProxy };
}

/** The data directory, created 0700 (or tightened to it): its files hold token hashes and private needs. */
function privateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tightenMode(dir, 0o700);
}

function onOrOff(text: string | undefined, name: string): boolean {
  if (text === undefined || text === '' || text === 'off') return false;
  if (text === 'on') return true;
  throw new ConfigError(`${name} is on or off, not ${text}`);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `off` (the default: the peer's address is the client's), `on` (one proxy in front), a number of
 * proxies, or their addresses (`127.0.0.1`, `10.0.0.0/8`, `loopback`, comma-separated). Trusting
 * any sender's X-Forwarded-For would let a client choose its own address, so that is not offered.
 */
function trustedProxies(text: string | undefined): TrustProxy {
  if (text === undefined || text === '' || text === 'off') return false;
  if (text === 'on') return 1;
  if (/^[1-9]\d?$/.test(text)) return Number(text);
  const proxies = text.split(',').map((entry) => entry.trim());
  const address = (entry: string) => {
    const [ip, bits, extra] = entry.split('/');
    const family = isIP(ip);
    const maxBits = family === 4 ? 32 : 128;
    return family !== 0 && extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits));
  };
  const wrong = proxies.find((entry) => !PROXY_NAMES.has(entry) && !address(entry));
  if (wrong !== undefined) throw new ConfigError(`TRUST_PROXY is off, on, a number of proxies or their addresses (such as 127.0.0.1 or 10.0.0.0/8), not ${wrong || text}`);
  return proxies.join(',');
}

function positive(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a whole number of at least 1`);
  return value;
}

function adminToken(given: string | undefined, dataDir: string): { token: string; file: string | null } {
  if (given !== undefined && given !== '') {
    if (given.length < ADMIN_TOKEN_LENGTH_MIN) {
      throw new ConfigError(`COMMONS_ADMIN_TOKEN must be at least ${ADMIN_TOKEN_LENGTH_MIN} characters`);
    }
    return { token: given, file: null };
  }
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), file: null };
  const token = newToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, file };
}
