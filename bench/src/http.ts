import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

// autocannon ships no types; this is the part of its API the benchmark uses
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
}

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdefghijklmnopqrstuvwxyz';
const MAIN = resolve(__dirname, '../../apps/api/src/main.js');
const HEALTH_WAIT_MS = 10 * 60_000;

export interface RunningServer {
  url: string;
  process: ChildProcess;
  startedInMs: number;
  stop(): Promise<void>;
}

/** Starts the real service (the built main.js) as its own process and waits until /health answers. */
export async function startServer(dataDir: string, port: number, storeEnv: Record<string, string> = {}): Promise<RunningServer> {
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, COMMONS_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      // the benchmark is one coordinator sending thousands of commands a second
      RATE_LIMIT_TOKEN_WRITES_PER_MINUTE: '100000000', RATE_LIMIT_HUB_WRITES_PER_MINUTE: '100000000',
      ...storeEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  while (Date.now() - started < HEALTH_WAIT_MS) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startedInMs = Date.now() - started;
  return {
    url,
    process: child,
    startedInMs,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function call(url: string, method: string, path: string, token: string, body?: unknown): Promise<any> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(parsed)}`);
  return parsed;
}

/** A hub with `members` members and a coordinator, enrolled over HTTP; returns the coordinator's token and each member's. */
export async function seedOverHttp(url: string, members: number): Promise<{ coordinator: string; ids: string[]; tokens: string[] }> {
  await call(url, 'POST', '/hubs', BENCH_ADMIN_TOKEN, { hubId: 'bench', name: 'Bench', currency: 'USD', timeBank: { defaultCreditLimit: '100000' } });
  const { token } = await call(url, 'POST', '/hubs/bench/members', BENCH_ADMIN_TOKEN, { memberId: 'coordinator', displayName: 'C', roles: ['coordinator'] });
  const ids = Array.from({ length: members }, (_, i) => `member-${String(i).padStart(4, '0')}`);
  const tokens: string[] = [];
  for (const memberId of ids) {
    tokens.push((await call(url, 'POST', '/hubs/bench/members', BENCH_ADMIN_TOKEN, { memberId, displayName: memberId, roles: ['member'] })).token);
  }
  return { coordinator: token, ids, tokens };
}

export interface LoadFigures {
  perSec: number;
  p99Ms: number;
  meanMs: number;
  non2xx: number;
}

/** 64 connections for `seconds`; `request` shapes each request, numbered from 1. */
async function load(url: string, seconds: number, request: Record<string, unknown>, vary: (i: number) => Record<string, unknown>): Promise<LoadFigures> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: 64,
    duration: seconds,
    requests: [{ ...request, setupRequest: (base: Record<string, unknown>) => ({ ...base, ...vary((i += 1)) }) }],
  });
  return { perSec: Math.round(result.requests.average), p99Ms: result.latency.p99, meanMs: Math.round(result.latency.average * 100) / 100, non2xx: result.non2xx };
}

export function loadTransfers(url: string, token: string, ids: string[], seconds: number): Promise<LoadFigures> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return load(url, seconds, { method: 'POST', path: '/hubs/bench/timebank/transfers', headers }, (i) => {
    const from = ids[(i * 7919) % ids.length];
    const to = ids[(i * 7919 + 1 + (i % (ids.length - 1))) % ids.length];
    return { body: JSON.stringify({ fromMemberId: from, toMemberId: to, hours: '0.25', memo: 'bench' }) };
  });
}

/** Each payment sent by its payer, with their own token, as members do. */
export function loadMemberTransfers(url: string, ids: string[], tokens: string[], seconds: number): Promise<LoadFigures> {
  return load(url, seconds, { method: 'POST', path: '/hubs/bench/timebank/transfers' }, (i) => {
    const payer = (i * 7919) % ids.length;
    const to = ids[(payer + 1 + (i % (ids.length - 1))) % ids.length];
    return {
      headers: { authorization: `Bearer ${tokens[payer]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fromMemberId: ids[payer], toMemberId: to, hours: '0.25', memo: 'bench' }),
    };
  });
}

export function loadBalanceReads(url: string, ids: string[], seconds: number): Promise<LoadFigures> {
  const headers = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
  return load(url, seconds, { method: 'GET', headers }, (i) => ({ path: `/hubs/bench/members/${ids[i % ids.length]}/balance` }));
}
